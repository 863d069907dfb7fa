import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import { planFeatures } from '../../src/features/plan.ts';

describe('planFeatures', () => {
  it('keeps only the features of the tables a transaction log has, with RFM', () => {
    const plan = planFeatures(DEFAULT_FEATURE_SPEC, new Set(['customers', 'transactions']));
    expect(plan.aggregates.every((f) => f.table === 'transactions')).toBe(true);
    expect(plan.derived).toEqual([]);
    expect(plan.columns.map((c) => c.name)).toContain('rfm_segment');
    expect(plan.columns.find((c) => c.name === 'plan')?.kind).toBe('categorical');
  });

  it('drops derived features and RFM whose inputs are absent', () => {
    const plan = planFeatures(DEFAULT_FEATURE_SPEC, new Set(['customers', 'events']));
    expect(plan.derived.map((f) => f.name)).toEqual(['events_trend_30d']);
    expect(plan.rfm).toBeNull();
  });

  it('adds a flag column after each feature with a missing flag', () => {
    const names = planFeatures(DEFAULT_FEATURE_SPEC, new Set(['customers', 'surveys'])).columns.map((c) => c.name);
    expect(names.indexOf('last_nps_missing')).toBe(names.indexOf('last_nps') + 1);
  });
});
