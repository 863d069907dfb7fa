import { describe, expect, it } from 'vitest';
import { GeneratorConfig, generationWindow } from '../../src/synth/config.ts';

describe('GeneratorConfig', () => {
  it('fills in the default start, base share and no decline scenario', () => {
    const c = GeneratorConfig.parse({ customers: 10, months: 3, seed: 1 });
    expect(c).toEqual({ customers: 10, months: 3, seed: 1, start: '2024-01-01', baseShare: 0.6, decline: null });
  });

  it('rejects an impossible start date', () => {
    expect(GeneratorConfig.safeParse({ customers: 10, months: 3, seed: 1, start: '2023-02-29' }).success).toBe(false);
  });

  it('rejects a decline date outside the window', () => {
    const base = { customers: 10, months: 3, seed: 1, start: '2024-01-01' };
    expect(GeneratorConfig.safeParse({ ...base, decline: { share: 0.1, date: '2024-03-31' } }).success).toBe(true);
    const late = GeneratorConfig.safeParse({ ...base, decline: { share: 0.1, date: '2024-04-01' } });
    expect(late.success).toBe(false);
    expect(late.error?.issues[0].path).toEqual(['decline', 'date']);
  });
});

describe('generationWindow', () => {
  it('steps calendar months from the start day', () => {
    const w = generationWindow({ start: '2024-01-15', months: 2 });
    expect([...w.monthStarts]).toEqual([Date.UTC(2024, 0, 15), Date.UTC(2024, 1, 15), Date.UTC(2024, 2, 15)]);
    expect(w.startMs).toBe(Date.UTC(2024, 0, 15));
    expect(w.endMs).toBe(Date.UTC(2024, 2, 15));
  });

  it('clamps a month-end start to shorter months (31 Jan → 29 Feb 2024, a leap year)', () => {
    const w = generationWindow({ start: '2024-01-31', months: 2 });
    expect([...w.monthStarts]).toEqual([Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 31)]);
  });
});
