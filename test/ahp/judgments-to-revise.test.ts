import { describe, expect, it } from 'vitest';
import { consistencyRatio } from '../../src/ahp/consistency-ratio.ts';
import { judgmentsToRevise, SAATY_SCALE } from '../../src/ahp/judgments-to-revise.ts';
import { consistentMatrix } from '../../src/ahp/consistent-matrix.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';
import { principalEigenvector } from '../../src/ahp/principal-eigenvector.ts';

const r = (x: number) => 1 / x;
// Consistent weights 8:4:2:1 (a_ij = 2^(j−i)) with one judgment reversed: a_14 = 1/8 instead of 8.
const broken = pairwiseMatrix([
  [1, 2, 4, r(8)],
  [r(2), 1, 2, 4],
  [r(4), r(2), 1, 2],
  [8, r(4), r(2), 1],
]);

describe('judgmentsToRevise', () => {
  it('points first at the one judgment that was reversed, and suggests the consistent value', () => {
    const cr = consistencyRatio(principalEigenvector(broken).lambdaMax, 4);
    expect(cr).toBeGreaterThan(0.1);
    const [best] = judgmentsToRevise(broken);
    expect(best).toMatchObject({ row: 0, col: 3, current: 0.125, suggested: 8 });
    expect(best.crAfter).toBeCloseTo(0, 9);
  });

  it('ranks revisions by the CR they leave, lowest first', () => {
    const revisions = judgmentsToRevise(broken, undefined, 5);
    for (let k = 1; k < revisions.length; k++) expect(revisions[k].crAfter).toBeGreaterThanOrEqual(revisions[k - 1].crAfter);
  });

  it('skips cells that no judge gave', () => {
    const revisions = judgmentsToRevise(broken, (i, j) => !(i === 0 && j === 3));
    expect(revisions.some((v) => v.row === 0 && v.col === 3)).toBe(false);
  });

  it('has nothing to suggest for a consistent matrix', () => {
    expect(judgmentsToRevise(consistentMatrix([0.5, 0.3, 0.2]))).toEqual([]);
  });

  it("offers Saaty's 17 scale values", () => {
    expect(SAATY_SCALE).toHaveLength(17);
  });
});
