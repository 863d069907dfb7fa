/** Maximum-likelihood fit of BG/NBD or MBG/NBD on the log parameters (ln r, ln α, ln a, ln b), analytic gradient. */
import { z } from 'zod';
import { BgNbdParams, PurchaseModelVariant } from './bgnbd-params.ts';
import { bgNbdLogLikelihood } from './bgnbd-likelihood.ts';
import { maximiseLogLikelihood, SearchOutcome } from './maximum-likelihood.ts';
import { aggregateHistories } from './purchase-histories.ts';
import { TimeUnit } from './transaction-summary.ts';

export const BgNbdFitOptions = z.object({
  variant: PurchaseModelVariant.default('bgnbd'),
  unit: TimeUnit.default('days'),
});
export type BgNbdFitOptions = z.input<typeof BgNbdFitOptions>;

export const BgNbdFit = z.object({
  params: BgNbdParams,
  logLikelihood: z.number(),
  /** Customers the fit used (those with a first purchase). */
  customers: z.number().int(),
  /** Distinct (x, tₓ, T) rows the likelihood was evaluated over. */
  distinctHistories: z.number().int(),
  ...SearchOutcome.shape,
});
export type BgNbdFit = z.infer<typeof BgNbdFit>;

/**
 * Fit to per-customer summaries in `unit` (T = NaN rows skipped). Returns `{ problem }` for summaries the model
 * cannot take (negative or fractional frequency, recency outside [0, T]) or when no customer is left.
 *
 * @example
 * // CDNOW 1/10 sample, weeks, calibration to 1997-09-30 (Fader, Hardie & Lee 2005, Table 1):
 * fitBgNbd(s.frequency, s.recency, s.T, { unit: 'weeks' });
 * // => { fit: { params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ... }, ... } }
 */
export function fitBgNbd(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  options: BgNbdFitOptions = {},
): { fit: BgNbdFit } | { problem: string } {
  const o = BgNbdFitOptions.parse(options);
  const merged = aggregateHistories(frequency, recency, T);
  if ('problem' in merged) return merged;
  const h = merged.histories;
  if (h.customers === 0) return { problem: 'no customer has a purchase before the observation end' };

  const toParams = (v: Float64Array): BgNbdParams => ({
    variant: o.variant,
    unit: o.unit,
    r: Math.exp(v[0]),
    alpha: Math.exp(v[1]),
    a: Math.exp(v[2]),
    b: Math.exp(v[3]),
  });
  // Start at r = a = b = 1 with α at the mean T, the scale of the observed purchase gaps.
  let meanT = 0;
  for (let i = 0; i < h.T.length; i++) meanT += (h.count[i] * h.T[i]) / h.customers;
  const start = Float64Array.of(0, Math.log(Math.max(meanT, 1e-6)), 0, 0);
  const likelihood = (v: Float64Array, grad: Float64Array) => bgNbdLogLikelihood(toParams(v), h, grad);
  const { x, logLikelihood, ...search } = maximiseLogLikelihood(likelihood, start, h.customers);
  return {
    fit: { params: toParams(x), logLikelihood, customers: h.customers, distinctHistories: h.x.length, ...search },
  };
}
