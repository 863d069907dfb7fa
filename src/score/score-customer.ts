/**
 * Scores one customer for online use, from that customer's rows only. Model inputs never depend on other
 * customers (see model-inputs.ts), so the result equals the customer's row in a batch job at the same date.
 *
 * @example
 * const bundle = await loadModelBundle('models/churn/20261123T101500Z');
 * scoreCustomer(bundle, { customers, events, tickets }, Date.parse('2025-01-01'));
 * // => { customerId: 'C000123', churnProbability: 0.18, healthScore: 82, tier: 'healthy', reasons: {…} }
 */
import type { CustomerData } from '../data/customer-data.ts';
import { buildScoringSnapshot } from '../features/build-feature-set.ts';
import type { ModelBundle } from './model-bundle.ts';
import type { RowReasons } from './reasons.ts';
import { scoreSnapshot } from './score-snapshot.ts';
import type { Tier } from './tiers.ts';

export interface ScoredCustomer {
  customerId: string;
  churnProbability: number;
  healthScore: number;
  tier: Tier;
  reasons: RowReasons | null;
}

/**
 * `rows`: one customer's tables. Returns a problem when the model is tabular, the customer is not active at
 * `asOf`, or an input is missing.
 */
export function scoreCustomer(bundle: ModelBundle, rows: CustomerData, asOf: number): ScoredCustomer | { problem: string } {
  const spec = bundle.manifest.featureSpec;
  if (spec === null) return { problem: 'this is a tabular model: score a feature row with scoreSnapshot instead' };
  if (rows.customers.numRows() !== 1) return { problem: `expected the rows of one customer, got ${rows.customers.numRows()} customers` };
  const snapshot = buildScoringSnapshot(rows, spec, asOf, bundle.manifest.churn ?? undefined);
  if (snapshot.table.numRows() === 0) return { problem: 'the customer had not signed up, or had churned, before the as-of date' };
  // Tier by capacity ranks customers against each other; one customer alone gets the thresholds.
  const single: ModelBundle =
    bundle.manifest.tiers.by === 'capacity'
      ? { ...bundle, manifest: { ...bundle.manifest, tiers: { by: 'thresholds', healthyMin: bundle.manifest.tiers.healthyMin, watchMin: bundle.manifest.tiers.watchMin } } }
      : bundle;
  const scored = scoreSnapshot(single, snapshot.table, { reasons: true });
  if ('problem' in scored) return scored;
  return {
    customerId: scored.customerId[0],
    churnProbability: scored.churnProbability[0],
    healthScore: scored.healthScore[0],
    tier: scored.tier[0],
    reasons: scored.reasons?.[0] ?? null,
  };
}
