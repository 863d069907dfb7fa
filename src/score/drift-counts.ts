/**
 * The batch job's drift counts: `DriftCounter` over the streamed chunks, with the numeric
 * features' bins of each chunk counted by a pool kernel while the job reads and scores the next
 * chunk (their columns copied into one of two shared slots in turn). Counts are whole numbers,
 * so the PSI is the same bits whichever thread counted.
 */
import { workerPool, type AsyncJob } from '../parallel/pool.ts';
import { designData } from '../learn/matrix.ts';
import type { RawTable } from '../learn/preprocess/spec.ts';
import { binsOf, DriftCounter, PSI_FLAG, rowCount, type DriftReference, type FeatureDrift } from './drift.ts';
import { edgeSearch } from './edge-search.ts';
import { numericBinsKernel, type NumericBinsArgs } from './numeric-bins-kernel.ts';

interface Slot {
  readonly data: Float64Array;
  readonly counts: Float64Array;
  /** The slot's job, until its counts are merged. */
  pending: AsyncJob | null;
}

/** Where each of a list of parts starts when laid end to end, and (last) where they end. */
function offsets(sizes: readonly number[]): Int32Array {
  const at = new Int32Array(new SharedArrayBuffer(4 * (sizes.length + 1)));
  sizes.forEach((size, k) => (at[k + 1] = at[k] + size));
  return at;
}

export class DriftCounts {
  private readonly counter: DriftCounter;
  /** Reference indices of the features the kernel counts: the numeric ones. */
  private readonly numeric: number[];
  private readonly elsewhere: ReadonlySet<number>;
  private readonly layout: Pick<NumericBinsArgs, 'edges' | 'edgeAt' | 'binAt'>;
  /** Made at the first chunk the pool counts. */
  private slots: Slot[] = [];
  private turn = 0;

  /**
   * `capacity`: the most rows a chunk has (a larger one is counted on the calling thread);
   * `threads`: the pool's threads for the counts, the calling thread included (1: it counts all).
   */
  constructor(
    reference: DriftReference,
    private readonly capacity: number,
    private readonly threads: number,
  ) {
    this.counter = new DriftCounter(reference);
    const numeric = reference.features.flatMap((ref, f) => (ref.type === 'numeric' ? [{ f, search: edgeSearch(ref.edges), bins: binsOf(ref) }] : []));
    this.numeric = numeric.map((x) => x.f);
    this.elsewhere = new Set(this.numeric);
    const searches = numeric.map((x) => x.search);
    const edgeAt = offsets(searches.map((s) => s.padded.length));
    const binAt = offsets(numeric.map((x) => x.bins));
    const edges = designData(edgeAt[searches.length], true);
    searches.forEach((s, k) => edges.set(s.padded, edgeAt[k]));
    this.layout = { edges, edgeAt, binAt };
  }

  /** Counts a chunk's rows; the pool's count of its numeric features is merged by a later `add` or `result`. */
  async add(table: RawTable): Promise<void> {
    const features = this.counter.reference.features;
    const n = rowCount(table, features);
    const columns = this.numeric.map((f) => table[features[f].name]);
    if (this.threads <= 1 || this.numeric.length === 0 || n === 0 || n > this.capacity || !columns.every((c) => c instanceof Float64Array)) {
      this.counter.add(table);
      return;
    }
    if (this.slots.length === 0) this.slots = [0, 1].map(() => ({ data: designData(this.numeric.length * this.capacity, true), counts: designData(this.layout.binAt[this.numeric.length], true), pending: null }));
    const slot = this.slots[this.turn];
    // A slot whose job is not done (the pool is busy, or its worker still starting) is not waited
    // for: this chunk is counted here.
    if (slot.pending !== null && !slot.pending.finished()) {
      this.counter.add(table);
      return;
    }
    this.turn = 1 - this.turn;
    await this.merge(slot);
    columns.forEach((c, k) => slot.data.set((c as Float64Array).subarray(0, n), k * this.capacity));
    this.counter.add(table, this.elsewhere);
    const args: NumericBinsArgs = { rows: n, data: slot.data, capacity: this.capacity, counts: slot.counts, ...this.layout };
    slot.pending = workerPool().submit(numericBinsKernel, args, 1, this.threads);
  }

  async result(threshold = PSI_FLAG): Promise<FeatureDrift[]> {
    for (const slot of this.slots) await this.merge(slot);
    return this.counter.result(threshold);
  }

  /** Waits for the slot's job, if any, and adds its counts. */
  private async merge(slot: Slot): Promise<void> {
    if (slot.pending === null) return;
    const job = slot.pending;
    slot.pending = null;
    if (!job.finished()) await job.done;
    const { binAt } = this.layout;
    this.numeric.forEach((f, k) => this.counter.merge(f, slot.counts.subarray(binAt[k], binAt[k + 1])));
  }
}
