/**
 * Dates at the public API: ISO 8601 text (`'2024-10-01'`), a `Date` or epoch milliseconds, read
 * as UTC. Internally every date is epoch ms; users write the dates they read in their data.
 */
import { z } from 'zod';
import { parseIsoDate } from '../data/iso-date.ts';

export const DateInput = z.union([
  z.string().refine((s) => parseIsoDate(s) !== null, 'not an ISO 8601 date (e.g. 2024-10-01)'),
  z.date().refine((d) => Number.isFinite(d.getTime()), 'an invalid Date'),
  z.number().finite(),
]);
export type DateInput = z.input<typeof DateInput>;

/** Epoch ms (UTC) of a checked date input. */
export function epochMs(d: DateInput): number {
  if (typeof d === 'number') return d;
  if (d instanceof Date) return d.getTime();
  return parseIsoDate(d) as number;
}
