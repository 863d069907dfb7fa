import { describe, expect, it } from 'vitest';
import { simulateSpend } from '../support/simulate-spend.ts';

describe('simulateSpend', () => {
  it('has population mean pγ/(q − 1) and 0 for customers without repeats', () => {
    const frequency = Float64Array.from({ length: 60_000 }, (_, i) => i % 4);
    const m = simulateSpend({ p: 6, q: 5, gamma: 20 }, frequency, 3);
    let sum = 0;
    let n = 0;
    for (let i = 0; i < m.length; i++) {
      if (frequency[i] === 0) expect(m[i]).toBe(0);
      else {
        sum += m[i];
        n++;
      }
    }
    // E[mean spend] = p · E[1/ν] = pγ/(q − 1) = 30.
    expect(sum / n / 30).toBeCloseTo(1, 1);
  });
});
