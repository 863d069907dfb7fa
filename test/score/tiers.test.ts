import { describe, expect, it } from 'vitest';
import { assignTiers, capacityCut, DEFAULT_TIER_CONFIG, tierCounts, TierConfig, tiersAtCut } from '../../src/score/tiers.ts';

describe('TierConfig', () => {
  it('fills the default thresholds healthy ≥ 70, watch ≥ 40', () => {
    expect(TierConfig.parse({ by: 'thresholds' })).toEqual(DEFAULT_TIER_CONFIG);
  });

  it('rejects a watch threshold above the healthy one', () => {
    expect(TierConfig.safeParse({ by: 'thresholds', healthyMin: 50, watchMin: 60 }).success).toBe(false);
  });

  it('rejects a capacity share outside (0, 1]', () => {
    expect(TierConfig.safeParse({ by: 'capacity', atRiskShare: 0 }).success).toBe(false);
  });
});

describe('assignTiers by thresholds', () => {
  it('puts 70 in healthy, 69 and 40 in watch, 39 in at risk', () => {
    expect(assignTiers([70, 69, 40, 39], DEFAULT_TIER_CONFIG)).toEqual(['healthy', 'watch', 'watch', 'at-risk']);
  });
});

describe('assignTiers by capacity', () => {
  const config = TierConfig.parse({ by: 'capacity', atRiskShare: 0.2 });

  it('marks exactly the riskiest 20% at risk and the rest by the healthy threshold', () => {
    const scores = [90, 10, 50, 30, 75, 20, 95, 60, 35, 80];
    expect(assignTiers(scores, config)).toEqual([
      'healthy', 'at-risk', 'watch', 'watch', 'healthy', 'at-risk', 'healthy', 'watch', 'watch', 'healthy',
    ]);
  });

  it('leaves out a tie group straddling the cut, so equal scores get equal tiers', () => {
    // 20% of 5 = 1 place, but the two lowest scores are tied.
    expect(assignTiers([20, 20, 50, 80, 90], config)).toEqual(['watch', 'watch', 'watch', 'healthy', 'healthy']);
  });

  it('breaks score ties by churn probability when given', () => {
    const tiers = assignTiers([20, 20, 50, 80, 90], config, [0.8, 0.81, 0.5, 0.2, 0.1]);
    expect(tiers).toEqual(['watch', 'at-risk', 'watch', 'healthy', 'healthy']);
  });
});

describe('tierCounts', () => {
  it('counts every tier, zero included', () => {
    expect(tierCounts(['healthy', 'healthy', 'watch'])).toEqual({ healthy: 2, watch: 1, 'at-risk': 0 });
  });
});

describe('capacityCut and tiersAtCut', () => {
  it('tier chunks of a population as assignTiers tiers the whole, ties included', () => {
    const n = 500;
    const p = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 97) / 100);
    const scores = Array.from(p, (x) => Math.round(100 * (1 - x)));
    for (const share of [0.01, 0.1, 0.25, 0.5, 1]) {
      const config = TierConfig.parse({ by: 'capacity', atRiskShare: share });
      const whole = assignTiers(scores, config, p);
      const cut = capacityCut(p, share);
      const bounds = [0, 123, 321, n];
      const chunked = bounds.slice(1).flatMap((end, k) => tiersAtCut(scores.slice(bounds[k], end), p.subarray(bounds[k], end), config, cut));
      expect(chunked).toEqual(whole);
      expect(whole.filter((t) => t === 'at-risk').length).toBeLessThanOrEqual(Math.floor(share * n));
    }
  });

  it('puts nobody at risk when one tie group is larger than the capacity', () => {
    expect(capacityCut([0.5, 0.5, 0.5, 0.1], 0.5)).toBe(Number.POSITIVE_INFINITY);
  });
});
