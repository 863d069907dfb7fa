/**
 * Benchmark: point-in-time features at 12 monthly cutoffs, three implementations on the same files.
 *
 *   npx tsx bench/features.ts [customers=100000] [workdir=<tmp>/hs-bench-features-<customers>]
 *
 * Writes a synthetic history as contract CSVs (about 100 events, 10 purchases, 3 tickets,
 * 2 surveys and 2 subscriptions per customer over 24 months: ~10M events and ~1M transactions at
 * 100,000 customers), converts it once into the clean store (tables/<table>.parquet, as ingestion
 * writes it), then runs each implementation in its own child process so the peak RSS is that
 * implementation's alone:
 *   arquero      readCleanTables (Parquet) + buildFeatureSet
 *   duckdb       buildFeatureSetSql on the Parquet clean store
 *   duckdb-csv   buildFeatureSetSql on the raw CSVs
 *   pandas       bench/features_pandas.py on the raw CSVs (/usr/bin/python3; pyarrow is absent, so CSV)
 * Each child prints its load and compute seconds, CPU seconds and peak RSS (getrusage maxrss).
 * Targets: duckdb ≤ ½ pandas time; arquero ≤ pandas time.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CONTRACT, DAY_MS, TABLE_NAMES } from '../src/data/contract.ts';
import { readCleanTables } from '../src/data/clean-store.ts';
import { buildFeatureSet } from '../src/features/build-feature-set.ts';
import { monthlyCutoffs } from '../src/features/cutoffs.ts';
import { DEFAULT_FEATURE_SPEC } from '../src/features/default-spec.ts';
import { buildFeatureSetSql } from '../src/features/duckdb-engine.ts';

const START = Date.UTC(2023, 0, 1);
const MONTHS = 24;
const END = Date.UTC(2025, 0, 1);
const CUTOFFS = monthlyCutoffs(Date.UTC(2023, 9, 1), Date.UTC(2024, 8, 1));
const HORIZON = 90;

const mark = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const elapsed = (m: ReturnType<typeof mark>) => ({
  wall: (performance.now() - m.wall) / 1000,
  cpu: (() => {
    const c = process.cpuUsage(m.cpu);
    return (c.user + c.system) / 1e6;
  })(),
});

interface ChildReport {
  engine: string;
  load: number;
  compute: number;
  cpu: number;
  rows: number;
  maxRssMb: number;
}

async function child(engine: string, dir: string): Promise<void> {
  const options = { cutoffs: CUTOFFS, horizonDays: HORIZON, churn: { kind: 'explicit' as const } };
  const m = mark();
  let load = 0;
  let rows = 0;
  if (engine === 'arquero') {
    const data = await readCleanTables(dir);
    load = elapsed(m).wall;
    rows = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, options).table.numRows();
  } else {
    const source = engine === 'duckdb' ? dir : join(dir, 'csv');
    rows = (await buildFeatureSetSql(source, DEFAULT_FEATURE_SPEC, options)).table.numRows();
  }
  const e = elapsed(m);
  const report: ChildReport = {
    engine,
    load,
    compute: e.wall - load,
    cpu: e.cpu,
    rows,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(report));
}

/** mulberry32: a small seeded PRNG, enough for benchmark data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class CsvFile {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  rows = 0;
  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    this.line(header);
    this.rows = 0;
  }
  line(s: string): void {
    this.buf.push(s);
    this.rows++;
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 19) + 'Z';

function generate(customers: number, dir: string): Record<string, number> {
  mkdirSync(dir, { recursive: true });
  const rnd = prng(42);
  const header = (t: (typeof TABLE_NAMES)[number]) => CONTRACT[t].columns.map((c) => c.name).join(',');
  const f = Object.fromEntries(TABLE_NAMES.map((t) => [t, new CsvFile(join(dir, `${t}.csv`), header(t))])) as Record<
    (typeof TABLE_NAMES)[number],
    CsvFile
  >;
  const types = ['login', 'login', 'login', 'report', 'export', 'invite', 'api', 'dashboard'];
  const plans = ['basic', 'pro', 'team'];
  const priorities = ['low', 'normal', 'normal', 'high', 'urgent'];
  // Poisson arrivals over the customer's life; rates per day chosen for ~100 events and ~10 purchases each.
  const arrivals = (from: number, to: number, perDay: number, emit: (t: number) => void) => {
    for (let t = from - (Math.log(1 - rnd()) / perDay) * DAY_MS; t < to; t -= (Math.log(1 - rnd()) / perDay) * DAY_MS) emit(t);
  };
  for (let i = 0; i < customers; i++) {
    const id = `C${String(i).padStart(7, '0')}`;
    const signup = START + Math.floor(rnd() * (MONTHS - 6) * 30 * 24) * 3_600_000;
    const churn = rnd() < 0.35 ? signup + Math.floor(rnd() * (END - signup)) : null;
    const end = churn ?? END;
    const engagement = 0.3 + rnd() * 1.4;
    f.customers.line(`${id},${iso(signup)},${plans[i % 3]},smb,eu,${churn === null ? '' : iso(churn)}`);
    arrivals(signup, end, 0.028, (t) => f.transactions.line(`${id},${iso(t)},${(5 + rnd() * 200).toFixed(2)},,1`));
    arrivals(signup, end, 0.27 * engagement, (t) => f.events.line(`${id},${iso(t)},${types[Math.floor(rnd() * types.length)]},`));
    arrivals(signup, end, 0.006, (t) => {
      const closed = rnd() < 0.15 ? '' : iso(t + rnd() * 10 * DAY_MS);
      const csat = closed === '' || rnd() < 0.4 ? '' : String(1 + Math.floor(rnd() * 5));
      f.tickets.line(`${id},${iso(t)},${closed},${priorities[Math.floor(rnd() * 5)]},billing,${csat}`);
    });
    arrivals(signup, end, 0.004, (t) => f.surveys.line(`${id},${iso(t)},${Math.floor(rnd() * 11)}`));
    for (let s = signup; s < end; s += 365 * DAY_MS) {
      const e = s + 365 * DAY_MS;
      f.subscriptions.line(`${id},${iso(s)},${e < end ? iso(e) : churn === null ? '' : iso(churn)},${[29, 99, 299][i % 3]},${plans[i % 3]}`);
    }
  }
  const counts: Record<string, number> = {};
  for (const t of TABLE_NAMES) {
    counts[t] = f[t].rows;
    f[t].close();
  }
  return counts;
}

async function toCleanStore(csvDir: string, dir: string): Promise<void> {
  mkdirSync(join(dir, 'tables'), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`SET TimeZone = 'UTC'`);
    for (const t of TABLE_NAMES) {
      const types = CONTRACT[t].columns
        .map((c) => `'${c.name}': '${c.kind === 'string' ? 'VARCHAR' : c.kind === 'number' ? 'DOUBLE' : 'TIMESTAMP'}'`)
        .join(', ');
      await conn.run(
        `COPY (SELECT * FROM read_csv('${join(csvDir, `${t}.csv`)}', header = true, columns = {${types}})) TO '${join(dir, 'tables', `${t}.parquet`)}' (FORMAT parquet)`,
      );
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function runChild(cmd: string, args: string[]): ChildReport & { wall: number } {
  const m = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - m) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() as string;
  return { ...(JSON.parse(last) as ChildReport), wall };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4]);
  const customers = Number(process.argv[2] ?? 100_000);
  const dir = process.argv[3] ?? join(tmpdir(), `hs-bench-features-${customers}`);
  const csvDir = join(dir, 'csv');
  if (!existsSync(join(dir, 'tables', 'customers.parquet'))) {
    const m = mark();
    const counts = generate(customers, csvDir);
    console.log(`generated ${JSON.stringify(counts)} in ${elapsed(m).wall.toFixed(1)} s`);
    const c = mark();
    await toCleanStore(csvDir, dir);
    console.log(`clean store (Parquet) written in ${elapsed(c).wall.toFixed(1)} s`);
  }
  console.log(`${CUTOFFS.length} monthly cutoffs ${iso(CUTOFFS[0]).slice(0, 10)} … ${iso(CUTOFFS[CUTOFFS.length - 1]).slice(0, 10)}, horizon ${HORIZON} days`);
  const self = process.argv[1];
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const runs: Array<[string, string[]]> = [
    [tsx, [self, '--child', 'arquero', dir]],
    [tsx, [self, '--child', 'duckdb', dir]],
    [tsx, [self, '--child', 'duckdb-csv', dir]],
    ['/usr/bin/python3', [join(process.cwd(), 'bench', 'features_pandas.py'), csvDir, CUTOFFS.join(','), String(HORIZON)]],
  ];
  // Each line is printed as its child ends, so a long run still reports what it finished.
  console.log('engine       rows       load s  compute s  process wall s  CPU s   peak RSS MB');
  for (const [cmd, args] of runs) {
    const r = runChild(cmd, args);
    console.log(
      `${r.engine.padEnd(12)} ${String(r.rows).padEnd(10)} ${r.load.toFixed(1).padStart(6)}  ${r.compute.toFixed(1).padStart(9)}  ${r.wall.toFixed(1).padStart(14)}  ${r.cpu.toFixed(1).padStart(6)}  ${r.maxRssMb.toFixed(0).padStart(11)}`,
    );
  }
}

await main();
