/**
 * Settings of the gradient-boosted trees; defaults follow scikit-learn 1.2's
 * HistGradientBoostingClassifier (early stopping only when a validation split is given).
 */
import { z } from 'zod';

export const GbdtParams = z.object({
  maxIter: z.number().int().min(1).default(100),
  learningRate: z.number().positive().default(0.1),
  growth: z.enum(['leafwise', 'depthwise']).default('leafwise'),
  maxLeafNodes: z.number().int().min(2).nullable().default(31),
  maxDepth: z.number().int().min(1).nullable().default(null),
  minSamplesLeaf: z.number().int().min(1).default(20),
  minHessianLeaf: z.number().min(0).default(1e-3),
  minGainToSplit: z.number().min(0).default(0),
  l2Regularization: z.number().min(0).default(0),
  maxBins: z.number().int().min(2).max(255).default(255),
  /** Fraction of rows each tree sees (drawn without replacement, per tree). */
  subsample: z.number().gt(0).max(1).default(1),
  /** Fraction of features each tree may split on (drawn per tree). */
  colsampleByTree: z.number().gt(0).max(1).default(1),
  /** Per feature −1 / 0 / +1: the margin may only fall / is free / may only rise with the value. */
  monotone: z.array(z.union([z.literal(-1), z.literal(0), z.literal(1)])).optional(),
  /** Iterations without validation improvement before stopping; null: never stop, keep all maxIter trees. */
  nIterNoChange: z.number().int().min(1).nullable().default(10),
  tol: z.number().min(0).default(1e-7),
  seed: z.number().int().default(0),
  /**
   * Threads that build histograms, the calling one included; null: `defaultThreads()` from 20,000
   * training rows. The model is the same bits for every value.
   */
  nThreads: z.number().int().min(1).max(16).nullable().default(null),
});
export type GbdtParams = z.infer<typeof GbdtParams>;
export type GbdtParamsInput = z.input<typeof GbdtParams>;
