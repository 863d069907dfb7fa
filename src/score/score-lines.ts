/**
 * The batch job's score lines without reasons, formatted by a pool kernel while the job reads and
 * scores the next chunk: `String(probability)` is most of a line's cost, and the job's thread is
 * its bottleneck. The job encodes a chunk's ids as CSV fields (an overridden row's whole line
 * instead) into one of two shared slots in turn, beside the probabilities, scores and tier codes,
 * and writes the slot's lines a chunk later. The bytes are `ScoresCsvBytes.modelLine`'s.
 */
import { csvField } from '../data/csv-field.ts';
import { workerPool, type AsyncJob } from '../parallel/pool.ts';
import type { ScoredColumns } from './scores-csv.ts';
import { putField, ScoresCsvBytes } from './scores-csv-bytes.ts';
import { Tier } from './tiers.ts';
import { scoreLinesKernel, type LineSlot, type ScoreLinesArgs } from './score-lines-kernel.ts';

/** A tier's code in a slot: its position among the tiers. */
const TIERS: readonly Tier[] = Tier.options;
const TIER_CODE = Object.fromEntries(TIERS.map((t, k) => [t, k])) as Readonly<Record<Tier, number>>;
/** Id bytes a slot holds per row; a chunk with longer ids (or override lines) is written on the calling thread. */
const ID_BYTES_PER_ROW = 128;
/** The longest text `String` gives a double ("-1.2345678901234567e-308" and the like). */
const MAX_NUMBER_TEXT = 25;

/** Lines of a chunk as the job gives them: model scores, and whole lines for overridden rows. */
export interface ChunkLines {
  readonly scored: ScoredColumns;
  /** Row → its whole line (ending in a newline), for rows an override changed. */
  readonly lines: ReadonlyMap<number, string>;
}

const sharedBytes = (bytes: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(bytes));

/**
 * Writes chunks' lines one chunk behind: `add` gives the bytes to write now (the chunk before's,
 * and this one's when it was written on the calling thread); `finish` gives the last. The bytes
 * are views, valid until the next `add`.
 */
export class ScoreLines {
  private readonly text: Pick<ScoreLinesArgs, 'head' | 'tails' | 'tailAt' | 'tierCount'>;
  private readonly here: ScoresCsvBytes;
  /** The most bytes of a line besides its id. */
  private readonly lineBytes: number;
  /** Made at the first chunk the pool formats. */
  private slots: LineSlot[] = [];
  private turn = 0;
  /** The job of the chunk added last, if the pool formats it. */
  private pending: { slot: LineSlot; job: AsyncJob } | null = null;

  /**
   * `rowsCap`: the most rows a chunk has (a larger one is written on the calling thread);
   * `threads`: the pool's threads for the lines, the calling thread included (1: it writes all).
   */
  constructor(
    asOf: string,
    modelVersion: string,
    private readonly rowsCap: number,
    private readonly threads: number,
  ) {
    const tails = Array.from({ length: 256 * TIERS.length }, (_, k) => {
      const score = Math.floor(k / TIERS.length);
      const tier = TIERS[k % TIERS.length];
      return Buffer.from(`,${score},${tier},,${csvField(modelVersion)},${score},${tier},,,\n`, 'utf8');
    });
    const tailAt = new Int32Array(new SharedArrayBuffer(4 * (tails.length + 1)));
    tails.forEach((t, k) => (tailAt[k + 1] = tailAt[k] + t.length));
    const tailBytes = sharedBytes(tailAt[tails.length]);
    tails.forEach((t, k) => tailBytes.set(t, tailAt[k]));
    const head = Buffer.from(`,${csvField(asOf)},`, 'utf8');
    this.text = { head: sharedBytes(head.length), tails: tailBytes, tailAt, tierCount: TIERS.length };
    this.text.head.set(head);
    this.lineBytes = head.length + MAX_NUMBER_TEXT + Math.max(...tails.map((t) => t.length));
    this.here = new ScoresCsvBytes(asOf, modelVersion);
  }

  async add(chunk: ChunkLines): Promise<Buffer[]> {
    const n = chunk.scored.customerId.length;
    // Reasons, and scores other than a Uint8Array's (0–255, the tails' range), are left to the general writer.
    const general = chunk.scored.reasons !== null || !(chunk.scored.healthScore instanceof Uint8Array);
    const slot = this.threads <= 1 || general || n > this.rowsCap ? null : this.slot();
    // The pool behind (the chunk before is not written yet): this chunk is written here. Until its
    // worker is ready the pool itself formats the lines on this thread.
    const ready = this.pending === null || this.pending.job.finished();
    if (slot === null || !ready || !fill(slot, chunk)) return [...(await this.collect()), this.writeHere(chunk)];
    this.turn = 1 - this.turn;
    const job = workerPool().submit(scoreLinesKernel, { ...slot, ...this.text, rows: n }, 1, this.threads);
    const previous = await this.collect();
    this.pending = { slot, job };
    return previous;
  }

  /** The bytes of the last chunk added, if not yet given. */
  finish(): Promise<Buffer[]> {
    return this.collect();
  }

  /** The slot to fill next (its chunk before last was written out already). */
  private slot(): LineSlot {
    if (this.slots.length === 0) {
      const rows = this.rowsCap;
      const idCap = rows * ID_BYTES_PER_ROW;
      this.slots = [0, 1].map(() => ({
        probs: new Float64Array(new SharedArrayBuffer(8 * rows)),
        scores: sharedBytes(rows),
        tiers: sharedBytes(rows),
        whole: sharedBytes(rows),
        idEnds: new Int32Array(new SharedArrayBuffer(4 * rows)),
        idBytes: sharedBytes(idCap),
        out: sharedBytes(idCap + rows * this.lineBytes),
        written: new Int32Array(new SharedArrayBuffer(4)),
      }));
    }
    return this.slots[this.turn];
  }

  /** Waits for the pending job, if any, and gives its bytes. */
  private async collect(): Promise<Buffer[]> {
    if (this.pending === null) return [];
    const { slot, job } = this.pending;
    this.pending = null;
    if (!job.finished()) await job.done;
    return [Buffer.from(slot.out.buffer, slot.out.byteOffset, slot.written[0])];
  }

  /** The chunk's lines written on the calling thread, as the rest of the job writes them. */
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

/** Copies the chunk into a slot; false when its ids (or override lines) do not fit. */
function fill(slot: LineSlot, { scored, lines }: ChunkLines): boolean {
  const n = scored.customerId.length;
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
  slot.probs.set(scored.churnProbability instanceof Float64Array ? scored.churnProbability : Float64Array.from(scored.churnProbability));
  for (let i = 0; i < n; i++) {
    slot.scores[i] = scored.healthScore[i];
    slot.tiers[i] = TIER_CODE[scored.tier[i]];
  }
  return true;
}
