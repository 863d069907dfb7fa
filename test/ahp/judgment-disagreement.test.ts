import { describe, expect, it } from 'vitest';
import { judgmentDisagreements } from '../../src/ahp/judgment-disagreement.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';

describe('judgmentDisagreements', () => {
  const judged = pairwiseMatrix([
    [1, 3, 1],
    [1 / 3, 1, 1 / 2],
    [1, 2, 1],
  ]);

  it('sorts judgments by |ln(judged / implied)|, largest first (hand-checked)', () => {
    // Learned 0.2 : 0.6 : 0.2 implies a_12 = 1/3 (judged 3: ln 9), a_13 = 1 (ln 1 = 0), a_23 = 3 (judged 1/2: ln 1/6).
    const d = judgmentDisagreements(judged, [0.2, 0.6, 0.2]);
    expect(d.map((x) => [x.row, x.col])).toEqual([[0, 1], [1, 2], [0, 2]]);
    expect(d[0].logRatio).toBeCloseTo(Math.log(9), 12);
    expect(d[1].logRatio).toBeCloseTo(Math.log(1 / 6), 12);
    expect(d[2].implied).toBeCloseTo(1, 12);
  });

  it('skips pairs with a zero learned weight', () => {
    expect(judgmentDisagreements(judged, [0.5, 0, 0.5]).map((x) => [x.row, x.col])).toEqual([[0, 2]]);
  });
});
