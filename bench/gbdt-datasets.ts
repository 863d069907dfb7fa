/**
 * Writes point-in-time churn sets as bench/gbdt.ts dataset folders, so that our GBDT, scikit-learn's
 * HistGradientBoosting and XGBoost train and test on the same matrices:
 *
 *   npx tsx bench/gbdt-datasets.ts OUT_DIR [--generated DATA_DIR] [--cdnow CDNOW_master.txt]
 *   npx tsx bench/gbdt.ts --only none --dataset generated=OUT_DIR/generated --dataset cdnow=OUT_DIR/cdnow
 *
 * Each set is built as `healthscore run` builds it: default feature spec at monthly cutoffs, 90-day
 * horizon (explicit churn dates for generated data; "no purchase in 90 days" for CDNOW), the
 * purged temporal split; the GBDT's preprocessing (one-hot categories, missing values kept as NaN)
 * fitted on the training part. Train = the training part, test = the test part.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCdnow } from '../src/data/adapters/cdnow.ts';
import { readCleanTables } from '../src/data/clean-store.ts';
import type { CustomerData } from '../src/data/customer-data.ts';
import { ingestFolder } from '../src/data/ingest-folder.ts';
import { buildFeatureSet, latestDate } from '../src/features/build-feature-set.ts';
import type { ChurnDefinition } from '../src/features/churn-definition.ts';
import { defaultCutoffs } from '../src/features/cutoffs.ts';
import { DEFAULT_FEATURE_SPEC } from '../src/features/default-spec.ts';
import { dayAfter } from '../src/features/snapshot-population.ts';
import { temporalHoldouts } from '../src/learn/holdout-splits.ts';
import { modelInputs } from '../src/learn/model-inputs.ts';
import { fitPreprocessor } from '../src/learn/preprocess/fit.ts';
import { transform } from '../src/learn/preprocess/transform.ts';
import { labelledParts } from '../src/training/fit-candidates.ts';

const HORIZON = 90;
const quiet = { info: () => {}, warn: () => {} };

function write(dir: string, data: CustomerData, churn: ChurnDefinition): void {
  // A loop, not Math.min(...values): spreading more than about 120,000 arguments overflows the stack.
  let first = Number.POSITIVE_INFINITY;
  for (const v of data.customers.array('signup_date') as Iterable<number>) first = Math.min(first, v);
  const cutoffs = defaultCutoffs(first, dayAfter(latestDate(data)), HORIZON);
  const set = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, { cutoffs, horizonDays: HORIZON, churn });
  const splits = temporalHoldouts(set.table, HORIZON);
  if ('problem' in splits) throw new Error(splits.problem);
  const inputs = modelInputs(set.dictionary);
  const parts = labelledParts(splits, inputs);
  if ('problem' in parts) throw new Error(parts.problem);
  const pre = fitPreprocessor(parts.train.raw, { ...inputs, standardize: false, missing: 'keep' });
  const train = transform(pre, parts.train.raw);
  const test = transform(pre, parts.test.raw);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'train.f64'), new Uint8Array(train.matrix.data.buffer, train.matrix.data.byteOffset, train.matrix.data.byteLength));
  writeFileSync(join(dir, 'train.y'), parts.train.labels);
  writeFileSync(join(dir, 'test.f64'), new Uint8Array(test.matrix.data.buffer, test.matrix.data.byteOffset, test.matrix.data.byteLength));
  writeFileSync(join(dir, 'test.y'), parts.test.labels);
  const meta = { cols: train.matrix.cols, names: train.columnNames, train_rows: train.matrix.rows, test_rows: test.matrix.rows };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  const rate = (y: Uint8Array) => (y.reduce((s, v) => s + v, 0) / y.length).toFixed(3);
  console.log(`${dir}: ${meta.train_rows} train rows (churn ${rate(parts.train.labels)}), ${meta.test_rows} test rows (churn ${rate(parts.test.labels)}), ${meta.cols} columns`);
}

const out = process.argv[2];
if (out === undefined || out.startsWith('--')) throw new Error('usage: bench/gbdt-datasets.ts OUT_DIR [--generated DATA_DIR] [--cdnow FILE]');
const arg = (name: string) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
const generated = arg('--generated');
if (generated !== undefined) {
  const clean = join(out, 'generated-ingest');
  await ingestFolder(generated, clean, { log: quiet });
  write(join(out, 'generated'), await readCleanTables(clean), { kind: 'explicit' });
}
const cdnow = arg('--cdnow');
if (cdnow !== undefined) write(join(out, 'cdnow'), (await readCdnow(cdnow)).data, { kind: 'inactivity', tables: ['transactions'] });
