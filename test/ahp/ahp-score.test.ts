import { describe, expect, it } from 'vitest';
import { ahpScores } from '../../src/ahp/ahp-score.ts';

describe('ahpScores', () => {
  const table = {
    cutoff: [1, 1, 1, 2, 2],
    columns: {
      nps: Float64Array.of(0, 5, 10, 3, 9),
      tickets: Float64Array.of(4, 2, 0, 1, 1),
    },
  };

  it('weights the oriented percentiles: healthier as is, riskier turned around (hand-checked)', () => {
    const { score, indicatorScores } = ahpScores(table, [
      { feature: 'nps', globalWeight: 0.75, direction: 'healthier' },
      { feature: 'tickets', globalWeight: 0.25, direction: 'riskier' },
    ]);
    // Cutoff 1: nps percentiles 0, 50, 100; tickets 100, 50, 0 → turned 0, 50, 100.
    expect(Array.from(score.subarray(0, 3))).toEqual([0, 50, 100]);
    // Cutoff 2 is ranked on its own: nps 0, 100; tickets tied → 50 each.
    expect(score[3]).toBeCloseTo(0.75 * 0 + 0.25 * 50, 12);
    expect(score[4]).toBeCloseTo(0.75 * 100 + 0.25 * 50, 12);
    expect(indicatorScores.cols).toBe(2);
    expect(indicatorScores.data[0 * 2 + 1]).toBe(0);
  });

  it('normalises weights that do not sum to 1', () => {
    const a = ahpScores(table, [{ feature: 'nps', globalWeight: 2, direction: 'healthier' }]);
    expect(a.score[2]).toBe(100);
  });

  it('stays within 0–100', () => {
    const { score } = ahpScores(table, [
      { feature: 'nps', globalWeight: 0.5, direction: 'riskier' },
      { feature: 'tickets', globalWeight: 0.5, direction: 'riskier' },
    ]);
    for (const s of score) expect(s >= 0 && s <= 100).toBe(true);
  });

  it('throws on a column the table does not have (a wiring bug)', () => {
    expect(() => ahpScores(table, [{ feature: 'mrr', globalWeight: 1, direction: 'healthier' }])).toThrow(/"mrr"/);
  });
});
