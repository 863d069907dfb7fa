/**
 * Resolves a feature spec against the tables a data set has: features of absent tables go, and so do
 * derived features and RFM scores whose inputs went with them. Both engines and the dictionary work
 * from the plan, so they agree on which columns exist and in which order.
 */
import { CONTRACT, type TableName } from '../data/contract.ts';
import type { AggregateFeature, CustomerFeature, DerivedFeature, FeatureSpec, RfmSpec } from './spec.ts';

export type ColumnKind = 'numeric' | 'categorical' | 'flag';

/** One output column of the feature table, after `customer_id`, `cutoff` and `label`. */
export interface PlannedColumn {
  name: string;
  kind: ColumnKind;
}

export interface FeaturePlan {
  customer: CustomerFeature[];
  aggregates: AggregateFeature[];
  derived: DerivedFeature[];
  rfm: RfmSpec | null;
  columns: PlannedColumn[];
}

export const RFM_COLUMNS = ['r_score', 'f_score', 'm_score', 'rfm_score'] as const;
export const RFM_SEGMENT = 'rfm_segment';

/** Whether `last` over this feature's value column yields a string (a categorical feature). */
export function isStringValued(f: AggregateFeature): boolean {
  if (!f.value || !('column' in f.value)) return false;
  const column = f.value.column;
  const spec = CONTRACT[f.table].columns.find((c) => c.name === column);
  return f.aggregation === 'last' && (spec === undefined || spec.kind === 'string');
}

export const missingFlagName = (name: string): string => `${name}_missing`;

export function planFeatures(spec: FeatureSpec, tables: ReadonlySet<TableName>): FeaturePlan {
  const aggregates = spec.aggregates.filter((f) => tables.has(f.table));
  const columns: PlannedColumn[] = [];
  const known = new Set<string>();
  const add = (name: string, kind: ColumnKind) => {
    columns.push({ name, kind });
    known.add(name);
  };
  const missingFlags = new Set<string>();
  for (const f of spec.customer) add(f.name, f.source.op === 'attribute' ? 'categorical' : 'numeric');
  for (const f of aggregates) {
    add(f.name, isStringValued(f) ? 'categorical' : 'numeric');
    if (f.missingFlag) {
      add(missingFlagName(f.name), 'flag');
      missingFlags.add(f.name);
    }
  }
  const derived: DerivedFeature[] = [];
  for (const f of spec.derived) {
    const inputs = typeof f.derive.of === 'string' ? [f.derive.of] : f.derive.of;
    if (!inputs.every((n) => known.has(n))) continue;
    derived.push(f);
    add(f.name, f.derive.op === 'atLeast' || f.derive.op === 'atMost' ? 'flag' : 'numeric');
  }
  const rfmInputs = spec.rfm ? [spec.rfm.recency, spec.rfm.frequency, spec.rfm.monetary] : [];
  const rfm = spec.rfm && rfmInputs.every((n) => known.has(n)) ? spec.rfm : null;
  if (rfm) {
    for (const c of RFM_COLUMNS) add(c, 'numeric');
    add(RFM_SEGMENT, 'categorical');
  }
  return { customer: spec.customer, aggregates, derived, rfm, columns };
}
