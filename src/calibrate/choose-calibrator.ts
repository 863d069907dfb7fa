/**
 * Picks the calibrator for a model: fit Platt and isotonic on the calibration split (rows the
 * model did not train on), keep the one with the lower log-loss on the validation split, and record
 * both losses so the choice can be audited. Isotonic is more flexible but overfits small
 * calibration splits; Platt has two parameters but assumes the miscalibration is a sigmoid —
 * judging both on held-out rows decides between them without a rule of thumb.
 * On an exact tie Platt is kept (fewer parameters).
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
