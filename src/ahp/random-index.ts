/**
 * Saaty's random index RI(n): the mean consistency index of random reciprocal matrices of order n
 * filled from the 1–9 scale. The table is the one in Saaty, "Theory and Applications of the
 * Analytic Network Process" (RWS Publications, 2005), p. 31 — the table AHPy uses as 'saaty'.
 * (The older 1980 table, 0.58, 0.90, 1.12, …, differs in the second decimal; CRs computed with it
 * are not comparable with ours.)
 */
export const RANDOM_INDEX: Readonly<Record<number, number>> = {
  1: 0,
  2: 0,
  3: 0.52,
  4: 0.89,
  5: 1.11,
  6: 1.25,
  7: 1.35,
  8: 1.4,
  9: 1.45,
  10: 1.49,
  11: 1.52,
  12: 1.54,
  13: 1.56,
  14: 1.58,
  15: 1.59,
};

/** The largest matrix the table covers; configs with more criteria under one node are refused. */
export const MAX_CRITERIA = 15;

/**
 * RI for n criteria. Throws for n outside 1–15 (a config check refuses such matrices first).
 * @example randomIndex(4) // => 0.89
 */
export function randomIndex(n: number): number {
  const ri = RANDOM_INDEX[n];
  if (ri === undefined) throw new Error(`randomIndex: no random index for n = ${n} (table covers 1–${MAX_CRITERIA})`);
  return ri;
}
