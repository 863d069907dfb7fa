/**
 * Saaty's consistency ratio CR = CI / RI(n), with RI from `random-index.ts` (Saaty 2005 table).
 * Judgments with CR above 0.10 are conventionally revised (Saaty 1980, §1.4). 0 for n ≤ 2.
 * @example consistencyRatio(4.2, 4) // => 0.0749 (CI 0.0667 / RI 0.89)
 */
import { consistencyIndex } from './consistency-index.ts';
import { randomIndex } from './random-index.ts';

/** Saaty's threshold: above it, the judgments should be revisited. */
export const CR_THRESHOLD = 0.1;

export function consistencyRatio(lambdaMax: number, n: number): number {
  if (n <= 2) return 0;
  return consistencyIndex(lambdaMax, n) / randomIndex(n);
}
