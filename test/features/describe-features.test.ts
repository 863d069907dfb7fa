import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/data/contract.ts';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import { describeFeatures } from '../../src/features/describe-features.ts';
import { FeatureDictionary } from '../../src/features/dictionary.ts';
import { planFeatures } from '../../src/features/plan.ts';

describe('describeFeatures', () => {
  const plan = planFeatures(DEFAULT_FEATURE_SPEC, new Set(TABLE_NAMES));
  const dictionary = describeFeatures(plan);

  it('has one valid entry per output column, in column order', () => {
    expect(FeatureDictionary.parse(dictionary).map((e) => e.name)).toEqual(plan.columns.map((c) => c.name));
  });

  it('covers every dimension the AHP comparison uses', () => {
    expect(new Set(dictionary.map((e) => e.dimension))).toEqual(new Set(['activity', 'loyalty', 'satisfaction', 'support', 'financial']));
  });

  it('gives the login recency its reason phrase and window', () => {
    const e = dictionary.find((x) => x.name === 'days_since_last_login');
    expect(e?.phrase).toBe('last login {value} days ago');
    expect(e?.direction).toBe('riskier');
    expect(e?.aggregation).toBe("daysSinceLast where event_type = 'login'");
  });
});
