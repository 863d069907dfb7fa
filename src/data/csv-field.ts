/**
 * One CSV field by RFC 4180, as csv-stringify writes it by default: quoted when it holds a comma,
 * a quote or a line break, quotes doubled; null is an empty field. For writers that build their
 * lines themselves because csv-stringify would be slower than the rest of their work.
 */
const NEEDS_QUOTES = /[",\n\r]/;

export function csvField(s: string | null): string {
  if (s === null) return '';
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
