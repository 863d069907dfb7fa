/**
 * Drift between the training data and today's feature table: the population stability index
 * (PSI; Siddiqi 2006, "Credit Risk Scorecards", ch. 8; Yurdakul 2018, "Statistical properties of
 * the population stability index") of each input over bins fixed at training time. Common
 * reading: < 0.1 stable, 0.1–0.2 moderate shift, > 0.2 a shift worth acting on (flagged).
 */
import { z } from 'zod';
import { quantileSorted } from '../evaluate/quantile.ts';
import { categoryCell, numericCell } from '../learn/preprocess/raw-value.ts';
import type { RawTable } from '../learn/preprocess/spec.ts';
import { edgeSearch, numericBin } from './edge-search.ts';

export const PSI_EPSILON = 1e-4;
export const PSI_FLAG = 0.2;

const NumericReference = z.object({
  name: z.string(),
  type: z.literal('numeric'),
  /** Increasing cut points; bins are (−∞, e₀], (e₀, e₁], …, (e_last, ∞). */
  edges: z.array(z.number()),
  /** Training share per bin (edges.length + 1 values). */
  proportions: z.array(z.number().min(0).max(1)),
  missing: z.number().min(0).max(1),
});

const CategoricalReference = z.object({
  name: z.string(),
  type: z.literal('categorical'),
  levels: z.array(z.string()),
  /** Training share per level. */
  proportions: z.array(z.number().min(0).max(1)),
  /** Labels not among `levels` (0 in training by construction). */
  unseen: z.number().min(0).max(1),
  missing: z.number().min(0).max(1),
});

/**
 * The bins of every input, fixed at training time and saved with the model:
 * - numeric: the training deciles (numpy's linear quantiles at 0.1 … 0.9, repeated cut points merged), v in
 *   bin #(edges < v), so a cut point goes to the lower bin; plus a bin for missing values;
 * - categorical: one bin per training level, one for labels never seen in training, one for missing.
 */
export const DriftReference = z.object({
  formatVersion: z.literal(1),
  rows: z.number().int().nonnegative(),
  features: z.array(z.discriminatedUnion('type', [NumericReference, CategoricalReference])),
});
export type DriftReference = z.infer<typeof DriftReference>;
type FeatureReference = DriftReference['features'][number];

/** A feature to follow; `PreprocessorSpec.features` has this shape. */
export interface DriftFeature {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
}

export const FeatureDrift = z.object({ feature: z.string(), psi: z.number(), flagged: z.boolean() });
export type FeatureDrift = z.infer<typeof FeatureDrift>;

export function rowCount(table: RawTable, features: readonly { name: string }[]): number {
  if (features.length === 0) return 0;
  for (const f of features) if (!Object.hasOwn(table, f.name)) throw new Error(`drift: feature column ${f.name} is absent from the table`);
  return table[features[0].name].length;
}

/** How many bins a reference feature has: [bins…, unseen?, missing]. */
export function binsOf(ref: FeatureReference): number {
  return ref.type === 'numeric' ? ref.edges.length + 2 : ref.levels.length + 2;
}

/** Rows per bin of a reference feature, in the order [bins…, unseen?, missing]. */
function binCounts(ref: FeatureReference, column: ArrayLike<unknown>, n: number): Float64Array {
  if (ref.type === 'numeric') {
    const counts = new Float64Array(binsOf(ref));
    const search = edgeSearch(ref.edges);
    // Doubles (the batch job's chunks) are read as they are; other columns cell by cell.
    if (column instanceof Float64Array) {
      for (let i = 0; i < n; i++) counts[numericBin(search, column[i])]++;
    } else {
      for (let i = 0; i < n; i++) counts[numericBin(search, numericCell(column, i, ref.name))]++;
    }
    return counts;
  }
  const position = new Map(ref.levels.map((l, k) => [l, k]));
  const counts = new Float64Array(binsOf(ref));
  for (let i = 0; i < n; i++) {
    const label = categoryCell(column, i);
    counts[label === null ? ref.levels.length + 1 : (position.get(label) ?? ref.levels.length)]++;
  }
  return counts;
}

const toShares = (counts: Float64Array, n: number): number[] => Array.from(counts, (c) => (n === 0 ? 0 : c / n));

function referenceShares(ref: FeatureReference): number[] {
  return ref.type === 'numeric' ? [...ref.proportions, ref.missing] : [...ref.proportions, ref.unseen, ref.missing];
}

/** The training bins and shares of each feature, to save with the model. */
export function driftReference(table: RawTable, features: readonly DriftFeature[]): DriftReference {
  const n = rowCount(table, features);
  const out: FeatureReference[] = features.map((f): FeatureReference => {
    const column = table[f.name];
    if (f.type === 'categorical') {
      const levels = new Set<string>();
      for (let i = 0; i < n; i++) {
        const label = categoryCell(column, i);
        if (label !== null) levels.add(label);
      }
      const draft = { name: f.name, type: 'categorical' as const, levels: [...levels].sort(), proportions: [], unseen: 0, missing: 0 };
      const s = toShares(binCounts(draft, column, n), n);
      return { ...draft, proportions: s.slice(0, draft.levels.length), missing: s[draft.levels.length + 1] };
    }
    const known: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = numericCell(column, i, f.name);
      if (!Number.isNaN(v)) known.push(v);
    }
    const sorted = Float64Array.from(known).sort();
    const edges: number[] = [];
    if (sorted.length > 0) {
      for (let k = 1; k <= 9; k++) {
        const q = quantileSorted(sorted, k / 10);
        if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
      }
    }
    const draft = { name: f.name, type: 'numeric' as const, edges, proportions: [], missing: 0 };
    const s = toShares(binCounts(draft, column, n), n);
    return { ...draft, proportions: s.slice(0, edges.length + 1), missing: s[edges.length + 1] };
  });
  return { formatVersion: 1, rows: n, features: out };
}

/**
 * PSI = Σ_bins (aᵢ − eᵢ) · ln(aᵢ / eᵢ), with eᵢ the training ("expected") and aᵢ today's ("actual") share of
 * rows in bin i. Both shares are floored at ε = 1e-4 (one row in ten thousand, a standard choice) so that an
 * empty bin's term stays finite: about 0.9 for a 10% bin.
 */
export function populationStabilityIndex(expected: readonly number[], actual: readonly number[], epsilon = PSI_EPSILON): number {
  if (expected.length !== actual.length) throw new Error(`populationStabilityIndex: ${expected.length} vs ${actual.length} bins`);
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i], epsilon);
    const a = Math.max(actual[i], epsilon);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

/** PSI of every reference feature between training and `table`, flagged above `threshold`. */
export function psi(reference: DriftReference, table: RawTable, threshold = PSI_FLAG): FeatureDrift[] {
  const drift = new DriftCounter(reference);
  drift.add(table);
  return drift.result(threshold);
}

/** PSI over a table seen in chunks: bin counts add up, so the result equals `psi` on the whole table. */
export class DriftCounter {
  private readonly counts: Float64Array[];
  private rows = 0;

  constructor(readonly reference: DriftReference) {
    this.counts = reference.features.map((ref) => new Float64Array(binsOf(ref)));
  }

  /** Counts every row of `table`; the features in `elsewhere` are counted by the caller (`merge`). */
  add(table: RawTable, elsewhere?: ReadonlySet<number>): void {
    const n = rowCount(table, this.reference.features);
    this.reference.features.forEach((ref, f) => {
      if (elsewhere === undefined || !elsewhere.has(f)) this.merge(f, binCounts(ref, table[ref.name], n));
    });
    this.rows += n;
  }

  /** Adds bin counts of feature f made elsewhere (in the bins' order: `binCounts`). */
  merge(f: number, counts: ArrayLike<number>): void {
    const into = this.counts[f];
    for (let b = 0; b < into.length; b++) into[b] += counts[b];
  }

  result(threshold = PSI_FLAG): FeatureDrift[] {
    return this.reference.features.map((ref, f) => {
      const value = populationStabilityIndex(referenceShares(ref), toShares(this.counts[f], this.rows));
      return { feature: ref.name, psi: value, flagged: value > threshold };
    });
  }
}
