/**
 * Tabular mode's config: how to read a one-row-per-customer file with a label column as model input.
 * Columns not named as id, label, categorical or dropped are numeric features; per-column notes feed
 * the feature dictionary.
 */
import { z } from 'zod';
import { Dimension, Direction } from '../../features/dictionary.ts';

export const TabularColumnNote = z.object({
  description: z.string().optional(),
  dimension: Dimension.optional(),
  direction: Direction.optional(),
  unit: z.string().optional(),
});
export type TabularColumnNote = z.infer<typeof TabularColumnNote>;

/**
 * The config of a tabular churn file: `idColumn`, `labelColumn` and its `positiveLabel`, the
 * `categorical` columns, columns to `drop`, optional notes per column (dimension, direction,
 * description, unit) and the data `file` relative to the config. A zod schema.
 *
 * @example
 * ```ts
 * import { TabularConfig } from 'healthscore';
 * const config = TabularConfig.parse({ idColumn: 'id', labelColumn: 'churned', positiveLabel: 'yes' });
 * console.log(config.categorical.length); // => 0
 * ```
 */
export const TabularConfig = z
  .object({
    /** Relative to the config file; the CLI's --tabular overrides it. */
    file: z.string().optional(),
    idColumn: z.string().min(1),
    labelColumn: z.string().min(1),
    /** The label value that means "churned" (label 1). */
    positiveLabel: z.string(),
    /** The value that means "stayed" (label 0). When given, any other label value is rejected. */
    negativeLabel: z.string().optional(),
    categorical: z.array(z.string()).default([]),
    drop: z.array(z.string()).default([]),
    columns: z.record(z.string(), TabularColumnNote).default({}),
  })
  .strict()
  .refine((c) => c.negativeLabel === undefined || c.negativeLabel !== c.positiveLabel, {
    message: 'negativeLabel must differ from positiveLabel',
  });
export type TabularConfig = z.infer<typeof TabularConfig>;
