import { describe, expect, it } from 'vitest';
import { deriveFeature } from '../../src/features/derive-features.ts';
import { DerivedFeature } from '../../src/features/spec.ts';

const cols: Record<string, Float64Array> = {
  a: Float64Array.from([0, 3, 5]),
  b: Float64Array.from([0, 1, 0]),
  nps: Float64Array.from([9, 7, 10]),
};
const missing: Record<string, Uint8Array> = { nps: Uint8Array.from([0, 0, 1]) };
const derive = (derive: DerivedFeature['derive']) =>
  Array.from(
    deriveFeature(
      DerivedFeature.parse({ name: 'x', derive, description: '', direction: 'healthier', dimension: 'activity' }),
      (n) => cols[n],
      (n) => missing[n] ?? null,
    ),
  );

describe('deriveFeature', () => {
  it('ratio is (a + 1) / (b + 1), 1 when both are zero', () => {
    expect(derive({ op: 'ratio', of: ['a', 'b'] })).toEqual([1, 2, 6]);
  });
  it('share is a / b, 0 when b is zero', () => {
    expect(derive({ op: 'share', of: ['a', 'b'] })).toEqual([0, 3, 0]);
  });
  it('difference is a − b', () => {
    expect(derive({ op: 'difference', of: ['a', 'b'] })).toEqual([0, 2, 5]);
  });
  it('atLeast is 0 when the input is missing', () => {
    expect(derive({ op: 'atLeast', of: 'nps', threshold: 9 })).toEqual([1, 0, 0]);
  });
  it('atMost flags values at or below the threshold', () => {
    expect(derive({ op: 'atMost', of: 'nps', threshold: 7 })).toEqual([0, 1, 0]);
  });
});
