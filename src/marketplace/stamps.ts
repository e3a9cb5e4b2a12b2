/**
 * The API object's `audit`: the latest `{ at, by }` of each event (Marketplace docs, common API
 * objects: audit, "a cache that retains only the most recent occurrence of each type of event").
 * A subject keeps it in its context, one stamp per event kind, so it stays right however long the
 * history grows beyond the audit window.
 */
import type { By } from '../core/command';
import { instant, literal, nonEmptyString, object, optional, type Schema } from '../core/schema';
import type { Invariant } from '../core/spec';
import { compareInstants } from '../core/time';
import { MARKETPLACE_ROLES, type MarketplaceRole } from './platform';

/** When an event last happened, and who caused it. */
export interface AuditStamp {
  readonly at: string;
  readonly by: By<MarketplaceRole>;
}

/** The latest stamp of each event that happened. */
export type AuditStamps<Event extends string> = { readonly [E in Event]?: AuditStamp };

/**
 * The chart's action that records what a transition stands for: `updated`, and the events given.
 * The events are plain data in the chart, so the inspector and `toJSON()` show them.
 */
export const stamp = <const Event extends string>(...events: Event[]) =>
  ({ type: 'stamp', params: { events: ['updated', ...events] } }) as const;

/** The parameters of the `stamp` action. */
export interface StampParams {
  readonly events: readonly string[];
}

/** `stamps` with each of `events` stamped `{ at, by }` of the command. */
export function stamped<Event extends string>(
  stamps: AuditStamps<Event>,
  command: { readonly at: string; readonly by: By<MarketplaceRole> },
  events: readonly string[],
): AuditStamps<Event> {
  const out: Partial<Record<string, AuditStamp>> = { ...stamps };
  for (const event of events) out[event] = { at: command.at, by: command.by };
  return out as AuditStamps<Event>;
}

const stampSchema: Schema<AuditStamp> = object({
  at: instant,
  by: object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) }),
});

/** The schema of the stamps of `events`: each optional, no other key. */
export function stampsSchema<Event extends string>(
  events: readonly Event[],
): Schema<AuditStamps<Event>> {
  const check: Schema<unknown> = object(
    Object.fromEntries(events.map((e) => [e, optional(stampSchema)])),
  );
  return (value, path) => check(value, path);
}

/**
 * What the stamps of a restored subject must agree with: `created` is there, no stamp is later than
 * the last change, `updated` is the last change (once there was one), and `created` is the creation
 * entry's while it is still in the audit window.
 */
export const stampsAgree: Invariant<{
  readonly stamps: AuditStamps<'created' | 'updated'>;
  readonly version: number;
  readonly updatedAt: string;
  readonly audit: readonly { readonly version: number; readonly at: string }[];
}> = ({ context: c }) => {
  const { created, updated } = c.stamps;
  if (created === undefined) return 'context.stamps.created: is required';
  for (const [event, s] of Object.entries(c.stamps) as [string, AuditStamp][]) {
    if (compareInstants(s.at, c.updatedAt) > 0)
      return `context.stamps.${event}.at: ${s.at} is after the last change (${c.updatedAt})`;
    if (compareInstants(s.at, created.at) < 0)
      return `context.stamps.${event}.at: ${s.at} is before the creation (${created.at})`;
  }
  if (c.version > 1 !== (updated !== undefined))
    return 'context.stamps.updated: is there exactly when the subject changed since its creation';
  if (updated !== undefined && updated.at !== c.updatedAt)
    return `context.stamps.updated.at: ${updated.at} is not the last change (${c.updatedAt})`;
  const first = c.audit[0];
  if (first?.version === 1 && first.at !== created.at)
    return `context.stamps.created.at: ${created.at} is not the creation's (${first.at})`;
  return null;
};
