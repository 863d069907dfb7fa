import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AhpConfig } from '../../src/ahp/config.ts';
import { hierarchyWeights } from '../../src/ahp/hierarchy-weights.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

const example = (file: string) =>
  AhpConfig.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'models', 'ahp', file), 'utf8')));

describe('hierarchyWeights', () => {
  it('reproduces the practitioners’ 30/25/20/25 system exactly from its percentages', () => {
    const r = hierarchyWeights(example('practice-satisfaction-repeat-interaction-profit.json'), 'a.json');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.weights.dimensions.map((d) => d.weight)).toEqual([0.3, 0.25, 0.2, 0.25].map((v) => expect.closeTo(v, 10)));
    expect(r.weights.goal.consistencyRatio).toBeCloseTo(0, 10);
  });

  it('reproduces the practitioners’ 40/30/30 system within 1.5 points from two judges’ pairwise judgments', () => {
    const r = hierarchyWeights(example('practice-amount-interaction-satisfaction.json'), 'b.json');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    [0.4, 0.3, 0.3].forEach((p, i) => expect(Math.abs(r.weights.dimensions[i].weight - p)).toBeLessThan(0.015));
    expect(r.weights.goal.consistencyRatio).toBeLessThan(0.1);
  });

  it('gives global indicator weights that multiply down the tree and sum to 1', () => {
    const r = hierarchyWeights(example('practice-satisfaction-repeat-interaction-profit.json'), 'a.json');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const byFeature = Object.fromEntries(r.weights.indicators.map((i) => [i.feature, i.globalWeight]));
    expect(byFeature.purchases_90d).toBeCloseTo(0.25 * 0.6, 10);
    expect(byFeature.last_nps).toBeCloseTo(0.3 * 0.5, 10);
    expect(r.weights.indicators.reduce((s, i) => s + i.globalWeight, 0)).toBeCloseTo(1, 12);
  });

  it('refuses a feature used twice and a dimension named twice', () => {
    const r = hierarchyWeights(
      {
        name: 'x',
        dimensions: [
          { name: 'a', indicators: [{ feature: 'f' }] },
          { name: 'a', indicators: [{ feature: 'f' }] },
        ],
        judgments: { method: 'percentages', weights: { a: 100 } },
      },
      'x.json',
    );
    expect(!r.ok && r.problems).toEqual([
      'x.json: dimension "a" appears twice',
      'x.json: feature "f" is an indicator more than once (it would be counted twice)',
    ]);
  });

  it('collects problems from every node, each prefixed with the file', () => {
    const r = hierarchyWeights(
      {
        name: 'x',
        dimensions: [
          { name: 'a', indicators: [{ feature: 'f' }, { feature: 'g' }], judgments: { method: 'percentages', weights: { f: 10, g: 10 } } },
          { name: 'b', indicators: [{ feature: 'h' }] },
        ],
        judgments: { method: 'pairwise', judges: [{ judge: 'j', matrix: [[1, 3], [3, 1]] }] },
      },
      'x.json',
    );
    expect(!r.ok && r.problems).toEqual([
      'x.json: dimensions: judge "j": cell (b, a) is 3 but must be the reciprocal of (a, b) = 3, i.e. 1/3 (or leave it null)',
      'x.json: indicators of dimension "a": percentages sum to 20, not 100',
    ]);
  });
});
