import { describe, expect, it } from 'vitest';
import { lifecycleStages } from '../../src/score/lifecycle.ts';

const input = (tenure: number, trend: number, tier: 'healthy' | 'watch' | 'at-risk' | null, churned = 0) => ({
  tenureDays: Float64Array.of(tenure),
  activityTrend: Float64Array.of(trend),
  tier: [tier],
  churned: Uint8Array.of(churned),
});

describe('lifecycleStages', () => {
  it('calls a customer with tenure under 90 days new', () => {
    expect(lifecycleStages(input(89, 0, 'healthy'))).toEqual(['new']);
    expect(lifecycleStages(input(90, 0, 'healthy'))).toEqual(['active']);
  });
  it('calls a customer whose activity trend is below the threshold declining', () => {
    expect(lifecycleStages(input(400, -0.3, 'watch'))).toEqual(['declining']);
    expect(lifecycleStages(input(400, -0.2, 'watch'))).toEqual(['active']);
  });
  it('never calls an unknown trend declining', () => {
    expect(lifecycleStages(input(400, NaN, 'healthy'))).toEqual(['active']);
  });
  it('puts the at-risk tier before new and declining', () => {
    expect(lifecycleStages(input(10, -0.9, 'at-risk'))).toEqual(['at-risk']);
  });
  it('puts churned before everything', () => {
    expect(lifecycleStages(input(10, -0.9, 'at-risk', 1))).toEqual(['churned']);
  });
  it('takes thresholds and at-risk tiers from the config', () => {
    const config = { newTenureDays: 30, decliningTrendBelow: -0.5, atRiskTiers: ['watch' as const, 'at-risk' as const] };
    expect(lifecycleStages(input(60, -0.3, 'healthy'), config)).toEqual(['active']);
    expect(lifecycleStages(input(60, 0, 'watch'), config)).toEqual(['at-risk']);
  });
  it('refuses arrays of different lengths', () => {
    expect(() => lifecycleStages({ ...input(1, 0, null), tier: [] })).toThrow(RangeError);
  });
});
