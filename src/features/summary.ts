/**
 * The manifest written beside a feature set: which cutoffs, how many customers each had, how many
 * were labelled, churned, or censored (horizon past the end of the data, so left out of training).
 */
import { z } from 'zod';
import { ChurnDefinition } from './churn-definition.ts';

export const CutoffSummary = z.object({
  cutoff: z.string(),
  population: z.number().int().nonnegative(),
  labelled: z.number().int().nonnegative(),
  churned: z.number().int().nonnegative(),
  censored: z.number().int().nonnegative(),
});
export type CutoffSummary = z.infer<typeof CutoffSummary>;

export const FeatureSetSummary = z.object({
  engine: z.enum(['arquero', 'duckdb']),
  /** `training`: labelled rows at several cutoffs; `scoring`: one unlabelled snapshot. */
  mode: z.enum(['training', 'scoring']),
  horizonDays: z.number().int().positive().nullable(),
  churn: ChurnDefinition.nullable(),
  dataEnd: z.string().nullable(),
  rows: z.number().int().nonnegative(),
  features: z.array(z.string()),
  cutoffs: z.array(CutoffSummary),
  censoredTotal: z.number().int().nonnegative(),
  tablesUsed: z.array(z.string()),
});
export type FeatureSetSummary = z.infer<typeof FeatureSetSummary>;

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
