/**
 * Baselines every model is judged against in metrics.json: the RFM score as a ranking, and BG/NBD's
 * P(no purchase within the horizon), exactly the churn label where churn is "no purchase".
 */
import type { ColumnTable } from 'arquero';
import type { CustomerData } from '../data/customer-data.ts';
import type { ScoreVector } from '../evaluate/evaluation-report.ts';
import { riskFromHealth } from '../evaluate/baselines.ts';
import type { ChurnDefinition } from '../features/churn-definition.ts';
import { fitBgNbd } from '../value/bgnbd-fit.ts';
import { probabilityNoPurchase } from '../value/bgnbd-predict.ts';
import { idsOf, summariesAt } from './transaction-summaries.ts';

export interface BaselineNote {
  name: string;
  note: string;
}

export function rfmBaseline(test: ColumnTable): ScoreVector | null {
  if (!test.columnNames().includes('rfm_score')) return null;
  return { name: 'rfm', scores: riskFromHealth(test.array('rfm_score') as ArrayLike<number>), isProbability: false };
}

/** Null (with a note) unless churn is "no transaction in the horizon" and the test part has one cutoff. */
export function bgnbdBaseline(
  data: CustomerData | null,
  test: ColumnTable,
  churn: ChurnDefinition | null,
  horizonDays: number | null,
): { vector: ScoreVector | null; note: BaselineNote | null } {
  const skip = (note: string) => ({ vector: null, note: { name: 'bg/nbd', note } });
  if (data === null || horizonDays === null || churn === null) return skip('no transaction history (tabular mode)');
  if (churn.kind !== 'inactivity' || churn.tables.join(',') !== 'transactions') {
    return skip('churn is not defined as "no purchase in the horizon", the event BG/NBD predicts');
  }
  const cutoffs = [...new Set(Array.from(test.array('cutoff') as ArrayLike<number>))];
  if (cutoffs.length !== 1) return skip('the test part spans several cutoffs');
  const ids = idsOf(test);
  const summary = summariesAt(data, ids, cutoffs[0]);
  if (summary === null) return skip('the data have no transactions table');
  const fitted = fitBgNbd(summary.frequency, summary.recency, summary.T, { variant: 'mbgnbd', unit: 'days' });
  if ('problem' in fitted) return skip(`the MBG/NBD fit failed: ${fitted.problem}`);
  const p = probabilityNoPurchase(fitted.fit.params, summary.frequency, summary.recency, summary.T, horizonDays);
  // Without a purchase before the cutoff, "no purchase" is certain as far as BG/NBD knows.
  for (let i = 0; i < p.length; i++) if (!Number.isFinite(p[i])) p[i] = 1;
  return { vector: { name: 'bg/nbd', scores: p, isProbability: true }, note: null };
}
