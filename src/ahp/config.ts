/**
 * The AHP config (models/ahp/*.json): dimensions under the goal, indicators (dictionary features) under each,
 * and the judgments that weigh each level. models/ahp/ahp-config.schema.json is generated from this schema.
 */
import { z } from 'zod';

/** A judgment written as text: "3", "0.5" or a fraction such as "1/3". */
export const JUDGMENT_TEXT = /^\s*\d+(\.\d+)?\s*(\/\s*\d+(\.\d+)?\s*)?$/;

/** One cell: a number on Saaty's scale, a fraction such as "1/3", or null when not judged. */
export const JudgmentCell = z
  .union([z.number().positive(), z.string().regex(JUDGMENT_TEXT, 'a number or a fraction such as "1/3"'), z.null()])
  .describe('Saaty scale 1–9 or a reciprocal ("1/3"); null = not judged (derived or completed)');
export type JudgmentCell = z.infer<typeof JudgmentCell>;

export const Judge = z
  .object({
    judge: z.string().min(1).describe('Who made the judgments (for messages and the report)'),
    matrix: z
      .array(z.array(JudgmentCell))
      .describe(
        'Square matrix, rows and columns in the order of the criteria; cell (i, j) = how many times more ' +
          'important criterion i is than j. Fill the upper triangle; the lower may stay null.',
      ),
  })
  .strict();
export type Judge = z.infer<typeof Judge>;

export const PairwiseJudgments = z
  .object({
    method: z.literal('pairwise'),
    judges: z.array(Judge).min(1).describe('Several judges are combined cell by cell by the geometric mean'),
  })
  .strict();

export const PercentageJudgments = z
  .object({
    method: z.literal('percentages'),
    weights: z
      .record(z.string(), z.number().positive())
      .describe('Weight in percent per criterion name (dimension name, or indicator feature); must sum to 100'),
  })
  .strict();

export const Judgments = z.discriminatedUnion('method', [PairwiseJudgments, PercentageJudgments]);
export type Judgments = z.infer<typeof Judgments>;

export const Indicator = z
  .object({
    feature: z.string().min(1).describe('A feature name from the feature dictionary'),
    label: z.string().optional().describe('How the report names the indicator'),
    direction: z
      .enum(['healthier', 'riskier'])
      .optional()
      .describe("Overrides the dictionary: 'healthier' if a higher value means a healthier customer"),
    levels: z
      .array(z.string())
      .min(2)
      .optional()
      .describe('For a categorical feature: its values from lowest to highest, read as ranks 0, 1, 2, …; other values count as missing'),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

/** The ordinal levels of the config's categorical indicators, by feature name. */
export function indicatorLevels(config: { dimensions: ReadonlyArray<{ indicators: readonly Indicator[] }> }): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const d of config.dimensions) for (const i of d.indicators) if (i.levels !== undefined) out.set(i.feature, i.levels);
  return out;
}

export const AhpDimension = z
  .object({
    name: z.string().min(1).describe('Criterion under the goal, e.g. "satisfaction" or "repeat purchase"'),
    description: z.string().optional(),
    indicators: z.array(Indicator).min(1),
    judgments: Judgments.optional().describe('Weights of the indicators; equal weights when omitted'),
  })
  .strict();
export type AhpDimension = z.infer<typeof AhpDimension>;

/**
 * An AHP config (the JSON files under models/ahp/): the dimensions of customer health, the
 * indicators (features) under each, and the judgments that weigh them — pairwise (Saaty's 1–9
 * scale, one matrix or several judges) or percentages. A zod schema: `AhpConfig.parse(json)`.
 *
 * @example
 * ```ts
 * import { AhpConfig, ahpWeights } from 'healthscore/ahp';
 * const config = AhpConfig.parse({
 *   name: 'two dimensions',
 *   dimensions: [
 *     { name: 'satisfaction', indicators: [{ feature: 'nps_last' }], judgments: { method: 'percentages', weights: { nps_last: 100 } } },
 *     { name: 'activity', indicators: [{ feature: 'logins_30d' }], judgments: { method: 'percentages', weights: { logins_30d: 100 } } },
 *   ],
 *   judgments: { method: 'percentages', weights: { satisfaction: 60, activity: 40 } },
 * });
 * console.log(ahpWeights(config).indicators.map((i) => `${i.feature} ${i.globalWeight.toFixed(2)}`).join(', ')); // => nps_last 0.60, logins_30d 0.40
 * ```
 */
export const AhpConfig = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    source: z.string().optional().describe('Where this indicator system comes from'),
    dimensions: z.array(AhpDimension).min(1),
    judgments: Judgments.describe('Weights of the dimensions with respect to customer health'),
  })
  .strict();
export type AhpConfig = z.infer<typeof AhpConfig>;

/** The JSON Schema editors use for completion; committed as models/ahp/ahp-config.schema.json. */
export function ahpConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(AhpConfig, { io: 'input', target: 'draft-2020-12' }),
    title: 'healthscore AHP config',
  };
}
