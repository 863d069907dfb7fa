import { describe, expect, it } from 'vitest';
import { formatJudgment, judgmentMatrix, judgmentValue } from '../../src/ahp/judgment-matrix.ts';

const names = ['satisfaction', 'loyalty', 'activity'];

describe('judgmentMatrix', () => {
  it('derives the lower triangle as reciprocals of the upper', () => {
    const r = judgmentMatrix([[1, 3, '1/2'], [null, 1, 2], [null, null, 1]], names, 'test');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.matrix.values[1 * 3 + 0]).toBeCloseTo(1 / 3, 14);
    expect(r.matrix.values[2 * 3 + 0]).toBeCloseTo(2, 14);
  });

  it('accepts a lower triangle that is the reciprocal, written as a decimal', () => {
    const r = judgmentMatrix([[1, 3], [0.33, 1]], names.slice(0, 2), 'test');
    expect(r.ok).toBe(true);
  });

  it('names the cell when the lower triangle is not the reciprocal', () => {
    const r = judgmentMatrix([[1, 3], [3, 1]], names.slice(0, 2), 'goal');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatch(/goal: cell \(loyalty, satisfaction\) is 3 but must be the reciprocal of \(satisfaction, loyalty\) = 3, i\.e\. 1\/3/);
  });

  it('keeps a missing pair missing', () => {
    const r = judgmentMatrix([[1, 3, null], [null, 1, 2], [null, null, 1]], names, 'test');
    expect(r.ok && Number.isNaN(r.matrix.values[2]) && Number.isNaN(r.matrix.values[6])).toBe(true);
  });

  it('takes a judgment given only below the diagonal', () => {
    const r = judgmentMatrix([[1, null], [4, 1]], names.slice(0, 2), 'test');
    expect(r.ok && r.matrix.values[1]).toBeCloseTo(0.25, 14);
  });

  it('refuses values off the 1/9–9 scale, a wrong diagonal and a wrong size', () => {
    const off = judgmentMatrix([[1, 12], [null, 1]], names.slice(0, 2), 'x');
    expect(!off.ok && off.problems[0]).toMatch(/cell \(satisfaction, loyalty\) is 12/);
    const diag = judgmentMatrix([[2, 3], [null, 1]], names.slice(0, 2), 'x');
    expect(!diag.ok && diag.problems[0]).toMatch(/diagonal cell \(satisfaction, satisfaction\)/);
    const size = judgmentMatrix([[1, 3]], names.slice(0, 2), 'x');
    expect(!size.ok && size.problems[0]).toMatch(/must be 2 × 2/);
  });
});

describe('judgmentValue', () => {
  it('reads numbers, fractions and decimals', () => {
    expect([judgmentValue(3), judgmentValue('1/3'), judgmentValue(' 2.5 '), judgmentValue('x')]).toEqual([
      3,
      1 / 3,
      2.5,
      Number.NaN,
    ]);
  });
});

describe('formatJudgment', () => {
  it('writes judgments the way judges enter them', () => {
    expect([formatJudgment(3), formatJudgment(1 / 5), formatJudgment(1.414)]).toEqual(['3', '1/5', '1.41']);
  });
});
