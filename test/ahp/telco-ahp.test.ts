// The AHP score and the data-fitted hand weights on real data: IBM Telco with models/ahp/telco.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { ahpScores } from '../../src/ahp/ahp-score.ts';
import { readAhpConfig } from '../../src/ahp/config-file.ts';
import { fittedHandWeights } from '../../src/ahp/fitted-hand-weights.ts';
import { percentileScores } from '../../src/ahp/percentile-scores.ts';
import { describeShared, REPO_ROOT, sharedPath } from '../support/shared-data.ts';

/** ROC-AUC of "lower health = churn" by the Mann–Whitney statistic on mid-ranks. */
function healthAuc(health: ArrayLike<number>, churned: ArrayLike<number>): number {
  const p = percentileScores(health);
  const n = churned.length;
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (churned[i] === 1) {
      positives++;
      rankSum += (p[i] / 100) * (n - 1) + 1;
    }
  }
  return 1 - (rankSum - (positives * (positives + 1)) / 2) / (positives * (n - positives));
}

describeShared(['telco', 'Telco-Customer-Churn.csv'], 'AHP on IBM Telco (tabular)', () => {
  const rows = parse(readFileSync(sharedPath('telco', 'Telco-Customer-Churn.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  const contract: Record<string, number> = { 'Month-to-month': 0, 'One year': 1, 'Two year': 2 };
  const columns = {
    tenure: Float64Array.from(rows, (r) => num(r.tenure)),
    Contract: Float64Array.from(rows, (r) => contract[r.Contract]),
    MonthlyCharges: Float64Array.from(rows, (r) => num(r.MonthlyCharges)),
    TotalCharges: Float64Array.from(rows, (r) => num(r.TotalCharges)),
    TechSupport: Float64Array.from(rows, (r) => (r.TechSupport === 'Yes' ? 1 : 0)),
    OnlineSecurity: Float64Array.from(rows, (r) => (r.OnlineSecurity === 'Yes' ? 1 : 0)),
  };
  const churned = Float64Array.from(rows, (r) => (r.Churn === 'Yes' ? 1 : 0));
  const config = readAhpConfig(join(REPO_ROOT, 'models', 'ahp', 'telco.json'));
  if (!config.ok) throw new Error(config.problems.join('\n'));
  const indicators = config.weights.indicators.map((i) => ({
    feature: i.feature,
    globalWeight: i.globalWeight,
    direction: i.direction ?? 'healthier',
  }));
  const scored = ahpScores({ cutoff: new Float64Array(rows.length), columns }, indicators);

  it('ranks churners below stayers with the hand weights (AUC 0.79 on all 7,043 customers)', () => {
    expect(healthAuc(scored.score, churned)).toBeGreaterThan(0.75);
  });

  it('fits non-negative weights that separate churners at least as well, in sample', () => {
    const fit = fittedHandWeights(scored.indicatorScores, churned);
    expect(fit.converged).toBe(true);
    const k = indicators.length;
    const fitted = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) for (let c = 0; c < k; c++) fitted[i] += fit.weights[c] * scored.indicatorScores.data[i * k + c];
    expect(healthAuc(fitted, churned)).toBeGreaterThanOrEqual(healthAuc(scored.score, churned));
  });
});
