/**
 * Ingestion throughput and peak memory on a data folder:
 *   npx tsx bench/ingest.ts DATA_DIR [OUT_DIR]
 * Make a folder with the generator first, e.g.
 *   npx tsx src/cli/main.ts generate --customers 100000 --months 24 --seed 1 --out bench/out/data-100k
 * Prints rows/s over all tables (read rows, accepted or not) and the process's peak RSS, which
 * includes DuckDB's native memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIngestSummary } from '../src/data/ingest-summary.ts';
import { ingestFolder } from '../src/data/ingest-folder.ts';

const [dataDir, outArg] = process.argv.slice(2);
if (dataDir === undefined) {
  console.error('usage: npx tsx bench/ingest.ts DATA_DIR [OUT_DIR]');
  process.exit(1);
}
const outDir = outArg ?? mkdtempSync(join(tmpdir(), 'hs-bench-ingest-'));
const started = performance.now();
const cpuStart = process.cpuUsage();
const summary = await ingestFolder(dataDir, outDir);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const rows = summary.tables.reduce((sum, t) => sum + t.read, 0);
console.log(formatIngestSummary(summary));
console.log(
  `ingested ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s: ` +
    `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, ` +
    // CPU time of this process (JavaScript and DuckDB threads): tells the work apart from waiting
    // when other processes share the machine.
    `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
);
if (outArg === undefined) rmSync(outDir, { recursive: true, force: true });
