import { describe, expect, it } from 'vitest';
import type { FeatureDictionary } from '../../src/features/dictionary.ts';
import { hierarchyWeights } from '../../src/ahp/hierarchy-weights.ts';
import { scoringIndicators } from '../../src/ahp/scoring-indicators.ts';

const entry = (name: string, direction: 'healthier' | 'riskier' | 'unknown', dimension: 'loyalty' | 'support') => ({
  name,
  description: name,
  table: 'tabular',
  windowDays: null,
  aggregation: 'value',
  direction,
  dimension,
  kind: 'numeric' as const,
});
const dictionary: FeatureDictionary = [entry('tenure', 'healthier', 'loyalty'), entry('tickets', 'riskier', 'support'), entry('Contract', 'unknown', 'loyalty')];

function weigh(indicators: Array<{ feature: string; direction?: 'healthier' | 'riskier' }>) {
  const r = hierarchyWeights(
    { name: 'x', dimensions: [{ name: 'd', indicators }], judgments: { method: 'percentages', weights: { d: 100 } } },
    'x.json',
  );
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.weights;
}

describe('scoringIndicators', () => {
  it('takes the direction and dimension from the dictionary', () => {
    const r = scoringIndicators(weigh([{ feature: 'tenure' }, { feature: 'tickets' }]), dictionary, 'x.json');
    expect(r.ok && r.indicators.map((i) => [i.feature, i.direction, i.dictionaryDimension])).toEqual([
      ['tenure', 'healthier', 'loyalty'],
      ['tickets', 'riskier', 'support'],
    ]);
  });

  it("lets the config override the dictionary's direction", () => {
    const r = scoringIndicators(weigh([{ feature: 'Contract', direction: 'healthier' }]), dictionary, 'x.json');
    expect(r.ok && r.indicators[0].direction).toBe('healthier');
  });

  it('refuses unknown features and unknown directions with a fix', () => {
    const r = scoringIndicators(weigh([{ feature: 'nps' }, { feature: 'Contract' }]), dictionary, 'x.json');
    expect(!r.ok && r.problems).toEqual([
      'x.json: indicator "nps" (dimension "d") is not a feature in the dictionary',
      'x.json: indicator "Contract" has no known direction; add "direction": "healthier" or "riskier" to it',
    ]);
  });
});
