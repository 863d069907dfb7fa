/**
 * Global importance of a fitted model per matrix column and per source feature: logistic |standardised
 * coefficient|, GBDT mean |TreeSHAP| signed by cov(value, contribution) (positive: pushes risk up).
 */
import type { FeatureDictionary } from '../features/dictionary.ts';
import type { Matrix } from '../learn/matrix.ts';
import type { TrainedModel } from '../learn/train-churn-model.ts';

export interface ColumnImportanceRow {
  column: string;
  feature: string;
  description: string;
  dimension: string;
  /** Signed effect on churn risk (model scale). */
  effect: number;
  /** |effect| / Σ |effect|. */
  share: number;
}

function describe(trained: TrainedModel, j: number, dictionary: FeatureDictionary): { feature: string; description: string; dimension: string } {
  const column = trained.preprocessor.columns[j];
  const feature = trained.preprocessor.features[column.feature].name;
  const entry = dictionary.find((e) => e.name === feature);
  const base = entry?.description ?? feature;
  const dimension = entry?.dimension ?? 'other';
  if (column.role === 'missing') return { feature, description: `${base}: value missing`, dimension };
  if (column.role === 'level') return { feature, description: `${base}: ${column.level ?? ''}`, dimension };
  if (column.role === 'unseen') return { feature, description: `${base}: a value not seen in training`, dimension };
  return { feature, description: base, dimension };
}

function signedEffects(trained: TrainedModel, x: Matrix): Float64Array {
  const p = x.cols;
  if (trained.fitted.kind === 'logistic') return Float64Array.from(trained.fitted.spec.coefficients);
  const { values } = trained.model.contributions(x);
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let absSum = 0;
    let sx = 0;
    let sphi = 0;
    let sxphi = 0;
    let n = 0;
    for (let i = 0; i < x.rows; i++) {
      const phi = values[i * p + j];
      absSum += Math.abs(phi);
      const v = x.data[i * p + j];
      if (Number.isFinite(v)) {
        sx += v;
        sphi += phi;
        sxphi += v * phi;
        n++;
      }
    }
    const cov = n > 1 ? sxphi / n - (sx / n) * (sphi / n) : 0;
    out[j] = (cov < 0 ? -1 : 1) * (absSum / Math.max(1, x.rows));
  }
  return out;
}

/** Columns sorted by |effect|, descending. */
export function columnImportance(trained: TrainedModel, x: Matrix, dictionary: FeatureDictionary): ColumnImportanceRow[] {
  const effects = signedEffects(trained, x);
  const total = effects.reduce((s, v) => s + Math.abs(v), 0) || 1;
  const rows = Array.from(effects, (effect, j) => ({
    column: trained.preprocessor.columns[j].name,
    ...describe(trained, j, dictionary),
    effect,
    share: Math.abs(effect) / total,
  }));
  return rows.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
}

/** Σ |effect| per source feature (one-hot levels and missing flags summed back), keyed by feature name. */
export function featureImportance(rows: readonly ColumnImportanceRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.feature, (out.get(r.feature) ?? 0) + Math.abs(r.effect));
  return out;
}
