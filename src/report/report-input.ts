/**
 * Everything the manager report shows, as one validated object assembled from a run's outputs: the HTML and Markdown
 * writers only lay it out, so both formats always say the same thing.
 */
import { z } from 'zod';

const ModelQuality = z.object({
  name: z.string(),
  /** What the model is, in words ("logistic regression", "gradient-boosted trees", "AHP hand weights"). */
  label: z.string(),
  chosen: z.boolean(),
  rocAuc: z.number(),
  rocAucLow: z.number().nullable(),
  rocAucHigh: z.number().nullable(),
  prAuc: z.number(),
  brier: z.number().nullable(),
  logLoss: z.number().nullable(),
  ece: z.number().nullable(),
  liftAt10: z.number(),
  captureAt10: z.number(),
});

export const ReportInput = z.object({
  title: z.string(),
  generatedAt: z.string(),
  /** Null in tabular mode: the label's period is whatever the file's label column means. */
  horizonDays: z.number().int().positive().nullable(),
  data: z.object({
    source: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    cutoffs: z.array(z.string()),
    /** Customer snapshots with a label (customer × cutoff). */
    labelledRows: z.number().int(),
    customersScored: z.number().int(),
    churnRate: z.number(),
    testCutoffs: z.array(z.string()),
    testRows: z.number().int(),
  }),
  models: z.array(ModelQuality),
  calibration: z.object({
    method: z.string(),
    bins: z.array(z.object({ meanPredicted: z.number(), observedRate: z.number(), count: z.number().int() })),
  }),
  importance: z.array(
    z.object({
      feature: z.string(),
      description: z.string(),
      dimension: z.string(),
      /** Effect on churn risk: positive raises risk, negative lowers it (model-specific scale). */
      effect: z.number(),
      /** Share of total absolute importance, 0..1. */
      share: z.number(),
    }),
  ),
  weights: z
    .object({
      configName: z.string(),
      rows: z.array(
        z.object({ dimension: z.string(), ahpWeight: z.number(), learnedShare: z.number(), fittedWeight: z.number().nullable() }),
      ),
      spearman: z.number().nullable(),
      kendall: z.number().nullable(),
      disagreements: z.array(z.string()),
    })
    .nullable(),
  tiers: z.array(z.object({ tier: z.string(), count: z.number().int(), share: z.number(), meanScore: z.number() })),
  scoreHistogram: z.array(z.object({ binStart: z.number(), tier: z.string(), count: z.number().int() })),
  lift: z.array(z.object({ model: z.string(), percent: z.number(), lift: z.number(), capture: z.number() })),
  riskiest: z.array(
    z.object({
      customerId: z.string(),
      score: z.number(),
      tier: z.string(),
      churnProbability: z.number(),
      reasons: z.string(),
      value: z.number().nullable(),
      revenueAtRisk: z.number().nullable(),
    }),
  ),
  /** Customers ranked by revenue at risk (lifetime value × churn probability): whom to save first. */
  priority: z.array(
    z.object({
      rank: z.number().int().positive(),
      customerId: z.string(),
      revenueAtRisk: z.number(),
      lifetimeValue: z.number(),
      valueMethod: z.string(),
      churnProbability: z.number(),
      score: z.number(),
      tier: z.string(),
      stage: z.string(),
      reasons: z.string(),
    }),
  ),
  dataQuality: z.array(
    z.object({
      table: z.string(),
      read: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      topReasons: z.array(z.string()),
    }),
  ),
});
export type ReportInput = z.infer<typeof ReportInput>;
