/** Options of `healthscore run`: where the data comes from, the label, the models to try, where outputs go. */
import { z } from 'zod';
import { IngestStageOptions } from '../data/ingest-stage.ts';
import { ChurnDefinition } from '../features/churn-definition.ts';
import { FeatureEngine } from '../features/summary.ts';
import { TierConfig } from '../score/tiers.ts';

/** The ingest stage's options (data, tabular, config, adapter, asOf), then the rest of the pipeline's. */
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
  monotone: z.boolean().default(false),
  modelsDir: z.string().default('models'),
  name: z.string().regex(/^[A-Za-z0-9._-]+$/).default('churn'),
  /** Default: the run's start time, e.g. 20261123T101500Z. */
  version: z.string().regex(/^[A-Za-z0-9._-]+$/).optional(),
  /** AHP config to compare with the learned weights; null to skip the comparison. */
  ahp: z.string().nullable().optional(),
  tiers: TierConfig.default({ by: 'thresholds', healthyMin: 70, watchMin: 40 }),
  seedSplit: z.number().int().nonnegative().default(0),
});
export type RunOptions = z.infer<typeof RunOptions>;
export type RunOptionsInput = z.input<typeof RunOptions>;
