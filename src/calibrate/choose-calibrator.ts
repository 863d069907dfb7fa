/**
 * Picks the calibrator: Platt and isotonic fitted on the calibration split, the lower validation
 * log-loss kept (Platt on a tie), both losses recorded. Isotonic is flexible but overfits small splits,
 * Platt assumes a sigmoid miscalibration: held-out rows decide without a rule of thumb.
 */
import { z } from 'zod';
import { logLoss } from '../evaluate/log-loss.ts';
import { applyCalibrator, CalibratorKind, CalibratorSpec, fitCalibrator } from './calibrator.ts';

export const CalibratorChoice = z.object({
  chosen: CalibratorKind,
  calibrator: CalibratorSpec,
  /** Validation log-loss of each candidate, and of the uncalibrated σ(margin) for reference. */
  validationLogLoss: z.object({ platt: z.number(), isotonic: z.number(), uncalibrated: z.number() }),
  calibrationRows: z.number().int().positive(),
  validationRows: z.number().int().positive(),
});
export type CalibratorChoice = z.infer<typeof CalibratorChoice>;

export interface MarginSet {
  readonly margins: ArrayLike<number>;
  readonly labels: ArrayLike<number>;
}

export function chooseCalibrator(calibSet: MarginSet, validSet: MarginSet): CalibratorChoice {
  const platt = fitCalibrator('platt', calibSet.margins, calibSet.labels);
  const isotonic = fitCalibrator('isotonic', calibSet.margins, calibSet.labels);
  const lossPlatt = logLoss(applyCalibrator(platt, validSet.margins), validSet.labels);
  const lossIsotonic = logLoss(applyCalibrator(isotonic, validSet.margins), validSet.labels);
  const identity: CalibratorSpec = { kind: 'platt', a: -1, b: 0 };
  const uncalibrated = logLoss(applyCalibrator(identity, validSet.margins), validSet.labels);
  const chosen = lossIsotonic < lossPlatt ? 'isotonic' : 'platt';
  return {
    chosen,
    calibrator: chosen === 'isotonic' ? isotonic : platt,
    validationLogLoss: { platt: lossPlatt, isotonic: lossIsotonic, uncalibrated },
    calibrationRows: calibSet.labels.length,
    validationRows: validSet.labels.length,
  };
}
