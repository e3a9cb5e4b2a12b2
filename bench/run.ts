/**
 * `npm run bench`: the library's costs beside bare XState and a hand-written reducer, measured in
 * the same run, after a warm-up, as medians of interleaved rounds. Nothing here is asserted.
 *
 *   npm run bench                 every benchmark
 *   npm run bench -- step         the command step only (also: history, connect)
 *   BENCH_ROUNDS=11 BENCH_MS=400  more and longer rounds
 */
import { connectJsonBench } from './connect-json';
import { historyBench } from './history';
import { stepBench } from './step';

const only = process.argv[2];
const benches: Record<string, () => Promise<string>> = {
  step: stepBench,
  history: historyBench,
  connect: connectJsonBench,
};

console.log(`subscription-machines bench, Node ${process.version}\n`);
for (const [name, bench] of Object.entries(benches)) {
  if (only !== undefined && only !== name) continue;
  console.log(`${await bench()}\n`);
}
