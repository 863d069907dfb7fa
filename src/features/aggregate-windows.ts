/**
 * The in-memory kernel of one aggregate feature: for every (customer, cutoff) of the population, the
 * filtered rows in [T − offset − days, T − offset) reduced as spec.ts's `Aggregation` defines.
 * Cost: two binary searches per population row plus the rows in its window.
 */
import { DAY_MS, WEEK_MS } from '../data/contract.ts';
import type { AggregateFeature } from './spec.ts';
import { lowerBound, type SortedRows } from './sorted-rows.ts';

/** A date filter evaluated against the window end: `openAt` = blank or ≥ end, `closedBefore` = < end. */
export interface DateFilter {
  op: 'openAt' | 'closedBefore';
  dates: Float64Array;
}

/** Columns of the source table in sorted-row order; NaN / null / −1 mark blanks. */
export interface WindowInput {
  rows: SortedRows;
  value: Float64Array | null;
  strings: (string | null)[] | null;
  codes: Int32Array | null;
  codeCount: number;
  mask: Uint8Array | null;
  dateFilters: DateFilter[];
}

export interface AggregateResult {
  numbers: Float64Array | null;
  strings: string[] | null;
  /** 1 when the window held no usable row (for `changeFromPrevious`: fewer than two). */
  missing: Uint8Array;
}

export function aggregateWindows(
  f: AggregateFeature,
  input: WindowInput,
  popCustomer: Int32Array,
  popCutoff: Float64Array,
): AggregateResult {
  const n = popCustomer.length;
  const { rows, value, strings, codes, mask, dateFilters } = input;
  const { start, t } = rows;
  const missing = new Uint8Array(n);
  const fillNumber = typeof f.fill === 'number' ? f.fill : 0;
  const out = strings && f.aggregation === 'last' ? null : new Float64Array(n);
  const outStrings = out === null ? new Array<string>(n) : null;
  const offsetMs = f.window.offsetDays * DAY_MS;
  const spanMs = f.window.days === null ? Infinity : f.window.days * DAY_MS;
  const seen = codes ? new Int32Array(input.codeCount).fill(-1) : null;
  const weeks = f.window.days === null ? 0 : f.window.days / 7;
  const slopeCentre = (weeks - 1) / 2;
  const slopeSxx = (weeks * (weeks * weeks - 1)) / 12;
  const cap = f.cap ?? Infinity;
  const period = f.periodDays ?? 365;

  const filtered = mask !== null || dateFilters.length > 0;
  const keep = (p: number, end: number): boolean => {
    if (!filtered) return true;
    if (mask && mask[p] === 0) return false;
    for (const df of dateFilters) {
      const d = df.dates[p];
      if (df.op === 'openAt' ? !(Number.isNaN(d) || d >= end) : !(d < end)) return false;
    }
    return true;
  };
  const latest = new Int32Array(2);

  for (let r = 0; r < n; r++) {
    const c = popCustomer[r];
    const end = popCutoff[r] - offsetMs;
    const s = start[c];
    const e = start[c + 1];
    const lo = spanMs === Infinity ? s : lowerBound(t, s, e, end - spanMs);
    const hi = lowerBound(t, lo, e, end);
    switch (f.aggregation) {
      case 'count': {
        let k = hi - lo;
        if (filtered) {
          k = 0;
          for (let p = lo; p < hi; p++) if (keep(p, end)) k++;
        }
        out![r] = k;
        missing[r] = k === 0 ? 1 : 0;
        break;
      }
      case 'sum':
      case 'mean': {
        let k = 0;
        let sum = 0;
        for (let p = lo; p < hi; p++) {
          const v = value![p];
          if (!Number.isNaN(v) && keep(p, end)) {
            sum += v;
            k++;
          }
        }
        missing[r] = k === 0 ? 1 : 0;
        out![r] = f.aggregation === 'sum' ? sum : k === 0 ? fillNumber : sum / k;
        break;
      }
      case 'distinctDays': {
        // Rows are time-ordered, so a new day is a change of day from the previous kept row.
        let k = 0;
        let lastDay = NaN;
        for (let p = lo; p < hi; p++) {
          if (!keep(p, end)) continue;
          const day = Math.floor(t[p] / DAY_MS);
          if (day !== lastDay) {
            k++;
            lastDay = day;
          }
        }
        out![r] = k;
        missing[r] = k === 0 ? 1 : 0;
        break;
      }
      case 'distinctValues': {
        // `seen[code] === r` marks a value already counted for this population row: no clearing needed.
        let k = 0;
        for (let p = lo; p < hi; p++) {
          const code = codes![p];
          if (code < 0 || seen![code] === r || !keep(p, end)) continue;
          seen![code] = r;
          k++;
        }
        out![r] = k;
        missing[r] = k === 0 ? 1 : 0;
        break;
      }
      case 'daysSinceLast': {
        let p = hi - 1;
        while (p >= lo && !keep(p, end)) p--;
        missing[r] = p < lo ? 1 : 0;
        out![r] = p < lo ? cap : Math.min(cap, Math.floor((end - t[p]) / DAY_MS));
        break;
      }
      case 'weeklySlope': {
        // OLS slope of counts c_k on k = 0..W−1 is Σ_k (k − k̄) c_k / Sxx, i.e. a sum over rows.
        const from = end - spanMs;
        let sum = 0;
        for (let p = lo; p < hi; p++) {
          if (keep(p, end)) sum += (Math.floor((t[p] - from) / WEEK_MS) - slopeCentre) / slopeSxx;
        }
        out![r] = sum;
        missing[r] = 0;
        break;
      }
      case 'last':
      case 'changeFromPrevious':
      case 'daysToAnniversary': {
        latestTwo(input, lo, hi, end, keep, latest);
        const first = latest[0];
        const second = latest[1];
        const want = f.aggregation === 'changeFromPrevious' ? 2 : 1;
        const found = (first >= 0 ? 1 : 0) + (second >= 0 ? 1 : 0);
        missing[r] = found < want ? 1 : 0;
        if (outStrings) {
          outStrings[r] = first < 0 ? String(f.fill) : (strings![first] as string);
        } else if (found < want) {
          out![r] = fillNumber;
        } else if (f.aggregation === 'last') {
          out![r] = value![first];
        } else if (f.aggregation === 'changeFromPrevious') {
          out![r] = value![first] - value![second];
        } else {
          const elapsed = Math.floor((end - value![first]) / DAY_MS);
          out![r] = period - (((elapsed % period) + period) % period);
        }
        break;
      }
    }
  }
  return { numbers: out, strings: outStrings, missing };
}

/**
 * The two latest kept rows with a value by (time desc, value desc), the SQL engine's ROW_NUMBER order,
 * so ties resolve alike; written into `out` (−1 when absent) to allocate nothing per population row.
 */
function latestTwo(
  input: WindowInput,
  lo: number,
  hi: number,
  end: number,
  keep: (p: number, end: number) => boolean,
  out: Int32Array,
): void {
  const { strings, value } = input;
  let first = -1;
  let second = -1;
  for (let p = lo; p < hi; p++) {
    if ((strings ? strings[p] === null : Number.isNaN(value![p])) || !keep(p, end)) continue;
    if (first < 0 || later(input, p, first)) {
      second = first;
      first = p;
    } else if (second < 0 || later(input, p, second)) {
      second = p;
    }
  }
  out[0] = first;
  out[1] = second;
}

function later(input: WindowInput, a: number, b: number): boolean {
  const { t } = input.rows;
  if (t[a] !== t[b]) return t[a] > t[b];
  if (input.strings) return (input.strings[a] as string) > (input.strings[b] as string);
  return input.value![a] > input.value![b];
}
