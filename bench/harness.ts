/**
 * Interleaved rounds with tinybench: every contender runs in every round, in a rotating order,
 * after a warm-up; the result is each contender's median over the rounds of its per-round median.
 * V8 changes how it allocates mid-run, so one long run per contender would favour whichever ran
 * last. Nothing here asserts a time.
 */
import { Bench } from 'tinybench';

export interface Contender {
  readonly name: string;
  /** Runs `ops` operations. */
  readonly run: () => void;
  /** Operations per call of `run`, to report per-operation times. */
  readonly ops: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Median µs per operation of each contender, by name. */
export async function measure(
  contenders: readonly Contender[],
  options: { rounds?: number; timeMs?: number; warmupMs?: number } = {},
): Promise<Map<string, number>> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? options.rounds ?? 7);
  const timeMs = Number(process.env.BENCH_MS ?? options.timeMs ?? 250);
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const warm = new Bench({ time: options.warmupMs ?? 300, warmup: true });
  for (const c of contenders) warm.add(c.name, c.run);
  await warm.run();
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs, warmup: false });
    const order = contenders.map(
      (_, i) => contenders[(i + round) % contenders.length] as Contender,
    );
    for (const c of order) bench.add(c.name, c.run);
    await bench.run();
    for (const task of bench.tasks) {
      const contender = contenders.find((c) => c.name === task.name) as Contender;
      const p50 = (task.result as { latency?: { p50?: number } } | undefined)?.latency?.p50;
      if (p50 !== undefined) samples.get(task.name)?.push((p50 * 1000) / contender.ops);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

/** A table: one row per contender, µs per operation, operations per second, and ratios. */
export function table(
  rows: readonly { name: string; us: number; against?: number; label?: string }[],
): string {
  const out = [
    `| ${'contender'.padEnd(58)} | ${'µs/op'.padStart(8)} | ${'ops/s'.padStart(10)} | ratio |`,
    `|${'-'.repeat(60)}|${'-'.repeat(10)}|${'-'.repeat(12)}|-------|`,
  ];
  for (const r of rows) {
    const ratio = r.against === undefined ? '' : `${(r.against / r.us).toFixed(2)}×`;
    out.push(
      `| ${r.name.padEnd(58)} | ${r.us.toFixed(2).padStart(8)} | ${Math.round(1e6 / r.us)
        .toLocaleString('en-US')
        .padStart(10)} | ${(r.label ?? ratio).padStart(5)} |`,
    );
  }
  return out.join('\n');
}
