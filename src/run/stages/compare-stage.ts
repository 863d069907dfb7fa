/**
 * `healthscore compare`: the AHP comparison of `healthscore run` for a saved model and a feature folder — the AHP
 * and data-fitted hand-weight scores against the model on the test part, the hand weights beside the learned
 * shares — written in the shape of `RUN/comparison.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { indicatorLevels } from '../../ahp/config.ts';
import { readAhpConfig } from '../../ahp/config-file.ts';
import type { WeightComparison } from '../../ahp/weight-comparison.ts';
import { UserError } from '../../diagnostics/user-error.ts';
import type { Log } from '../../diagnostics/log.ts';
import { evaluationReport, type EvaluationReport, type ScoreEvaluation } from '../../evaluate/evaluation-report.ts';
import { loadModelBundle } from '../../score/bundle-artifact.ts';
import { compareWithAhp } from '../../training/ahp-comparison.ts';
import { readLabelledFeatures } from './labelled-features.ts';
import { candidateFromBundle, partsForModel, checkHeldOut } from '../../training/saved-model.ts';

/** The shipped config event features are compared with by default. */
export const DEFAULT_AHP_CONFIG = fileURLToPath(new URL('../../../models/ahp/practice-satisfaction-repeat-interaction-profit.json', import.meta.url));

/** Writes comparison.json: the weight comparison, then the evaluations of the two hand-weight scores and the models. */
export function writeComparison(path: string, comparison: WeightComparison, metrics: EvaluationReport): ScoreEvaluation[] {
  const evaluations = metrics.baselines.filter((b) => b.name === 'ahp' || b.name === 'ahp-fitted').concat(metrics.models);
  const json = { ...comparison, evaluations: evaluations.map((e) => ({ name: e.name, ...e.metrics, rocAucInterval: e.rocAucInterval })) };
  writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
  return evaluations;
}

export const CompareStageOptions = z.object({
  model: z.string().min(1),
  features: z.string().min(1),
  /** Required for tabular features, whose columns no shipped default names. */
  ahp: z.string().min(1).optional(),
  out: z.string().min(1).default('comparison.json'),
  /** Default: the seed the model's split was made with. */
  seedSplit: z.number().int().nonnegative().optional(),
});
export type CompareStageOptions = z.input<typeof CompareStageOptions>;

export interface CompareStageResult {
  out: string;
  comparison: WeightComparison;
  evaluations: ScoreEvaluation[];
}

export async function runCompareStage(input: CompareStageOptions, log: Log): Promise<CompareStageResult> {
  const o = CompareStageOptions.parse(input);
  const bundle = await loadModelBundle(o.model);
  const features = await readLabelledFeatures(o.features, { seed: o.seedSplit ?? bundle.manifest.split.seed ?? 0 });
  const ahpPath = o.ahp ?? (features.mode === 'events' ? DEFAULT_AHP_CONFIG : null);
  if (ahpPath === null) throw new UserError(`${o.features} is a tabular feature set: give --ahp CONFIG naming its columns (e.g. models/ahp/telco.json)`);
  const config = readAhpConfig(ahpPath);
  if (!config.ok) throw new UserError(config.problems.join('; '));
  checkHeldOut(bundle, features.splits, o.model, o.features);
  const parts = partsForModel(bundle, o.model, features.splits, o.features);
  const candidate = candidateFromBundle(bundle, parts);
  const compared = compareWithAhp(config.weights, ahpPath, features.dictionary, features.splits, parts, [candidate], indicatorLevels(config.config));
  if ('problem' in compared) throw new UserError(`${ahpPath} does not fit ${o.features}: ${compared.problem}`);
  const trainLabels = parts.train.labels;
  const metrics = evaluationReport(
    parts.test.labels,
    [{ name: candidate.kind, scores: candidate.test.probabilities, isProbability: true }],
    [
      { name: 'ahp', scores: compared.ahpTest, isProbability: true },
      { name: 'ahp-fitted', scores: compared.fittedTest, isProbability: true },
    ],
    { split: features.splits.method, horizonDays: features.horizonDays, trainingBaseRate: trainLabels.reduce((s, v) => s + v, 0) / trainLabels.length },
  );
  mkdirSync(dirname(o.out), { recursive: true });
  const evaluations = writeComparison(o.out, compared.comparison, metrics);
  for (const e of evaluations) log.info(`${e.name.padEnd(10)} ROC-AUC ${e.metrics.rocAuc.toFixed(4)}  PR-AUC ${e.metrics.averagePrecision.toFixed(4)}`);
  const learned = compared.comparison.models.find((m) => m.model === candidate.kind);
  if (learned !== undefined) {
    for (const d of learned.dimensions) log.info(`${d.name.padEnd(14)} AHP weight ${(100 * d.ahpWeight).toFixed(0).padStart(3)}%  learned share ${(100 * d.learnedShare).toFixed(0).padStart(3)}%`);
    const r = learned.dimensionRankCorrelation;
    const two = (v: number | null) => (v === null ? 'undefined (ties)' : v.toFixed(2));
    log.info(`rank correlation of the dimensions: Spearman ${two(r.spearman)}, Kendall ${two(r.kendallTauB)}`);
  }
  log.info(`comparison written to ${o.out}`);
  return { out: o.out, comparison: compared.comparison, evaluations };
}
