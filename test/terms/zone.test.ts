import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { addPeriods } from '../../src/terms';
import { fromWall, isTimeZone, toWall } from '../../src/terms/zone';

// 2026 transitions: New York 03-08 02:00→03:00 and 11-01 02:00→01:00; Berlin 03-29 02:00→03:00
// and 10-25 03:00→02:00; Sydney (southern hemisphere) 04-05 03:00→02:00 and 10-04 02:00→03:00.
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const SYDNEY = 'Australia/Sydney';

describe('addPeriods with a timeZone keeps the anchor wall-clock time', () => {
  it.each([
    // zone, case, start, months, expected
    [NY, 'spring forward', '2026-02-15T09:00-05:00', 1, '2026-03-15T13:00:00Z'],
    [NY, 'fall back', '2026-10-15T09:00-04:00', 1, '2026-11-15T14:00:00Z'],
    [NY, 'a year on', '2026-02-15T09:00-05:00', 12, '2027-02-15T14:00:00Z'],
    [NY, 'gap: 02:30 → 03:30 EDT', '2026-02-08T02:30-05:00', 1, '2026-03-08T07:30:00Z'],
    [NY, 'after the gap', '2026-02-08T02:30-05:00', 2, '2026-04-08T06:30:00Z'],
    [NY, 'backwards into the gap', '2026-04-08T02:30-04:00', -1, '2026-03-08T07:30:00Z'],
    [NY, 'overlap: the earlier, EDT', '2026-10-01T01:30-04:00', 1, '2026-11-01T05:30:00Z'],
    [BERLIN, 'spring forward', '2026-03-01T09:00+01:00', 1, '2026-04-01T07:00:00Z'],
    [BERLIN, 'fall back', '2026-10-01T09:00+02:00', 1, '2026-11-01T08:00:00Z'],
    [BERLIN, 'clamped to Feb 28', '2026-01-29T02:30+01:00', 1, '2026-02-28T01:30:00Z'],
    [BERLIN, 'gap: 02:30 → 03:30 CEST', '2026-01-29T02:30+01:00', 2, '2026-03-29T01:30:00Z'],
    [BERLIN, 'after the gap', '2026-01-29T02:30+01:00', 3, '2026-04-29T00:30:00Z'],
    [BERLIN, 'overlap: the earlier, CEST', '2026-09-25T02:30+02:00', 1, '2026-10-25T00:30:00Z'],
    [BERLIN, 'Feb 29, a year on', '2024-02-29T00:00+01:00', 12, '2025-02-27T23:00:00Z'],
    [SYDNEY, 'fall back in April', '2026-03-15T09:00+11:00', 1, '2026-04-14T23:00:00Z'],
    [SYDNEY, 'spring forward in October', '2026-09-15T09:00+10:00', 1, '2026-10-14T22:00:00Z'],
    [SYDNEY, 'gap: 02:30 → 03:30 AEDT', '2026-09-04T02:30+10:00', 1, '2026-10-03T16:30:00Z'],
    [SYDNEY, 'overlap: the earlier, AEDT', '2026-03-05T02:30+11:00', 1, '2026-04-04T15:30:00Z'],
    [SYDNEY, 'Jan 31 out of summer time', '2026-01-31T00:00+11:00', 3, '2026-04-29T14:00:00Z'],
  ] as const)('%s, %s: %s + %i months = %s', (timeZone, _case, start, months, expected) => {
    expect(addPeriods(start, '1m', months, { timeZone })).toBe(expected);
    expect(addPeriods(start, { unit: 'month', count: 1 }, months, { timeZone })).toBe(expected);
  });

  it('keeps an anchor in the repeated hour as it is, and counts on from its wall time', () => {
    // 01:30 EST, the second 01:30 of 2026-11-01 in New York.
    const start = '2026-11-01T01:30:00-05:00';
    const options = { timeZone: NY };
    expect(addPeriods(start, '1m', 0, options)).toBe('2026-11-01T06:30:00Z');
    expect(addPeriods(start, '1m', 1, options)).toBe('2026-12-01T06:30:00Z');
    expect(addPeriods(start, '1m', -1, options)).toBe('2026-10-01T05:30:00Z');
    // 2027 falls back on Nov 7, so Nov 1 01:30 is plain EDT.
    expect(addPeriods(start, '1y', 1, options)).toBe('2027-11-01T05:30:00Z');
  });

  it('without a timeZone keeps the UTC time instead, which moves the local hour', () => {
    // 09:00 EST is 14:00Z; a month later 14:00Z is 10:00 EDT.
    expect(addPeriods('2026-02-15T09:00:00-05:00', '1m', 1)).toBe('2026-03-15T14:00:00Z');
  });

  it('treats UTC and Etc zones as fixed offsets', () => {
    expect(addPeriods('2026-01-31T00:00:00Z', '1m', 1, { timeZone: 'UTC' })).toBe(
      '2026-02-28T00:00:00Z',
    );
    // Etc/GMT+5 is UTC-05:00 (POSIX sign): 2026-03-01T03:00Z is Feb 28 22:00 there, so the
    // local anchor day is the 28th, not the 1st it is in UTC.
    const start = '2026-03-01T03:00:00Z';
    expect(addPeriods(start, '1m', 1, { timeZone: 'Etc/GMT+5' })).toBe('2026-03-29T03:00:00Z');
    expect(addPeriods(start, '1m', 1)).toBe('2026-04-01T03:00:00Z');
  });
});

describe('wall-clock conversion', () => {
  const wall = (y: number, mo: number, d: number, h: number, mi = 0) =>
    Date.UTC(y, mo - 1, d, h, mi);

  it.each([
    ['America/New_York', wall(2026, 3, 8, 2, 30), '2026-03-08T07:30:00Z', 'gap: +1h'],
    ['America/New_York', wall(2026, 11, 1, 1, 30), '2026-11-01T05:30:00Z', 'overlap: earlier'],
    ['Europe/Berlin', wall(2026, 3, 29, 2, 30), '2026-03-29T01:30:00Z', 'gap: +1h'],
    ['Europe/Berlin', wall(2026, 10, 25, 2, 30), '2026-10-25T00:30:00Z', 'overlap: earlier'],
    ['Australia/Sydney', wall(2026, 10, 4, 2, 30), '2026-10-03T16:30:00Z', 'gap: +1h'],
    ['Australia/Sydney', wall(2026, 4, 5, 2, 30), '2026-04-04T15:30:00Z', 'overlap: earlier'],
    ['Australia/Lord_Howe', wall(2026, 10, 4, 2, 15), '2026-10-03T15:45:00Z', 'half-hour gap'],
    ['Europe/Berlin', wall(2026, 6, 1, 12), '2026-06-01T10:00:00Z', 'plain summer time'],
  ])('%s: %s → %s (%s)', (zone, local, expected) => {
    expect(new Date(fromWall(local, zone)).toISOString().replace('.000', '')).toBe(expected);
  });

  it('round-trips every instant that is not in a repeated hour', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 * 7) {
        const back = fromWall(toWall(t, zone), zone);
        // In an overlap the earlier instant wins, exactly one hour before t.
        expect([0, -3_600_000]).toContain(back - t);
      }
    }
  });

  it('knows the zones Intl knows', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Olympus', '', 'Foo+05', 'Z', 1, null, undefined]) {
      expect(isTimeZone(bad)).toBe(false);
    }
  });
});

describe('with a timeZone, the process time zone still changes nothing', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  const hosts = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Australia/Sydney',
    'Pacific/Kiritimati',
  ];

  /** The same calls under each host zone: one list of results per host. */
  const underEachHost = (run: () => string[]) =>
    hosts.map((host) => {
      process.env.TZ = host;
      return run();
    });

  it('gives the same boundaries in gaps, overlaps and on days a host zone skipped', () => {
    const results = underEachHost(() => [
      addPeriods('2026-09-25T02:30:00+02:00', '1m', 1, { timeZone: BERLIN }),
      addPeriods('2026-02-08T02:30:00-05:00', '1m', 1, { timeZone: NY }),
      addPeriods('2026-09-04T02:15:00+10:30', '1m', 1, { timeZone: 'Australia/Lord_Howe' }),
      addPeriods('1994-11-15T12:00:00Z', '1m', 1, { timeZone: 'Asia/Kolkata' }),
    ]);
    for (const list of results) {
      expect(list).toEqual([
        '2026-10-25T00:30:00Z',
        '2026-03-08T07:30:00Z',
        '2026-10-03T15:45:00Z',
        '1994-12-15T12:00:00Z',
      ]);
    }
  });

  it("is why the zone arithmetic is not date-fns's TZDate, whose setters read the host zone", () => {
    // addMonths on a TZDate writes the new wall time through the host's local Date. In Berlin's
    // repeated 02:30 it takes the later instant under some hosts and the earlier under others, and
    // under Pacific/Kiritimati (which skipped 1994-12-31) Kolkata's Dec 15 becomes Jan 1.
    const results = underEachHost(() =>
      [
        addMonths(new TZDate(Date.parse('2026-09-25T02:30:00+02:00'), BERLIN), 1),
        addMonths(new TZDate(Date.parse('1994-11-15T12:00:00Z'), 'Asia/Kolkata'), 1),
      ].map((date) => new Date(+date).toISOString()),
    );
    expect(new Set(results.map(([berlin]) => berlin)).size).toBeGreaterThan(1);
    expect(new Set(results.map(([, kolkata]) => kolkata)).size).toBeGreaterThan(1);
  });
});
