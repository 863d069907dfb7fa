/** The `ModelFacts` saved with a trained candidate: one definition for `healthscore run` and `train`. */
import { brierScore } from '../evaluate/brier-score.ts';
import { rocAuc } from '../evaluate/roc-auc.ts';
import type { HoldoutSplits } from '../learn/holdout-splits.ts';
import type { ModelFacts } from '../score/model-bundle.ts';
import { driftReference } from '../score/drift.ts';
import type { Candidate, Parts } from './fit-candidates.ts';
import { splitFacts, tableSha256 } from './saved-model.ts';

/** The facts the candidate does not know itself, and the split it was trained on. */
export type CandidateContext = Pick<ModelFacts, 'name' | 'version' | 'inputs' | 'dictionary' | 'tiers' | 'horizonDays' | 'featureSpec' | 'churn'> & {
  splits: HoldoutSplits;
  parts: Parts;
};

export function candidateFacts(candidate: Candidate, c: CandidateContext): ModelFacts {
  return {
    name: c.name,
    version: c.version,
    inputs: c.inputs,
    dictionary: c.dictionary,
    calibrator: candidate.calibration.calibrator,
    calibration: { chosen: candidate.calibration.chosen, validationLogLoss: candidate.calibration.validationLogLoss },
    tiers: c.tiers,
    horizonDays: c.horizonDays,
    featureSpec: c.featureSpec,
    churn: c.churn,
    split: splitFacts(c.splits, c.parts),
    trainingDataSha256: tableSha256(c.splits.train),
    drift: driftReference(c.parts.train.raw, candidate.trained.preprocessor.features),
    metrics: {
      validationLogLoss: candidate.validationLogLoss,
      testRocAuc: rocAuc(candidate.test.probabilities, candidate.test.labels),
      testBrier: brierScore(candidate.test.probabilities, candidate.test.labels),
    },
  };
}
