/**
 * The drift counts' kernel (drift-counts.ts), in a module of its own that imports almost nothing:
 * the pool's worker loads it while the batch job starts, and a lighter load leaves the job's
 * thread and DuckDB the cores.
 */
import { kernel } from '../parallel/kernel.ts';
import { numericBin } from './edge-search.ts';

export interface NumericBinsArgs {
  readonly rows: number;
  /** Feature k's values at [k · capacity, k · capacity + rows). */
  readonly data: Float64Array;
  readonly capacity: number;
  /** Feature k's edges padded for `numericBin` (`edgeSearch`) at [edgeAt[k], edgeAt[k + 1]). */
  readonly edges: Float64Array;
  readonly edgeAt: Int32Array;
  /** Feature k's bins in `counts` at [binAt[k], binAt[k + 1]); the missing bin is the last. */
  readonly binAt: Int32Array;
  readonly counts: Float64Array;
}

/**
 * Every feature's bins of the slot's rows. A job is one chunk: a few milliseconds of counting is
 * not worth splitting. The counts are made in a local array and then stored, so a chunk computed
 * twice (a stalled worker's) stores the same numbers.
 */
export const numericBinsKernel = kernel<NumericBinsArgs>(import.meta.url, 'numericBinsKernel', (a) => {
  const features = a.binAt.length - 1;
  const counts = new Float64Array(a.binAt[features]);
  for (let k = 0; k < features; k++) {
    const padded = a.edges.subarray(a.edgeAt[k], a.edgeAt[k + 1]);
    const search = { padded, top: (padded.length + 1) >> 1, missing: a.binAt[k + 1] - a.binAt[k] - 1 };
    const from = k * a.capacity;
    const offset = a.binAt[k];
    for (let i = 0; i < a.rows; i++) counts[offset + numericBin(search, a.data[from + i])]++;
  }
  a.counts.set(counts);
});
