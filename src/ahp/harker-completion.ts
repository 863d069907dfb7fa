/**
 * Completion of an incomplete pairwise matrix by Harker's method (Harker 1987, Mathematical Modelling
 * 9(11):837–848): each missing a_ij becomes 0 and each diagonal entry gains the number missing in its row; the
 * principal eigenvector w of that matrix is the priority vector, and a missing a_ij is completed as w_i / w_j.
 * The given judgments must connect all criteria; otherwise the separate groups come back as a problem.
 */
import type { PairwiseMatrix } from './pairwise-matrix.ts';
import { principalEigenvector } from './principal-eigenvector.ts';

export type HarkerResult =
  | { ok: true; matrix: PairwiseMatrix; weights: Float64Array; completed: Array<{ row: number; col: number; value: number }> }
  | { ok: false; groups: number[][] };

/** Groups of criteria linked by given judgments (connected components of the judgment graph). */
export function judgmentGroups(m: PairwiseMatrix): number[][] {
  const { n, values } = m;
  const group = new Int32Array(n).fill(-1);
  const groups: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (group[s] >= 0) continue;
    const members = [s];
    group[s] = groups.length;
    for (let k = 0; k < members.length; k++) {
      const i = members[k];
      for (let j = 0; j < n; j++) {
        if (group[j] < 0 && !Number.isNaN(values[i * n + j])) {
          group[j] = groups.length;
          members.push(j);
        }
      }
    }
    groups.push(members.sort((a, b) => a - b));
  }
  return groups;
}

/** @example a 3 × 3 matrix with a_12 = 2, a_23 = 3 and a_13 missing completes a_13 = 6. */
export function harkerCompletion(m: PairwiseMatrix): HarkerResult {
  const { n, values } = m;
  const groups = judgmentGroups(m);
  if (groups.length > 1) return { ok: false, groups };
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let missing = 0;
    for (let j = 0; j < n; j++) {
      const v = values[i * n + j];
      if (i !== j && Number.isNaN(v)) missing++;
      else c[i * n + j] = v;
    }
    c[i * n + i] = 1 + missing;
  }
  const { weights } = principalEigenvector({ n, values: c });
  const completedValues = Float64Array.from(values);
  const completed: Array<{ row: number; col: number; value: number }> = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (Number.isNaN(values[i * n + j])) {
        completedValues[i * n + j] = weights[i] / weights[j];
        if (i < j) completed.push({ row: i, col: j, value: weights[i] / weights[j] });
      }
    }
  }
  return { ok: true, matrix: { n, values: completedValues }, weights, completed };
}
