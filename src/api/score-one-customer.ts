/**
 * Scoring one customer online, from that customer's rows only: the same feature spec,
 * preprocessing, model and calibrator as the batch job, so the score equals the customer's row in
 * a batch job at the same date.
 */
import { z } from 'zod';
import { UserError } from '../diagnostics/user-error.ts';
import { formatReasons } from '../score/reasons.ts';
import { scoreCustomer as scoreOne } from '../score/score-customer.ts';
import { parseArgument } from './argument.ts';
import type { CustomerDataSet } from './customer-data-set.ts';
import type { CustomerScore, HealthModel } from './health-model.ts';
import { DateInput, epochMs } from './iso-day.ts';

/**
 * Scores the one customer whose rows `rows` holds (its `customers` table has one row; the other
 * tables hold that customer's transactions, events, tickets, …) as of `asOf`.
 *
 * @throws UserError for a tabular model (no feature spec to compute features with), when `rows`
 * holds more or fewer than one customer, or the customer is not active at `asOf`.
 * @example
 * ```ts
 * import { buildFeatures, customerRows, readCustomerData, scoreCustomer, snapshotAt, temporalSplit, trainChurnModel } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const model = await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'logistic' });
 * const snapshot = snapshotAt(data, '2024-12-01');
 * const id = String(snapshot.table.get('customer_id', 0));
 * const one = scoreCustomer(model, customerRows(data, id), '2024-12-01');
 * const batch = model.score(snapshot).find((s) => s.customerId === id);
 * console.log(one.healthScore === batch?.healthScore); // => true
 * ```
 */
export function scoreCustomer(model: HealthModel, rows: CustomerDataSet, asOf: DateInput): CustomerScore {
  const at = epochMs(parseArgument('scoreCustomer', 'asOf', DateInput, asOf));
  parseArgument('scoreCustomer', 'rows', z.object({ tables: z.object({ customers: z.any() }) }), rows);
  const scored = scoreOne(model.bundle, rows.tables, at);
  if ('problem' in scored) throw new UserError(`scoreCustomer: ${scored.problem}`);
  return { ...scored, reasons: scored.reasons === null ? '' : formatReasons(scored.reasons), drivers: scored.reasons };
}
