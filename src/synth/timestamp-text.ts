/**
 * ISO 8601 text for epoch-ms times, `2024-03-05` and `2024-03-05T14:21:07Z`, from tables of days and
 * minutes: `toISOString` gives the same text but allocates a Date per call, for millions of timestamps.
 */
import { DAY_MS } from '../data/contract.ts';
import { formatIsoDay } from '../data/iso-date.ts';

export interface TimestampText {
  date(ms: number): string;
  dateTime(ms: number): string;
}

/** Formatter for times in [fromMs, toMs); days outside fall back to toISOString. */
export function timestampText(fromMs: number, toMs: number): TimestampText {
  const firstDay = Math.floor(fromMs / DAY_MS);
  const days = Math.max(0, Math.ceil(toMs / DAY_MS) - firstDay);
  const dayText: string[] = new Array<string>(days);
  for (let d = 0; d < days; d++) dayText[d] = formatIsoDay((firstDay + d) * DAY_MS);
  const minuteText: string[] = new Array<string>(1440);
  for (let m = 0; m < 1440; m++) minuteText[m] = `T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:`;
  const secondText: string[] = new Array<string>(60);
  for (let s = 0; s < 60; s++) secondText[s] = `${pad2(s)}Z`;

  const date = (ms: number): string => {
    const d = Math.floor(ms / DAY_MS) - firstDay;
    return d >= 0 && d < days ? dayText[d] : formatIsoDay(ms);
  };
  const dateTime = (ms: number): string => {
    const day = Math.floor(ms / DAY_MS);
    const d = day - firstDay;
    if (d < 0 || d >= days) return `${new Date(ms).toISOString().slice(0, 19)}Z`;
    const second = Math.floor((ms - day * DAY_MS) / 1000);
    return dayText[d] + minuteText[Math.floor(second / 60)] + secondText[second % 60];
  };
  return { date, dateTime };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
