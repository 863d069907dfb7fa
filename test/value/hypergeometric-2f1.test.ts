import { describe, expect, it } from 'vitest';
import { hyp2f1 } from '../../src/value/hypergeometric-2f1.ts';
import { describePython, runPython } from '../support/python.ts';

describe('hyp2f1', () => {
  it('matches the elementary case 2F1(1, 1; 2; z) = -log(1 - z) / z (DLMF 15.4.2)', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 12);
  });
  it('matches 2F1(a, b; b; z) = (1 - z)^-a (DLMF 15.4.6)', () => {
    expect(hyp2f1(0.7, 3.2, 3.2, 0.95) / Math.pow(0.05, -0.7)).toBeCloseTo(1, 12);
  });
  it('is 1 at z = 0', () => {
    expect(hyp2f1(2.3, 4.1, 1.7, 0)).toBe(1);
  });
  it('refuses z outside [0, 1)', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
  });
});

describePython(['scipy'], 'hyp2f1 against scipy.special.hyp2f1', () => {
  it('agrees to 1e-12 relative at BG/NBD-like arguments', () => {
    const cases = [
      [2.243, 4.426, 4.219, 0.47],
      [0.243, 2.426, 2.219, 0.9],
      [10.243, 12.426, 12.219, 0.97],
      [1.5, 3.5, 0.8, 0.3],
    ];
    const expected = runPython<number[]>(
      'import json,sys\nfrom scipy.special import hyp2f1\nprint(json.dumps([hyp2f1(*c) for c in json.load(sys.stdin)]))',
      cases,
    );
    cases.forEach(([a, b, c, z], i) => expect(hyp2f1(a, b, c, z) / expected[i]).toBeCloseTo(1, 12));
  });
});
