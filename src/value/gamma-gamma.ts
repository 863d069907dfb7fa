/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, JMR 42(4); Fader & Hardie 2013):
 * a customer's amounts are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers. Assumes spend independent of
 * frequency; fitted on repeat buyers with their mean repeat-purchase amount (lifetimes' convention).
 */
import { z } from 'zod';
import { gammaln } from 'simple-statistics';
import { digamma } from './digamma.ts';
import { maximiseLogLikelihood, SearchOutcome } from './maximum-likelihood.ts';

export const GammaGammaParams = z.object({
  p: z.number().positive(),
  q: z.number().positive(),
  gamma: z.number().positive(),
});
export type GammaGammaParams = z.infer<typeof GammaGammaParams>;

export const GammaGammaFit = z.object({
  params: GammaGammaParams,
  logLikelihood: z.number(),
  /** Repeat buyers the fit used. */
  customers: z.number().int(),
  /** Repeat buyers left out because their mean repeat spend was 0 or negative (free orders, refunds). */
  excluded: z.number().int(),
  ...SearchOutcome.shape,
});
export type GammaGammaFit = z.infer<typeof GammaGammaFit>;

interface SpendData {
  x: Float64Array;
  /** m̄x, the total repeat spend, and its log: constant across evaluations. */
  spend: Float64Array;
  logSpend: Float64Array;
  maxX: number;
}

function spendData(x: Float64Array, m: Float64Array): SpendData {
  const spend = new Float64Array(x.length);
  const logSpend = new Float64Array(x.length);
  let maxX = 0;
  for (let i = 0; i < x.length; i++) {
    spend[i] = m[i] * x[i];
    logSpend[i] = Math.log(spend[i]);
    if (x[i] > maxX) maxX = x[i];
  }
  return { x, spend, logSpend, maxX };
}

/**
 * Σ log f over repeat buyers; with `grad` (length 3), the gradient in (ln p, ln q, ln γ). Cost: one log per
 * customer plus log-gammas and digammas per distinct x.
 *   ∂/∂p = Σ x [ψ(px+q) − ψ(px) + ln(m̄x) − ln(γ+m̄x)]
 *   ∂/∂q = Σ [ψ(px+q) − ψ(q) + ln γ − ln(γ+m̄x)]
 *   ∂/∂γ = Σ [q/γ − (px+q)/(γ+m̄x)]
 */
function spendLogLikelihood(params: GammaGammaParams, d: SpendData, grad?: Float64Array): number {
  const { p, q, gamma } = params;
  const common = -gammaln(q) + q * Math.log(gamma);
  const perX = new Float64Array(d.maxX + 1).fill(NaN);
  let total = 0;
  let dP = 0;
  let dQ = 0;
  let dG = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    let head = perX[x];
    if (Number.isNaN(head)) {
      head = common + gammaln(p * x + q) - gammaln(p * x) + Math.log(x);
      perX[x] = head;
    }
    const logTotal = Math.log(gamma + d.spend[i]);
    total += head + (p * x - 1) * d.logSpend[i] - (p * x + q) * logTotal;
    if (grad) {
      dP += x * (d.logSpend[i] - logTotal);
      dQ -= logTotal;
      dG -= (p * x + q) / (gamma + d.spend[i]);
    }
  }
  if (grad) {
    // The digamma terms depend on x only: add them once per distinct x, weighted by its count.
    const countX = new Float64Array(d.maxX + 1);
    for (let i = 0; i < d.x.length; i++) countX[d.x[i]]++;
    const psiQ = digamma(q);
    for (let x = 1; x <= d.maxX; x++) {
      if (countX[x] === 0) continue;
      const psiPXQ = digamma(p * x + q);
      dP += countX[x] * x * (psiPXQ - digamma(p * x));
      dQ += countX[x] * (psiPXQ - psiQ + Math.log(gamma));
      dG += (countX[x] * q) / gamma;
    }
    grad[0] = p * dP;
    grad[1] = q * dQ;
    grad[2] = gamma * dG;
  }
  return total;
}

/**
 * Fit p, q, γ on the repeat buyers with a positive mean spend: the Gamma law has no mass at 0 or below, so the
 * others (CDNOW has a few $0 orders) are left out and counted. `{ problem }` for a malformed row or no buyer left.
 *
 * @example
 * // CDNOW 1/10 sample, 946 repeat buyers (Fader, Hardie & Lee 2005, "RFM and CLV"):
 * fitGammaGamma(s.frequency, s.monetary); // => params ≈ { p: 6.25, q: 3.74, gamma: 15.44 }
 */
export function fitGammaGamma(
  frequency: Float64Array,
  monetary: Float64Array,
): { fit: GammaGammaFit } | { problem: string } {
  // Keep only repeat buyers, and move them into dense arrays so the hot loop skips nothing.
  const xs: number[] = [];
  const ms: number[] = [];
  let excluded = 0;
  for (let i = 0; i < frequency.length; i++) {
    if (!(frequency[i] > 0)) continue;
    if (!Number.isInteger(frequency[i])) return { problem: `customer ${i}: frequency ${frequency[i]} is not a whole number` };
    if (!Number.isFinite(monetary[i])) return { problem: `customer ${i}: mean repeat spend ${monetary[i]} is not a number` };
    if (!(monetary[i] > 0)) {
      excluded++;
      continue;
    }
    xs.push(frequency[i]);
    ms.push(monetary[i]);
  }
  if (xs.length === 0) return { problem: 'no customer has a repeat purchase with positive spend, so spend per purchase cannot be fitted' };
  const m = Float64Array.from(ms);
  const data = spendData(Float64Array.from(xs), m);
  const toParams = (v: Float64Array): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });
  let meanSpend = 0;
  for (let i = 0; i < m.length; i++) meanSpend += m[i] / m.length;
  // Start at p = q = 1 with γ at the mean spend, the scale of the data.
  const start = Float64Array.of(0, 0, Math.log(meanSpend));
  const likelihood = (v: Float64Array, grad: Float64Array) => spendLogLikelihood(toParams(v), data, grad);
  const { x, logLikelihood, ...search } = maximiseLogLikelihood(likelihood, start, xs.length);
  return { fit: { params: toParams(x), logLikelihood, customers: xs.length, excluded, ...search } };
}

/**
 * Expected mean spend per purchase, the weighted average of the population mean and the customer's own:
 *   E[M | m̄, x] = (q−1)/(px+q−1) · γp/(q−1) + px/(px+q−1) · m̄ = p(γ + m̄x)/(px + q − 1);
 * for x = 0 this is the population mean pγ/(q − 1). NaN where q ≤ 1 (the mean does not exist).
 */
export function expectedAverageSpend(params: GammaGammaParams, frequency: Float64Array, monetary: Float64Array): Float64Array {
  const { p, q, gamma } = params;
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] > 0 ? frequency[i] : 0;
    const denominator = p * x + q - 1;
    out[i] = denominator > 0 ? (p * (gamma + monetary[i] * x)) / denominator : NaN;
  }
  return out;
}
