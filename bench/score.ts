/**
 * Benchmark: batch scoring from a feature table (issue 7), logistic and GBDT (100 trees), each in
 * its own process so the peak RSS is its own.
 *
 *   npx tsx bench/score.ts [rows=1000000]
 *
 * Trains both models on the bundled sample (data/sample: ingest, features at monthly cutoffs,
 * temporal holdouts), then scores a feature table of `rows` rows drawn with replacement from the
 * sample's rows (seeded), without reasons (the nightly job's fast path) and, on 10,000 rows, with
 * reasons. Prints rows/s and peak RSS. Targets: ≥ 500,000 rows/s logistic, ≥ 200,000 rows/s GBDT.
 */
import * as aq from 'arquero';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCleanTables } from '../src/data/clean-store.ts';
import { ingestFolder } from '../src/data/ingest-folder.ts';
import { buildFeatureSet, latestDate } from '../src/features/build-feature-set.ts';
import { defaultCutoffs } from '../src/features/cutoffs.ts';
import { DEFAULT_FEATURE_SPEC } from '../src/features/default-spec.ts';
import { dayAfter } from '../src/features/snapshot-population.ts';
import { temporalHoldouts } from '../src/learn/holdout-splits.ts';
import type { ModelBundle } from '../src/learn/model-bundle.ts';
import { modelInputs } from '../src/learn/model-inputs.ts';
import { scoreSnapshot } from '../src/score/score-snapshot.ts';
import { candidateFacts } from '../src/run/candidate-facts.ts';
import { fitCandidate, labelledParts } from '../src/run/fit-candidates.ts';

const kind = process.argv[3] as 'logistic' | 'gbdt' | undefined;
const rows = Number(process.argv[2] ?? 1_000_000);

if (kind === undefined) {
  for (const k of ['logistic', 'gbdt']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/score.ts', String(rows), k], { encoding: 'utf8' });
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
  }
} else {
  const quiet = { info: () => {}, warn: () => {} };
  const work = mkdtempSync(join(tmpdir(), 'hs-bench-score-'));
  try {
    await ingestFolder('data/sample', work, { log: quiet });
    const data = await readCleanTables(work);
    const signup = data.customers.array('signup_date') as ArrayLike<number>;
    const first = Math.min(...Array.from(signup));
    const cutoffs = defaultCutoffs(first, dayAfter(latestDate(data)), 90);
    const set = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, { cutoffs, horizonDays: 90, churn: { kind: 'explicit' } });
    const splits = temporalHoldouts(set.table, 90);
    if ('problem' in splits) throw new Error(splits.problem);
    const inputs = modelInputs(set.dictionary);
    const parts = labelledParts(splits, inputs);
    if ('problem' in parts) throw new Error(parts.problem);
    const c = await fitCandidate(kind, parts, inputs, set.dictionary, { gbdt: { maxIter: 100, maxLeafNodes: null, maxDepth: 6, growth: 'depthwise', nIterNoChange: null } });
    const facts = candidateFacts(c, {
      name: 'bench',
      version: '1',
      inputs,
      dictionary: set.dictionary,
      tiers: { by: 'thresholds', healthyMin: 70, watchMin: 40 },
      horizonDays: 90,
      featureSpec: DEFAULT_FEATURE_SPEC,
      churn: { kind: 'explicit' },
      splits,
      parts,
    });
    // An in-memory bundle (no files): the manifest fields that describe files stay empty.
    const bundle: ModelBundle = {
      fitted: c.trained.fitted,
      manifest: { ...facts, formatVersion: 1, modelKind: kind, createdAt: new Date().toISOString(), files: {}, preprocessing: c.trained.preprocessor, libraries: {} },
    };
    // Rows drawn with replacement from the sample's rows (a seeded LCG keeps it reproducible).
    const n = set.table.numRows();
    const pick = new Int32Array(rows);
    let s = 12345;
    for (let i = 0; i < rows; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      pick[i] = s % n;
    }
    const columns: Record<string, unknown[] | Float64Array> = {};
    for (const name of set.table.columnNames()) {
      const src = set.table.array(name) as ArrayLike<unknown>;
      columns[name] = typeof src[0] === 'number' ? Float64Array.from(pick, (k) => src[k] as number) : Array.from(pick, (k) => src[k]);
    }
    const big = aq.table(columns);
    const before = process.resourceUsage().maxRSS;
    const t0 = performance.now();
    const scored = scoreSnapshot(bundle, big, { reasons: false });
    const seconds = (performance.now() - t0) / 1000;
    if ('problem' in scored) throw new Error(scored.problem);
    const small = big.slice(0, 10_000);
    const t1 = performance.now();
    scoreSnapshot(bundle, small, { reasons: true });
    const withReasons = 10_000 / ((performance.now() - t1) / 1000);
    const treeNote = kind === 'gbdt' ? ` (${c.trained.iterations} trees, depth ≤ 6)` : '';
    console.log(
      `${kind}${treeNote}: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s without reasons; ` +
        `${Math.round(withReasons).toLocaleString('en-US')} rows/s with reasons; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB ` +
        `(${(before / 1024).toFixed(0)} MB before scoring, including the ${rows.toLocaleString('en-US')}-row feature table)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
