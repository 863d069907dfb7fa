/**
 * `npm run bench`: every benchmark, one after another, each in its own process so that its peak
 * RSS is its own, with the peers (pandas, scikit-learn, XGBoost through /usr/bin/python3) run by
 * the benchmark scripts themselves on the same files. Output goes to the terminal and to
 * bench/out/bench-<time>.log.
 *
 *   npm run bench                 # full sizes (100,000 customers, 1,000,000-row matrices): allow about an hour
 *   npm run bench -- --quick      # reduced sizes, a few minutes: checks the benchmarks run
 *   npm run bench -- --only gbdt,value
 *
 * Speed and memory targets live here, never in unit tests; they need a quiet machine to mean much.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg === undefined ? null : new Set((onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1]).split(','));

const dataDir = join('bench', 'out', quick ? 'data-5k' : 'data-100k');
const BENCHES: Array<{ name: string; args: string[]; before?: () => void }> = [
  { name: 'generate', args: ['bench/generate.ts', quick ? '5000' : '100000', '24'] },
  {
    name: 'ingest',
    args: ['bench/ingest.ts', dataDir],
    before: () => {
      rmSync(dataDir, { recursive: true, force: true });
      run(['src/cli/main.ts', 'generate', '--customers', quick ? '5000' : '100000', '--months', '24', '--seed', '1', '--out', dataDir]);
    },
  },
  { name: 'features', args: ['bench/features.ts', quick ? '5000' : '100000'] },
  { name: 'logistic', args: ['bench/logistic.ts', '--rows', quick ? '100000' : '1000000'] },
  { name: 'gbdt', args: ['bench/gbdt.ts', '--size', quick ? 'small' : 'full'] },
  { name: 'score', args: ['bench/score.ts', quick ? '100000' : '1000000', '--e2e', dataDir] },
  { name: 'value', args: ['bench/value.ts', quick ? '100000' : '1000000'] },
];

mkdirSync(join('bench', 'out'), { recursive: true });
const logFile = join('bench', 'out', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);

function run(args: string[]): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  appendFileSync(logFile, `$ node ${args.join(' ')}\n${r.stdout}${r.stderr}\n`);
  return r.status ?? 1;
}

let failed = 0;
for (const b of BENCHES) {
  if (only !== null && !only.has(b.name)) continue;
  console.log(`\n=== ${b.name} ===`);
  b.before?.();
  const started = Date.now();
  const code = run(b.args);
  console.log(`=== ${b.name}: exit ${code}, ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  if (code !== 0) failed++;
}
console.log(`\nlog: ${logFile}`);
process.exitCode = failed === 0 ? 0 : 1;
