import { describe, expect, it } from 'vitest';
import { featurePhrase, formatFeatureValue } from '../../src/score/feature-phrase.ts';

const numeric = { kind: 'numeric' as const, description: 'days since the last login' };

describe('formatFeatureValue', () => {
  it('says days as a whole number', () => {
    expect(formatFeatureValue(33.6, { ...numeric, unit: 'days' })).toBe('34');
  });

  it('keeps one decimal for a fractional count', () => {
    expect(formatFeatureValue(2.25, { ...numeric, unit: 'count' })).toBe('2.3');
    expect(formatFeatureValue(3, { ...numeric, unit: 'count' })).toBe('3');
  });

  it('gives currency two decimals and thousands separators', () => {
    expect(formatFeatureValue(1234.5, { ...numeric, unit: 'currency' })).toBe('1,234.50');
  });

  it('says a share as a percentage', () => {
    expect(formatFeatureValue(0.234, { ...numeric, unit: 'share' })).toBe('23%');
  });

  it('says flags as yes/no and categories as they are', () => {
    expect(formatFeatureValue(1, { kind: 'flag' })).toBe('yes');
    expect(formatFeatureValue(0, { kind: 'flag' })).toBe('no');
    expect(formatFeatureValue('Month-to-month', { kind: 'categorical' })).toBe('Month-to-month');
  });

  it('says a missing value as "not recorded"', () => {
    expect(formatFeatureValue(Number.NaN, numeric)).toBe('not recorded');
    expect(formatFeatureValue(null, numeric)).toBe('not recorded');
  });
});

describe('featurePhrase', () => {
  it('fills the phrase with the formatted value', () => {
    expect(featurePhrase(34, { ...numeric, unit: 'days', phrase: 'no login in {value} days' })).toBe('no login in 34 days');
  });

  it('falls back to "description: value" without a phrase', () => {
    expect(featurePhrase(2, { ...numeric, unit: 'count' })).toBe('days since the last login: 2');
  });

  it('does not put "not recorded" inside a phrase', () => {
    expect(featurePhrase(null, { ...numeric, phrase: 'no login in {value} days' })).toBe('days since the last login: not recorded');
  });

  it('appends the value to a numeric phrase without a placeholder', () => {
    expect(featurePhrase(3, { kind: 'numeric', unit: 'count', description: 'open tickets', phrase: 'open support tickets' })).toBe(
      'open support tickets: 3',
    );
  });

  it('says a set flag as its phrase and an unset one as its negation', () => {
    const detractor = { kind: 'flag' as const, description: 'NPS 0–6', phrase: 'a detractor' };
    expect(featurePhrase(1, detractor)).toBe('a detractor');
    expect(featurePhrase(0, detractor)).toBe('not a detractor');
  });
});

describe('formatFeatureValue for whole numbers', () => {
  it('writes what Intl en-US writes, across the fast path and beyond it', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    const values = [-0, 0, 0.4, 0.5, 1.5, -1.5, 999, 999.5, 1000, -999, -1000, 12345, 1e21, ...Array.from({ length: 300 }, (_, i) => i * 7 - 1000)];
    for (const v of values) {
      expect(formatFeatureValue(v, { kind: 'numeric', unit: 'days' })).toBe(intl.format(v));
      if (Number.isInteger(v)) expect(formatFeatureValue(v, { kind: 'numeric', unit: 'count' })).toBe(intl.format(v));
    }
  });
});
