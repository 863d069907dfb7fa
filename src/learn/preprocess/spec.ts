/**
 * The fitted preprocessing from raw feature columns to the design matrix, learnt on the training
 * split and saved with the model. scikit-learn's usual pipeline: SimpleImputer(strategy="mean",
 * add_indicator=True), OneHotEncoder(handle_unknown="ignore") with an "unseen" column, StandardScaler.
 */
import { z } from 'zod';

/** A raw column: numbers (NaN, null or undefined = missing) or category labels (strings). */
export type RawColumn = ArrayLike<number | string | null | undefined>;

/** Named raw columns of equal length, e.g. `{ tenure: Float64Array, Contract: string[] }`. */
export type RawTable = Readonly<Record<string, RawColumn>>;

/** How missing numeric values are treated: imputed (mean + indicator) or left as NaN (trees). */
export const MissingPolicy = z.enum(['impute', 'keep']);
export type MissingPolicy = z.infer<typeof MissingPolicy>;

export const NumericFeature = z.object({
  name: z.string(),
  type: z.literal('numeric'),
  /** Training mean of the observed values, used to impute; 0 when training had none observed. */
  fill: z.number(),
  /** True when training had missing values, so a `name:missing` indicator column exists. */
  flagMissing: z.boolean(),
});
export type NumericFeature = z.infer<typeof NumericFeature>;

export const CategoricalFeature = z.object({
  name: z.string(),
  type: z.literal('categorical'),
  /** Levels seen in training, sorted by code unit (as scikit-learn sorts categories). */
  levels: z.array(z.string()),
  /** True when training had blank values, which then form their own `(missing)` level. */
  flagMissing: z.boolean(),
});
export type CategoricalFeature = z.infer<typeof CategoricalFeature>;

export const SourceFeature = z.discriminatedUnion('type', [NumericFeature, CategoricalFeature]);
export type SourceFeature = z.infer<typeof SourceFeature>;

/** A numeric value, a missing-value flag, one category level, or the flag of a category unseen in training. */
export const ColumnRole = z.enum(['value', 'missing', 'level', 'unseen']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const EncodedColumn = z.object({
  name: z.string(),
  /** Index into `features`: the source feature this column explains (used by reasons). */
  feature: z.number().int().nonnegative(),
  role: ColumnRole,
  level: z.string().optional(),
  /** Standardisation: value ↦ (value − center) / scale; center 0 and scale 1 when not standardising. */
  center: z.number(),
  scale: z.number().positive(),
});
export type EncodedColumn = z.infer<typeof EncodedColumn>;

export const PreprocessorSpec = z.object({
  formatVersion: z.literal(1),
  standardize: z.boolean(),
  missing: MissingPolicy,
  trainingRows: z.number().int().nonnegative(),
  features: z.array(SourceFeature),
  columns: z.array(EncodedColumn),
});
export type PreprocessorSpec = z.infer<typeof PreprocessorSpec>;

export const PreprocessOptions = z.object({
  /** Source columns, in the order their encoded columns appear in the matrix. */
  features: z.array(z.string()).min(1),
  /** The subset of `features` holding category labels; the rest are numeric. */
  categorical: z.array(z.string()).default([]),
  /** Standardise every encoded column (linear models); false for tree models. */
  standardize: z.boolean().default(true),
  missing: MissingPolicy.default('impute'),
});
export type PreprocessOptions = z.input<typeof PreprocessOptions>;

/** Label of the level holding blank categorical values. */
export const MISSING_LEVEL = '(missing)';
