/**
 * Predictions of a fitted BG/NBD or MBG/NBD model for summaries (x, tₓ, T) in the model's time unit: P(alive),
 * P(no purchase in the next t) — the non-contractual churn probability — and expected purchases. `s` is 0 for
 * BG/NBD and 1 for MBG/NBD. The (a−1) forms are analytic continuations for a < 1 (CDNOW has a = 0.79): both factors
 * change sign and the product is the finite expectation; they are undefined at a = 1 exactly.
 */
import { sigmoid } from '../calibrate/sigmoid.ts';
import type { BgNbdParams } from './bgnbd-params.ts';
import { hyp2f1 } from './hypergeometric-2f1.ts';

const shiftOf = (params: BgNbdParams): number => (params.variant === 'mbgnbd' ? 1 : 0);

/** log of the odds "dropped out after the last purchase" : "alive", or −∞ when dropout is impossible. */
function logDeadOdds(params: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const s = shiftOf(params);
  if (s === 0 && x === 0) return -Infinity;
  return Math.log(a) - Math.log(b + x - 1 + s) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/**
 * P(alive at T) for each customer; NaN where T is NaN (no first purchase: outside the model).
 *   P(alive | x, tₓ, T) = 1 / (1 + δ · a/(b+x−1+s) · ((α+T)/(α+tₓ))^(r+x)),
 * with δ = 1{x>0} for BG/NBD (FHL 2005 eq. 13; a BG/NBD customer without repeat purchases is
 * alive by definition) and δ = 1 for MBG/NBD (Batislam et al. 2007).
 */
export function probabilityAlive(
  params: BgNbdParams,
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
): Float64Array {
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    // 1 / (1 + e^z) with z the log odds of having dropped out.
    out[i] = Number.isNaN(T[i]) ? NaN : sigmoid(-logDeadOdds(params, frequency[i], recency[i], T[i]));
  }
  return out;
}

/**
 * P(no purchase in the next t units) for each customer: the non-contractual churn probability,
 *   P(no purchase in (T, T+t] | x, tₓ, T) = 1 − P(alive) · [1 − ((α+T)/(α+T+t))^(r+x)].
 * Derivation: a customer dead at T makes no purchase; one alive at T stays alive until a purchase
 * (dropout happens only just after purchases), so given (λ, alive) the chance of no purchase is
 * e^(−λt). The likelihood's "alive" term (1−p)^(x+s) λˣ e^(−λT) becomes (1−p)^(x+s) λˣ e^(−λ(T+t));
 * integrating over λ ~ Gamma(r, α) turns (α+T)^−(r+x) into (α+T+t)^−(r+x), and dividing by the
 * likelihood gives P(alive) ((α+T)/(α+T+t))^(r+x). This is the y = 0 case of the conditional PMF
 * in Fader, Hardie & Lee's note "Deriving the conditional PMF of the BG/NBD model".
 */
export function probabilityNoPurchase(
  params: BgNbdParams,
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  t: number,
): Float64Array {
  const alive = probabilityAlive(params, frequency, recency, T);
  const { r, alpha } = params;
  for (let i = 0; i < alive.length; i++) {
    const stillQuiet = Math.exp((r + frequency[i]) * (Math.log(alpha + T[i]) - Math.log(alpha + T[i] + t)));
    alive[i] = 1 - alive[i] * (1 - stillQuiet);
  }
  return alive;
}

/**
 * E[purchases in the next t units | x, tₓ, T] for each customer (NaN where T is NaN):
 *   E[Y(t) | x, tₓ, T] = (a+b+x−1+s)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x)
 *                         ₂F₁(r+x, b+x+s; a+b+x−1+s; t/(α+T+t))] · P(alive)
 * (FHL 2005 eq. 10 for s = 0; for s = 1 the same derivation with the posterior p ~ Beta(a, b+x+1)
 * of a customer alive after x+1 purchases). Cost: one ₂F₁ series each.
 */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  t: number,
): Float64Array {
  const { r, alpha, a, b } = params;
  const s = shiftOf(params);
  const alive = probabilityAlive(params, frequency, recency, T);
  const out = new Float64Array(frequency.length);
  if (t === 0) return out;
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(T[i])) {
      // No first purchase yet: outside the model (P(alive) is NaN too).
      out[i] = NaN;
      continue;
    }
    const x = frequency[i];
    const base = alpha + T[i];
    const z = t / (base + t);
    const power = Math.exp((r + x) * (Math.log(base) - Math.log(base + t)));
    const bracket = 1 - power * hyp2f1(r + x, b + x + s, a + b + x - 1 + s, z);
    out[i] = ((a + b + x - 1 + s) / (a - 1)) * bracket * alive[i];
  }
  return out;
}
