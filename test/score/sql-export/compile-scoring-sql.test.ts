import { DuckDBInstance } from '@duckdb/node-api';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCalibrator, fitCalibrator, type CalibratorSpec } from '../../../src/calibrate/calibrator.ts';
import { sqlString } from '../../../src/data/duckdb-session.ts';
import { toSpec, trainGbdt } from '../../../src/learn/gbdt/index.ts';
import { fitLogistic } from '../../../src/learn/logistic/fit.ts';
import { logisticModel } from '../../../src/learn/logistic/logistic-model.ts';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';
import { transform } from '../../../src/learn/preprocess/transform.ts';
import type { ChurnModel } from '../../../src/learn/model.ts';
import { GbdtModel } from '../../../src/learn/gbdt/model.ts';
import { healthScores } from '../../../src/score/health-score.ts';
import { compileScoringSql, type ScoringBundle } from '../../../src/score/sql-export/compile-scoring-sql.ts';
import { doubleLiteral } from '../../../src/score/sql-export/sql-literal.ts';

/**
 * A generated feature table with the awkward cases the SQL must reproduce: missing numbers,
 * blank and unseen categories (the scoring rows carry a plan the training rows never had).
 */
function featureTable(n: number, seed: number, plans: string[]) {
  const rng = xoroshiro128plus(seed);
  const uniform = (): number => uniformFloat64(rng);
  const tenure: (number | null)[] = [];
  const logins: (number | null)[] = [];
  const plan: (string | null)[] = [];
  const label = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    tenure.push(uniform() < 0.1 ? null : Math.round(uniform() * 60));
    logins.push(uniform() < 0.15 ? null : uniform() * 30);
    const r = uniform();
    plan.push(r < 0.05 ? null : r < 0.1 ? '' : plans[Math.floor(uniform() * plans.length)]);
    const risk = -1 + (tenure[i] === null ? 0.8 : -tenure[i]! / 30) + (logins[i] === null ? 1 : -logins[i]! / 15) + (plan[i] === 'basic' ? 0.7 : 0);
    label[i] = uniform() < 1 / (1 + Math.exp(-risk)) ? 1 : 0;
  }
  return { table: { tenure, logins, plan }, label };
}

const train = featureTable(600, 1, ['basic', 'pro', 'team']);
const score = featureTable(300, 2, ['basic', 'pro', 'team', 'enterprise']);
const options = { features: ['tenure', 'logins', 'plan'], categorical: ['plan'] };

let instance: DuckDBInstance;
async function sqlScores(bundle: ScoringBundle): Promise<{ p: number[]; s: number[] }> {
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(`${compileScoringSql(bundle, { keep: ['id'] }).query} ORDER BY id`);
    const rows = reader.getRowObjectsJS();
    return { p: rows.map((r) => Number(r.churn_probability)), s: rows.map((r) => Number(r.health_score)) };
  } finally {
    conn.closeSync();
  }
}

function tsScores(bundle: ScoringBundle, model: ChurnModel): { p: Float64Array; s: Uint8Array } {
  const x = transform(bundle.preprocessor, score.table).matrix;
  const p = applyCalibrator(bundle.calibrator, model.margin(x));
  return { p, s: healthScores(p) };
}

function expectParity(ts: { p: Float64Array; s: Uint8Array }, sql: { p: number[]; s: number[] }): void {
  expect(sql.p).toHaveLength(ts.p.length);
  let worst = 0;
  for (let i = 0; i < ts.p.length; i++) worst = Math.max(worst, Math.abs(ts.p[i] - sql.p[i]));
  expect(worst).toBeLessThan(1e-9);
  expect(sql.s).toEqual(Array.from(ts.s));
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const lit = (v: number | string | null): string => (v === null ? 'NULL' : typeof v === 'number' ? doubleLiteral(v) : sqlString(v));
  const values = score.table.tenure.map((_, i) => `(${i}, ${lit(score.table.tenure[i])}, ${lit(score.table.logins[i])}, ${lit(score.table.plan[i])})`);
  await conn.run('CREATE TABLE features (id INTEGER, tenure DOUBLE, logins DOUBLE, plan VARCHAR)');
  await conn.run(`INSERT INTO features VALUES ${values.join(', ')}`);
  conn.closeSync();
});
afterAll(() => instance.closeSync());

describe('compileScoringSql in DuckDB', () => {
  const calibrators = (margins: Float64Array): CalibratorSpec[] => [
    fitCalibrator('platt', margins, train.label),
    fitCalibrator('isotonic', margins, train.label),
  ];

  it('reproduces the logistic model with both calibrators to 1e-9', async () => {
    const preprocessor = fitPreprocessor(train.table, options);
    const encoded = transform(preprocessor, train.table);
    const spec = await fitLogistic(encoded.matrix, train.label, encoded.columnNames);
    const model = logisticModel(spec);
    for (const calibrator of calibrators(model.margin(encoded.matrix))) {
      const bundle: ScoringBundle = { preprocessor, model: { kind: 'logistic', spec }, calibrator };
      expectParity(tsScores(bundle, model), await sqlScores(bundle));
    }
  }, 60_000);

  it('reproduces the GBDT, missing directions included, with both calibrators to 1e-9', async () => {
    const preprocessor = fitPreprocessor(train.table, { ...options, standardize: false, missing: 'keep' });
    const encoded = transform(preprocessor, train.table);
    const fitted = trainGbdt(encoded.matrix, train.label, { maxIter: 30, maxLeafNodes: 8, minSamplesLeaf: 5 }, undefined, encoded.columnNames);
    const spec = toSpec(fitted.model);
    const model = new GbdtModel(spec.featureNames, spec.baseline, fitted.model.trees);
    // The fit must actually use missing routing for the test to cover it.
    expect(spec.trees.some((t) => t.feature.some((f, n) => f >= 0 && t.missingLeft[n]))).toBe(true);
    for (const calibrator of calibrators(model.margin(encoded.matrix))) {
      const bundle: ScoringBundle = { preprocessor, model: { kind: 'gbdt', spec }, calibrator };
      expectParity(tsScores(bundle, model), await sqlScores(bundle));
    }
  }, 60_000);
});
