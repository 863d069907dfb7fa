/**
 * Value, churn-weighted revenue at risk and the method behind each, for every scored customer: subscription
 * customers (MRR > 0) get the contractual value; others with enough repeat buyers in the data get the
 * transaction CLV (BG/NBD or MBG/NBD × Gamma-Gamma, purchase-value.ts); everyone else 0 with method "none".
 */
import { z } from 'zod';
import { BgNbdFit } from './bgnbd-fit.ts';
import { contractualLifetimeValue } from './contractual-value.ts';
import { GammaGammaFit } from './gamma-gamma.ts';
import { purchaseValue } from './purchase-value.ts';
import type { TransactionSummary } from './transaction-summary.ts';
import { ValueConfig, type ValueConfigInput } from './value-config.ts';

export const ValueMethod = z.enum(['bgnbd-gamma-gamma', 'mbgnbd-gamma-gamma', 'mrr-survival', 'none']);
export type ValueMethod = z.infer<typeof ValueMethod>;

export const ValueModels = z.object({
  purchases: BgNbdFit.nullable(),
  spend: GammaGammaFit.nullable(),
  /** Why the transaction models were not used, when they were not. */
  note: z.string().nullable(),
});
export type ValueModels = z.infer<typeof ValueModels>;

export interface CustomerValueInput {
  /** In the config's unit; null when the data have no transactions. */
  summary: TransactionSummary | null;
  /** Monthly recurring revenue; NaN or 0 = no active subscription. */
  mrr: Float64Array;
  /** The health model's, within `horizonDays`. */
  churnProbability: Float64Array;
  horizonDays: number;
}

export interface CustomerValue {
  lifetimeValue: Float64Array;
  revenueAtRisk: Float64Array;
  method: ValueMethod[];
  /** BG/NBD P(no purchase within the horizon): the model's own churn probability; NaN without a fit. */
  purchaseChurnProbability: Float64Array;
  models: ValueModels;
}

export function customerValue(input: CustomerValueInput, configInput: ValueConfigInput = {}): CustomerValue {
  const config = ValueConfig.parse(configInput);
  const n = input.churnProbability.length;
  if (input.mrr.length !== n || (input.summary && input.summary.T.length !== n)) {
    throw new RangeError('customerValue: input arrays differ in length');
  }
  const transaction = transactionValue(input.summary, input.horizonDays, config);
  const contractual = contractualLifetimeValue(input.mrr, input.churnProbability, input.horizonDays, config);
  const lifetimeValue = new Float64Array(n);
  const method: ValueMethod[] = new Array<ValueMethod>(n);
  const transactionMethod: ValueMethod = config.variant === 'mbgnbd' ? 'mbgnbd-gamma-gamma' : 'bgnbd-gamma-gamma';
  for (let i = 0; i < n; i++) {
    if (input.mrr[i] > 0) {
      lifetimeValue[i] = contractual[i];
      method[i] = 'mrr-survival';
    } else if (transaction.value && Number.isFinite(transaction.value[i])) {
      lifetimeValue[i] = transaction.value[i];
      method[i] = transactionMethod;
    } else {
      lifetimeValue[i] = 0;
      method[i] = 'none';
    }
  }
  return {
    lifetimeValue,
    revenueAtRisk: lifetimeValue.map((value, i) => value * input.churnProbability[i]),
    method,
    purchaseChurnProbability: transaction.churn ?? new Float64Array(n).fill(NaN),
    models: transaction.models,
  };
}

function transactionValue(
  summary: TransactionSummary | null,
  horizonDays: number,
  config: ValueConfig,
): { value: Float64Array | null; churn: Float64Array | null; models: ValueModels } {
  const r = summary ? purchaseValue(summary, horizonDays, config) : { problem: 'no transactions table' };
  if ('problem' in r) return { value: null, churn: null, models: { purchases: null, spend: null, note: r.problem } };
  return {
    value: r.value.lifetimeValue,
    churn: r.value.probabilityNoPurchase,
    models: { purchases: r.value.purchases, spend: r.value.spend, note: null },
  };
}
