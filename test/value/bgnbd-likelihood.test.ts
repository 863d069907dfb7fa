import { describe, expect, it } from 'vitest';
import type { BgNbdParams } from '../../src/value/bgnbd-params.ts';
import { bgNbdLogLikelihood } from '../../src/value/bgnbd-likelihood.ts';
import { aggregateHistories, type PurchaseHistories } from '../../src/value/purchase-histories.ts';

const params: BgNbdParams = { variant: 'bgnbd', unit: 'weeks', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const one = (x: number, tx: number, T: number, count = 1): PurchaseHistories => {
  const r = aggregateHistories(new Float64Array(count).fill(x), new Float64Array(count).fill(tx), new Float64Array(count).fill(T));
  if ('problem' in r) throw new Error(r.problem);
  return r.histories;
};

describe('bgNbdLogLikelihood', () => {
  it('is log (α/(α+T))^r for a BG/NBD customer without repeats (FHL 2005 eq. 6 with x = 0)', () => {
    expect(bgNbdLogLikelihood(params, one(0, 0, 30))).toBeCloseTo(0.243 * Math.log(4.414 / 34.414), 12);
  });
  it('is log[b/(a+b) (α/(α+T))^r + a/(a+b)] for an MBG/NBD customer without repeats', () => {
    // B(a, b+1)/B(a, b) = b/(a+b); the dropout-at-first-purchase branch has probability a/(a+b).
    const { a, b, r, alpha } = params;
    const expected = Math.log((b / (a + b)) * Math.pow(alpha / (alpha + 30), r) + a / (a + b));
    expect(bgNbdLogLikelihood({ ...params, variant: 'mbgnbd' }, one(0, 0, 30))).toBeCloseTo(expected, 12);
  });
  it('matches eq. 6 written out directly for a repeat buyer', () => {
    // x = 2, tx = 30.43, T = 38.86 (the paper's example customer); Γ(r+2)/Γ(r) = r(r+1),
    // B(a, b+2)/B(a, b) = b(b+1) / ((a+b)(a+b+1)).
    const { a, b, r, alpha } = params;
    const x = 2;
    const head = ((b * (b + 1)) / ((a + b) * (a + b + 1))) * r * (r + 1) * Math.pow(alpha, r);
    const bracket = Math.pow(alpha + 38.86, -(r + x)) + (a / (b + x - 1)) * Math.pow(alpha + 30.43, -(r + x));
    expect(bgNbdLogLikelihood(params, one(2, 30.43, 38.86))).toBeCloseTo(Math.log(head * bracket), 12);
  });
  it('weights each history by its count', () => {
    expect(bgNbdLogLikelihood(params, one(3, 10, 20, 5))).toBeCloseTo(5 * bgNbdLogLikelihood(params, one(3, 10, 20)), 10);
  });
  it('stays finite for a very frequent buyer, whose likelihood terms underflow', () => {
    expect(Number.isFinite(bgNbdLogLikelihood(params, one(400, 38, 39)))).toBe(true);
  });
});

describe('bgNbdLogLikelihood gradient', () => {
  it('matches central finite differences in the log parameters, for both variants', () => {
    const r = aggregateHistories(Float64Array.of(0, 1, 4, 2), Float64Array.of(0, 3, 20, 9), Float64Array.of(25, 30, 31, 12));
    if ('problem' in r) throw new Error(r.problem);
    const h = r.histories;
    for (const variant of ['bgnbd', 'mbgnbd'] as const) {
      const base = { ...params, variant };
      const keys = ['r', 'alpha', 'a', 'b'] as const;
      const grad = new Float64Array(4);
      bgNbdLogLikelihood(base, h, grad);
      keys.forEach((k, j) => {
        const e = 1e-6;
        const up = bgNbdLogLikelihood({ ...base, [k]: base[k] * Math.exp(e) }, h);
        const down = bgNbdLogLikelihood({ ...base, [k]: base[k] * Math.exp(-e) }, h);
        expect(grad[j]).toBeCloseTo((up - down) / (2 * e), 6);
      });
    }
  });
});
