import { describe, expect, it } from 'vitest';
import { logAddExp } from '../../src/value/log-add-exp.ts';

describe('logAddExp', () => {
  it('equals log(e^a + e^b) where the direct formula is exact', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
  });
  it('stays finite where the exponentials underflow', () => {
    // log(2 e^-1000) = -1000 + log 2; the naive form gives -Infinity.
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.LN2, 12);
  });
  it('stays finite where the exponentials overflow', () => {
    expect(logAddExp(1000, 0)).toBeCloseTo(1000, 12);
  });
  it('treats -Infinity as a zero term', () => {
    expect(logAddExp(-Infinity, -3)).toBe(-3);
    expect(logAddExp(-3, -Infinity)).toBe(-3);
  });
});
