/**
 * Which judgments to revisit when CR > 0.10: for every a_ij (i < j), the scale value that lowers CR the most if it
 * alone changed, ranked by the CR that results — Saaty's one-judgment sensitivity (Saaty 2003, EJOR 145:85–91, §4),
 * searched over the scale rather than by the derivative so that the suggestion is a value a judge can enter.
 * Cost: n²/2 judgments × 17 scale values × one eigenvector each.
 */
import { consistencyRatio } from './consistency-ratio.ts';
import type { PairwiseMatrix } from './pairwise-matrix.ts';
import { principalEigenvector } from './principal-eigenvector.ts';

export interface JudgmentRevision {
  readonly row: number;
  readonly col: number;
  /** The judgment now (a_ij, row criterion over column criterion). */
  readonly current: number;
  /** The scale value that gives the lowest CR when only this judgment changes. */
  readonly suggested: number;
  readonly crBefore: number;
  readonly crAfter: number;
}

/** Saaty's 1–9 scale with reciprocals: 1/9, 1/8, …, 1/2, 1, 2, …, 9. */
export const SAATY_SCALE: readonly number[] = [...[9, 8, 7, 6, 5, 4, 3, 2].map((v) => 1 / v), 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** `m` is complete; `changeable` says which upper cells a judge gave (completed ones are not revisable). */
export function judgmentsToRevise(
  m: PairwiseMatrix,
  changeable?: (row: number, col: number) => boolean,
  limit = 3,
): JudgmentRevision[] {
  const { n } = m;
  const crBefore = consistencyRatio(principalEigenvector(m).lambdaMax, n);
  const trial = Float64Array.from(m.values);
  const out: JudgmentRevision[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (changeable && !changeable(i, j)) continue;
      const current = m.values[i * n + j];
      let best = { value: current, cr: crBefore };
      for (const v of SAATY_SCALE) {
        trial[i * n + j] = v;
        trial[j * n + i] = 1 / v;
        const cr = consistencyRatio(principalEigenvector({ n, values: trial }).lambdaMax, n);
        if (cr < best.cr - 1e-12) best = { value: v, cr };
      }
      trial[i * n + j] = current;
      trial[j * n + i] = 1 / current;
      if (best.cr < crBefore) out.push({ row: i, col: j, current, suggested: best.value, crBefore, crAfter: best.cr });
    }
  }
  out.sort((a, b) => a.crAfter - b.crAfter || a.row - b.row || a.col - b.col);
  return out.slice(0, limit);
}
