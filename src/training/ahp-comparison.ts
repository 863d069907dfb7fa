/**
 * The AHP comparison of a run (`RUN/comparison.json`) on the models' held-out customers: the AHP score
 * Platt-calibrated, the data-fitted hand weights scored on test, and the hand weights beside each
 * model's learned shares (|standardised coefficient|, mean |SHAP|) with rank correlations.
 */
import type { ColumnTable } from 'arquero';
import { applyCalibrator, fitCalibrator } from '../calibrate/calibrator.ts';
import { sigmoid } from '../calibrate/sigmoid.ts';
import { ahpScores } from '../ahp/ahp-score.ts';
import type { AhpScores, FeatureColumns } from '../ahp/ahp-score.ts';
import { fittedHandWeights } from '../ahp/fitted-hand-weights.ts';
import type { AhpWeights } from '../ahp/hierarchy-weights.ts';
import { scoringIndicators } from '../ahp/scoring-indicators.ts';
import { weightComparison } from '../ahp/weight-comparison.ts';
import type { LearnedImportance, WeightComparison } from '../ahp/weight-comparison.ts';
import { rocAuc } from '../evaluate/roc-auc.ts';
import type { FeatureDictionary } from '../features/dictionary.ts';
import type { Candidate, Parts } from './fit-candidates.ts';
import { columnImportance, featureImportance } from './model-importance.ts';

export interface AhpComparison {
  comparison: WeightComparison;
  /** Platt-calibrated churn probability of the AHP score on the test part. */
  ahpTest: Float64Array;
  /** Churn probability of the data-fitted hand score on the test part. */
  fittedTest: Float64Array;
}

function featureColumns(table: ColumnTable, features: readonly string[], levels: ReadonlyMap<string, readonly string[]>): FeatureColumns | { problem: string } {
  const names = new Set(table.columnNames());
  const columns: Record<string, Float64Array> = {};
  for (const f of features) {
    if (!names.has(f)) return { problem: `feature "${f}" is not in the feature table` };
    const raw = table.array(f) as ArrayLike<unknown>;
    const out = new Float64Array(raw.length);
    const order = levels.get(f);
    // A categorical indicator is read through its ordinal levels (rank 0, 1, …); an unlisted value is missing.
    const rank = order === undefined ? null : new Map(order.map((l, k) => [l, k]));
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      if (rank !== null) out[i] = rank.get(String(v)) ?? Number.NaN;
      else out[i] = typeof v === 'number' ? v : v === null || v === undefined || v === '' ? Number.NaN : Number(v);
    }
    columns[f] = out;
  }
  const cutoff = names.has('cutoff') ? (table.array('cutoff') as ArrayLike<number>) : new Float64Array(table.numRows());
  return { cutoff, columns };
}

export function compareWithAhp(
  weights: AhpWeights,
  source: string,
  dictionary: FeatureDictionary,
  tables: { train: ColumnTable; calibration: ColumnTable; test: ColumnTable },
  parts: Parts,
  candidates: readonly Candidate[],
  levels: ReadonlyMap<string, readonly string[]> = new Map(),
): AhpComparison | { problem: string } {
  const resolved = scoringIndicators(weights, dictionary, source);
  if (!resolved.ok) return { problem: resolved.problems.join('; ') };
  const indicators = resolved.indicators;
  const features = indicators.map((i) => i.feature);
  const score = (t: ColumnTable): AhpScores | { problem: string } => {
    const cols = featureColumns(t, features, levels);
    return 'problem' in cols ? cols : ahpScores(cols, indicators);
  };
  const train = score(tables.train);
  const calibration = score(tables.calibration);
  const test = score(tables.test);
  if ('problem' in train) return train;
  if ('problem' in calibration) return calibration;
  if ('problem' in test) return test;

  // Higher AHP score = healthier, so its negative is a churn margin; Platt finds scale and offset.
  const negate = (s: Float64Array) => s.map((v) => -v);
  const platt = fitCalibrator('platt', negate(calibration.score), parts.calibration.labels);
  const ahpTest = applyCalibrator(platt, negate(test.score));

  const fitted = fittedHandWeights(train.indicatorScores, parts.train.labels);
  const k = indicators.length;
  const fittedTest = new Float64Array(test.indicatorScores.rows);
  for (let i = 0; i < fittedTest.length; i++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += fitted.coefficients[c] * test.indicatorScores.data[i * k + c];
    fittedTest[i] = sigmoid(fitted.intercept - s / 100);
  }
  const learned: LearnedImportance[] = candidates.map((c) => ({
    model: c.kind,
    importance: c.kind === 'logistic' ? 'abs-standardised-coefficient' : 'mean-abs-shap',
    importances: Object.fromEntries(featureImportance(columnImportance(c.trained, c.test.matrix, dictionary))),
  }));
  const comparison = weightComparison(weights, dictionary, learned, fitted, rocAuc(fittedTest, parts.test.labels));
  return { comparison, ahpTest, fittedTest };
}
