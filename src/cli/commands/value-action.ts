/** `healthscore value`'s action, apart from value.ts so that registering the command (and `--help`) loads none of it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { readCdnow } from '../../data/adapters/cdnow.ts';
import { parseIsoDate } from '../../data/iso-date.ts';
import { conditionalExpectedPurchases } from '../../value/bgnbd-predict.ts';
import { holdoutComparison, holdoutPurchases } from '../../value/holdout-comparison.ts';
import { purchaseValue } from '../../value/purchase-value.ts';
import { idsOf, transactionLog } from '../../training/transaction-summaries.ts';
import { readTransactionsCsv, type TransactionLog } from '../../value/read-transactions-csv.ts';
import { observationEndForCutoff, summariseTransactions, UNIT_DAYS, utcDay } from '../../value/transaction-summary.ts';
import { customerValueRows } from '../../value/value-table.ts';
import { ValueConfig } from '../../value/value-config.ts';
import { ExitCode, UserError } from '../../diagnostics/user-error.ts';
import { flag, parseFlags } from '../flags.ts';
import { UNITS, VARIANTS } from './value.ts';

/** A date flag as its text (written to value-model.json) and its epoch ms. */
const isoDate = flag.read((text) => {
  const ms = parseIsoDate(text);
  return ms === null ? null : { text, ms };
}, 'an ISO 8601 date (e.g. 1997-10-01)');

const FLAGS = {
  transactions: flag.text.optional(),
  cdnow: flag.text.optional(),
  cutoff: isoDate,
  out: flag.text,
  unit: flag.oneOf(UNITS),
  variant: flag.oneOf(VARIANTS),
  horizonMonths: flag.positiveWholeNumber,
  discount: flag.nonNegativeNumber,
  churnDays: flag.positiveNumber,
  holdoutEnd: isoDate.optional(),
};

/** Runs `healthscore value` with commander's flags (camel-cased: --horizon-months → horizonMonths). */
export async function valueAction(raw: Record<string, unknown>): Promise<void> {
  const flags = parseFlags(FLAGS, raw);
  if ((flags.transactions === undefined) === (flags.cdnow === undefined)) throw new UserError('give exactly one of --transactions and --cdnow', ExitCode.usage);
  const log = await readLog(flags);
  const config = ValueConfig.parse({
    horizonMonths: flags.horizonMonths,
    monthlyDiscountRate: flags.discount,
    variant: flags.variant,
    unit: flags.unit,
  });
  const observationEnd = observationEndForCutoff(flags.cutoff.ms);
  const summary = summariseTransactions(log.customer, log.timestampMs, log.amount, log.customerIds.length, {
    observationEnd,
    unit: config.unit,
  });
  const result = purchaseValue(summary, flags.churnDays, config);
  if ('problem' in result) throw new UserError(`${flags.transactions ?? flags.cdnow}: ${result.problem}`);
  const v = result.value;

  mkdirSync(flags.out, { recursive: true });
  const rows = customerValueRows(log.customerIds, summary, v);
  writeFileSync(join(flags.out, 'customer-value.csv'), stringify(rows, { header: true }));
  const model = { cutoff: flags.cutoff.text, churnDays: flags.churnDays, config, purchases: v.purchases, spend: v.spend };
  writeFileSync(join(flags.out, 'value-model.json'), `${JSON.stringify(model, null, 2)}\n`);
  const p = v.purchases.params;
  console.log(
    `${p.variant}: r=${p.r.toPrecision(4)} alpha=${p.alpha.toPrecision(4)} a=${p.a.toPrecision(4)} b=${p.b.toPrecision(4)} ` +
      `(${v.purchases.customers} customers, log-likelihood ${v.purchases.logLikelihood.toFixed(2)})`,
  );
  const g = v.spend.params;
  console.log(`gamma-gamma: p=${g.p.toPrecision(4)} q=${g.q.toPrecision(4)} gamma=${g.gamma.toPrecision(4)} (${v.spend.customers} repeat buyers, ${v.spend.excluded} left out with spend ≤ 0)`);

  if (flags.holdoutEnd !== undefined) {
    const endDay = utcDay(flags.holdoutEnd.ms);
    const endOfCalibration = utcDay(observationEnd);
    const days = Float64Array.from(log.timestampMs, utcDay);
    const actual = holdoutPurchases(log.customer, days, log.customerIds.length, endOfCalibration, endDay);
    // The holdout runs from the day after the observation end to endDay inclusive.
    const length = (endDay - endOfCalibration) / UNIT_DAYS[config.unit];
    const predicted = conditionalExpectedPurchases(p, summary.frequency, summary.recency, summary.T, length);
    const table = holdoutComparison(summary.frequency, predicted, actual);
    writeFileSync(join(flags.out, 'holdout.csv'), stringify(table, { header: true }));
    for (const r of table) {
      console.log(
        `holdout x=${r.frequency.padEnd(3)} customers ${String(r.customers).padStart(6)}  actual ${r.actualMean.toFixed(3)}  predicted ${r.predictedMean.toFixed(3)}`,
      );
    }
  }
  console.log(`wrote ${rows.length} customers to ${join(flags.out, 'customer-value.csv')}`);
}

/** The log of --transactions, or of --cdnow through the ingest adapter: the fit needs every purchase, so a rejected line stops it. */
async function readLog(flags: { cdnow?: string; transactions?: string }): Promise<TransactionLog> {
  if (flags.cdnow === undefined) {
    const r = readTransactionsCsv(flags.transactions ?? '');
    if ('problem' in r) throw new UserError(r.problem);
    return r.log;
  }
  const { data, quarantine } = await readCdnow(flags.cdnow);
  const bad = quarantine.transactions?.[0];
  if (bad !== undefined) {
    throw new UserError(`${bad.file}: line ${bad.line}${bad.column === '' ? '' : `, column ${bad.column}`}: ${bad.detail} (found "${bad.value}")`);
  }
  return transactionLog(data.transactions, idsOf(data.customers));
}
