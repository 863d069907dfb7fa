import { describe, expect, it } from 'vitest';
import { numberLiteral } from '../../src/learn/number-literal.ts';

describe('numberLiteral', () => {
  it('writes doubles that parse back to the same bits, including −0, infinities and NaN', () => {
    for (const v of [0.1, -0.1, 1 / 3, 5e-324, -1.7976931348623157e308, 1e21, -0, Infinity, -Infinity, NaN, 42]) {
      expect(Object.is(new Function(`return ${numberLiteral(v)};`)(), v)).toBe(true);
    }
  });

  it('refuses what is not a number', () => {
    expect(() => numberLiteral('1; process.exit()' as unknown as number)).toThrow(/not a number/);
  });
});
