import { DAY_MS } from '../data/contract.ts';
import { formatIsoDay } from '../data/iso-date.ts';
import { UserError } from '../diagnostics/user-error.ts';

/**
 * Rolling snapshot dates: the first day of each month (00:00 UTC) from `start` to `end`, both
 * inclusive, so a stacked training set has one snapshot per customer per month.
 *
 * @example monthlyCutoffs(Date.UTC(2024, 0, 15), Date.UTC(2024, 3, 1)).map((t) => new Date(t).toISOString().slice(0, 10))
 * // => ['2024-02-01', '2024-03-01', '2024-04-01']
 */
export function monthlyCutoffs(start: number, end: number, everyMonths = 1): number[] {
  const first = new Date(start);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  if (Date.UTC(y, m, 1) < start) m += 1;
  const out: number[] = [];
  for (let t = Date.UTC(y, m, 1); t <= end; t = Date.UTC(y, m, 1)) {
    out.push(t);
    m += everyMonths;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return out;
}

/**
 * Up to `count` monthly cutoffs, the latest the last month start whose horizon fits before `dataEnd`, the
 * earliest `warmupDays` after the first signup (so the first snapshot has some history to aggregate).
 */
export function defaultCutoffs(firstSignup: number, dataEnd: number, horizonDays: number, count = 12, warmupDays = 90): number[] {
  const all = monthlyCutoffs(firstSignup + warmupDays * DAY_MS, dataEnd - horizonDays * DAY_MS);
  return all.slice(Math.max(0, all.length - count));
}

/** `defaultCutoffs` of a data set; a `UserError` when its history is too short for one labelled cutoff. */
export function autoCutoffs(range: { firstSignup: number; dataEnd: number }, horizonDays: number): number[] {
  const cutoffs = defaultCutoffs(range.firstSignup, range.dataEnd, horizonDays);
  if (cutoffs.length === 0) {
    throw new UserError(
      `the data (${formatIsoDay(range.firstSignup)} to ${formatIsoDay(range.dataEnd - DAY_MS)}) is too short for a ${horizonDays}-day horizon after 90 days of history; give --cutoffs`,
    );
  }
  return cutoffs;
}
