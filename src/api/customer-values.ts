/**
 * Customer lifetime value from a purchase history: BG/NBD (or MBG/NBD) for how often each
 * customer buys and whether they are still "alive", Gamma-Gamma for how much they spend, and the
 * discounted CLV over a horizon — what `healthscore value` writes to customer-value.csv.
 */
import { z } from 'zod';
import { UserError } from '../diagnostics/user-error.ts';
import type { BgNbdFit } from '../value/bgnbd-fit.ts';
import type { GammaGammaFit } from '../value/gamma-gamma.ts';
import { purchaseValue } from '../value/purchase-value.ts';
import { ValueConfig } from '../value/value-config.ts';
import { customerValueRows, type CustomerValueRow } from '../value/value-table.ts';
import { idsOf, summariesAt } from '../training/transaction-summaries.ts';
import { parseArgument } from './argument.ts';
import type { CustomerDataSet } from './customer-data-set.ts';
import { DateInput, epochMs } from './iso-day.ts';

const ValueOptions = ValueConfig.extend({
  cutoff: DateInput,
  churnDays: z.number().positive().default(90),
}).strict();

/**
 * Options of {@link customerValues}: `cutoff` (purchases strictly before it are the history),
 * `churnDays` (the horizon of P(no purchase), default 90), `horizonMonths` (CLV horizon, default
 * 36), `monthlyDiscountRate` (default 0.01), `variant` (`'mbgnbd'` default, or `'bgnbd'`), `unit`.
 *
 * @example
 * ```ts
 * import type { CustomerValuesOptions } from 'healthscore/value';
 * const options: CustomerValuesOptions = { cutoff: '1997-10-01', horizonMonths: 12, variant: 'bgnbd' };
 * console.log(options.variant); // => bgnbd
 * ```
 */
export type CustomerValuesOptions = z.input<typeof ValueOptions>;

/**
 * The value of each customer with a purchase before `cutoff`: one row per customer
 * (`customer_id`, frequency, recency, T, monetary value, P(alive), P(no purchase within
 * `churnDays`), expected spend, CLV, revenue at risk), plus the fitted purchase and spend models.
 *
 * @throws UserError when the data have no transactions or too few repeat buyers to fit.
 * @example
 * ```ts
 * import { readCustomerData } from 'healthscore';
 * import { customerValues } from 'healthscore/value';
 * const data = await readCustomerData('data/sample');
 * const { rows, purchases } = customerValues(data, { cutoff: '2024-10-01', horizonMonths: 12 });
 * console.log(rows.length > 0, purchases.params.variant); // => true mbgnbd
 * ```
 */
export function customerValues(data: CustomerDataSet, options: CustomerValuesOptions): { rows: CustomerValueRow[]; purchases: BgNbdFit; spend: GammaGammaFit } {
  const o = parseArgument('customerValues', 'options', ValueOptions, options);
  const ids = idsOf(data.tables.customers);
  const summary = summariesAt(data.tables, ids, epochMs(o.cutoff), o.unit);
  if (summary === null) throw new UserError('customerValues: the data have no transactions table');
  const result = purchaseValue(summary, o.churnDays, o);
  if ('problem' in result) throw new UserError(`customerValues: ${result.problem}`);
  return { rows: customerValueRows(ids, summary, result.value), purchases: result.value.purchases, spend: result.value.spend };
}
