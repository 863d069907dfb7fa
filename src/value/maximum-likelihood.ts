/**
 * The maximum-likelihood search of the BG/NBD and Gamma-Gamma fits: L-BFGS (src/learn/optim/lbfgs.ts) on log
 * parameters, where every point is a valid model, so no bounds are needed. It minimises the mean negative
 * log-likelihood per customer, which keeps the tolerances meaningful whatever the number of customers.
 */
import { z } from 'zod';
import { minimizeLbfgs } from '../learn/optim/lbfgs.ts';

/** Stop when every component of the mean log-likelihood's gradient is at most this. */
const GRADIENT_TOLERANCE = 1e-8;
/** A line search stopped by f's rounding still counts as converged with a gradient below this. */
const ROUNDING_FLOOR_GRADIENT = 1e-5;
const MAX_ITERATIONS = 500;

/** How a fit's search went, saved with its parameters. */
export const SearchOutcome = z.object({
  iterations: z.number().int(),
  evaluations: z.number().int(),
  converged: z.boolean(),
});
export type SearchOutcome = z.infer<typeof SearchOutcome>;

export interface LikelihoodMaximum extends SearchOutcome {
  /** Log parameters. */
  x: Float64Array;
  logLikelihood: number;
}

/**
 * Maximise `logLikelihood(v, grad)` (the total over `customers`; its gradient in the log parameters v goes into
 * `grad`) from `start`. `converged` is false when the search stops short, e.g. when the likelihood keeps rising
 * towards a parameter of 0 or ∞ (data without the variation the model needs).
 *
 * @example
 * // Exponential waiting times 1, 2, 3, 6 with rate e^v: log L = 4v − 12e^v, maximal at e^v = 1/3.
 * maximiseLogLikelihood((v, g) => { g[0] = 4 - 12 * Math.exp(v[0]); return 4 * v[0] - 12 * Math.exp(v[0]); }, Float64Array.of(0), 4);
 * // => { x: [−1.0986…], logLikelihood: −8.394…, converged: true, … }
 */
export function maximiseLogLikelihood(
  logLikelihood: (v: Float64Array, grad: Float64Array) => number,
  start: Float64Array,
  customers: number,
): LikelihoodMaximum {
  const k = start.length;
  const meanNegative = (v: Float64Array, grad: Float64Array): number => {
    const ll = logLikelihood(v, grad);
    for (let j = 0; j < k; j++) grad[j] = -grad[j] / customers;
    return -ll / customers;
  };
  const r = minimizeLbfgs(meanNegative, start, { gtol: GRADIENT_TOLERANCE, ftol: 0, maxIter: MAX_ITERATIONS });
  return {
    x: r.x,
    logLikelihood: -r.f * customers,
    iterations: r.iterations,
    evaluations: r.evaluations,
    converged: r.stop === 'gtol' || (r.stop === 'lineSearch' && r.gradNorm <= ROUNDING_FLOOR_GRADIENT),
  };
}
