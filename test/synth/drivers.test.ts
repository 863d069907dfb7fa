import { describe, expect, it } from 'vitest';
import { CHURN_HAZARD, churnLogOdds, dominantDriver, TRUE_CHURN_DRIVERS, type ChurnInputs } from '../../src/synth/drivers.ts';

const neutral: ChurnInputs = { loginLevel: 0, loginTrend: 0, severeTickets: 0, nps: 0, tenure: 0, annual: 0, latentHealth: 0 };

describe('TRUE_CHURN_DRIVERS', () => {
  it('documents every hazard term once', () => {
    const terms = TRUE_CHURN_DRIVERS.map((d) => d.term).sort();
    expect(terms).toEqual(Object.keys(CHURN_HAZARD).filter((k) => k !== 'intercept').sort());
  });

  it.each(TRUE_CHURN_DRIVERS.map((d) => [d.term, d]))('states the sign the hazard uses for %s', (_term, driver) => {
    const more = churnLogOdds({ ...neutral, [driver.term]: 1 });
    expect(Math.sign(more - churnLogOdds(neutral))).toBe(driver.sign);
  });

  it('marks only the hidden health as unobservable', () => {
    expect(TRUE_CHURN_DRIVERS.filter((d) => !d.observable).map((d) => d.term)).toEqual(['latentHealth']);
  });
});

describe('churnLogOdds', () => {
  it('is the intercept for a neutral customer, a weekly churn probability near 0.6 %', () => {
    expect(churnLogOdds(neutral)).toBe(CHURN_HAZARD.intercept);
    const p = 1 / (1 + Math.exp(-CHURN_HAZARD.intercept));
    expect(p).toBeGreaterThan(0.003);
    expect(p).toBeLessThan(0.01);
  });
});

describe('dominantDriver', () => {
  it('names the term that adds most to the log-odds', () => {
    expect(dominantDriver({ ...neutral, severeTickets: 3, loginLevel: -0.5 })).toBe('severeTickets');
    expect(dominantDriver({ ...neutral, loginLevel: -2, nps: -2 })).toBe('loginLevel');
  });

  it('says baseline when nothing pushes churn up noticeably', () => {
    expect(dominantDriver({ ...neutral, tenure: 3, annual: 1, latentHealth: 1 })).toBe('baseline');
  });
});
