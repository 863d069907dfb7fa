import { describe, expect, it } from 'vitest';
import type { BgNbdParams } from '../../src/value/bgnbd-params.ts';
import {
  conditionalExpectedPurchases,
  probabilityAlive,
  probabilityNoPurchase,
} from '../../src/value/bgnbd-predict.ts';
import { expectedPurchases } from '../support/expected-purchases.ts';
import { simulatePurchases } from '../support/simulate-purchases.ts';

// Published CDNOW estimates, Fader, Hardie & Lee (2005), weeks.
const bg: BgNbdParams = { variant: 'bgnbd', unit: 'weeks', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const mbg: BgNbdParams = { ...bg, variant: 'mbgnbd' };
const one = (v: number) => Float64Array.of(v);

/** ∫₀¹ f(p) Beta(p; a, b) dp by the midpoint rule on 200,000 cells (for a, b ≥ 1 the integrand is smooth). */
function betaExpectation(f: (p: number) => number, a: number, b: number): number {
  const n = 200_000;
  let num = 0;
  let den = 0;
  for (let k = 0; k < n; k++) {
    const p = (k + 0.5) / n;
    const w = Math.pow(p, a - 1) * Math.pow(1 - p, b - 1);
    num += f(p) * w;
    den += w;
  }
  return num / den;
}

describe('probabilityAlive', () => {
  it('is 1 under BG/NBD for a customer with no repeat purchases (the model convention)', () => {
    expect(probabilityAlive(bg, one(0), one(0), one(38))[0]).toBe(1);
  });
  it('is below 1 under MBG/NBD for the same customer', () => {
    const p = probabilityAlive(mbg, one(0), one(0), one(38))[0];
    expect(p).toBeLessThan(1);
    // 1 / (1 + a/b · ((α+T)/α)^r) written out.
    expect(p).toBeCloseTo(1 / (1 + (0.793 / 2.426) * Math.pow((4.414 + 38) / 4.414, 0.243)), 12);
  });
  it('is NaN for a customer without a first purchase, under either variant', () => {
    expect(probabilityAlive(bg, one(0), one(0), one(NaN))[0]).toBeNaN();
    expect(probabilityAlive(mbg, one(0), one(0), one(NaN))[0]).toBeNaN();
  });
  it('falls as the time since the last purchase grows', () => {
    for (const params of [bg, mbg]) {
      const tx = Float64Array.of(30, 25, 20, 10, 2);
      const p = probabilityAlive(params, new Float64Array(5).fill(3), tx, new Float64Array(5).fill(38));
      for (let i = 1; i < 5; i++) expect(p[i]).toBeLessThan(p[i - 1]);
    }
  });
  it('matches FHL 2005 eq. 13 for a repeat buyer', () => {
    const { r, alpha, a, b } = bg;
    const expected = 1 / (1 + (a / (b + 1)) * Math.pow((alpha + 38.86) / (alpha + 30.43), r + 2));
    expect(probabilityAlive(bg, one(2), one(30.43), one(38.86))[0]).toBeCloseTo(expected, 14);
  });
});

describe('conditionalExpectedPurchases', () => {
  it("reproduces the paper's example: x = 2, tx = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks", () => {
    // Fader, Hardie & Lee (2005), section 5.
    expect(conditionalExpectedPurchases(bg, one(2), one(30.43), one(38.86), 39)[0]).toBeCloseTo(1.226, 3);
  });
  it('is 0 for a zero horizon', () => {
    expect(conditionalExpectedPurchases(bg, one(2), one(10), one(20), 0)[0]).toBe(0);
  });
  it('matches numeric integration of P(alive) · E[(1 − (β/(β+pt))^(r+x)) / p] over the Beta posterior', () => {
    // a > 1 so the midpoint rule converges; the posterior of p for an alive customer is
    // Beta(a, b + x + s) and λ | alive ~ Gamma(r + x, α + T), giving the bracket in closed form.
    for (const params of [
      { ...bg, a: 2.5 },
      { ...mbg, a: 2.5 },
    ]) {
      const s = params.variant === 'mbgnbd' ? 1 : 0;
      const [x, tx, T, t] = [3, 20, 35, 52];
      const beta = params.alpha + T;
      const inner = betaExpectation((p) => (1 - Math.pow(beta / (beta + p * t), params.r + x)) / p, params.a, params.b + x + s);
      const alive = probabilityAlive(params, one(x), one(tx), one(T))[0];
      expect(conditionalExpectedPurchases(params, one(x), one(tx), one(T), t)[0]).toBeCloseTo(alive * inner, 5);
    }
  });
});

describe('expectedPurchases', () => {
  it('matches numeric integration of E[(1 − (α/(α+pt))^r) / p] (BG/NBD) and E[(1−p)(…)/p] (MBG/NBD)', () => {
    const t = 39;
    const bracket = (p: number) => (1 - Math.pow(4.414 / (4.414 + p * t), 0.243)) / p;
    expect(expectedPurchases({ ...bg, a: 2.5 }, t)).toBeCloseTo(betaExpectation(bracket, 2.5, 2.426), 5);
    expect(expectedPurchases({ ...mbg, a: 2.5 }, t)).toBeCloseTo(betaExpectation((p) => (1 - p) * bracket(p), 2.5, 2.426), 5);
  });
  it('grows with the horizon', () => {
    expect(expectedPurchases(bg, 78)).toBeGreaterThan(expectedPurchases(bg, 39));
  });
});

describe('probabilityNoPurchase', () => {
  it('is 1 for a zero horizon and tends to 1 − P(alive) for a long one', () => {
    const alive = probabilityAlive(bg, one(2), one(10), one(30))[0];
    expect(probabilityNoPurchase(bg, one(2), one(10), one(30), 0)[0]).toBe(1);
    expect(probabilityNoPurchase(bg, one(2), one(10), one(30), 1e9)[0]).toBeCloseTo(1 - alive, 6);
  });
  it('matches the share of simulated customers with no holdout purchase, per variant', () => {
    // 40,000 customers drawn from each model; the predicted mean must sit within 4 standard
    // errors of the observed share (SE ≤ 0.5 / √40,000 = 0.0025).
    for (const params of [bg, mbg]) {
      const n = 40_000;
      const T = Float64Array.from({ length: n }, (_, i) => 10 + (i % 30));
      const sim = simulatePurchases(params, T, 39, 11);
      const p = probabilityNoPurchase(params, sim.frequency, sim.recency, sim.T, 39);
      let predicted = 0;
      let observed = 0;
      for (let i = 0; i < n; i++) {
        predicted += p[i] / n;
        observed += (sim.holdoutPurchases[i] === 0 ? 1 : 0) / n;
      }
      expect(Math.abs(predicted - observed)).toBeLessThan(0.01);
    }
  });
});
