/**
 * Where the judges and the data disagree: each judgment a_ij beside the ratio l_i / l_j the learned weights imply,
 * by ln(a_ij) − ln(l_i / l_j), which puts "3× too high" and "3× too low" at the same distance (Crawford & Williams
 * 1985). Sorted by |log-ratio|, largest first; pairs with a learned weight of 0 have no finite ratio and are skipped.
 */
import type { PairwiseMatrix } from './pairwise-matrix.ts';

export interface JudgmentDisagreement {
  readonly row: number;
  readonly col: number;
  readonly judged: number;
  readonly implied: number;
  /** ln(judged / implied): positive = the judges rate the row criterion higher than the data does. */
  readonly logRatio: number;
}

export function judgmentDisagreements(judged: PairwiseMatrix, learned: ArrayLike<number>): JudgmentDisagreement[] {
  const { n, values } = judged;
  if (learned.length !== n) throw new Error(`judgmentDisagreements: ${learned.length} learned weights for ${n} criteria`);
  const out: JudgmentDisagreement[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (!(learned[i] > 0 && learned[j] > 0)) continue;
      const a = values[i * n + j];
      const implied = learned[i] / learned[j];
      out.push({ row: i, col: j, judged: a, implied, logRatio: Math.log(a / implied) });
    }
  }
  return out.sort((p, q) => Math.abs(q.logRatio) - Math.abs(p.logRatio) || p.row - q.row || p.col - q.col);
}
