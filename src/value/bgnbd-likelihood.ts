/** Log-likelihood of BG/NBD or MBG/NBD parameters given purchase histories, with its gradient in the log parameters. */
import { gammaln } from 'simple-statistics';
import { sigmoid } from '../calibrate/sigmoid.ts';
import type { BgNbdParams } from './bgnbd-params.ts';
import { digamma } from './digamma.ts';
import { logAddExp } from './log-add-exp.ts';
import type { PurchaseHistories } from './purchase-histories.ts';

/**
 * Σ count · log L over the histories. When `grad` (length 4) is given, it receives the gradient
 * with respect to (ln r, ln α, ln a, ln b).
 *
 * BG/NBD, Fader, Hardie & Lee (2005) eq. 6:
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) αʳ / Γ(r) · [ (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x) ]
 * MBG/NBD, Batislam et al. (2007): dropout is also possible right after the first purchase, so the "alive at T"
 * term carries (1−p)^(x+1) and the "dropped after the last purchase" term p(1−p)^x, for every x:
 *   L = B(a, b+x+1)/B(a, b) · Γ(r+x) αʳ / Γ(r) · [ (α+T)^−(r+x) + a/(b+x) (α+tₓ)^−(r+x) ]
 * (Integrating (1−p)^(x+1) λˣ e^−λT + p(1−p)^x λˣ e^−λtₓ over the Gamma and Beta mixing laws.)
 *
 * With s = 0 (BG/NBD) or 1 (MBG/NBD), log L = H(x) + log(e^A + e^D), where
 *   H(x) = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x+s) − lnΓ(b) − lnΓ(a+b+x+s),
 *   A = −(r+x) ln(α+T),  D = ln a − ln(b+x−1+s) − (r+x) ln(α+tₓ).
 * The bracket is summed in log space because both powers underflow for frequent buyers. The
 * gradient follows by differentiating H, A and D; w = e^D / (e^A + e^D) weighs the two branches.
 *
 * Cost: O(rows) with one exp and one log1p per row; logs and log-gammas once per distinct x, T, tₓ.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, h: PurchaseHistories, grad?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const s = params.variant === 'mbgnbd' ? 1 : 0;
  let maxX = 0;
  for (let i = 0; i < h.x.length; i++) if (h.x[i] > maxX) maxX = h.x[i];

  // Per distinct x (x is a whole number, so arrays indexed by x).
  const head = new Float64Array(maxX + 1);
  const logDropOdds = new Float64Array(maxX + 1); // ln a − ln(b+x−1+s), −∞ when dropout is impossible
  const common = -gammaln(r) + r * Math.log(alpha) + gammaln(a + b) - gammaln(b);
  for (let x = 0; x <= maxX; x++) {
    head[x] = common + gammaln(r + x) + gammaln(b + x + s) - gammaln(a + b + x + s);
    logDropOdds[x] = s === 0 && x === 0 ? -Infinity : Math.log(a) - Math.log(b + x - 1 + s);
  }
  const logT = h.tValues.map((t) => Math.log(alpha + t));
  const logTx = h.txValues.map((t) => Math.log(alpha + t));
  const invT = grad ? h.tValues.map((t) => 1 / (alpha + t)) : logT;
  const invTx = grad ? h.txValues.map((t) => 1 / (alpha + t)) : logTx;

  let total = 0;
  // Gradient accumulators: per-x sums of count and count·w, per-row sums for r and α.
  const countX = grad ? new Float64Array(maxX + 1) : null;
  const dropX = grad ? new Float64Array(maxX + 1) : null;
  let dR = 0;
  let dAlpha = 0;
  for (let i = 0; i < h.x.length; i++) {
    const x = h.x[i];
    const ti = h.tIndex[i];
    const txi = h.txIndex[i];
    const lt = logT[ti];
    const ltx = logTx[txi];
    const alive = -(r + x) * lt;
    const dropped = logDropOdds[x] - (r + x) * ltx;
    const c = h.count[i];
    total += c * (head[x] + logAddExp(alive, dropped));
    if (countX && dropX) {
      // w = P(dropped branch) = e^D / (e^A + e^D) = σ(D − A); 0 when D = −∞.
      const w = sigmoid(dropped - alive);
      countX[x] += c;
      dropX[x] += c * w;
      dR -= c * ((1 - w) * lt + w * ltx);
      dAlpha -= c * (r + x) * ((1 - w) * invT[ti] + w * invTx[txi]);
    }
  }
  if (grad && countX && dropX) {
    let dA = 0;
    let dB = 0;
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    for (let x = 0; x <= maxX; x++) {
      const c = countX[x];
      if (c === 0) continue;
      const psiABX = digamma(a + b + x + s);
      dR += c * (digamma(r + x) - psiR + Math.log(alpha));
      dAlpha += (c * r) / alpha;
      dA += c * (psiAB - psiABX) + dropX[x] / a;
      dB += c * (psiAB - psiB + digamma(b + x + s) - psiABX);
      if (dropX[x] > 0) dB -= dropX[x] / (b + x - 1 + s);
    }
    // Chain rule to log parameters: ∂/∂ln θ = θ ∂/∂θ.
    grad[0] = r * dR;
    grad[1] = alpha * dAlpha;
    grad[2] = a * dA;
    grad[3] = b * dB;
  }
  return total;
}
