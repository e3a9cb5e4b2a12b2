/** How the terms functions report bad input: a `RangeError` that names the function and argument. */

/** Renders a bad argument for an error message: strings quoted, objects as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Builds the error every terms function throws for bad input, for example
 * `addPeriods: start "2026-02-30T00:00:00Z" is not an ISO-8601 timestamp with a zone designator`.
 */
export function invalid(fn: string, name: string, value: unknown, problem: string): RangeError {
  return new RangeError(`${fn}: ${name} ${show(value)} ${problem}`);
}
