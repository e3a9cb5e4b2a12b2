/**
 * The commitment of a subscription (the API's `commitmentDate`): when it ends, and the next end
 * after a renewal, always counted from one anchor by the terms module, so the day never drifts.
 */
import { parseInstant } from '../core/time';
import { commitmentEnd } from '../terms/commitment-end';
import { nextRenewal } from '../terms/next-renewal';
import { periodContaining } from '../terms/period-containing';

/** A Marketplace commitment term: `terms.commitment`. */
export type Commitment = '1m' | '1y' | '3y';

const same = (a: string, b: string) => parseInstant(a) === parseInstant(b);

/**
 * The anchor and the current commitment end of a subscription that starts at `startDate`. A given
 * `commitmentDate` on the start's grid keeps the start as anchor; one off it (co-terminated by the
 * platform, say) becomes the anchor itself, as nothing else says where its terms are counted from.
 */
export function commitmentOf(
  startDate: string,
  commitment: Commitment,
  commitmentDate?: string,
): { readonly renewalAnchor: string; readonly commitmentDate: string } {
  if (commitmentDate === undefined)
    return { renewalAnchor: startDate, commitmentDate: commitmentEnd(startDate, commitment) };
  const onGrid = same(periodContaining(startDate, commitment, commitmentDate).from, commitmentDate);
  return { renewalAnchor: onGrid ? startDate : commitmentDate, commitmentDate };
}

/** The commitment has ended at `at` (`commitmentDate ≤ at`). */
export function commitmentEnded(commitmentDate: string | undefined, at: string): boolean {
  return (
    commitmentDate !== undefined && (parseInstant(at) ?? 0) >= (parseInstant(commitmentDate) ?? 0)
  );
}

/**
 * The commitment end after a renewal at `at`: the first boundary of the anchor's grid after `at`.
 * Terms missed while no tick came are renewed in one step, never counted from a clamped date.
 */
export function renewedCommitmentDate(anchor: string, commitment: Commitment, at: string): string {
  return nextRenewal(anchor, commitment, at);
}
