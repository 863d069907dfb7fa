import { describe, expect, it } from 'vitest';
import { globalWeights } from '../../src/ahp/global-weights.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';
import { principalEigenvector } from '../../src/ahp/principal-eigenvector.ts';

/** A complete matrix from "a over b" judgments, as the example is published. */
function fromPairs(names: string[], pairs: Array<[string, string, number]>): number[][] {
  const rows = names.map((_, i) => names.map((__, j) => (i === j ? 1 : Number.NaN)));
  for (const [a, b, v] of pairs) {
    const i = names.indexOf(a);
    const j = names.indexOf(b);
    rows[i][j] = v;
    rows[j][i] = 1 / v;
  }
  return rows;
}

const cities = ['Bethesda', 'Boston', 'Pittsburgh', 'Santa Fe'];
const criteria = ['Culture', 'Family', 'Housing', 'Jobs', 'Transportation'];

// Saaty (2005), "Theory and Applications of the Analytic Network Process", choosing a city to
// live in; the same judgments are in AHPy's tests (test_cities_weights_saaty_precision_3), which
// give the synthesised priorities Bethesda .229, Boston .275, Pittsburgh .385, Santa Fe .111.
const goal = fromPairs(criteria, [
  ['Culture', 'Housing', 3], ['Culture', 'Transportation', 5], ['Family', 'Culture', 5],
  ['Family', 'Housing', 7], ['Family', 'Transportation', 7], ['Housing', 'Transportation', 3],
  ['Jobs', 'Culture', 2], ['Jobs', 'Housing', 4], ['Jobs', 'Transportation', 7], ['Family', 'Jobs', 1],
]);
const local = [
  fromPairs(cities, [
    ['Bethesda', 'Pittsburgh', 1], ['Boston', 'Bethesda', 2], ['Boston', 'Pittsburgh', 2.5],
    ['Boston', 'Santa Fe', 1], ['Santa Fe', 'Bethesda', 2], ['Santa Fe', 'Pittsburgh', 2.5],
  ]),
  fromPairs(cities, [
    ['Bethesda', 'Boston', 2], ['Bethesda', 'Santa Fe', 4], ['Boston', 'Santa Fe', 2],
    ['Pittsburgh', 'Bethesda', 3], ['Pittsburgh', 'Boston', 8], ['Pittsburgh', 'Santa Fe', 9],
  ]),
  fromPairs(cities, [
    ['Bethesda', 'Boston', 5], ['Bethesda', 'Santa Fe', 2.5], ['Pittsburgh', 'Bethesda', 2],
    ['Pittsburgh', 'Boston', 9], ['Pittsburgh', 'Santa Fe', 7], ['Santa Fe', 'Boston', 4],
  ]),
  fromPairs(cities, [
    ['Bethesda', 'Pittsburgh', 3], ['Bethesda', 'Santa Fe', 4], ['Boston', 'Bethesda', 2],
    ['Boston', 'Pittsburgh', 6], ['Boston', 'Santa Fe', 8], ['Pittsburgh', 'Santa Fe', 1],
  ]),
  fromPairs(cities, [
    ['Bethesda', 'Boston', 1.5], ['Bethesda', 'Santa Fe', 4], ['Boston', 'Santa Fe', 2.5],
    ['Pittsburgh', 'Bethesda', 2], ['Pittsburgh', 'Boston', 3.5], ['Pittsburgh', 'Santa Fe', 9],
  ]),
];

describe('globalWeights', () => {
  it('multiplies local weights down the hierarchy (hand-checked)', () => {
    expect(globalWeights([0.6, 0.4], [[0.5, 0.5], [1]])).toEqual([[0.3, 0.3], [0.4]]);
  });

  it("synthesises Saaty's city example to the published priorities", () => {
    const top = principalEigenvector(pairwiseMatrix(goal)).weights;
    const g = globalWeights(top, local.map((m) => principalEigenvector(pairwiseMatrix(m)).weights));
    // The alternatives recur under every criterion: a city's priority is the sum over criteria.
    const byCity = cities.map((_, c) => g.reduce((s, row) => s + row[c], 0));
    [0.229, 0.275, 0.385, 0.111].forEach((p, c) => expect(byCity[c]).toBeCloseTo(p, 3));
  });

  it('gives global weights that sum to 1', () => {
    const g = globalWeights([0.2, 0.8], [[0.1, 0.9], [0.3, 0.3, 0.4]]);
    expect(g.flat().reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });
});
