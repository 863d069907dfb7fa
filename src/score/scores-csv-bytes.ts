/**
 * The scores file's lines as UTF-8 bytes in a buffer reused from chunk to chunk, byte for byte `scoresCsvLines`:
 * encoding a chunk's text as one string cost more than scoring its rows, so ASCII fields are copied a character
 * at a time and only others (non-ASCII, needing quotes) go through `Buffer.write`.
 */
import { csvField } from '../data/csv-field.ts';
import type { ScoredColumns } from './scores-csv.ts';

/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

export class ScoresCsvBytes {
  private buffer: Buffer;
  private at = 0;

  /** `asOf` and `modelVersion` are the same on every line of a job. */
  constructor(
    private readonly asOf: string,
    private readonly modelVersion: string,
    initialBytes = 1 << 16,
  ) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Empties the buffer (its bytes were written out). */
  clear(): void {
    this.at = 0;
  }

  /** The bytes written since the last `clear`: a view, valid until the next write. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }

  /** Appends text as it is (e.g. `scoresCsvLines` of an overridden row). */
  text(s: string): void {
    this.room(s.length * MAX_BYTES_PER_UNIT);
    this.at += this.buffer.write(s, this.at, 'utf8');
  }

  /** The line of row `i` when no override applies (final score and tier are the model's), as `scoresCsvLines`. */
  modelLine(c: ScoredColumns, i: number): void {
    const id = c.customerId[i];
    const reasons = c.reasons === null ? '' : c.reasons[i];
    const score = SCORE_TEXT[c.healthScore[i]] ?? String(c.healthScore[i]);
    const tier = c.tier[i];
    // Quotes may double a text field's length; the numbers, tiers and commas take under 100 bytes.
    this.room(MAX_BYTES_PER_UNIT * (2 * (id.length + reasons.length + this.modelVersion.length + this.asOf.length) + 100));
    this.field(id);
    this.ascii(',');
    this.field(this.asOf);
    this.ascii(',');
    this.ascii(String(c.churnProbability[i]));
    this.ascii(',');
    this.ascii(score);
    this.ascii(',');
    this.ascii(tier);
    this.ascii(',');
    this.field(reasons);
    this.ascii(',');
    this.field(this.modelVersion);
    this.ascii(',');
    this.ascii(score);
    this.ascii(',');
    this.ascii(tier);
    this.ascii(',,,\n');
  }

  /** A text field, quoted as `csvField` quotes it. */
  private field(s: string): void {
    this.at = putField(this.buffer, this.at, s);
  }

  /** Text known to be ASCII and to need no quotes (numbers, tiers, commas). */
  private ascii(s: string): void {
    const b = this.buffer;
    let at = this.at;
    for (let k = 0; k < s.length; k++) b[at++] = s.charCodeAt(k);
    this.at = at;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }
}

/** Health scores are integers 0–100: their text made once. */
const SCORE_TEXT: readonly string[] = Array.from({ length: 101 }, (_, s) => String(s));

/** Writes a text field into `b` at `at`, quoted as `csvField` quotes it; returns where it ends. */
export function putField(b: Uint8Array, at: number, s: string): number {
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    // Beyond ASCII, or a quote, comma or line break: the general path for the whole field.
    if (ch >= 0x80 || ch === 0x22 || ch === 0x2c || ch === 0x0a || ch === 0x0d) {
      const start = at - k;
      return start + Buffer.from(b.buffer, b.byteOffset, b.length).write(csvField(s), start, 'utf8');
    }
    b[at++] = ch;
  }
  return at;
}
