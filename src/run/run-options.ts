/** Options of `healthscore run`: where the data comes from, the label, the models to try, where outputs go. */
import { z } from 'zod';
import { IngestStageOptions } from '../data/ingest-stage.ts';
import { ChurnDefinition } from '../features/churn-definition.ts';
import { FeatureEngine } from '../features/summary.ts';
import { TrainStageOptions } from './stages/train-stage.ts';

/** The ingest stage's options (data, tabular, config, adapter, asOf), the train stage's but its features and model, and the pipeline's own. */
export const RunOptions = IngestStageOptions.extend({
  out: z.string().min(1),
  /** Generate synthetic histories into `data` first when it holds no customers file. */
  generate: z.boolean().default(false),
  customers: z.number().int().positive().default(5000),
  months: z.number().int().positive().default(24),
  seed: z.number().int().nonnegative().default(42),
  horizonDays: z.number().int().positive().default(90),
  churn: ChurnDefinition.default({ kind: 'explicit' }),
  engine: FeatureEngine.default('arquero'),
  models: z.array(z.enum(['logistic', 'gbdt'])).min(1).default(['logistic', 'gbdt']),
  /** AHP config to compare with the learned weights; null to skip the comparison. */
  ahp: z.string().nullable().optional(),
  ...TrainStageOptions.omit({ features: true, model: true }).shape,
});
export type RunOptions = z.infer<typeof RunOptions>;
export type RunOptionsInput = z.input<typeof RunOptions>;
