/**
 * The point-in-time guarantee as a property: adding, removing or changing rows dated at or after
 * the cutoff T — and moving any date that lies at or after T (a ticket's close, a subscription's
 * end, a churn date) to another such date or to blank — never changes any feature at T.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT, DAY_MS, TABLE_NAMES, type TableName } from '../../src/data/contract.ts';
import type { CustomerData } from '../../src/data/customer-data.ts';
import { buildScoringSnapshot } from '../../src/features/build-feature-set.ts';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import { mulberry32, randomHistory, START } from './random-history.ts';

/** Rewrites the future of `data` at cutoff `t`, driven by the PRNG. */
function rewriteFuture(data: CustomerData, t: number, rnd: () => number): CustomerData {
  const future = () => t + Math.floor(rnd() * 400 * 24) * 3_600_000;
  const out: Partial<Record<TableName, ColumnTable>> = {};
  for (const name of TABLE_NAMES) {
    const table = data[name];
    if (!table) continue;
    const spec = CONTRACT[name];
    const cols = Object.fromEntries(table.columnNames().map((c) => [c, Array.from(table.array(c) as ArrayLike<unknown>)]));
    const time = cols[spec.timeColumn] as number[];
    const keep: number[] = [];
    for (let i = 0; i < time.length; i++) {
      const isFuture = time[i] >= t;
      // Drop about a third of the future rows (never customers: a customer row is not "an event").
      if (isFuture && name !== 'customers' && rnd() < 0.33) continue;
      keep.push(i);
      for (const c of spec.columns) {
        const col = cols[c.name];
        if (!col) continue;
        if (c.kind === 'date') {
          const v = col[i] as number | null;
          // A date at or after T may move anywhere else at or after T, or become blank — except the
          // row's own time, which stays in the future, and required dates, which stay set.
          if (v !== null && v >= t && rnd() < 0.5) col[i] = c.name === spec.timeColumn || c.required || rnd() < 0.5 ? future() : null;
        } else if (isFuture && name !== 'customers' && c.name !== 'customer_id' && rnd() < 0.5) {
          if (c.kind === 'number') col[i] = c.name === 'nps' ? Math.floor(rnd() * 11) : c.name === 'csat' ? 1 + Math.floor(rnd() * 5) : Math.round(rnd() * 500);
          else col[i] = c.name === 'priority' ? 'urgent' : c.name === 'event_type' ? 'login' : 'changed';
        }
      }
    }
    const ids = cols.customer_id as string[];
    // Add future rows for random existing customers (copies of random rows, re-dated).
    const added = name === 'customers' || time.length === 0 ? 0 : Math.floor(rnd() * 20);
    for (let k = 0; k < added; k++) {
      const src = Math.floor(rnd() * time.length);
      keep.push(time.length + k);
      for (const c of Object.keys(cols)) cols[c].push(cols[c][src]);
      ids[ids.length - 1] = ids[Math.floor(rnd() * (ids.length - 1))];
      time[time.length - 1] = future();
    }
    out[name] = aq.table(Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, keep.map((i) => v[i])])));
  }
  return { ...out, customers: out.customers as ColumnTable };
}

function featureRows(data: CustomerData, t: number): unknown[] {
  return buildScoringSnapshot(data, DEFAULT_FEATURE_SPEC, t).table.objects();
}

describe('point-in-time features', () => {
  it('do not change when anything dated at or after the cutoff changes', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 60, max: 560 }), fc.nat(), (seed, cutoffDay, mutationSeed) => {
        const data = randomHistory(seed, 12);
        const t = START + cutoffDay * DAY_MS;
        const before = featureRows(data, t);
        const after = featureRows(rewriteFuture(data, t, mulberry32(mutationSeed)), t);
        expect(after).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('do change when a row before the cutoff changes (the property above can fail)', () => {
    const data = randomHistory(3, 12);
    const t = START + 400 * DAY_MS;
    const tx = data.transactions as ColumnTable;
    const time = Array.from(tx.array('timestamp') as ArrayLike<number>);
    const i = time.findIndex((v) => v < t && v > t - 30 * DAY_MS);
    expect(i).toBeGreaterThanOrEqual(0);
    const amount = Array.from(tx.array('amount') as ArrayLike<number>);
    amount[i] += 1000;
    const changed = { ...data, transactions: tx.assign({ amount }) };
    expect(featureRows(changed, t)).not.toEqual(featureRows(data, t));
  });
});
