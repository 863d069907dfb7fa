/**
 * The generator documents its true churn drivers (src/synth/drivers.ts, TRUE_CHURN_DRIVERS); a
 * logistic model trained on the bundled sample through the pipeline's own glue must give each the
 * documented sign. This is the end-to-end check that features, labels and the fit are wired right.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCleanTables } from '../../src/data/clean-store.ts';
import { ingestFolder } from '../../src/data/ingest-folder.ts';
import { fitCandidate } from '../../src/training/fit-candidates.ts';
import type { Candidate } from '../../src/training/fit-candidates.ts';
import { readyToFit } from '../../src/run/ready-to-fit.ts';
import { TRUE_CHURN_DRIVERS } from '../../src/synth/drivers.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

let work: string;
let logistic: Candidate;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hs-drivers-'));
  await ingestFolder(join(REPO_ROOT, 'data', 'sample'), work, { log: { info: () => {}, warn: () => {} } });
  const ready = readyToFit(await readCleanTables(work), { horizonDays: 90, churn: { kind: 'explicit' } });
  if ('problem' in ready) throw new Error(ready.problem);
  const { parts, inputs, set } = ready;
  logistic = await fitCandidate('logistic', parts, inputs, set.dictionary, {});
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const coefficient = (name: string): number => {
  if (logistic.trained.fitted.kind !== 'logistic') throw new Error('not logistic');
  const spec = logistic.trained.fitted.spec;
  const j = spec.featureNames.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return spec.coefficients[j];
};

describe('a logistic model on the generated sample recovers the documented churn drivers', () => {
  it('documents the drivers this test checks', () => {
    expect(TRUE_CHURN_DRIVERS.map((d) => [d.term, d.sign])).toEqual(
      expect.arrayContaining([
        ['loginLevel', -1],
        ['loginTrend', -1],
        ['severeTickets', 1],
        ['nps', -1],
        ['tenure', -1],
        ['annual', -1],
      ]),
    );
  });

  it('gives more logins a negative churn coefficient', () => expect(coefficient('logins_30d')).toBeLessThan(0));
  it('gives a rising activity trend a negative churn coefficient', () => expect(coefficient('events_trend_30d')).toBeLessThan(0));
  it('gives more high/urgent tickets a positive churn coefficient', () => expect(coefficient('urgent_tickets_90d')).toBeGreaterThan(0));
  it('gives a higher NPS a negative churn coefficient', () => expect(coefficient('last_nps')).toBeLessThan(0));
  it('gives longer tenure a negative churn coefficient', () => expect(coefficient('tenure_days')).toBeLessThan(0));
  it('gives annual plans lower churn than monthly ones', () => {
    expect(coefficient('plan=basic-annual')).toBeLessThan(coefficient('plan=basic-monthly'));
    expect(coefficient('plan=pro-annual')).toBeLessThan(coefficient('plan=pro-monthly'));
  });
  it('ranks the held-out test cutoff well above chance', async () => {
    const { rocAuc } = await import('../../src/evaluate/roc-auc.ts');
    expect(rocAuc(logistic.test.probabilities, logistic.test.labels)).toBeGreaterThan(0.72);
  });
});
