/**
 * The four holdout parts of a model run: temporal parts never overlap in time and cover every
 * row once; the stratified split keeps the churn rate in every part.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { describe, expect, it } from 'vitest';
import { stratifiedHoldouts, temporalHoldouts } from '../../src/learn/holdout-splits.ts';
import type { HoldoutSplits } from '../../src/learn/holdout-splits.ts';

const DAY = 86_400_000;

/** `customers` rows at each of `cutoffs` monthly cutoffs; label 1 for every fourth customer. */
function snapshots(cutoffs: number, customers: number): ColumnTable {
  const id: string[] = [];
  const cutoff: number[] = [];
  const label: number[] = [];
  for (let c = 0; c < cutoffs; c++) {
    for (let i = 0; i < customers; i++) {
      id.push(`c${i}`);
      cutoff.push(Date.UTC(2024, c, 1));
      label.push(i % 4 === 0 ? 1 : 0);
    }
  }
  return aq.table({ customer_id: id, cutoff, label });
}

const cutoffsOf = (t: ColumnTable): number[] => [...new Set(Array.from(t.array('cutoff') as ArrayLike<number>))].sort((a, b) => a - b);
const parts = (s: HoldoutSplits) => [s.train, s.calibration, s.validation, s.test];

describe('temporalHoldouts', () => {
  it('with six cutoffs: training, calibration, validation and test follow each other in time', () => {
    const s = temporalHoldouts(snapshots(6, 10));
    if ('problem' in s) throw new Error(s.problem);
    expect(cutoffsOf(s.train)).toEqual([0, 1, 2].map((m) => Date.UTC(2024, m, 1)));
    expect(cutoffsOf(s.calibration)).toEqual([Date.UTC(2024, 3, 1)]);
    expect(cutoffsOf(s.validation)).toEqual([Date.UTC(2024, 4, 1)]);
    expect(cutoffsOf(s.test)).toEqual([Date.UTC(2024, 5, 1)]);
    expect(Math.max(...cutoffsOf(s.train))).toBeLessThan(Math.min(...cutoffsOf(s.calibration)));
    expect(parts(s).reduce((n, t) => n + t.numRows(), 0)).toBe(60);
  });

  it('with three cutoffs: the middle one is halved by customer, no customer in both halves', () => {
    const s = temporalHoldouts(snapshots(3, 40));
    if ('problem' in s) throw new Error(s.problem);
    expect(cutoffsOf(s.calibration)).toEqual(cutoffsOf(s.validation));
    const calib = new Set(Array.from(s.calibration.array('customer_id') as ArrayLike<string>));
    const valid = Array.from(s.validation.array('customer_id') as ArrayLike<string>);
    expect(valid.some((id) => calib.has(id))).toBe(false);
    expect(calib.size + valid.length).toBe(40);
    expect(Math.max(...cutoffsOf(s.train))).toBeLessThan(Math.min(...cutoffsOf(s.test)) - 30 * DAY);
  });

  it('with two cutoffs: a problem naming the three cutoffs a run needs', () => {
    const s = temporalHoldouts(snapshots(2, 10));
    expect('problem' in s && s.problem).toMatch(/at least 3 labelled cutoffs/);
  });

  it('purges cutoffs whose labels would run into a later part (12 monthly cutoffs, 90-day horizon)', () => {
    const s = temporalHoldouts(snapshots(12, 10), 90);
    if ('problem' in s) throw new Error(s.problem);
    const month = (m: number) => Date.UTC(2024, m, 1);
    expect(cutoffsOf(s.test)).toEqual([month(11)]);
    // Sep 1 + 90 days = Nov 30 ≤ Dec 1; Oct 1 + 90 days would reach into the test horizon.
    expect(cutoffsOf(s.validation)).toEqual([month(8)]);
    expect(cutoffsOf(s.calibration)).toEqual([month(7)]);
    // Training labels end by the calibration cutoff: May 1 + 90 days = Jul 30 ≤ Aug 1.
    expect(cutoffsOf(s.train)).toEqual([0, 1, 2, 3, 4].map(month));
    for (const t of [s.train, s.calibration, s.validation]) {
      for (const c of cutoffsOf(t)) expect(c + 90 * DAY).toBeLessThanOrEqual(month(11));
    }
  });

  it('says so when the horizon leaves no room for a validation cutoff', () => {
    const s = temporalHoldouts(snapshots(3, 10), 90);
    expect('problem' in s && s.problem).toMatch(/labels look 90 days ahead/);
  });
});

describe('stratifiedHoldouts', () => {
  it('keeps the churn rate of 25% in every part and uses every row once', () => {
    const s = stratifiedHoldouts(snapshots(1, 400), 3);
    for (const t of parts(s)) {
      const labels = Array.from(t.array('label') as ArrayLike<number>);
      expect(labels.reduce((a, b) => a + b, 0) / labels.length).toBeCloseTo(0.25, 2);
    }
    expect(parts(s).map((t) => t.numRows())).toEqual([240, 40, 40, 80]);
    const ids = parts(s).flatMap((t) => Array.from(t.array('customer_id') as ArrayLike<string>));
    expect(new Set(ids).size).toBe(400);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const table = snapshots(1, 200);
    const test = (seed: number) => Array.from(stratifiedHoldouts(table, seed).test.array('customer_id') as ArrayLike<string>);
    expect(test(1)).toEqual(test(1));
    expect(test(1)).not.toEqual(test(2));
  });
});
