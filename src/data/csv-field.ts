/**
 * One CSV field by RFC 4180, as csv-stringify writes it (quoted when it holds a comma, quote or line
 * break; null empty), for writers whose lines csv-stringify would make slower than the rest of their work.
 */
const NEEDS_QUOTES = /[",\n\r]/;

export function csvField(s: string | null): string {
  if (s === null) return '';
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
