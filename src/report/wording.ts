/** Numbers in words for managers, in one place so that the HTML and Markdown reports phrase them alike. */
import type { ReportInput } from './report-input.ts';

export const pct = (x: number, digits = 0): string => `${(100 * x).toFixed(digits)}%`;
export const num = (x: number, digits = 3): string => x.toFixed(digits);
export const int = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Conventional reading of ROC-AUC bands (Hosmer & Lemeshow, Applied Logistic Regression, 3rd ed., §5.2.4). */
export function aucInWords(auc: number): string {
  if (auc >= 0.9) return 'outstanding';
  if (auc >= 0.8) return 'excellent';
  if (auc >= 0.7) return 'acceptable';
  if (auc >= 0.6) return 'weak';
  return 'no better than guessing';
}

/** "within 90 days", or the label's own period in tabular mode. */
export const within = (horizonDays: number | null): string =>
  horizonDays === null ? 'within the period the churn label covers' : `within ${horizonDays} days`;

export function scoreMeaning(horizonDays: number | null): string {
  const next = horizonDays === null ? 'over the period the churn label covers' : `in the next ${horizonDays} days`;
  return (
    `The health score is 100 × (1 − the calibrated probability that the customer churns ${within(horizonDays)}). ` +
    `A score of 80 means about a 20% chance of churning ${next}; a score of 30 means about 70%.`
  );
}

/** The header line under the title. */
export function metaLine(input: ReportInput): string {
  const d = input.data;
  const horizon = input.horizonDays === null ? 'tabular churn label' : `horizon ${input.horizonDays} days`;
  const period = d.cutoffs.length === 0 ? '' : ` · data ${d.periodStart} to ${d.periodEnd}`;
  return `Generated ${input.generatedAt}${period} · ${horizon} · source ${d.source}`;
}

/** What the models were trained and tested on, in words. */
export function dataSentences(input: ReportInput): string {
  const d = input.data;
  if (d.cutoffs.length === 0) {
    return (
      `${int(d.labelledRows)} customers, ${pct(d.churnRate, 1)} of them churned. Models were tested on a stratified 20% of them ` +
      `(${int(d.testRows)} customers) that no model saw in training. ${int(d.customersScored)} customers who had not churned were scored.`
    );
  }
  return (
    `${int(d.labelledRows)} customer snapshots at ${d.cutoffs.length} monthly cutoffs (${d.cutoffs[0]} to ${d.cutoffs.at(-1)}); ` +
    `${pct(d.churnRate, 1)} of them churned ${within(input.horizonDays)}. Models were tested on the latest cutoff ` +
    `(${d.testCutoffs.join(', ')}, ${int(d.testRows)} snapshots), which no model saw in training, nor any label that ran into it. ` +
    `${int(d.customersScored)} customers were scored at the end of the data.`
  );
}

/** The sentences a manager reads first: how good the chosen model is, and what it buys. */
export function headline(input: ReportInput): string[] {
  const chosen = input.models.find((m) => m.chosen) ?? input.models[0];
  if (chosen === undefined) return [];
  const lines = [
    `The ${chosen.label} model ranks a customer who churned above one who stayed ${pct(chosen.rocAuc)} of the time ` +
      `(ROC-AUC ${num(chosen.rocAuc)}, ${aucInWords(chosen.rocAuc)}), on ${int(input.data.testRows)} held-out ${input.data.cutoffs.length === 0 ? 'customers' : 'customer snapshots'} it never trained on.`,
    `Contacting the riskiest 10% of customers reaches ${pct(chosen.captureAt10)} of those who churn, ` +
      `${num(chosen.liftAt10, 1)}× what a random 10% would reach.`,
  ];
  const hand = input.models.find((m) => m.name.startsWith('ahp'));
  if (hand !== undefined) {
    lines.push(
      `The hand-set (AHP) score reaches ROC-AUC ${num(hand.rocAuc)} on the same customers, ` +
        (hand.rocAuc < chosen.rocAuc
          ? `${num(chosen.rocAuc - hand.rocAuc)} below the learned model.`
          : `${num(hand.rocAuc - chosen.rocAuc)} above the learned model.`),
    );
  }
  const atRisk = input.tiers.find((t) => t.tier === 'at risk');
  if (atRisk !== undefined) {
    lines.push(`${int(atRisk.count)} customers (${pct(atRisk.share, atRisk.share > 0 && atRisk.share < 0.01 ? 1 : 0)}) are at risk today.`);
  }
  return lines;
}
