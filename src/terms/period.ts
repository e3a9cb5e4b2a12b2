import { show } from './errors';

/**
 * Billing periods: the platforms' period codes and the plain {@link Period} objects they stand for.
 */

/**
 * Every period code the library knows, in one list:
 * - SoftwareOne Marketplace `terms.period` and `terms.commitment`: `1m`, `1y`, `3y`, `one-time`
 *   (Marketplace docs, subscription `terms`);
 * - CloudBlue Connect `billing.period.uom`: `monthly`, `yearly`, `years_2` … `years_6`
 *   (Connect OpenAPI spec).
 *
 * @example
 * ```ts
 * import { PERIOD_CODES } from 'subscription-machines/terms';
 *
 * PERIOD_CODES.includes('years_4'); // true
 * ```
 */
export const PERIOD_CODES = [
  '1m',
  '1y',
  '3y',
  'one-time',
  'monthly',
  'yearly',
  'years_2',
  'years_3',
  'years_4',
  'years_5',
  'years_6',
] as const;

/**
 * A platform's period code, one of {@link PERIOD_CODES}.
 *
 * @example
 * ```ts
 * import type { PeriodCode } from 'subscription-machines/terms';
 *
 * const commitment: PeriodCode = '3y';
 * ```
 */
export type PeriodCode = (typeof PERIOD_CODES)[number];

/**
 * A billing period as plain, serialisable data.
 *
 * - `{ unit: 'month' | 'year', count }` recurs every `count` calendar months or years; `count` is
 *   a positive safe integer. A year is exactly 12 months, so `{ unit: 'year', count: 1 }` and
 *   `{ unit: 'month', count: 12 }` give the same dates.
 * - `{ unit: 'one-time' }` does not recur: it has a start and no boundary after it.
 *
 * @example
 * ```ts
 * import type { Period } from 'subscription-machines/terms';
 *
 * const quarterly: Period = { unit: 'month', count: 3 };
 * const once: Period = { unit: 'one-time' };
 * ```
 */
export type Period =
  | { readonly unit: 'month' | 'year'; readonly count: number }
  | { readonly unit: 'one-time' };

const PERIODS: { readonly [code in PeriodCode]: Period } = {
  '1m': { unit: 'month', count: 1 },
  '1y': { unit: 'year', count: 1 },
  '3y': { unit: 'year', count: 3 },
  'one-time': { unit: 'one-time' },
  monthly: { unit: 'month', count: 1 },
  yearly: { unit: 'year', count: 1 },
  years_2: { unit: 'year', count: 2 },
  years_3: { unit: 'year', count: 3 },
  years_4: { unit: 'year', count: 4 },
  years_5: { unit: 'year', count: 5 },
  years_6: { unit: 'year', count: 6 },
};

/**
 * True when `value` is one of {@link PERIOD_CODES}, for checking codes that arrive as JSON.
 *
 * @example
 * ```ts
 * import { isPeriodCode } from 'subscription-machines/terms';
 *
 * isPeriodCode('monthly'); // true
 * isPeriodCode('Monthly'); // false: codes are matched exactly
 * ```
 */
export function isPeriodCode(value: unknown): value is PeriodCode {
  return typeof value === 'string' && Object.hasOwn(PERIODS, value);
}

/**
 * Turns a platform's period code into a {@link Period}. The result is a fresh object each time.
 *
 * @throws RangeError naming the code when it is not one of {@link PERIOD_CODES}.
 *
 * @example
 * ```ts
 * import { parsePeriod } from 'subscription-machines/terms';
 *
 * parsePeriod('1m'); // { unit: 'month', count: 1 }
 * parsePeriod('years_3'); // { unit: 'year', count: 3 }
 * parsePeriod('one-time'); // { unit: 'one-time' }
 * parsePeriod('2m' as never); // throws RangeError: parsePeriod: code "2m" is not a period code …
 * ```
 */
export function parsePeriod(code: PeriodCode): Period {
  if (!isPeriodCode(code)) {
    throw new RangeError(
      `parsePeriod: code ${show(code)} is not a period code (${PERIOD_CODES.join(', ')})`,
    );
  }
  return { ...PERIODS[code] };
}
