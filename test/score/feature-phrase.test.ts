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
