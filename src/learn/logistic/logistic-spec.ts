/**
 * A fitted logistic regression as plain data: float64 coefficients on the preprocessed columns,
 * the intercept, and how the fit went. This (not the float32 tfjs weights) is what scoring uses.
 */
import { z } from 'zod';
import { ClassWeight } from './class-weights.ts';

export const LogisticFit = z.object({
  C: z.number().positive(),
  classWeight: ClassWeight.nullable(),
  tol: z.number(),
  rows: z.number().int(),
  backend: z.string(),
  /** Final penalised loss on sklearn's scale, and its ‖∇‖∞. */
  objective: z.number(),
  gradNorm: z.number(),
  converged: z.boolean(),
  /** Phase 0 on data larger than the Hessian's sample: L-BFGS on the sample alone; absent in older specs. */
  warmStart: z
    .object({ rows: z.number().int(), iterations: z.number().int(), evaluations: z.number().int() })
    .nullable()
    .optional(),
  /** Phase 1: L-BFGS on the float32 tfjs loss; `resident` when X stayed on the backend. */
  lbfgs: z.object({
    iterations: z.number().int(),
    evaluations: z.number().int(),
    stop: z.enum(['gtol', 'ftol', 'maxIter', 'lineSearch']),
    resident: z.boolean(),
  }),
  /** Phase 2: Newton on the float64 loss; null in specs saved before it always ran. */
  newton: z
    .object({
      iterations: z.number().int(),
      evaluations: z.number().int(),
      stop: z.enum(['gtol', 'maxIter', 'lineSearch']),
    })
    .nullable(),
});
export type LogisticFit = z.infer<typeof LogisticFit>;

export const LogisticSpec = z.object({
  kind: z.literal('logistic'),
  featureNames: z.array(z.string()),
  coefficients: z.array(z.number()),
  intercept: z.number(),
  fit: LogisticFit,
});
export type LogisticSpec = z.infer<typeof LogisticSpec>;
