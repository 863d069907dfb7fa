/**
 * The manifest written beside a feature set: which cutoffs, how many customers each had, how many
 * were labelled, churned, or censored (horizon past the end of the data, so left out of training).
 */
import { z } from 'zod';
import { formatIsoDay } from '../data/iso-date.ts';
import { ChurnDefinition, type LabelOptions } from './churn-definition.ts';
import { FEATURE_ENGINES } from './feature-engines.ts';
import type { FeaturePlan } from './plan.ts';

export const CutoffSummary = z.object({
  cutoff: z.string(),
  population: z.number().int().nonnegative(),
  labelled: z.number().int().nonnegative(),
  churned: z.number().int().nonnegative(),
  censored: z.number().int().nonnegative(),
});
export type CutoffSummary = z.infer<typeof CutoffSummary>;

export const FeatureEngine = z.enum(FEATURE_ENGINES);

export const FeatureSetSummary = z.object({
  engine: FeatureEngine,
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

/** A cutoff's counts; a censored cutoff, and any cutoff of a scoring snapshot, labels nobody. */
export function cutoffSummary(
  cutoff: number,
  population: number,
  churned: number,
  censored: boolean,
  mode: FeatureSetSummary['mode'],
): CutoffSummary {
  const labelled = censored || mode === 'scoring' ? 0 : population;
  return { cutoff: formatIsoDay(cutoff), population, labelled, churned, censored: censored ? population : 0 };
}

/** The manifest of a built feature set, as both engines write it (a scoring snapshot has no horizon or churn). */
export function featureSetSummary(
  built: Pick<FeatureSetSummary, 'engine' | 'mode' | 'rows' | 'cutoffs'> & {
    opts: LabelOptions;
    dataEnd: number | null;
    plan: FeaturePlan;
  },
  tablesUsed: ReadonlySet<string>,
): FeatureSetSummary {
  const { engine, mode, opts, dataEnd, rows, cutoffs } = built;
  return {
    engine,
    mode,
    horizonDays: mode === 'scoring' ? null : opts.horizonDays,
    churn: mode === 'scoring' ? null : opts.churn,
    dataEnd: dataEnd === null ? null : formatIsoDay(dataEnd),
    rows,
    features: built.plan.columns.map((c) => c.name),
    cutoffs,
    censoredTotal: cutoffs.reduce((s, c) => s + c.censored, 0),
    tablesUsed: [...tablesUsed],
  };
}
