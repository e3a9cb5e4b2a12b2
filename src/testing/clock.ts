/**
 * A monotonic test clock: every reading is strictly later than the one before, so commands built
 * from it are never `OUT_OF_ORDER`.
 */
import { formatInstant, parseInstant } from '../core/time';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration in milliseconds, or a string such as `'90s'`, `'15m'`, `'2h'`, `'30d'`. */
export type Duration = number | `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

/**
 * Milliseconds of a {@link Duration}; throws a `RangeError` for anything else.
 *
 * @example
 * ```ts
 * toMilliseconds('15m'); // 900000
 * ```
 */
export function toMilliseconds(duration: Duration): number {
  if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0) return duration;
  const m = typeof duration === 'string' ? /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(duration) : null;
  const unit = m?.[2] === undefined ? undefined : UNITS[m[2]];
  if (!m || unit === undefined)
    throw new RangeError(
      `duration ${JSON.stringify(duration)} is not a number of ms or like '15m', '2h', '30d'`,
    );
  return Number(m[1]) * unit;
}

/** A clock that only moves forward, made by {@link testClock}. Readings are canonical ISO instants in UTC. */
export interface TestClock {
  /** The current time, without moving. */
  now(): string;
  /** Moves by the step (default a minute) and returns the new time. */
  next(): string;
  /** Moves by `duration` and returns the new time. */
  advance(duration: Duration): string;
  /** Moves to `at` (which must not be earlier than now) and returns it, canonical. */
  set(at: string): string;
}

/**
 * A monotonic clock for tests: it starts at `start` and moves `step` at each `next()`, so commands
 * timed from it are never `OUT_OF_ORDER`. Throws a `RangeError` for a `start` without a zone
 * designator or a step that is not positive.
 *
 * @param start - The first reading, ISO-8601 with `Z` or an offset (default `2026-01-01T00:00:00Z`).
 * @param step - How far `next()` moves (default a minute).
 * @example
 * ```ts
 * const clock = testClock('2026-01-05T09:00:00Z');
 * clock.next();         // '2026-01-05T09:01:00Z'
 * clock.advance('30d'); // '2026-02-04T09:01:00Z'
 * clock.set('2026-03-01T00:00:00Z');
 * ```
 */
export function testClock(start = '2026-01-01T00:00:00Z', step: Duration = '1m'): TestClock {
  let current = parseInstant(start);
  if (current === null)
    throw new RangeError(
      `testClock: start ${JSON.stringify(start)} is not an ISO-8601 timestamp with a zone`,
    );
  const stepMs = toMilliseconds(step);
  if (stepMs <= 0) throw new RangeError('testClock: step must be positive');
  const move = (ms: number) => {
    current = (current as number) + ms;
    return formatInstant(current);
  };
  return {
    now: () => formatInstant(current as number),
    next: () => move(stepMs),
    advance: (duration) => move(toMilliseconds(duration)),
    set: (at) => {
      const target = parseInstant(at);
      if (target === null || target < (current as number)) {
        throw new RangeError(
          `testClock.set: ${JSON.stringify(at)} is not a timestamp at or after ${formatInstant(current as number)}`,
        );
      }
      return move(target - (current as number));
    },
  };
}
