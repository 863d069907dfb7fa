import { describe, expect, it } from 'vitest';
import { liftFromTable, topCount } from '../../src/evaluate/lift.ts';
import { thresholdTable } from '../../src/evaluate/threshold-table.ts';

const captureRateAt = (s: ArrayLike<number>, y: ArrayLike<number>, share: number) => liftFromTable(thresholdTable(s, y), share).captureRate;
const liftAt = (s: ArrayLike<number>, y: ArrayLike<number>, share: number) => liftFromTable(thresholdTable(s, y), share).lift;

// Ten customers, 3 churners (base rate 0.3); hand-checked.
const scores = new Float64Array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]);
const labels = new Uint8Array([1, 0, 1, 0, 0, 0, 1, 0, 0, 0]);

describe('captureRateAt / liftAt', () => {
  it('captures the churners among the top 20% (2 rows: 1 churner of 3)', () => {
    expect(captureRateAt(scores, labels, 0.2)).toBeCloseTo(1 / 3, 15);
    // churn rate in top 2 = 0.5, overall 0.3 → lift 5/3
    expect(liftAt(scores, labels, 0.2)).toBeCloseTo(5 / 3, 15);
  });

  it('takes at least one row for a small share', () => {
    expect(topCount(10, 0.05)).toBe(1);
    expect(liftAt(scores, labels, 0.05)).toBeCloseTo(1 / 0.3, 12);
  });

  it('credits a tie group straddling the cut in proportion to the places left', () => {
    // Top 1 of 4, but the two highest are tied with one churner between them → ½ churner expected.
    const s = new Float64Array([0.9, 0.9, 0.1, 0.1]);
    const y = new Uint8Array([1, 0, 1, 0]);
    expect(captureRateAt(s, y, 0.25)).toBeCloseTo(0.25, 15);
  });

  it('does not depend on row order', () => {
    const perm = [9, 3, 0, 7, 1, 8, 2, 6, 4, 5];
    const s2 = Float64Array.from(perm, (i) => scores[i]);
    const y2 = Uint8Array.from(perm, (i) => labels[i]);
    expect(liftAt(s2, y2, 0.1)).toBe(liftAt(scores, labels, 0.1));
  });

  it('gives the same figures from a prebuilt threshold table', () => {
    expect(liftFromTable(thresholdTable(scores, labels), 0.2)).toEqual({
      lift: liftAt(scores, labels, 0.2),
      captureRate: captureRateAt(scores, labels, 0.2),
    });
  });

  it('rejects a share outside (0, 1]', () => {
    expect(() => liftAt(scores, labels, 0)).toThrow(/\(0, 1\]/);
  });
});
