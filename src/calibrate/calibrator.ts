/** A fitted calibrator as data, stored in the manifest: margins in, calibrated churn probabilities out. */
import { z } from 'zod';
import { checkScoredLabels } from '../evaluate/scored-labels.ts';
import { fitIsotonicRegression, predictIsotonic } from './isotonic.ts';
import { applyPlatt, fitPlatt } from './platt.ts';
import { sigmoidAll } from './sigmoid.ts';

export const CalibratorKind = z.enum(['platt', 'isotonic']);
export type CalibratorKind = z.infer<typeof CalibratorKind>;

export const PlattSpec = z.object({
  kind: z.literal('platt'),
  /** p = 1 / (1 + exp(a·margin + b)), scikit-learn's notation (a is negative for a useful model). */
  a: z.number(),
  b: z.number(),
});

export const IsotonicSpec = z
  .object({
    kind: z.literal('isotonic'),
    /** Model probabilities σ(margin) at the steps, increasing. */
    x: z.array(z.number().min(0).max(1)).min(1),
    /** Calibrated probability at each x, non-decreasing. */
    y: z.array(z.number().min(0).max(1)).min(1),
  })
  .refine((s) => s.x.length === s.y.length, { message: 'x and y must have the same length' })
  .refine((s) => s.x.every((v, i) => i === 0 || v > s.x[i - 1]), { message: 'x must be strictly increasing' })
  .refine((s) => s.y.every((v, i) => i === 0 || v >= s.y[i - 1]), { message: 'y must be non-decreasing' });

export const CalibratorSpec = z.discriminatedUnion('kind', [PlattSpec, IsotonicSpec]);
export type CalibratorSpec = z.infer<typeof CalibratorSpec>;

export function fitCalibrator(kind: CalibratorKind, margins: ArrayLike<number>, labels: ArrayLike<number>): CalibratorSpec {
  checkScoredLabels(margins, labels, 'fitCalibrator');
  if (kind === 'platt') {
    const { a, b } = fitPlatt(margins, labels);
    return { kind, a, b };
  }
  const steps = fitIsotonicRegression(sigmoidAll(margins), labels);
  return { kind, x: [...steps.x], y: [...steps.y] };
}

export function applyCalibrator(spec: CalibratorSpec, margins: ArrayLike<number>): Float64Array {
  if (spec.kind === 'platt') return applyPlatt(spec, margins);
  return predictIsotonic(spec, sigmoidAll(margins));
}
