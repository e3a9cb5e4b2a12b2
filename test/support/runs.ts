/**
 * How many runs a property test makes. `npm test` makes every run it asks for; mutation testing
 * (`npm run mutation`) sets MUTATION_NUM_RUNS to cap them, since each surviving mutant reruns
 * every test that reaches it and the example tests carry the pinning there.
 */
const cap = Number(process.env.MUTATION_NUM_RUNS);

/** True unless the runs are capped: only then do claims about the runs themselves hold. */
export const FULL_RUNS = !(Number.isInteger(cap) && cap > 0);

/** `n`, or the cap when it is lower. */
export function runs(n: number): number {
  return FULL_RUNS ? n : Math.min(n, cap);
}
