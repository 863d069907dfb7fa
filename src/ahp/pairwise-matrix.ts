/**
 * A pairwise comparison matrix (Saaty 1977, "A scaling method for priorities in hierarchical
 * structures", J. Math. Psychology 15:234–281): entry (i, j) says how many times more important
 * criterion i is than criterion j, so a_ji = 1 / a_ij and a_ii = 1. NaN marks a missing judgment.
 */
export interface PairwiseMatrix {
  readonly n: number;
  /** Row-major n × n: a_ij is values[i * n + j]; NaN where no judgment was given. */
  readonly values: Float64Array;
}

/**
 * Builds a matrix from rows of numbers (null or NaN = missing). Throws on a non-square input,
 * which is a bug in the caller: users' matrices are checked by `judgmentMatrix` first.
 * @example pairwiseMatrix([[1, 3], [1 / 3, 1]]).values // => Float64Array [1, 3, 0.333…, 1]
 */
export function pairwiseMatrix(rows: ReadonlyArray<ReadonlyArray<number | null>>): PairwiseMatrix {
  const n = rows.length;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (rows[i].length !== n) throw new Error(`pairwiseMatrix: row ${i} has ${rows[i].length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) values[i * n + j] = rows[i][j] ?? Number.NaN;
  }
  return { n, values };
}

/** The matrix as nested arrays (null for missing), for JSON artifacts and printing. */
export function matrixRows(m: PairwiseMatrix): (number | null)[][] {
  return Array.from({ length: m.n }, (_, i) =>
    Array.from(m.values.subarray(i * m.n, (i + 1) * m.n), (v) => (Number.isNaN(v) ? null : v)),
  );
}

export function isComplete(m: PairwiseMatrix): boolean {
  return !m.values.some(Number.isNaN);
}
