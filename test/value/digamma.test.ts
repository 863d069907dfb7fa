import { describe, expect, it } from 'vitest';
import { digamma } from '../../src/value/digamma.ts';
import { describePython, runPython } from '../support/python.ts';

describe('digamma', () => {
  it('is minus the Euler–Mascheroni constant at 1 (DLMF 5.4.12)', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
  });
  it('is −γ − 2 ln 2 at 1/2 (DLMF 5.4.13)', () => {
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 13);
  });
  it('satisfies ψ(x+1) = ψ(x) + 1/x', () => {
    for (const x of [0.01, 0.3, 2.7, 40]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 10);
  });
  it('is NaN outside x > 0', () => {
    expect(digamma(0)).toBeNaN();
  });
});

describePython(['scipy'], 'digamma against scipy.special.digamma', () => {
  it('agrees to 1e-13 relative', () => {
    const xs = [1e-3, 0.243, 0.793, 2.426, 6.25, 15.44, 1234.5];
    const expected = runPython<number[]>(
      'import json,sys\nfrom scipy.special import digamma\nprint(json.dumps([float(digamma(x)) for x in json.load(sys.stdin)]))',
      xs,
    );
    xs.forEach((x, i) => expect(digamma(x) / expected[i]).toBeCloseTo(1, 13));
  });
});
