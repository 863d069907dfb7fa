import { describe, expect, it } from 'vitest';
import type { FeatureDictionary } from '../../src/features/dictionary.ts';
import { hierarchyWeights } from '../../src/ahp/hierarchy-weights.ts';
import { WeightComparison, weightComparison } from '../../src/ahp/weight-comparison.ts';

const entry = (name: string, dimension: 'satisfaction' | 'loyalty' | 'activity' | 'financial' | 'support') => ({
  name,
  description: name,
  table: 'events',
  windowDays: null,
  aggregation: 'count',
  direction: 'healthier' as const,
  dimension,
  kind: 'numeric' as const,
});
const dictionary: FeatureDictionary = [
  entry('last_nps', 'satisfaction'),
  entry('purchases_90d', 'loyalty'),
  entry('events_30d', 'activity'),
  entry('amount_365d', 'financial'),
  entry('tickets_90d', 'support'),
];

const weighed = hierarchyWeights(
  {
    name: 'four dimensions',
    dimensions: [
      { name: 'satisfaction', indicators: [{ feature: 'last_nps' }] },
      { name: 'repeat purchase', indicators: [{ feature: 'purchases_90d' }] },
      { name: 'interaction', indicators: [{ feature: 'events_30d' }] },
      { name: 'profit', indicators: [{ feature: 'amount_365d' }] },
    ],
    judgments: { method: 'percentages', weights: { satisfaction: 30, 'repeat purchase': 25, interaction: 20, profit: 25 } },
  },
  'a.json',
);
if (!weighed.ok) throw new Error(weighed.problems.join('\n'));
const ahp = weighed.weights;

// |standardised coefficients|: the hierarchy's features carry 8 of 10; tickets_90d (not in it) 2.
const importances = { last_nps: 1, purchases_90d: 4, events_30d: 2, amount_365d: 1, tickets_90d: 2 };

describe('weightComparison', () => {
  const c = weightComparison(ahp, dictionary, [{ model: 'logistic', importance: 'abs-standardised-coefficient', importances }], null);
  const m = c.models[0];

  it('sets each dimension’s AHP weight beside its learned share and the difference', () => {
    expect(m.dimensions.map((d) => [d.name, d.ahpWeight, d.learnedShare])).toEqual([
      ['satisfaction', expect.closeTo(0.3, 12), 0.125],
      ['repeat purchase', expect.closeTo(0.25, 12), 0.5],
      ['interaction', expect.closeTo(0.2, 12), 0.25],
      ['profit', expect.closeTo(0.25, 12), 0.125],
    ]);
    expect(m.dimensions[1].difference).toBeCloseTo(0.25, 12);
  });

  it('reports the share of importance outside the hierarchy, and shares by dictionary dimension over all features', () => {
    expect(m.outsideHierarchyShare).toBeCloseTo(0.2, 12);
    const support = m.dictionaryDimensions.find((d) => d.name === 'support');
    expect(support).toMatchObject({ ahpWeight: 0, learnedShare: 0.2 });
  });

  it('computes the rank correlations of AHP weights and learned shares', () => {
    // AHP (.30, .25, .20, .25) vs learned (.125, .5, .25, .125), ties on both sides:
    // scipy.stats.kendalltau gives −0.4 and spearmanr −0.5 (scipy 1.10.1).
    expect(m.dimensionRankCorrelation.n).toBe(4);
    expect(m.dimensionRankCorrelation.kendallTauB).toBeCloseTo(-0.4, 12);
    expect(m.dimensionRankCorrelation.spearman).toBeCloseTo(-0.5, 12);
  });

  it('sets the matrix the learned weights imply beside the judges’ and ranks the disagreements', () => {
    expect(m.impliedMatrix.implied[1][0]).toBeCloseTo(4, 12);
    expect(m.impliedMatrix.judged[0][1]).toBeCloseTo(1.2, 12);
    // Judges: satisfaction 1.2 × repeat purchase; data 1/4 ×: |ln 4.8| is the largest gap.
    expect(m.disagreements[0]).toMatchObject({ row: 'satisfaction', col: 'repeat purchase' });
    expect(m.disagreements[0].logRatio).toBeCloseTo(Math.log(4.8), 12);
    expect(m.disagreements[0].sentence).toMatch(/the logistic model's weights imply 1\/4\.0×/);
  });

  it('summarises data-fitted hand weights per indicator and per dimension', () => {
    const fitted = {
      weights: Float64Array.of(0.1, 0.6, 0.3, 0),
      coefficients: Float64Array.of(0.2, 1.2, 0.6, 0),
      intercept: 0.5,
      scale: 2,
      logLoss: 0.4,
      iterations: 6,
      converged: true,
    };
    const f = weightComparison(ahp, dictionary, [], fitted, 0.71).fittedHandWeights;
    expect(f?.dimensions.map((d) => d.weight)).toEqual([0.1, 0.6, 0.3, 0]);
    expect(f?.auc).toBe(0.71);
  });

  it('is valid JSON for RUN/comparison.json (no NaN: undefined values are null)', () => {
    const zero = weightComparison(ahp, dictionary, [{ model: 'gbdt', importance: 'mean-abs-shap', importances: { last_nps: 0, purchases_90d: 1 } }], null);
    const round = JSON.parse(JSON.stringify(zero)) as unknown;
    expect(WeightComparison.parse(round)).toEqual(zero);
    expect(zero.models[0].impliedMatrix.implied[0][1]).toBeNull();
  });
});
