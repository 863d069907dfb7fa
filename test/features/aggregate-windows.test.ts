import { linearRegression } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/data/contract.ts';
import { aggregateWindows, type WindowInput } from '../../src/features/aggregate-windows.ts';
import { sortRows } from '../../src/features/sorted-rows.ts';
import { AggregateFeature, type AggregateFeature as Feature } from '../../src/features/spec.ts';

const T = Date.UTC(2024, 3, 1);
const before = (days: number, hours = 0) => T - days * DAY_MS + hours * 3_600_000;

/** One customer's rows (times given as "days before T"), with optional values and strings. */
function input(times: number[], extra: Partial<WindowInput> = {}): WindowInput {
  const rows = sortRows(new Int32Array(times.length), Float64Array.from(times), 1);
  return { rows, value: null, strings: null, codes: null, codeCount: 0, mask: null, dateFilters: [], ...extra };
}

const feature = (f: Partial<Feature>): Feature =>
  AggregateFeature.parse({ name: 'f', table: 'events', aggregation: 'count', description: '', direction: 'healthier', dimension: 'activity', ...f });

const run = (f: Partial<Feature>, inp: WindowInput, cutoff = T) =>
  aggregateWindows(feature(f), inp, Int32Array.of(0), Float64Array.of(cutoff));

describe('aggregateWindows', () => {
  it('counts rows in [T − days, T) only: a row exactly at T is the future, one exactly at T − days is in', () => {
    const r = run({ window: { days: 30, offsetDays: 0 } }, input([before(30), before(29), before(0), before(-1)]));
    expect(r.numbers?.[0]).toBe(2);
  });

  it('counts distinct UTC days', () => {
    const r = run({ aggregation: 'distinctDays', window: { days: 7, offsetDays: 0 } }, input([before(3, 1), before(3, 5), before(2, 1), before(9)]));
    expect(r.numbers?.[0]).toBe(2);
  });

  it('counts distinct non-blank values', () => {
    const codes = Int32Array.from([0, 1, 0, -1]);
    const r = run({ aggregation: 'distinctValues', window: { days: 30, offsetDays: 0 } }, input([before(4), before(3), before(2), before(1)], { codes, codeCount: 2 }));
    expect(r.numbers?.[0]).toBe(2);
  });

  it('gives whole days since the latest row, and the cap with the missing mark when there is none', () => {
    expect(run({ aggregation: 'daysSinceLast', cap: 730 }, input([before(40), before(12, 5)])).numbers?.[0]).toBe(11);
    const none = run({ aggregation: 'daysSinceLast', cap: 730 }, input([]));
    expect([none.numbers?.[0], none.missing[0]]).toEqual([730, 1]);
  });

  it('takes the mean of non-blank values, the fill value when there is none', () => {
    const value = Float64Array.from([4, NaN, 2]);
    expect(run({ aggregation: 'mean', fill: 3 }, input([before(3), before(2), before(1)], { value })).numbers?.[0]).toBe(3);
    expect(run({ aggregation: 'mean', fill: 3 }, input([before(3), before(2), before(1)], { value: Float64Array.from([4, NaN, 1]) })).numbers?.[0]).toBe(2.5);
  });

  it('takes the latest value and its change from the previous one, ties broken by the larger value', () => {
    const value = Float64Array.from([5, 9, 2]);
    const inp = input([before(10), before(1), before(1)], { value });
    expect(run({ aggregation: 'last' }, inp).numbers?.[0]).toBe(9);
    expect(run({ aggregation: 'changeFromPrevious' }, inp).numbers?.[0]).toBe(7);
  });

  it('computes the weekly slope as the least-squares slope of the weekly counts', () => {
    // 12 weeks; counts per week 0..11: week k gets k % 3 + (k > 6 ? 2 : 0) rows.
    const counts = Array.from({ length: 12 }, (_, k) => (k % 3) + (k > 6 ? 2 : 0));
    const times: number[] = [];
    counts.forEach((c, k) => {
      for (let i = 0; i < c; i++) times.push(T - 84 * DAY_MS + k * 7 * DAY_MS + (i + 1) * 3_600_000);
    });
    const expected = linearRegression(counts.map((c, k) => [k, c])).m; // simple-statistics OLS
    const r = run({ aggregation: 'weeklySlope', window: { days: 84, offsetDays: 0 } }, input(times));
    expect(r.numbers?.[0]).toBeCloseTo(expected, 12);
  });

  it('counts days to the next yearly anniversary of the latest start', () => {
    const value = Float64Array.from([before(400)]);
    // 400 days elapsed: 35 days into the second year, so 365 − 35 = 330 to go.
    expect(run({ aggregation: 'daysToAnniversary', periodDays: 365 }, input([before(400)], { value })).numbers?.[0]).toBe(330);
  });

  it('evaluates openAt and closedBefore filters against the window end', () => {
    const closed = Float64Array.from([before(5), NaN, before(-3)]);
    const inp = input([before(20), before(10), before(8)], { dateFilters: [{ op: 'openAt', dates: closed }] });
    expect(run({}, inp).numbers?.[0]).toBe(2);
    const done = input([before(20), before(10), before(8)], { dateFilters: [{ op: 'closedBefore', dates: closed }] });
    expect(run({}, done).numbers?.[0]).toBe(1);
  });

  it('shifts the window and its filters by offsetDays', () => {
    const inp = input([before(70), before(45), before(20)]);
    expect(run({ window: { days: 30, offsetDays: 30 } }, inp).numbers?.[0]).toBe(1);
  });
});
