/**
 * Fits one churn model on the training part: preprocessing, then the learner. Logistic regression gets
 * standardised, imputed columns; the GBDT raw values with NaN kept (it learns where missing values go).
 */
import { z } from 'zod';
import type { FeatureDictionary } from '../features/dictionary.ts';
import { GbdtParams, trainGbdt, toSpec } from './gbdt/index.ts';
import type { GbdtModel, GbdtSpec } from './gbdt/index.ts';
import { fitLogistic, LogisticOptions } from './logistic/fit.ts';
import { logisticModel } from './logistic/logistic-model.ts';
import type { LogisticSpec } from './logistic/logistic-spec.ts';
import type { ModelKind, ChurnModel } from './model.ts';
import type { ModelInputs } from './model-inputs.ts';
import { fitPreprocessor } from './preprocess/fit.ts';
import type { PreprocessorSpec, RawTable } from './preprocess/spec.ts';
import { transform } from './preprocess/transform.ts';

export const TrainOptions = z.object({
  logistic: LogisticOptions.prefault({}),
  gbdt: GbdtParams.prefault({}),
  /** Constrain the GBDT to the feature dictionary's directions (riskier → up, healthier → down). */
  monotone: z.boolean().default(false),
});
export type TrainOptions = z.input<typeof TrainOptions>;

export interface LabelledPart {
  raw: RawTable;
  labels: Uint8Array;
}

export type FittedSpec = { kind: 'logistic'; spec: LogisticSpec } | { kind: 'gbdt'; spec: GbdtSpec };

export interface TrainedModel {
  kind: ModelKind;
  preprocessor: PreprocessorSpec;
  fitted: FittedSpec;
  model: ChurnModel;
  /** GBDT: trees kept after early stopping; logistic: L-BFGS + Newton iterations. */
  iterations: number;
}

/** Monotone constraint per matrix column: only value columns of features with a known direction. */
export function monotoneConstraints(pre: PreprocessorSpec, dictionary: FeatureDictionary): Array<-1 | 0 | 1> {
  const direction = new Map(dictionary.map((e) => [e.name, e.direction]));
  return pre.columns.map((c) => {
    if (c.role !== 'value') return 0;
    const d = direction.get(pre.features[c.feature].name);
    return d === 'riskier' ? 1 : d === 'healthier' ? -1 : 0;
  });
}

export async function fitChurnModel(
  kind: ModelKind,
  inputs: ModelInputs,
  dictionary: FeatureDictionary,
  train: LabelledPart,
  validation: LabelledPart,
  options: TrainOptions = {},
): Promise<TrainedModel> {
  const o = TrainOptions.parse(options);
  if (kind === 'logistic') {
    const preprocessor = fitPreprocessor(train.raw, { ...inputs, standardize: true, missing: 'impute' });
    const x = transform(preprocessor, train.raw);
    const spec = await fitLogistic(x.matrix, train.labels, x.columnNames, o.logistic);
    return {
      kind,
      preprocessor,
      fitted: { kind, spec },
      model: logisticModel(spec),
      iterations: spec.fit.lbfgs.iterations + (spec.fit.newton?.iterations ?? 0),
    };
  }
  const preprocessor = fitPreprocessor(train.raw, { ...inputs, standardize: false, missing: 'keep' });
  const x = transform(preprocessor, train.raw);
  const v = transform(preprocessor, validation.raw);
  const params = { ...o.gbdt, monotone: o.monotone ? monotoneConstraints(preprocessor, dictionary) : o.gbdt.monotone };
  const result = trainGbdt(x.matrix, train.labels, params, { x: v.matrix, y: validation.labels }, x.columnNames);
  const model: GbdtModel = result.model;
  return { kind, preprocessor, fitted: { kind, spec: toSpec(model) }, model, iterations: result.bestIteration };
}
