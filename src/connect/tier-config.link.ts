/**
 * The link between a tier configuration request and the requests waiting in tiers_setup for it:
 * once it ends, its output says what each of them does (connect-workflows tier-config-request
 * s-e-approved: "its interconnected fulfillment request is assigned to the Pending state";
 * s-f-failed: "its interconnected fulfillment request will be also assigned to the Failed status").
 */
import type { RequestCommandOf } from './request.types';
import type { TierConfigRequestOutput } from './tier-config.types';

/** The command a waiting request takes from an ended tier configuration request. */
export type TierConfigLinkCommand =
  | RequestCommandOf<'tierConfig.approve'>
  | RequestCommandOf<'tierConfig.fail'>;

/**
 * The command that tells one request waiting in tiers_setup (a fulfillment request, its
 * subscription, or a tier-1 request waiting on this tier-2 one) that its tier configuration ended:
 * `tierConfig.approve` or `tierConfig.fail`, sent by the system at `at`. `null` for a deleted
 * draft, which nobody waits for. Which requests wait (same tier account and product) is the host's
 * to know: Connect's API lists them.
 *
 * @example
 * const actor = createActor(tierConfigRequestMachine, { input }).start();
 * actor.subscribe((s) => {
 *   if (s.status !== 'done') return;
 *   for (const waiting of host.requestsWaitingFor(s.output.configuration)) {
 *     const command = tierConfigCommand(s.output, waiting.requestId, s.context.updatedAt);
 *     if (command) host.send(waiting.subscriptionId, command);
 *   }
 * });
 */
export function tierConfigCommand(
  output: TierConfigRequestOutput,
  requestId: string,
  at: string,
): TierConfigLinkCommand | null {
  const outcome = output.waiting;
  if (outcome === null) return null;
  const by = { role: 'system' } as const;
  return outcome.type === 'tierConfig.approve'
    ? { type: 'tierConfig.approve', requestId, at, by }
    : { type: 'tierConfig.fail', requestId, reason: outcome.reason, at, by };
}
