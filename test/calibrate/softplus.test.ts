import { describe, expect, it } from 'vitest';
import { softplus } from '../../src/calibrate/softplus.ts';

describe('softplus', () => {
  it('is log 2 at 0', () => {
    expect(softplus(0)).toBe(Math.LN2);
  });

  it('does not overflow for large margins', () => {
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
  });
});
