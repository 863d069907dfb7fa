/**
 * The batch job's score lines (without reasons) written by a worker thread. Our own code, on the
 * drift team's `JobWorker` (runtime/job-worker.ts): no library formats lines from shared memory
 * on a worker.
 *
 * Why: the logistic job's thread is its bottleneck, and writing the lines was ~0.38 s of it per
 * million rows, most of it `String(probability)`: V8's shortest round-trip formatting takes
 * ~215 ns a number, and no cheap exact substitute exists (measured, docs/scoring-operations.md).
 *
 * How: for each chunk the job encodes the ids as CSV fields into one of two shared slots (for a
 * row with an override, its whole line, as `scoresCsvLines` writes it), beside the
 * probabilities, scores and tier codes. The worker writes the lines into the slot's output while
 * the job reads and scores the next chunk; the job then writes them to the file. The bytes are
 * those of `ScoresCsvBytes.modelLine`, made by the same `formatLines` whoever runs it (tested). A
 * job that fails or stays silent is formatted again on the job's thread from its slot, still
 * intact, and the team then works alone; so does a chunk too large for a slot.
 */
import { csvField } from '../data/csv-field.ts';
import { JobWorker, type HelperOptions } from '../runtime/job-worker.ts';
import { HELPER_NICE, lowerPrioritySource } from '../runtime/worker-threads.ts';
import type { ScoredColumns } from './scores-csv.ts';
import { putField, ScoresCsvBytes } from './scores-csv-bytes.ts';
import { Tier } from './tiers.ts';

/** A tier's code in the slots: its position among the tiers. */
const TIERS: readonly Tier[] = Tier.options;
const TIER_CODE = Object.fromEntries(TIERS.map((t, k) => [t, k])) as Readonly<Record<Tier, number>>;
/** Id bytes a slot holds per row; a chunk with longer ids (or override lines) is written here. */
const ID_BYTES_PER_ROW = 128;
/** The longest text `String` gives a double ("-1.2345678901234567e-308" and the like). */
const MAX_NUMBER_TEXT = 25;

/** A slot's shared arrays, as both threads view them. */
interface SlotViews {
  readonly probs: Float64Array;
  readonly scores: Uint8Array;
  readonly tiers: Uint8Array;
  /** 1: the id bytes of the row are its whole line (an override). */
  readonly whole: Uint8Array;
  /** End of each row's bytes in `idBytes`. */
  readonly idEnds: Int32Array;
  readonly idBytes: Uint8Array;
  readonly out: Uint8Array;
  /** [0]: bytes of `out` written. */
  readonly written: Int32Array;
}

/**
 * The lines of a slot's first n rows into its output; returns their length. Runs on the worker
 * (as source text) and on the job's thread, so it uses nothing but its arguments. `head` is
 * ",<as-of>," and `tails[score * 3 + tier]` the rest of a line after the probability.
 */
function formatLines(v: SlotViews, n: number, head: Uint8Array, tails: readonly Uint8Array[]): number {
  const out = v.out;
  const ids = v.idBytes;
  let at = 0;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const end = v.idEnds[i];
    for (let k = from; k < end; k++) out[at++] = ids[k];
    from = end;
    if (v.whole[i] === 1) continue;
    for (let k = 0; k < head.length; k++) out[at++] = head[k];
    const p = String(v.probs[i]);
    for (let k = 0; k < p.length; k++) out[at++] = p.charCodeAt(k);
    const tail = tails[v.scores[i] * 3 + v.tiers[i]];
    for (let k = 0; k < tail.length; k++) out[at++] = tail[k];
  }
  return at;
}

interface SlotBuffers {
  readonly probs: SharedArrayBuffer;
  readonly scores: SharedArrayBuffer;
  readonly tiers: SharedArrayBuffer;
  readonly whole: SharedArrayBuffer;
  readonly idEnds: SharedArrayBuffer;
  readonly idBytes: SharedArrayBuffer;
  readonly out: SharedArrayBuffer;
  readonly written: SharedArrayBuffer;
}

function slotViews(b: SlotBuffers): SlotViews {
  return {
    probs: new Float64Array(b.probs),
    scores: new Uint8Array(b.scores),
    tiers: new Uint8Array(b.tiers),
    whole: new Uint8Array(b.whole),
    idEnds: new Int32Array(b.idEnds),
    idBytes: new Uint8Array(b.idBytes),
    out: new Uint8Array(b.out),
    written: new Int32Array(b.written),
  };
}

const WORKER_SOURCE = JobWorker.source(
  `${lowerPrioritySource(HELPER_NICE)}
const formatLines = ${formatLines.toString()};
const slotViews = ${slotViews.toString()};
const { head, tails } = workerData;
const slots = workerData.slots.map(slotViews);`,
  `
    const slot = slots[seen % 2];
    slot.written[0] = formatLines(slot, cmd, head, tails);
`,
);

/** Lines of a chunk as the caller gives them: model scores, and whole lines for overridden rows. */
export interface ChunkLines {
  readonly scored: ScoredColumns;
  /** Row → its whole line (ending in a newline), for rows an override changed. */
  readonly lines: ReadonlyMap<number, string>;
}

/**
 * Writes chunks' lines one chunk behind: `add` posts a chunk and gives back the bytes to write
 * now (the chunk before's, and this one's when it was written here); `finish` gives the last.
 * The bytes are views, valid until the next `add`.
 */
export class LineTeam {
  private readonly head: Uint8Array;
  private readonly tails: Uint8Array[];
  private readonly rowsCap: number;
  private readonly jobMs: number | undefined;
  private readonly here: ScoresCsvBytes;
  /** Started at the first chunk (undefined before; null where no worker could start). */
  private worker: JobWorker | null | undefined;
  private slots: SlotViews[] = [];
  /** Rows of the job posted last and not yet collected (−1: none). */
  private pendingRows = -1;
  private alone: boolean;
  /** Chunks the worker wrote (for tests: the shared path ran). */
  workerJobs = 0;

  constructor(
    private readonly asOf: string,
    private readonly modelVersion: string,
    /** The most rows a chunk has; larger chunks are written on this thread. */
    rowsCap: number,
    options: HelperOptions = {},
  ) {
    // Arrays of their own: a small Buffer is a view of a shared pool, which would be cloned whole to the worker.
    const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
    this.head = ascii(`,${csvField(asOf)},`);
    this.tails = Array.from({ length: 256 * 3 }, (_, k) => {
      const score = Math.floor(k / 3);
      const tier = TIERS[k % 3];
      return ascii(`,${score},${tier},,${csvField(modelVersion)},${score},${tier},,,\n`);
    });
    this.rowsCap = rowsCap;
    this.jobMs = options.jobMs;
    this.alone = (options.threads ?? 1) === 0;
    this.here = new ScoresCsvBytes(asOf, modelVersion);
  }

  add(chunk: ChunkLines): Buffer[] {
    const previous = this.collect();
    const n = chunk.scored.customerId.length;
    if (this.worker === undefined && !this.alone) this.start();
    const worker = this.worker;
    // Scores other than a Uint8Array's (0–255, the tails' range) are left to the general writer too.
    const general = chunk.scored.reasons !== null || !(chunk.scored.healthScore instanceof Uint8Array);
    if (this.alone || !worker || n > this.rowsCap || general) return [...previous, this.writeHere(chunk)];
    const slot = this.slots[worker.next % 2];
    if (!this.fill(slot, chunk)) return [...previous, this.writeHere(chunk)];
    if (!worker.ready) {
      slot.written[0] = formatLines(slot, n, this.head, this.tails);
      worker.skip();
      return [...previous, this.bytesOf(slot)];
    }
    worker.post(n);
    this.pendingRows = n;
    return previous;
  }

  /** The bytes of the last chunk added, if not yet given. */
  finish(): Buffer[] {
    return this.collect();
  }

  close(): void {
    this.worker?.close();
    this.alone = true;
  }

  private start(): void {
    const shared = (bytes: number) => new SharedArrayBuffer(bytes);
    const rows = this.rowsCap;
    const maxTail = Math.max(...this.tails.map((t) => t.length));
    const idCap = rows * ID_BYTES_PER_ROW;
    const buffers: SlotBuffers[] = [0, 1].map(() => ({
      probs: shared(8 * rows),
      scores: shared(rows),
      tiers: shared(rows),
      whole: shared(rows),
      idEnds: shared(4 * rows),
      idBytes: shared(idCap),
      out: shared(idCap + rows * (this.head.length + MAX_NUMBER_TEXT + maxTail)),
      written: shared(4),
    }));
    this.slots = buffers.map(slotViews);
    this.worker = JobWorker.start(WORKER_SOURCE, { head: this.head, tails: this.tails, slots: buffers }, this.jobMs);
    if (this.worker === null) this.alone = true;
  }

  /** Copies the chunk into a slot; false when its ids (or override lines) do not fit. */
  private fill(slot: SlotViews, { scored, lines }: ChunkLines): boolean {
    const n = scored.customerId.length;
    slot.probs.set(scored.churnProbability instanceof Float64Array ? scored.churnProbability : Float64Array.from(scored.churnProbability));
    for (let i = 0; i < n; i++) {
      slot.scores[i] = scored.healthScore[i];
      slot.tiers[i] = TIER_CODE[scored.tier[i]];
    }
    const b = slot.idBytes;
    const cap = b.length;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const line = lines.size === 0 ? undefined : lines.get(i);
      const s = line ?? scored.customerId[i];
      // UTF-8 takes at most 3 bytes per UTF-16 unit, and quoting may double a field.
      if (at + 6 * s.length > cap) return false;
      slot.whole[i] = line === undefined ? 0 : 1;
      at = line === undefined ? putField(b, at, s) : at + Buffer.from(b.buffer, b.byteOffset, cap).write(s, at, 'utf8');
      slot.idEnds[i] = at;
    }
    return true;
  }

  /** Waits for the job posted last and gives its bytes (written here from its slot if it failed). */
  private collect(): Buffer[] {
    if (this.pendingRows < 0) return [];
    const worker = this.worker as JobWorker;
    const slot = this.slots[(worker.next - 1) % 2];
    const n = this.pendingRows;
    this.pendingRows = -1;
    // A team closed meanwhile does not wait for its worker (`await` is false at once).
    if (worker.await()) {
      this.workerJobs++;
    } else {
      slot.written[0] = formatLines(slot, n, this.head, this.tails);
      this.close();
    }
    return [this.bytesOf(slot)];
  }

  private bytesOf(slot: SlotViews): Buffer {
    return Buffer.from(slot.out.buffer, slot.out.byteOffset, slot.written[0]);
  }

  /** The chunk's lines written on this thread, as the rest of the job writes them. */
  private writeHere({ scored, lines }: ChunkLines): Buffer {
    const h = this.here;
    h.clear();
    for (let i = 0; i < scored.customerId.length; i++) {
      const line = lines.size === 0 ? undefined : lines.get(i);
      if (line === undefined) h.modelLine(scored, i);
      else h.text(line);
    }
    return h.bytes();
  }
}
