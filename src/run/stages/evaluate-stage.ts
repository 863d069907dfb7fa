/**
 * `healthscore evaluate`: a saved model judged on the test part of a feature folder as `healthscore run` judges it,
 * beside the RFM-score and base-rate baselines. The BG/NBD baseline needs the transaction history, which a feature
 * folder does not hold.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Log } from '../../diagnostics/log.ts';
import { evaluationReport, type EvaluationReport } from '../../evaluate/evaluation-report.ts';
import { loadModelBundle } from '../../score/bundle-artifact.ts';
import { describeTestSplit } from '../../learn/holdout-splits.ts';
import { rfmBaseline } from '../../training/baselines.ts';
import { readLabelledFeatures } from './labelled-features.ts';
import { candidateFromBundle, partsForModel, checkHeldOut } from '../../training/saved-model.ts';

export const EvaluateStageOptions = z.object({
  model: z.string().min(1),
  features: z.string().min(1),
  out: z.string().min(1).default('metrics.json'),
  /** Default: the seed the model's split was made with. */
  seedSplit: z.number().int().nonnegative().optional(),
});
export type EvaluateStageOptions = z.input<typeof EvaluateStageOptions>;

export interface EvaluateStageResult {
  out: string;
  metrics: EvaluationReport;
}

export async function runEvaluateStage(input: EvaluateStageOptions, log: Log): Promise<EvaluateStageResult> {
  const o = EvaluateStageOptions.parse(input);
  const bundle = await loadModelBundle(o.model);
  const features = await readLabelledFeatures(o.features, { seed: o.seedSplit ?? bundle.manifest.split.seed ?? 0 });
  checkHeldOut(bundle, features.splits, o.model, o.features);
  const parts = partsForModel(bundle, o.model, features.splits, o.features);
  const candidate = candidateFromBundle(bundle, parts);
  const rfm = rfmBaseline(features.splits.test);
  const trainLabels = parts.train.labels;
  const model = { name: candidate.kind, scores: candidate.test.probabilities, isProbability: true };
  const metrics = evaluationReport(parts.test.labels, [model], rfm === null ? [] : [rfm], {
    split: describeTestSplit(features.splits),
    horizonDays: features.horizonDays,
    trainingBaseRate: trainLabels.reduce((s, v) => s + v, 0) / trainLabels.length,
  });
  const { manifest } = bundle;
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify({ model: `${manifest.name}/${manifest.version}`, modelKind: manifest.modelKind, ...metrics }, null, 2) + '\n');
  for (const e of [...metrics.models, ...metrics.baselines]) {
    const m = e.metrics;
    const at10 = m.lift.find((l) => l.share === 0.1);
    log.info(
      `${e.name.padEnd(10)} ROC-AUC ${m.rocAuc.toFixed(4)} (${e.rocAucInterval.lower.toFixed(3)}–${e.rocAucInterval.upper.toFixed(3)})  PR-AUC ${m.averagePrecision.toFixed(4)}` +
        (m.brierScore === null ? '' : `  Brier ${m.brierScore.toFixed(4)}`) +
        (at10 === undefined ? '' : `  lift@10% ${at10.lift.toFixed(2)}`),
    );
  }
  log.info(`${parts.test.labels.length} test rows (${metrics.split}); evaluation written to ${o.out}`);
  return { out: o.out, metrics };
}
