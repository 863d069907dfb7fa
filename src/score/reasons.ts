/**
 * Per-customer reasons: the features that push the health score down (raise the churn margin) and up, most
 * influential first, in the dictionary's words. It reads additive margin contributions (coefficient ×
 * standardised value, or TreeSHAP), so both models explain themselves alike, and sums the columns of one
 * source feature (one-hot levels, missing flag) back to it exactly: "contract: month-to-month".
 */
import { z } from 'zod';
import type { FeatureDictionary, FeatureEntry } from '../features/dictionary.ts';
import type { Contributions } from '../learn/model.ts';
import { featurePhrase, type RawValue } from './feature-phrase.ts';

export const Reason = z.object({
  feature: z.string(),
  /** Change in churn log-odds; positive pushes the score down. */
  contribution: z.number(),
  text: z.string(),
});
export type Reason = z.infer<typeof Reason>;

export const RowReasons = z.object({ down: z.array(Reason), up: z.array(Reason) });
export type RowReasons = z.infer<typeof RowReasons>;

export interface ExplainInput {
  readonly contributions: Contributions;
  /** For each matrix column, the name of the source feature it was derived from. */
  readonly columnFeatures: readonly string[];
  /** Raw (unstandardised, un-encoded) value of each source feature, one per row. */
  readonly rawValues: Readonly<Record<string, ArrayLike<RawValue>>>;
  readonly dictionary: FeatureDictionary;
  /** Reasons per direction, default 3. */
  readonly topK?: number;
}

/** Suffix of the missing-value flag of a feature (src/features/plan.ts). */
const MISSING_SUFFIX = '_missing';

/** Contributions smaller than this are rounding noise, not reasons. */
const NEGLIGIBLE = 1e-12;

export function explainRows(input: ExplainInput): RowReasons[] {
  const { contributions, columnFeatures, rawValues, dictionary } = input;
  const topK = input.topK ?? 3;
  const cols = columnFeatures.length;
  if (cols === 0) throw new Error('explainRows: no columns');
  if (contributions.values.length % cols !== 0) {
    throw new Error(`explainRows: ${contributions.values.length} contributions is not a multiple of ${cols} columns`);
  }
  const rows = contributions.values.length / cols;
  // A "<feature>_missing" flag explains the same fact as its feature: fold it in, so a reason says
  // "no data for days since last event" once instead of two half-reasons.
  const present = new Set(columnFeatures);
  const folded = columnFeatures.map((f) => (f.endsWith(MISSING_SUFFIX) && present.has(f.slice(0, -MISSING_SUFFIX.length)) ? f.slice(0, -MISSING_SUFFIX.length) : f));
  const features = [...new Set(folded)];
  const featureOf = Int32Array.from(folded, (f) => features.indexOf(f));
  const entries = new Map<string, FeatureEntry>(dictionary.map((e) => [e.name, e]));
  for (const f of features) {
    const raw = rawValues[f];
    if (raw === undefined) throw new Error(`explainRows: no raw values for feature ${f}`);
    if (raw.length !== rows) throw new Error(`explainRows: feature ${f} has ${raw.length} raw values for ${rows} rows`);
  }
  const byFeature = new Float64Array(features.length);
  // Ties in size are broken by feature name, so the order never depends on the column order.
  const rank = new Int32Array(features.length);
  Array.from(features.keys())
    .sort((a, b) => features[a].localeCompare(features[b]))
    .forEach((k, r) => (rank[k] = r));
  const ahead = (a: number, b: number): boolean => {
    const x = Math.abs(byFeature[a]);
    const y = Math.abs(byFeature[b]);
    return x > y || (x === y && rank[a] < rank[b]);
  };
  // Per feature, looked up once: its raw column, its missing flag's column and entry, its entry.
  const rawOf = features.map((f) => rawValues[f]);
  const flagOf = features.map((f) => rawValues[f + MISSING_SUFFIX]);
  const flagEntryOf = features.map((f) => entries.get(f + MISSING_SUFFIX));
  const entryOf = features.map((f) => entries.get(f) ?? fallbackEntry(f));
  const reason = (i: number, k: number): Reason => {
    const flagEntry = flagEntryOf[k];
    if (flagEntry !== undefined && flagOf[k]?.[i] === 1) {
      return { feature: features[k], contribution: byFeature[k], text: flagEntry.phrase ?? flagEntry.description };
    }
    return { feature: features[k], contribution: byFeature[k], text: featurePhrase(rawOf[k][i], entryOf[k]) };
  };
  const out: RowReasons[] = [];
  const down: number[] = [];
  const up: number[] = [];
  // Cost: rows × (cols + features·topK): the k largest each way by insertion, not a full sort.
  for (let i = 0; i < rows; i++) {
    byFeature.fill(0);
    for (let j = 0; j < cols; j++) byFeature[featureOf[j]] += contributions.values[i * cols + j];
    down.length = 0;
    up.length = 0;
    for (let k = 0; k < features.length; k++) {
      const v = byFeature[k];
      if (Math.abs(v) <= NEGLIGIBLE) continue;
      const list = v > 0 ? down : up;
      if (list.length === topK && !ahead(k, list[topK - 1])) continue;
      let at = Math.min(list.length, topK - 1);
      if (list.length < topK) list.push(k);
      while (at > 0 && ahead(k, list[at - 1])) {
        list[at] = list[at - 1];
        at--;
      }
      list[at] = k;
    }
    out.push({ down: down.map((k) => reason(i, k)), up: up.map((k) => reason(i, k)) });
  }
  return out;
}

/** A feature missing from the dictionary is still explained, by its name, rather than dropped. */
function fallbackEntry(name: string): FeatureEntry {
  return {
    name,
    description: name.replaceAll('_', ' '),
    table: 'unknown',
    windowDays: null,
    aggregation: 'unknown',
    direction: 'unknown',
    dimension: 'other',
    kind: 'numeric',
  };
}

/**
 * One CSV cell: "lowers score: no login in 34 days; 3 support tickets in 30 days | raises score:
 * tenure of 48 months". Either half is omitted when empty.
 */
export function formatReasons(r: RowReasons): string {
  const parts: string[] = [];
  if (r.down.length > 0) parts.push(`lowers score: ${r.down.map((x) => x.text).join('; ')}`);
  if (r.up.length > 0) parts.push(`raises score: ${r.up.map((x) => x.text).join('; ')}`);
  return parts.join(' | ');
}
