/**
 * The per-file floor of mutation testing: reads a Stryker JSON report and fails when any mutated
 * file has fewer than `--floor` percent (default 85) of its mutants killed. Survivors listed in
 * `stryker.equivalent.md` (same file, line and mutator) are equivalent: they count neither way.
 *
 *   tsx scripts/mutation-floor.ts reports/mutation/rules/mutation.json [--floor 85]
 */
import { readFileSync } from 'node:fs';

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number } };
}
interface Report {
  readonly files: Record<string, { readonly mutants: readonly Mutant[] }>;
}

const args = process.argv.slice(2);
const reportPath = args.find((a) => !a.startsWith('--')) ?? 'reports/mutation/mutation.json';
const floorAt = args.indexOf('--floor');
const floor = floorAt === -1 ? 85 : Number(args[floorAt + 1]);

/** `file:line:mutator` of each row of the equivalent-mutant table. */
function equivalents(): Set<string> {
  let text = '';
  try {
    text = readFileSync('stryker.equivalent.md', 'utf8');
  } catch {
    return new Set();
  }
  const keys = new Set<string>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    // | file | line | mutator | replacement | why |
    if (cells.length >= 6 && /^\d+$/.test(cells[2] ?? '')) keys.add(cells.slice(1, 4).join(':'));
  }
  return keys;
}

const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
const equivalent = equivalents();
const rows: { file: string; killed: number; counted: number; equivalent: number }[] = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  let killed = 0;
  let counted = 0;
  let equal = 0;
  for (const m of mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') {
      killed += 1;
      counted += 1;
    } else if (m.status === 'Survived' || m.status === 'NoCoverage') {
      if (equivalent.has(`${file}:${m.location.start.line}:${m.mutatorName}`)) equal += 1;
      else counted += 1;
    }
  }
  rows.push({ file, killed, counted, equivalent: equal });
}

let failed = 0;
for (const { file, killed, counted, equivalent: equal } of rows.sort((a, b) =>
  a.file.localeCompare(b.file),
)) {
  const score = counted === 0 ? 100 : (100 * killed) / counted;
  const low = score < floor;
  if (low) failed += 1;
  console.log(
    `${low ? '✗' : '✓'} ${score.toFixed(1).padStart(5)}%  ${String(killed).padStart(4)}/${String(counted).padEnd(4)} ${equal > 0 ? `(${equal} equivalent) ` : ''}${file}`,
  );
}
if (failed > 0) {
  console.error(`${failed} file(s) below the floor of ${floor}% killed`);
  process.exit(1);
}
