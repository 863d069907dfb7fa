/**
 * A file streamed as UTF-8 text without its byte-order mark; a one-line UserError naming the file when it
 * is UTF-16, a binary container or invalid UTF-8 (located by line). Decoding is strict, because a silently
 * replaced byte would corrupt an id or a value unnoticed.
 */
import { createReadStream } from 'node:fs';
import { Transform, pipeline, type Readable } from 'node:stream';
import { UserError } from '../../diagnostics/user-error.ts';

/** Recognisable non-UTF-8 starts of a file, with what to tell the user. */
const SIGNATURES: ReadonlyArray<{ bytes: number[]; what: string }> = [
  { bytes: [0xff, 0xfe], what: 'unreadable encoding: UTF-16 little-endian (save it as UTF-8)' },
  { bytes: [0xfe, 0xff], what: 'unreadable encoding: UTF-16 big-endian (save it as UTF-8)' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'is a Parquet file, not text (name it .parquet)' },
  { bytes: [0x1f, 0x8b], what: 'is gzip-compressed, not text (decompress it first)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'is a zip archive (an Excel workbook?), not text (export it as CSV)' },
];

/** Why the first chunk of a file is not UTF-8 text, or null when it may be. */
export function sniffNonText(first: Uint8Array): string | null {
  for (const { bytes, what } of SIGNATURES) {
    if (bytes.every((b, i) => first[i] === b)) return what;
  }
  // NUL never appears in text; in UTF-16 without a BOM every ASCII character carries one.
  const probe = first.subarray(0, 4096);
  if (probe.includes(0)) return 'unreadable encoding: contains NUL bytes (UTF-16 without a BOM, or binary data)';
  return null;
}

/** Line breaks in `text`, to keep the line numbers of messages those of the file. */
export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function utf8Text(path: string): Readable {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let newlines = 0;
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      if (first) {
        first = false;
        const why = sniffNonText(chunk);
        if (why !== null) return done(new UserError(`${path}: ${why}`));
      }
      try {
        const text = decoder.decode(chunk, { stream: true });
        newlines += countNewlines(text);
        done(null, text);
      } catch {
        // Re-decode leniently only to find where the bad byte sits (U+FFFD marks it).
        const lenient = chunk.toString('utf8');
        const at = Math.max(0, lenient.indexOf('\uFFFD'));
        const line = newlines + countNewlines(lenient.slice(0, at)) + 1;
        done(new UserError(`${path}: unreadable encoding: invalid UTF-8 at line ${line} (save the file as UTF-8)`));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new UserError(`${path}: unreadable encoding: the file ends inside a UTF-8 character`));
      }
    },
  });
  return pipeline(createReadStream(path), decode, () => {});
}
