/**
 * Columns of a DuckDB result chunk read straight from the vectors' memory (numbers as typed-array views,
 * VARCHAR decoded row by row, NULLs from the validity mask): one native call per vector, where the
 * node-api's `getItem` builds a wrapper per vector and a BigInt per validity test. The views live as
 * long as the chunk; copy out what must outlive it.
 */
import type { DuckDBDataChunk } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';

/** Null when every row is valid (DuckDB allocates no mask then); else bit i set = row i valid. */
export type Validity = Uint8Array | null;

export interface DoubleVector {
  readonly values: Float64Array;
  readonly validity: Validity;
}

export interface IntVector {
  readonly values: Int32Array;
  readonly validity: Validity;
}

/** A VARCHAR vector: 16 bytes a row (DuckDB's string_t), strings of 12 bytes or less inline. */
export interface TextVector {
  readonly entries: Buffer;
  /** The entries as 32-bit words, 4 a row, to compare entries without decoding them. */
  readonly words: Int32Array;
  readonly validity: Validity;
}

const STRING_T_BYTES = 16;
const INLINE_BYTES = 12;

function validityOf(vector: ReturnType<typeof duckdb.data_chunk_get_vector>, rows: number): Validity {
  // uint64 words, little endian on every platform the bindings ship for: row i is bit i % 8 of byte i / 8.
  const mask = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8) as Uint8Array | null | undefined;
  return mask ?? null;
}

export function doubleVector(chunk: DuckDBDataChunk, column: number): DoubleVector {
  const rows = chunk.rowCount;
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
  const data = duckdb.vector_get_data(vector, rows * 8);
  return { values: new Float64Array(data.buffer, data.byteOffset, rows), validity: validityOf(vector, rows) };
}

export function intVector(chunk: DuckDBDataChunk, column: number): IntVector {
  const rows = chunk.rowCount;
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
  const data = duckdb.vector_get_data(vector, rows * 4);
  return { values: new Int32Array(data.buffer, data.byteOffset, rows), validity: validityOf(vector, rows) };
}

export function textVector(chunk: DuckDBDataChunk, column: number): TextVector {
  const rows = chunk.rowCount;
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
  const data = duckdb.vector_get_data(vector, rows * STRING_T_BYTES);
  return {
    entries: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    words: new Int32Array(data.buffer, data.byteOffset, rows * 4),
    validity: validityOf(vector, rows),
  };
}

export function isValid(validity: Validity, row: number): boolean {
  return validity === null || (validity[row >>> 3] & (1 << (row & 7))) !== 0;
}

/** Row `row` of a text vector, null when NULL. */
export function textAt(v: TextVector, row: number): string | null {
  if (!isValid(v.validity, row)) return null;
  const at = row * STRING_T_BYTES;
  const w = v.words;
  const length = w[row * 4];
  if (length <= INLINE_BYTES) {
    // No byte with the high bit set: ASCII, made into a string without a call into native code.
    if (((w[row * 4 + 1] | w[row * 4 + 2] | w[row * 4 + 3]) & 0x80808080) === 0) return asciiText(v.entries, at + 4, length);
    return v.entries.toString('utf8', at + 4, at + 4 + length);
  }
  const bytes = duckdb.get_data_from_pointer(v.entries.buffer as ArrayBuffer, v.entries.byteOffset + at + 8, length);
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('utf8');
}

const fromCodes = String.fromCharCode;

/** `length` (≤ 12) ASCII bytes from `o`: cheaper than `Buffer.toString` for short ids, one on every row. */
function asciiText(b: Buffer, o: number, length: number): string {
  switch (length) {
    case 0:
      return '';
    case 1:
      return fromCodes(b[o]);
    case 2:
      return fromCodes(b[o], b[o + 1]);
    case 3:
      return fromCodes(b[o], b[o + 1], b[o + 2]);
    case 4:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3]);
    case 5:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4]);
    case 6:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5]);
    case 7:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], b[o + 6]);
    case 8:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], b[o + 6], b[o + 7]);
    case 9:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], b[o + 6], b[o + 7], b[o + 8]);
    case 10:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], b[o + 6], b[o + 7], b[o + 8], b[o + 9]);
    case 11:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], b[o + 6], b[o + 7], b[o + 8], b[o + 9], b[o + 10]);
    default:
      return fromCodes(b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], b[o + 6], b[o + 7], b[o + 8], b[o + 9], b[o + 10], b[o + 11]);
  }
}

/**
 * Recently decoded labels of a category column, by their 16-byte entry: comparing four words is cheaper
 * than decoding a new string. Only inline strings are kept: their entry is their whole content, where a
 * longer string's holds a pointer that the next chunk may reuse for other text.
 */
export class LabelCache {
  private readonly words: Int32Array;
  private readonly labels: string[] = [];

  constructor(private readonly capacity = 16) {
    this.words = new Int32Array(capacity * 4);
  }

  /** Row `row` of `v`, as `textAt` gives it. */
  textAt(v: TextVector, row: number): string | null {
    if (!isValid(v.validity, row)) return null;
    const w = v.words;
    const at = row * 4;
    const length = w[at];
    if (length > INLINE_BYTES) return textAt(v, row);
    const a = w[at + 1];
    const b = w[at + 2];
    const c = w[at + 3];
    const known = this.words;
    for (let k = 0, j = 0; k < this.labels.length; k++, j += 4) {
      if (known[j] === length && known[j + 1] === a && known[j + 2] === b && known[j + 3] === c) return this.labels[k];
    }
    const label = textAt(v, row) as string;
    if (this.labels.length < this.capacity) {
      known.set(w.subarray(at, at + 4), this.labels.length * 4);
      this.labels.push(label);
    }
    return label;
  }
}
