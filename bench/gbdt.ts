/**
 * Gradient-boosted trees benchmark: ours against scikit-learn's HistGradientBoostingClassifier and
 * XGBoost (tree_method="hist"), with the same number of trees, leaves/depth and learning rate, side
 * by side in one run. Every ROC-AUC is computed by sklearn.metrics.roc_auc_score.
 *
 *   npx tsx bench/gbdt.ts [--size small|full] [--work DIR] [--only telco,synthetic] [--dataset NAME=DIR ...]
 *
 * A dataset is a folder of files (see bench/gbdt_peers.py): meta.json, train.f64, train.y, test.f64,
 * test.y — so another (CDNOW point-in-time, generated customers) is added with --dataset name=dir.
 * Built in: Telco (one-hot, stratified 80/20 split with random_state=0, made by the python script) and
 * a synthetic 1,000,000 × 40 matrix (100,000 rows with --size small). Each model trains in a fresh
 * process, so its peak RSS is its own.
 *
 * Our prediction is also timed on the training matrix, wall and CPU seconds (all threads): on the
 * calling thread alone, then through model.margin on the worker pool's default thread count — the
 * first call (workers starting) and the next one. The load average is printed with it: on a
 * shared machine, wall time alone says little.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { trainGbdt } from '../src/learn/gbdt/boost.ts';
import type { GbdtParamsInput } from '../src/learn/gbdt/params.ts';
import { planForest, predictPlan } from '../src/learn/gbdt/predict.ts';
import type { Matrix } from '../src/learn/matrix.ts';
import { defaultThreads } from '../src/parallel/pool.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';
const PEERS = join(HERE, 'gbdt_peers.py');
const TELCO = resolve(HERE, '..', '..', 'shared', 'data', 'telco', 'Telco-Customer-Churn.csv');

/** Settings shared by the three libraries (the python script maps them to each one's names). */
const LEAFWISE: Dataset['params'] = { maxIter: 100, learningRate: 0.1, maxLeafNodes: 31, maxDepth: null, minSamplesLeaf: 20, l2Regularization: 0 };
const DEPTH6: Dataset['params'] = { ...LEAFWISE, maxLeafNodes: null, maxDepth: 6, growth: 'depthwise' };

interface Dataset {
  name: string;
  dir: string;
  params: GbdtParamsInput & { maxIter: number; learningRate: number; maxLeafNodes: number | null; maxDepth: number | null };
}

interface Result {
  fit_s: number;
  predict_s: number;
  predict_rows: number;
  auc: number;
  peak_rss_mb: number;
  rows_per_s?: number;
  fit_cpu_s?: number;
  predict_timings?: PredictTiming[];
}

/** One timed prediction of our model over the training matrix. */
interface PredictTiming {
  how: string;
  threads: number;
  rows_per_s: number;
  rows_per_cpu_s: number;
  same_bits: boolean;
}

function readDataset(dir: string): { train: Matrix; ytrain: Uint8Array; test: Matrix; ytest: Uint8Array } {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { cols: number };
  const f64 = (f: string): Float64Array => {
    const b = readFileSync(join(dir, f));
    return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const u8 = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
  const train = f64('train.f64');
  const test = f64('test.f64');
  return {
    train: { rows: train.length / meta.cols, cols: meta.cols, data: train },
    ytrain: u8('train.y'),
    test: { rows: test.length / meta.cols, cols: meta.cols, data: test },
    ytest: u8('test.y'),
  };
}

/** Our model in this (fresh) process: prints one JSON result, writes the test margins. */
function runOurs(dir: string, params: GbdtParamsInput, marginsFile: string): void {
  const d = readDataset(dir);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { model } = trainGbdt(d.train, d.ytrain, params);
  const t1 = performance.now();
  const fitCpu = process.cpuUsage(c0);
  const m = model.margin(d.test);
  const t2 = performance.now();
  // Throughput on the larger training matrix: alone, then with workers (starting, then started).
  const timed = (how: string, threads: number, run: () => Float64Array, reference?: Float64Array): { timing: PredictTiming; margins: Float64Array } => {
    const c = process.cpuUsage();
    const t = performance.now();
    const margins = run();
    const wall = (performance.now() - t) / 1000;
    const used = process.cpuUsage(c);
    const cpu = (used.user + used.system) / 1e6;
    const same = reference ? margins.every((v, i) => Object.is(v, reference[i])) : true;
    return { timing: { how, threads, rows_per_s: d.train.rows / wall, rows_per_cpu_s: d.train.rows / cpu, same_bits: same }, margins };
  };
  const plan = planForest(model.trees, d.train.cols);
  const single = timed('calling thread alone', 1, () => predictPlan(plan, d.train, model.baseline));
  const threads = defaultThreads();
  const cold = timed('worker threads, first call', threads, () => model.margin(d.train, undefined, threads), single.margins);
  const warm = timed('worker threads, next call', threads, () => model.margin(d.train, undefined, threads), single.margins);
  writeFileSync(marginsFile, new Uint8Array(m.buffer));
  const r = {
    fit_s: (t1 - t0) / 1000,
    // CPU seconds of all threads: on a shared machine, wall time alone says little.
    fit_cpu_s: (fitCpu.user + fitCpu.system) / 1e6,
    predict_s: (t2 - t1) / 1000,
    predict_rows: d.test.rows,
    rows_per_s: warm.timing.rows_per_s,
    predict_timings: [single.timing, cold.timing, warm.timing],
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(r));
}

function json<T>(cmd: string, args: string[]): T {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** Seeded synthetic churn-like data: logistic in a few features with interactions, thresholds and missing values. */
function writeSynthetic(dir: string, trainRows: number, testRows: number, cols = 40): void {
  mkdirSync(dir, { recursive: true });
  const rng = xoroshiro128plus(2026);
  const u = (): number => (rng.next() >>> 0) / 4294967296;
  const make = (rows: number): { x: Float64Array; y: Uint8Array } => {
    const x = new Float64Array(rows * cols);
    const y = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) x[o + j] = j % 4 === 3 ? Math.floor(u() * 12) : u() * 2 - 1;
      const s = 1.5 * x[o] - 2 * x[o + 1] * x[o + 2] + Math.sin(3 * x[o + 4]) + (x[o + 3] > 6 ? 0.8 : -0.4) + 0.5 * x[o + 5] * x[o + 5] - 0.3 * x[o + 7] / 11 - 0.5;
      y[i] = u() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
      // Missing at random in a quarter of the features, 5% each.
      for (let j = 0; j < cols; j += 4) if (u() < 0.05) x[o + j] = NaN;
    }
    return { x, y };
  };
  const tr = make(trainRows);
  const te = make(testRows);
  writeFileSync(join(dir, 'train.f64'), new Uint8Array(tr.x.buffer));
  writeFileSync(join(dir, 'train.y'), tr.y);
  writeFileSync(join(dir, 'test.f64'), new Uint8Array(te.x.buffer));
  writeFileSync(join(dir, 'test.y'), te.y);
  const names = Array.from({ length: cols }, (_, j) => `x${j}`);
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ cols, names, train_rows: trainRows, test_rows: testRows }));
}

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
}

function main(): void {
  const one = arg('--one');
  if (one) {
    runOurs(one, JSON.parse(arg('--params') ?? '{}') as GbdtParamsInput, arg('--out') ?? join(one, 'ours.margins'));
    return;
  }
  const size = arg('--size') ?? 'small';
  const work = arg('--work') ?? '/tmp/healthscore-bench';
  const only = arg('--only')?.split(',');
  const datasets: Dataset[] = [];
  if ((!only || only.includes('telco')) && existsSync(TELCO)) {
    const dir = join(work, 'telco');
    json(PYTHON, [PEERS, 'telco', TELCO, dir]);
    datasets.push({ name: 'telco', dir, params: LEAFWISE });
  }
  if (!only || only.includes('synthetic')) {
    const rows = size === 'full' ? 1_000_000 : 100_000;
    const dir = join(work, `synthetic-${rows}`);
    if (!existsSync(join(dir, 'meta.json'))) writeSynthetic(dir, rows, rows / 5);
    datasets.push({ name: `synthetic ${rows.toLocaleString('en')}×40`, dir, params: DEPTH6 });
  }
  process.argv.forEach((a, k) => {
    if (a === '--dataset') {
      const [name, dir] = process.argv[k + 1].split('=');
      datasets.push({ name, dir, params: LEAFWISE });
    }
  });

  const rows: string[] = [];
  const timings: string[] = [];
  for (const d of datasets) {
    const marginsFile = join(d.dir, 'ours.margins');
    const ours = json<Result>(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', d.dir, '--params', JSON.stringify(d.params), '--out', marginsFile]);
    ours.auc = json<{ auc: number }>(PYTHON, [PEERS, 'auc', d.dir, marginsFile]).auc;
    const sk = json<Result>(PYTHON, [PEERS, 'fit', d.dir, 'sklearn', JSON.stringify(d.params)]);
    const xg = json<Result>(PYTHON, [PEERS, 'fit', d.dir, 'xgboost', JSON.stringify(d.params)]);
    const shape = d.params.maxDepth ? `depth ${d.params.maxDepth}` : `${d.params.maxLeafNodes} leaves`;
    for (const [who, r] of [['ours (TypeScript)', ours], ['sklearn HGB', sk], ['XGBoost hist', xg]] as const) {
      const rps = r.rows_per_s ?? r.predict_rows / r.predict_s;
      rows.push(`| ${d.name} | ${who} | ${d.params.maxIter} trees, ${shape}, lr ${d.params.learningRate} | ${r.auc.toFixed(4)} | ${r.fit_s.toFixed(2)} | ${Math.round(rps).toLocaleString('en')} | ${Math.round(r.peak_rss_mb)} |`);
    }
    for (const t of ours.predict_timings ?? []) {
      timings.push(`| ${d.name} | ${t.how} | ${t.threads} | ${Math.round(t.rows_per_s).toLocaleString('en')} | ${Math.round(t.rows_per_cpu_s).toLocaleString('en')} | ${t.same_bits ? 'yes' : 'NO'} |`);
    }
    console.error(`done: ${d.name} (ours: ${ours.fit_cpu_s?.toFixed(2)} CPU s in fit, all threads)`);
  }
  console.log('| dataset | model | settings | test ROC-AUC | fit (s) | predict (rows/s) | peak RSS (MB) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('');
  console.log(`Our prediction on the training matrix (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores):`);
  console.log('| dataset | how | threads | rows/s (wall) | rows per CPU-second | same bits as alone |');
  console.log('|---|---|---|---|---|---|');
  for (const t of timings) console.log(t);
}

main();
