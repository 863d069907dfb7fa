import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/data/contract.ts';
import { GeneratorConfig, generationWindow } from '../../src/synth/config.ts';
import { BASE_HISTORY_DAYS, drawProfile, planMrr, signupDay } from '../../src/synth/profile.ts';
import { customerRng } from '../../src/synth/random.ts';

const config = GeneratorConfig.parse({ customers: 1000, months: 12, seed: 5 });
const window = generationWindow(config);

describe('signupDay', () => {
  it('puts the installed base before the window and the rest inside it', () => {
    const nBase = 600;
    for (let i = 0; i < config.customers; i += 37) {
      const day = signupDay(config, window, i, 0.5);
      if (i < nBase) {
        expect(day).toBeLessThan(window.startMs);
        expect(day).toBeGreaterThanOrEqual(window.startMs - BASE_HISTORY_DAYS * DAY_MS);
      } else {
        expect(day).toBeGreaterThanOrEqual(window.startMs);
        expect(day).toBeLessThan(window.endMs);
      }
      expect(day % DAY_MS).toBe(0);
    }
  });

  it('never decreases with the customer index, so ids sort in signup order', () => {
    let previous = -Infinity;
    for (let i = 0; i < config.customers; i++) {
      const day = signupDay(config, window, i, i % 2 === 0 ? 0.999 : 0);
      expect(day).toBeGreaterThanOrEqual(previous);
      previous = day;
    }
  });
});

describe('planMrr', () => {
  it('is seats × list price, 15 % off when billed annually', () => {
    expect(planMrr(0, false, 1)).toBe(29);
    expect(planMrr(1, true, 4)).toBe(268.6); // 79 × 4 × 0.85
  });
});

describe('drawProfile', () => {
  it('sells the enterprise tier on annual contracts only', () => {
    for (let i = 0; i < 500; i++) {
      const p = drawProfile(config, window, i, customerRng(5, i));
      if (p.tier === 2) expect(p.annual).toBe(true);
      expect(p.seats).toBeGreaterThanOrEqual(1);
    }
  });
});
