/**
 * Charges as data (the Opencell docs: "Suspend without charge"): products keep their
 * activation, termination and suspension dates, and `chargeableIntervals` reads them.
 */
import { chargeableIntervals } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { accepted, activate, day, operator, product, reactivate, suspend } from './fixtures';

describe('chargeableIntervals', () => {
  it('no charge applies while suspended', () => {
    const s = accepted([activate(1), suspend(10), reactivate(20), suspend(30), reactivate(35)]);
    const data = product(s, 'PR_DATA');
    expect(data?.suspendedIntervals).toEqual([
      { from: day(10), to: day(20) },
      { from: day(30), to: day(35) },
    ]);
    expect(data && chargeableIntervals(data, day(40))).toEqual([
      { from: day(1), to: day(10) },
      { from: day(20), to: day(30) },
      { from: day(35), to: day(40) },
    ]);
  });

  it('stops at the termination and while a suspension still runs', () => {
    const s = accepted([
      activate(1),
      suspend(10),
      {
        type: 'subscription.terminate',
        at: day(15),
        by: operator,
        terminationDate: day(15),
        reason: 'gone',
      },
    ]);
    const data = product(s, 'PR_DATA');
    expect(data && chargeableIntervals(data, day(40))).toEqual([{ from: day(1), to: day(10) }]);
    const running = product(accepted([activate(1), suspend(10)]), 'PR_DATA');
    expect(running && chargeableIntervals(running, day(40))).toEqual([
      { from: day(1), to: day(10) },
    ]);
    expect(running && chargeableIntervals(running, day(5))).toEqual([{ from: day(1), to: day(5) }]);
  });

  it('is empty for a product never activated, and refuses a bad `until`', () => {
    const s = accepted([]);
    const data = product(s, 'PR_DATA');
    expect(data && chargeableIntervals(data, day(40))).toEqual([]);
    expect(() => data && chargeableIntervals(data, 'tomorrow')).toThrow(RangeError);
  });
});
