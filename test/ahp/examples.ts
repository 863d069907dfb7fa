/**
 * Published AHP worked examples used by several tests. Each names its source; the expected
 * weights are the published ones (rounded as published).
 */
const r = (x: number) => 1 / x;

/**
 * Wikipedia, "Analytic hierarchy process – leader example", criteria with respect to the goal
 * (experience, education, charisma, age). Published priorities: .547, .127, .270, .056.
 */
export const LEADER = {
  criteria: ['experience', 'education', 'charisma', 'age'],
  rows: [
    [1, 4, 3, 7],
    [r(4), 1, r(3), 3],
    [r(3), 3, 1, 5],
    [r(7), r(3), r(5), 1],
  ],
  weights: [0.547, 0.127, 0.27, 0.056],
};

/**
 * Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences
 * 1(1):83–98, Table 2: relative consumption of drinks in the United States. Published derived
 * priorities .177, .019, .042, .116, .190, .129, .327; CR 0.022 with the Saaty (2005) random index
 * (the value AHPy's test suite asserts, tests/test_ahp.py `test_drinks_cr_saaty`).
 */
export const DRINKS = {
  criteria: ['coffee', 'wine', 'tea', 'beer', 'soda', 'milk', 'water'],
  rows: [
    [1, 9, 5, 2, 1, 1, r(2)],
    [r(9), 1, r(3), r(9), r(9), r(9), r(9)],
    [r(5), 3, 1, r(3), r(4), r(3), r(9)],
    [r(2), 9, 3, 1, r(2), 1, r(3)],
    [1, 9, 4, 2, 1, 2, r(2)],
    [1, 9, 3, 1, r(2), 1, r(3)],
    [2, 9, 9, 3, 2, 3, 1],
  ],
  weights: [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327],
  consistencyRatio: 0.022,
};

/** Upper triangle of a complete matrix as a judge would enter it (lower triangle null). */
export function upperTriangle(rows: readonly number[][]): (number | null)[][] {
  return rows.map((row, i) => row.map((v, j) => (j >= i ? v : null)));
}
