/**
 * Versions (the Opencell docs' "Change offer"): one valid version at any instant, and `versionAt`.
 */
import { versionAt } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { accepted, activate, both, day, operator } from './fixtures';

const change = (n: number, offerCode: string, effectiveDate: string) =>
  ({ type: 'offer.change', at: day(n), by: operator, offerCode, effectiveDate }) as const;

describe('offer.change and versionAt', () => {
  const s = accepted([activate(1), change(2, 'OF_PRO', day(10)), change(3, 'OF_MAX', day(20))]);

  it('numbers versions and closes each at the next one’s validFrom', () => {
    expect(s.context.versions).toEqual([
      { version: 1, offerCode: 'OF_BASIC', validFrom: day(0), validTo: day(10) },
      { version: 2, offerCode: 'OF_PRO', validFrom: day(10), validTo: day(20) },
      { version: 3, offerCode: 'OF_MAX', validFrom: day(20) },
    ]);
  });

  it.each([
    ['2025-12-31T23:59:59Z', undefined],
    [day(0), 1],
    ['2026-01-11T00:59:59+01:00', 1],
    [day(10), 2],
    ['2026-01-10T23:00:00-01:00', 2],
    [day(19), 2],
    [day(20), 3],
    ['2099-01-01T00:00:00Z', 3],
  ])('versionAt(%s) is version %s: validFrom ≤ at < validTo', (at, version) => {
    expect(versionAt(s, at)?.version).toBe(version);
  });

  it('exactly one version is valid at every instant from the start on', () => {
    for (let n = 0; n < 40; n++) {
      const valid = s.context.versions.filter((v) =>
        versionAt({ context: { versions: [v] } }, day(n)),
      );
      expect(valid, day(n)).toHaveLength(1);
    }
  });

  it('a past effectiveDate after the latest validFrom is fine; at or before it is INVALID_DATE', () => {
    expect(
      accepted([activate(5), change(6, 'OF_PRO', day(3))]).context.versions[1]?.validFrom,
    ).toBe(day(3));
    const { results } = both([
      activate(1),
      change(2, 'OF_PRO', day(10)),
      change(3, 'OF_MAX', day(10)),
    ]);
    expect(results.at(-1)).toMatchObject({ ok: false, rejection: { code: 'INVALID_DATE' } });
  });

  it('throws a RangeError for an `at` that is not a timestamp', () => {
    expect(() => versionAt(s, '2026-01-01')).toThrow(RangeError);
  });
});
