import { describe, expect, it } from 'vitest';
import { defaultCutoffs, monthlyCutoffs } from '../../src/features/cutoffs.ts';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('monthlyCutoffs', () => {
  it('lists month starts from the first one not before start to end inclusive (the doc example)', () => {
    expect(monthlyCutoffs(Date.UTC(2024, 0, 15), Date.UTC(2024, 3, 1)).map(day)).toEqual(['2024-02-01', '2024-03-01', '2024-04-01']);
  });

  it('crosses a year end', () => {
    expect(monthlyCutoffs(Date.UTC(2023, 10, 1), Date.UTC(2024, 1, 1)).map(day)).toEqual([
      '2023-11-01',
      '2023-12-01',
      '2024-01-01',
      '2024-02-01',
    ]);
  });
});

describe('defaultCutoffs', () => {
  it('keeps the last 12 month starts whose horizon fits before the end of the data', () => {
    const cutoffs = defaultCutoffs(Date.UTC(2022, 0, 1), Date.UTC(2025, 0, 1), 90);
    expect(cutoffs).toHaveLength(12);
    expect(day(cutoffs[11])).toBe('2024-10-01');
    expect(day(cutoffs[0])).toBe('2023-11-01');
  });
});
