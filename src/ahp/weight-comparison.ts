/**
 * Hand-set AHP weights against what the data says (the weights part of RUN/comparison.json): per dimension and
 * indicator the AHP weight beside each model's learned share, rank correlations, the judgments the learned weights
 * disagree with most, the same by dictionary dimension, and the data-fitted hand weights.
 */
import { z } from 'zod';
import { Dimension, type FeatureDictionary } from '../features/dictionary.ts';
import { formatJudgment } from './judgment-matrix.ts';
import type { FittedHandWeights } from './fitted-hand-weights.ts';
import type { AhpWeights } from './hierarchy-weights.ts';
import { judgmentDisagreements } from './judgment-disagreement.ts';
import { learnedShares } from './learned-shares.ts';
import { pairwiseMatrix } from './pairwise-matrix.ts';
import { kendallTauB, spearmanRho } from './rank-correlation.ts';

export const ImportanceKind = z.enum(['abs-standardised-coefficient', 'mean-abs-shap']);
export type ImportanceKind = z.infer<typeof ImportanceKind>;

const WeightRow = z.object({
  name: z.string(),
  /** AHP weight (0–1). */
  ahpWeight: z.number(),
  /** Share of the model's importance (0–1). */
  learnedShare: z.number(),
  /** learnedShare − ahpWeight: positive = the data leans on it more than the judges do. */
  difference: z.number(),
});

const RankCorrelation = z.object({
  n: z.number().int(),
  spearman: z.number().nullable(),
  kendallTauB: z.number().nullable(),
});

export const ModelWeightComparison = z.object({
  model: z.string(),
  importance: ImportanceKind,
  /** AHP dimensions (criteria under the goal); shares among the features the hierarchy uses. */
  dimensions: z.array(WeightRow),
  dimensionRankCorrelation: RankCorrelation,
  /** Indicators by global weight; shares among the indicator features. */
  indicators: z.array(WeightRow.extend({ dimension: z.string() })),
  indicatorRankCorrelation: RankCorrelation,
  /** Dictionary dimensions; learned shares over all model features. */
  dictionaryDimensions: z.array(WeightRow),
  /** Share of the model's importance on features the AHP hierarchy does not use. */
  outsideHierarchyShare: z.number(),
  impliedMatrix: z.object({
    criteria: z.array(z.string()),
    judged: z.array(z.array(z.number())),
    /** learned_i / learned_j; null where a learned share is 0. */
    implied: z.array(z.array(z.number().nullable())),
  }),
  /** Judgments sorted by |ln(judged / implied)|, largest first. */
  disagreements: z.array(
    z.object({
      row: z.string(),
      col: z.string(),
      judged: z.number(),
      implied: z.number(),
      logRatio: z.number(),
      sentence: z.string(),
    }),
  ),
});
export type ModelWeightComparison = z.infer<typeof ModelWeightComparison>;

export const FittedWeightsSummary = z.object({
  indicators: z.array(z.object({ feature: z.string(), label: z.string(), dimension: z.string(), weight: z.number() })),
  dimensions: z.array(z.object({ name: z.string(), weight: z.number() })),
  intercept: z.number(),
  scale: z.number(),
  logLoss: z.number(),
  iterations: z.number().int(),
  converged: z.boolean(),
  /** ROC-AUC of the fitted hand score on the test split, when the caller evaluated it. */
  auc: z.number().nullable(),
});
export type FittedWeightsSummary = z.infer<typeof FittedWeightsSummary>;

/**
 * AHP hand weights beside the learned ones (`compareWithModel`, and `comparison.json` of a run): per dimension and
 * indicator, rank correlations, the judgments the data disagrees with most, and the data-fitted hand weights.
 *
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, temporalSplit, trainChurnModel } from 'healthscore';
 * import { compareWithModel, type WeightComparison } from 'healthscore/ahp';
 * const data = await readCustomerData('data/sample');
 * const split = temporalSplit(buildFeatures(data));
 * const c: WeightComparison = compareWithModel('models/ahp/practice-satisfaction-repeat-interaction-profit.json', await trainChurnModel(split, { model: 'gbdt' }), split);
 * console.log(c.models[0].importance); // => mean-abs-shap
 * ```
 */
export const WeightComparison = z.object({
  config: z.string(),
  ahp: z.object({
    dimensions: z.array(z.object({ name: z.string(), weight: z.number(), consistencyRatio: z.number() })),
    indicators: z.array(z.object({ feature: z.string(), label: z.string(), dimension: z.string(), weight: z.number() })),
    consistencyRatio: z.number(),
  }),
  models: z.array(ModelWeightComparison),
  fittedHandWeights: FittedWeightsSummary.nullable(),
});
export type WeightComparison = z.infer<typeof WeightComparison>;

export interface LearnedImportance {
  readonly model: string;
  readonly importance: ImportanceKind;
  /** Non-negative importance per model feature (dictionary feature names). */
  readonly importances: Readonly<Record<string, number>>;
}

function rows(names: readonly string[], ahp: readonly number[], learned: ReadonlyMap<string, number>) {
  return names.map((name, i) => {
    const share = learned.get(name) ?? 0;
    return { name, ahpWeight: ahp[i], learnedShare: share, difference: share - ahp[i] };
  });
}

/** Weights equal up to floating-point noise (25% from an eigenvector) must rank as ties. */
const forRanking = (v: number) => Math.round(v * 1e9) / 1e9;

function correlation(r: ReadonlyArray<{ ahpWeight: number; learnedShare: number }>) {
  const a = r.map((x) => forRanking(x.ahpWeight));
  const l = r.map((x) => forRanking(x.learnedShare));
  return { n: r.length, spearman: spearmanRho(a, l), kendallTauB: kendallTauB(a, l) };
}

const ratio = (v: number) => (v >= 1 ? `${v.toFixed(1)}×` : `1/${(1 / v).toFixed(1)}×`);

function compareModel(ahp: AhpWeights, dictionary: FeatureDictionary, learned: LearnedImportance): ModelWeightComparison {
  const dimOfFeature = new Map(ahp.indicators.map((i) => [i.feature, i.dimension]));
  const dictDim = new Map(dictionary.map((f) => [f.name, f.dimension]));
  const names = ahp.dimensions.map((d) => d.name);
  const dimShares = learnedShares(learned.importances, (f) => dimOfFeature.get(f) ?? null);
  const dimensions = rows(names, ahp.goal.weights, dimShares);
  const indShares = learnedShares(learned.importances, (f) => (dimOfFeature.has(f) ? f : null));
  const indicators = rows(ahp.indicators.map((i) => i.feature), ahp.indicators.map((i) => i.globalWeight), indShares).map(
    (r, k) => ({ ...r, dimension: ahp.indicators[k].dimension }),
  );

  const ahpByDictDim = new Map<string, number>();
  for (const ind of ahp.indicators) {
    const d = dictDim.get(ind.feature) ?? 'other';
    ahpByDictDim.set(d, (ahpByDictDim.get(d) ?? 0) + ind.globalWeight);
  }
  const dictShares = learnedShares(learned.importances, (f) => dictDim.get(f) ?? 'other');
  const dictNames = Dimension.options.filter((d) => (ahpByDictDim.get(d) ?? 0) > 0 || (dictShares.get(d) ?? 0) > 0);
  const dictionaryDimensions = rows(dictNames, dictNames.map((d) => ahpByDictDim.get(d) ?? 0), dictShares);

  let total = 0;
  let inside = 0;
  for (const [f, v] of Object.entries(learned.importances)) {
    total += v;
    if (dimOfFeature.has(f)) inside += v;
  }
  const learnedDim = dimensions.map((d) => d.learnedShare);
  const judged = pairwiseMatrix(ahp.goal.matrix);
  const disagreements = judgmentDisagreements(judged, learnedDim).map((d) => ({
    ...d,
    row: names[d.row],
    col: names[d.col],
    sentence:
      `the judges rate "${names[d.row]}" ${formatJudgment(d.judged)} times as important as "${names[d.col]}"; ` +
      `the ${learned.model} model's weights imply ${ratio(d.implied)}`,
  }));
  return {
    model: learned.model,
    importance: learned.importance,
    dimensions,
    dimensionRankCorrelation: correlation(dimensions),
    indicators,
    indicatorRankCorrelation: correlation(indicators),
    dictionaryDimensions,
    outsideHierarchyShare: total > 0 ? 1 - inside / total : 0,
    impliedMatrix: {
      criteria: names,
      judged: ahp.goal.matrix,
      implied: learnedDim.map((li) => learnedDim.map((lj) => (li > 0 && lj > 0 ? li / lj : null))),
    },
    disagreements,
  };
}

/** `fitted` weighs `ahp.indicators` in the same order; `fittedAuc` is its test ROC-AUC, when evaluated. */
export function weightComparison(
  ahp: AhpWeights,
  dictionary: FeatureDictionary,
  models: readonly LearnedImportance[],
  fitted: FittedHandWeights | null,
  fittedAuc: number | null = null,
): WeightComparison {
  let fittedHandWeights: FittedWeightsSummary | null = null;
  if (fitted) {
    if (fitted.weights.length !== ahp.indicators.length) {
      throw new Error(`weightComparison: ${fitted.weights.length} fitted weights for ${ahp.indicators.length} indicators`);
    }
    const indicators = ahp.indicators.map((ind, k) => ({ ...ind, weight: fitted.weights[k] }));
    fittedHandWeights = {
      ...fitted,
      indicators,
      dimensions: ahp.dimensions.map((d) => ({
        name: d.name,
        weight: indicators.filter((i) => i.dimension === d.name).reduce((s, i) => s + i.weight, 0),
      })),
      auc: fittedAuc,
    };
  }
  // The schema keeps only its own fields, in its order.
  return WeightComparison.parse({
    config: ahp.name,
    ahp: {
      dimensions: ahp.dimensions.map((d) => ({ name: d.name, weight: d.weight, consistencyRatio: d.indicators.consistencyRatio })),
      indicators: ahp.indicators.map((i) => ({ ...i, weight: i.globalWeight })),
      consistencyRatio: ahp.goal.consistencyRatio,
    },
    models: models.map((m) => compareModel(ahp, dictionary, m)),
    fittedHandWeights,
  });
}
