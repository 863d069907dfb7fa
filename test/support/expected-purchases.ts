/** The oracle simulate-purchases.test.ts checks the simulator against: not needed by the library itself. */
import type { BgNbdParams } from '../../src/value/bgnbd-params.ts';
import { hyp2f1 } from '../../src/value/hypergeometric-2f1.ts';

/**
 * E[X(t)]: expected repeat purchases in the first t units after a new customer's first purchase.
 *   BG/NBD (FHL 2005 eq. 9): (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
 *   MBG/NBD: b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))] (E[(1−p)/p] = b/(a−1) replaces E[1/p], then
 *   Pfaff's transformation, DLMF 15.8.1)
 */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const power = Math.pow(alpha / (alpha + t), r);
  const z = t / (alpha + t);
  return params.variant === 'mbgnbd'
    ? (b / (a - 1)) * (1 - power * hyp2f1(r, b + 1, a + b, z))
    : ((a + b - 1) / (a - 1)) * (1 - power * hyp2f1(r, b, a + b - 1, z));
}
