/**
 * The batch job's drift counts with a worker thread: the numeric features' bins of each chunk are
 * counted on a worker while the job's thread reads and scores the next. Our own code, on a
 * `JobWorker` (runtime/job-worker.ts): no library runs a function over shared memory on a worker.
 *
 * Why: counting 40-odd numeric features into their training deciles took the logistic job's
 * thread ~0.37 s per million rows, while the job used 1.3 of the machine's 2 cores (measured).
 *
 * How: each chunk's numeric columns are copied (~40 ms per million rows) into one of two shared
 * slots, in turn; the worker counts slot k while the job fills the other. Before posting chunk k
 * the job waits for chunk k − 1 (long done by then: counting a chunk takes a fraction of reading
 * and scoring it) and adds its counts from that slot's shared counts. A job that fails or times
 * out is counted again on this thread from its slot, which is still intact, and the team works
 * alone from then on; until the worker reports ready, this thread counts. Counts are whole
 * numbers, so the PSI is the same whoever counts (bit for bit: tested).
 */
import { JobWorker, type HelperOptions } from '../runtime/job-worker.ts';
import { HELPER_NICE, lowerPrioritySource } from '../runtime/worker-threads.ts';
import type { RawTable } from '../learn/preprocess/spec.ts';
import { binsOf, DriftCounter, edgeSearch, numericBin, PSI_FLAG, rowCount, type DriftReference, type FeatureDrift } from './drift.ts';

/** Rows a slot holds at least; a larger chunk is counted on this thread. */
const MIN_CAPACITY = 8192;

const WORKER_SOURCE = JobWorker.source(
  `${lowerPrioritySource(HELPER_NICE)}
const numericBin = ${numericBin.toString()};
const { capacity, features } = workerData;
const slots = workerData.slots.map((s) => ({ data: new Float64Array(s.data), counts: new Float64Array(s.counts) }));`,
  `
    const slot = slots[seen % 2];
    const n = cmd;
    const counts = slot.counts;
    counts.fill(0);
    for (let f = 0; f < features.length; f++) {
      const s = features[f];
      const at = f * capacity;
      for (let i = 0; i < n; i++) counts[s.offset + numericBin(s, slot.data[at + i])]++;
    }
`,
);

interface Slot {
  readonly data: Float64Array;
  readonly counts: Float64Array;
}

/** `DriftCounter`'s counts, the numeric features counted on a worker; `close` when done. */
export class DriftTeam {
  private readonly counter: DriftCounter;
  /** Reference feature indices the worker counts: the numeric ones. */
  private readonly numeric: number[];
  private readonly elsewhere: ReadonlySet<number>;
  /** Start of each worker feature's bins in a slot's counts, and their total. */
  private readonly offsets: number[];
  private readonly bins: number;
  private readonly jobMs: number | undefined;
  /** Started at the first chunk (undefined before; null where no worker could start). */
  private worker: JobWorker | null | undefined;
  private slots: Slot[] = [];
  private capacity = 0;
  /** Rows of the job posted last and not yet collected (−1: none). */
  private pendingRows = -1;
  private alone: boolean;
  /** Chunks the worker counted (for tests: the shared path ran). */
  workerJobs = 0;

  constructor(reference: DriftReference, options: HelperOptions = {}) {
    this.counter = new DriftCounter(reference);
    this.numeric = reference.features.flatMap((ref, f) => (ref.type === 'numeric' ? [f] : []));
    this.elsewhere = new Set(this.numeric);
    let offset = 0;
    this.offsets = this.numeric.map((f) => {
      const at = offset;
      offset += binsOf(reference.features[f]);
      return at;
    });
    this.bins = offset;
    this.jobMs = options.jobMs;
    this.alone = (options.threads ?? 1) === 0 || this.numeric.length === 0;
  }

  /** True once the worker is up (until then, and after a failure, this thread counts). */
  get ready(): boolean {
    return !this.alone && this.worker?.ready === true;
  }

  add(table: RawTable): void {
    const features = this.counter.reference.features;
    if (this.alone) return this.counter.add(table);
    const n = rowCount(table, features);
    if (this.worker === undefined) this.start(n);
    const columns = this.numeric.map((f) => table[features[f].name]);
    const worker = this.worker;
    if (!this.ready || !worker || n > this.capacity || n === 0 || !columns.every((c) => c instanceof Float64Array)) return this.counter.add(table);
    // The next job goes to the slot that the job before the last used, done with since the last was posted.
    const slot = this.slots[worker.next % 2];
    columns.forEach((c, k) => slot.data.set((c as Float64Array).subarray(0, n), k * this.capacity));
    this.counter.add(table, this.elsewhere);
    this.collect();
    if (this.alone) {
      this.countSlot(slot, n);
      return;
    }
    worker.post(n);
    this.pendingRows = n;
  }

  result(threshold = PSI_FLAG): FeatureDrift[] {
    this.collect();
    return this.counter.result(threshold);
  }

  /** Ends the worker, keeping the counts of its last job: `result` stays right after `close`. */
  close(): void {
    this.collect();
    this.stop();
  }

  private stop(): void {
    this.worker?.close();
    this.alone = true;
  }

  private start(rows: number): void {
    this.capacity = Math.max(MIN_CAPACITY, 2 * rows);
    const reference = this.counter.reference;
    const shared = (doubles: number) => new Float64Array(new SharedArrayBuffer(doubles * 8));
    this.slots = [0, 1].map(() => ({ data: shared(this.numeric.length * this.capacity), counts: shared(this.bins) }));
    const features = this.numeric.map((f, k) => {
      const ref = reference.features[f];
      const search = edgeSearch(ref.type === 'numeric' ? ref.edges : []);
      return { padded: search.padded, top: search.top, missing: search.missing, offset: this.offsets[k] };
    });
    const slots = this.slots.map((s) => ({ data: s.data.buffer, counts: s.counts.buffer }));
    this.worker = JobWorker.start(WORKER_SOURCE, { capacity: this.capacity, features, slots }, this.jobMs);
    if (this.worker === null) this.alone = true;
  }

  /** Waits for the last job posted and adds its counts (or counts its slot here if it failed). */
  private collect(): void {
    if (this.pendingRows < 0) return;
    const worker = this.worker as JobWorker;
    const slot = this.slots[(worker.next - 1) % 2];
    if (worker.await()) {
      this.numeric.forEach((f, k) => this.counter.merge(f, slot.counts.subarray(this.offsets[k], this.offsets[k] + binsOf(this.counter.reference.features[f]))));
      this.workerJobs++;
    } else {
      this.countSlot(slot, this.pendingRows);
      this.stop();
    }
    this.pendingRows = -1;
  }

  /** The worker features of a slot's n rows, counted on this thread. */
  private countSlot(slot: Slot, n: number): void {
    this.numeric.forEach((f, k) => this.counter.count(f, slot.data.subarray(k * this.capacity, k * this.capacity + n), n));
  }
}
