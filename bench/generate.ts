/**
 * Benchmark: synthetic customer histories written to disk.
 *
 *   npx tsx bench/generate.ts [customers=100000] [months=24] [--keep]
 *
 * Generates into a fresh temporary folder (removed afterwards unless --keep), then prints the wall
 * time, the CPU time, rows and rows/s per table, bytes written and the process's peak RSS
 * (process.resourceUsage().maxRSS). Rows/s per table is the table's rows over the whole run's wall
 * time, since all six tables are written in the same pass.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLE_NAMES } from '../src/data/contract.ts';
import { writeDataset } from '../src/synth/write-dataset.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const keep = process.argv.includes('--keep');
const customers = Number(args[0] ?? 100_000);
const months = Number(args[1] ?? 24);
if (!Number.isInteger(customers) || !Number.isInteger(months) || customers < 1 || months < 1) {
  console.error('usage: npx tsx bench/generate.ts [customers=100000] [months=24] [--keep]');
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), `hs-bench-generate-${customers}-`));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const summary = await writeDataset({ customers, months, seed: 1 }, out, {
  onProgress: (done, total) => {
    if (done % 10_000 < 500 || done === total) process.stderr.write(`\r${done} / ${total} customers`);
  },
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stderr.write('\n');

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(`generate ${fmt(customers)} customers × ${months} months (seed 1) into ${out}`);
console.log(`  ${'table'.padEnd(14)}${'rows'.padStart(14)}${'rows/s'.padStart(14)}${'MB'.padStart(10)}`);
let totalRows = 0;
let totalBytes = 0;
for (const t of TABLE_NAMES) {
  const rows = summary.rows[t];
  const bytes = statSync(join(out, `${t}.csv`)).size;
  totalRows += rows;
  totalBytes += bytes;
  console.log(`  ${t.padEnd(14)}${fmt(rows).padStart(14)}${fmt(rows / seconds).padStart(14)}${(bytes / 1e6).toFixed(1).padStart(10)}`);
}
console.log(`  ${'all'.padEnd(14)}${fmt(totalRows).padStart(14)}${fmt(totalRows / seconds).padStart(14)}${(totalBytes / 1e6).toFixed(1).padStart(10)}`);
console.log(`  wall ${seconds.toFixed(1)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)} s)`);
console.log(`  churned ${fmt(summary.churned)} of ${fmt(customers)} customers`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (!keep) rmSync(out, { recursive: true, force: true });
