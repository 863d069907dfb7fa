/**
 * Saaty's random index RI(n), the mean consistency index of random reciprocal matrices of order n, from Saaty,
 * "Theory and Applications of the Analytic Network Process" (2005), p. 31 (AHPy's 'saaty'). The older 1980 table
 * (0.58, 0.90, 1.12, …) differs in the second decimal, so CRs computed with it are not comparable with ours.
 */
/** RI for n = 1, 2, …, 15. */
const RANDOM_INDEX: readonly number[] = [0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59];

/** The largest matrix the table covers; configs with more criteria under one node are refused. */
export const MAX_CRITERIA = RANDOM_INDEX.length;

/**
 * RI for n criteria. Throws for n outside 1–15 (a config check refuses such matrices first).
 * @example randomIndex(4) // => 0.89
 */
export function randomIndex(n: number): number {
  const ri = Number.isInteger(n) ? RANDOM_INDEX[n - 1] : undefined;
  if (ri === undefined) throw new Error(`randomIndex: no random index for n = ${n} (table covers 1–${MAX_CRITERIA})`);
  return ri;
}
