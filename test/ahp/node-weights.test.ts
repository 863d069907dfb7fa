import { describe, expect, it } from 'vitest';
import { nodeWeights } from '../../src/ahp/node-weights.ts';
import { DRINKS, upperTriangle } from './examples.ts';

describe('nodeWeights', () => {
  it("weighs a judge's upper triangle like the published drinks example", () => {
    const r = nodeWeights('goal', DRINKS.criteria, { method: 'pairwise', judges: [{ judge: 'Saaty', matrix: upperTriangle(DRINKS.rows) }] }, 'x');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    DRINKS.weights.forEach((p, i) => expect(r.node.weights[i]).toBeCloseTo(p, 3));
    expect(r.node.consistencyRatio).toBeCloseTo(0.022, 3);
    expect(r.node.randomIndex).toBe(1.35);
    expect(r.node.warnings).toEqual([]);
  });

  it('turns percentages into the consistent matrix they imply (CR 0)', () => {
    const r = nodeWeights('goal', ['a', 'b', 'c'], { method: 'percentages', weights: { a: 50, b: 30, c: 20 } }, 'x');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.node.weights).toEqual([0.5, 0.3, 0.2].map((v) => expect.closeTo(v, 12)));
    expect(r.node.matrix[0][1]).toBeCloseTo(5 / 3, 12);
    expect(r.node.consistencyRatio).toBeCloseTo(0, 12);
  });

  it('refuses percentages that do not sum to 100 or name unknown criteria', () => {
    const sum = nodeWeights('goal', ['a', 'b'], { method: 'percentages', weights: { a: 50, b: 30 } }, 'cfg.json: dimensions');
    expect(!sum.ok && sum.problems).toEqual(['cfg.json: dimensions: percentages sum to 80, not 100']);
    const names = nodeWeights('goal', ['a', 'b'], { method: 'percentages', weights: { a: 50, z: 50 } }, 'x');
    expect(!names.ok && names.problems.join('\n')).toMatch(/no percentage for "b"[\s\S]*unknown "z"/);
  });

  it('gives equal weights when a dimension has no judgments', () => {
    const r = nodeWeights('d', ['x', 'y', 'z', 'w'], undefined, 'x');
    expect(r.ok && r.node.weights).toEqual([0.25, 0.25, 0.25, 0.25].map((v) => expect.closeTo(v, 12)));
  });

  it('combines judges by the geometric mean and reports each judge’s CR', () => {
    const r = nodeWeights(
      'goal',
      ['amount', 'interaction', 'satisfaction'],
      {
        method: 'pairwise',
        judges: [
          { judge: 'A', matrix: [[1, 2, 1], [null, 1, 1], [null, null, 1]] },
          { judge: 'B', matrix: [[1, 1, 2], [null, 1, 1], [null, null, 1]] },
        ],
      },
      'x',
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.node.matrix[0][1]).toBeCloseTo(Math.SQRT2, 12);
    // The combined matrix (√2, √2, 1) is consistent: weights 2^(1/3) : 2^(−1/6) : 2^(−1/6).
    const w0 = 2 ** (1 / 3) / (2 ** (1 / 3) + 2 * 2 ** (-1 / 6));
    expect(r.node.weights[0]).toBeCloseTo(w0, 10);
    expect(r.node.judgeConsistency.map((j) => j.judge)).toEqual(['A', 'B']);
    expect(r.node.judgeConsistency[0].consistencyRatio).toBeGreaterThan(0);
  });

  it('completes missing judgments by Harker and lists them', () => {
    const r = nodeWeights('goal', ['a', 'b', 'c'], { method: 'pairwise', judges: [{ judge: 'A', matrix: [[1, 2, null], [null, 1, 3], [null, null, 1]] }] }, 'x');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.node.completed).toEqual([{ row: 'a', col: 'c', value: expect.closeTo(6, 9) }]);
  });

  it('warns above CR 0.10 and names the judgment to change', () => {
    const r = nodeWeights(
      'goal',
      ['satisfaction', 'loyalty', 'activity', 'financial'],
      { method: 'pairwise', judges: [{ judge: 'A', matrix: [[1, 2, 4, '1/8'], [null, 1, 2, 4], [null, null, 1, 2], [null, null, null, 1]] }] },
      'cfg.json: dimensions',
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.node.warnings[0]).toMatch(
      /^cfg\.json: dimensions: consistency ratio \d\.\d+ is above 0\.1; .*\(satisfaction, financial\) from 1\/8 to 8 → CR 0\.000/,
    );
    expect(r.node.revisions[0]).toMatchObject({ row: 'satisfaction', col: 'financial', suggested: 8 });
  });

  it('refuses judgments that leave criteria unlinked, naming the groups', () => {
    const r = nodeWeights(
      'goal',
      ['a', 'b', 'c', 'd'],
      { method: 'pairwise', judges: [{ judge: 'A', matrix: [[1, 2, null, null], [null, 1, null, null], [null, null, 1, 3], [null, null, null, 1]] }] },
      'x',
    );
    expect(!r.ok && r.problems[0]).toMatch(/\{a, b\} and \{c, d\} are never compared/);
  });

  it('refuses more than 15 criteria under one node', () => {
    const names = Array.from({ length: 16 }, (_, i) => `c${i}`);
    const r = nodeWeights('goal', names, undefined, 'x');
    expect(!r.ok && r.problems[0]).toMatch(/at most 15/);
  });
});
