/**
 * What the transaction models say about each customer with a purchase history: BG/NBD (or MBG/NBD) and Gamma-Gamma
 * fitted on the summaries, then P(alive), P(no purchase within the churn horizon), expected spend and discounted CLV.
 */
import { BgNbdFit, fitBgNbd } from './bgnbd-fit.ts';
import { probabilityAlive, probabilityNoPurchase } from './bgnbd-predict.ts';
import { expectedAverageSpend, fitGammaGamma, GammaGammaFit } from './gamma-gamma.ts';
import { discountedLifetimeValue } from './lifetime-value.ts';
import { UNIT_DAYS, type TransactionSummary } from './transaction-summary.ts';
import type { ValueConfig } from './value-config.ts';

export interface PurchaseValue {
  purchases: BgNbdFit;
  spend: GammaGammaFit;
  probabilityAlive: Float64Array;
  /** P(no purchase within `horizonDays`): the non-contractual churn probability. */
  probabilityNoPurchase: Float64Array;
  expectedSpend: Float64Array;
  lifetimeValue: Float64Array;
}

/**
 * `{ problem }` with fewer than `config.minRepeatBuyers` repeat buyers or when a fit fails; per-customer arrays are
 * NaN where T is NaN (no first purchase).
 */
export function purchaseValue(
  summary: TransactionSummary,
  horizonDays: number,
  config: ValueConfig,
): { value: PurchaseValue } | { problem: string } {
  if (summary.unit !== config.unit) return { problem: `summary in ${summary.unit} but the config asks for ${config.unit}` };
  const { frequency, recency, T, monetary } = summary;
  const repeatBuyers = frequency.filter((f) => f > 0).length;
  if (repeatBuyers < config.minRepeatBuyers) {
    return { problem: `${repeatBuyers} repeat buyers, fewer than the ${config.minRepeatBuyers} needed to fit BG/NBD and Gamma-Gamma` };
  }
  const purchases = fitBgNbd(frequency, recency, T, { variant: config.variant, unit: config.unit });
  if ('problem' in purchases) return { problem: `purchase model not fitted: ${purchases.problem}` };
  const spend = fitGammaGamma(frequency, monetary);
  if ('problem' in spend) return { problem: `spend model not fitted: ${spend.problem}` };
  const params = purchases.fit.params;
  const expectedSpend = expectedAverageSpend(spend.fit.params, frequency, monetary);
  for (let i = 0; i < T.length; i++) if (Number.isNaN(T[i])) expectedSpend[i] = NaN;
  return {
    value: {
      purchases: purchases.fit,
      spend: spend.fit,
      probabilityAlive: probabilityAlive(params, frequency, recency, T),
      probabilityNoPurchase: probabilityNoPurchase(params, frequency, recency, T, horizonDays / UNIT_DAYS[config.unit]),
      expectedSpend,
      lifetimeValue: discountedLifetimeValue(params, frequency, recency, T, expectedSpend, config),
    },
  };
}
