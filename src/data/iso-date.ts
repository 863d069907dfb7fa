/** ISO 8601 calendar dates and date-times ↔ epoch milliseconds (UTC). */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Accepts ISO 8601-1:2019 extended format plus RFC 3339's space separator: `2024-03-01`, `2024-03-01T12:30`,
 * `…T12:30:15`, `…T12:30:15.250`, each optionally with `Z`, `±HH`, `±HH:MM` or `±HHMM`. Without an offset
 * it is UTC (`Date.parse` would read local time, so the same file would differ between machines).
 * @returns epoch ms, or null for anything else or an impossible date (2023-02-29, 24:30, +15:00).
 * @example parseIsoDate('2024-03-01T12:00:00+02:00'); // => 1709287200000 (2024-03-01T10:00Z)
 */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (m[4] === undefined) return Date.UTC(year, month - 1, day);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // ISO 8601 allows 24:00 only as the end of a day; leap seconds (:60) are not representable in epoch ms.
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const offsetMinutes = parseOffset(m[8]);
  if (offsetMinutes === null) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** A calendar day alone, `2024-03-05` → epoch ms at 00:00 UTC; null for anything else, a date-time included. */
export function parseIsoDay(text: string): number | null {
  const day = text.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? parseIsoDate(day) : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes east of UTC; null when out of the real-world range (±14:00). */
function parseOffset(text: string | undefined): number | null {
  if (text === undefined || text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (minutes > 59 || hours * 60 + minutes > 14 * 60) return null;
  return sign * (hours * 60 + minutes);
}

/** Epoch ms → `YYYY-MM-DDTHH:MM:SS.sssZ`, the form the summary and quarantine files use. */
export function formatIsoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** Epoch ms → its UTC day `YYYY-MM-DD`, the form of cutoffs and day columns. */
export function formatIsoDay(ms: number): string {
  return formatIsoDate(ms).slice(0, 10);
}
