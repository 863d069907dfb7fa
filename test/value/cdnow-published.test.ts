/**
 * The published-table check: on the CDNOW 1/10 sample with the paper's conventions (calibration
 * 1997-01-01 … 1997-09-30, weeks, same-day purchases merged) the fits must give the estimates
 * of Fader, Hardie & Lee (2005), "Counting your customers the easy way", Table/section 4
 * (r = 0.243, α = 4.414, a = 0.793, b = 2.426, log-likelihood −9582.4), and of Fader, Hardie &
 * Lee (2005), "RFM and CLV" (p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers).
 */
import { expect, it } from 'vitest';
import { readCdnow } from '../../src/data/adapters/cdnow.ts';
import { idsOf, summariesAt } from '../../src/training/transaction-summaries.ts';
import { fitBgNbd } from '../../src/value/bgnbd-fit.ts';
import { fitGammaGamma } from '../../src/value/gamma-gamma.ts';
import type { TransactionSummary } from '../../src/value/transaction-summary.ts';
import { describeShared, sharedPath } from '../support/shared-data.ts';

/** Rounded to 3 significant figures, the precision the papers report. */
const sig3 = (v: number): number => Number(v.toPrecision(3));

describeShared(['cdnow', 'CDNOW_sample.txt'], 'CDNOW sample reproduces the published BG/NBD and Gamma-Gamma estimates', () => {
  // Purchases strictly before 1997-10-01: the observation ends on 1997-09-30.
  const load = async (): Promise<TransactionSummary> => {
    const { data } = await readCdnow(sharedPath('cdnow', 'CDNOW_sample.txt'));
    return summariesAt(data, idsOf(data.customers), Date.UTC(1997, 9, 1), 'weeks') as TransactionSummary;
  };

  it('fits BG/NBD to r = 0.243, α = 4.414, a = 0.793, b = 2.426', async () => {
    const s = await load();
    expect(s.T.length).toBe(2357);
    const r = fitBgNbd(s.frequency, s.recency, s.T, { unit: 'weeks' });
    if ('problem' in r) throw new Error(r.problem);
    const { params, logLikelihood } = r.fit;
    expect([params.r, params.alpha, params.a, params.b].map(sig3)).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect(params.alpha).toBeCloseTo(4.414, 3);
    expect(params.b).toBeCloseTo(2.426, 3);
    expect(logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('fits Gamma-Gamma on the 946 repeat buyers to p = 6.25, q = 3.74, γ = 15.44', async () => {
    const s = await load();
    const r = fitGammaGamma(s.frequency, s.monetary);
    if ('problem' in r) throw new Error(r.problem);
    expect(r.fit.customers).toBe(946);
    const { p, q, gamma } = r.fit.params;
    expect([p, q, gamma].map(sig3)).toEqual([6.25, 3.74, 15.4]);
    expect(gamma).toBeCloseTo(15.44, 2);
  });
});
