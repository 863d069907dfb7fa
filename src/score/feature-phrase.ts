/**
 * How a feature's value is said in a reason: the dictionary's `phrase` with `{value}` filled in ("no login in
 * {value} days" → "no login in 34 days"), else "description: value". A missing value is "description: not
 * recorded", never put into a phrase ("no login in not recorded days" helps nobody).
 */
import type { FeatureEntry } from '../features/dictionary.ts';

export type RawValue = number | string | null | undefined;

const grouped = (digits: number, min = 0) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: min });
const WHOLE = grouped(0);
const ONE = grouped(1);
const TWO = grouped(2);
const MONEY = grouped(2, 2);

/**
 * WHOLE.format, with small integers (days, counts) written directly: Intl costs about a microsecond a call and
 * a batch job formats millions. −0 is left to Intl, which writes "-0".
 */
function whole(v: number): string {
  return Number.isInteger(v) && v > -1000 && v < 1000 && !Object.is(v, -0) ? String(v) : WHOLE.format(v);
}

function isMissing(v: RawValue): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '';
}

export function formatFeatureValue(value: RawValue, entry: Pick<FeatureEntry, 'kind' | 'unit'>): string {
  if (isMissing(value)) return 'not recorded';
  if (typeof value === 'string') return value;
  if (entry.kind === 'flag') return value !== 0 ? 'yes' : 'no';
  switch (entry.unit) {
    case 'days':
      return whole(value);
    case 'count':
      return Number.isInteger(value) ? whole(value) : ONE.format(value);
    case 'currency':
      return MONEY.format(value);
    case 'share':
      return `${WHOLE.format(value * 100)}%`;
    case 'score':
      return ONE.format(value);
    default:
      return TWO.format(value);
  }
}

export function featurePhrase(value: RawValue, entry: Pick<FeatureEntry, 'kind' | 'unit' | 'phrase' | 'description'>): string {
  const formatted = formatFeatureValue(value, entry);
  if (isMissing(value)) return `${entry.description}: ${formatted}`;
  // A flag says the fact or its absence ("a detractor", "not a detractor"), not "yes"/"no".
  if (entry.kind === 'flag' && entry.phrase !== undefined && !entry.phrase.includes('{value}')) {
    return value !== 0 ? entry.phrase : `not ${entry.phrase}`;
  }
  if (entry.phrase === undefined) return `${entry.description}: ${formatted}`;
  if (entry.phrase.includes('{value}')) return entry.phrase.replaceAll('{value}', formatted);
  return `${entry.phrase}: ${formatted}`;
}
