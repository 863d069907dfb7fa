/**
 * The feature dictionary of a resolved plan: one `FeatureEntry` per output column, in the words
 * of the spec, so reasons and reports can say what a value means.
 */
import type { FeatureDictionary, FeatureEntry } from './dictionary.ts';
import { RFM_SEGMENT, missingFlagName, type FeaturePlan } from './plan.ts';
import type { CustomerFeature } from './spec.ts';

type Described = Pick<CustomerFeature, 'name' | 'description' | 'direction' | 'dimension' | 'phrase' | 'unit'>;

export function describeFeatures(plan: FeaturePlan): FeatureDictionary {
  const kindOf = new Map(plan.columns.map((c) => [c.name, c.kind]));
  const out: FeatureEntry[] = [];
  const entry = (e: Omit<FeatureEntry, 'kind'>) => out.push({ ...e, kind: kindOf.get(e.name) ?? 'numeric' });
  const fromSpec = (f: Described, table: string, windowDays: number | null, aggregation: string) =>
    entry({
      name: f.name,
      description: f.description,
      table,
      windowDays,
      aggregation,
      direction: f.direction,
      dimension: f.dimension,
      ...(f.phrase === undefined ? {} : { phrase: f.phrase }),
      ...(f.unit === undefined ? {} : { unit: f.unit }),
    });
  for (const f of plan.customer) fromSpec(f, 'customers', null, f.source.op);
  for (const f of plan.aggregates) {
    const filter = f.filter.length === 0 ? '' : ` where ${f.filter.map(describeFilter).join(' and ')}`;
    fromSpec(f, f.table, f.window.days, `${f.aggregation}${filter}`);
    if (f.missingFlag) {
      entry({
        name: missingFlagName(f.name),
        description: `1 when there is no data for ${f.name} (its value is then the fill value)`,
        table: f.table,
        windowDays: f.window.days,
        aggregation: 'missing',
        direction: 'riskier',
        dimension: f.dimension,
        phrase: `no data for ${f.name.replace(/_/g, ' ')}`,
      });
    }
  }
  for (const f of plan.derived) fromSpec(f, 'derived', null, f.derive.op);
  if (plan.rfm) {
    const rfm = plan.rfm;
    const score = (name: string, of: string, what: string) =>
      entry({
        name,
        description: `${what} quintile score 1–5 within the customers at the cutoff (5 = best), from ${of}`,
        table: 'transactions',
        windowDays: null,
        aggregation: 'quintile',
        direction: 'healthier',
        dimension: name === 'm_score' ? 'financial' : 'loyalty',
        phrase: `${what} score {value} of 5`,
        unit: 'score',
      });
    score('r_score', rfm.recency, 'Recency');
    score('f_score', rfm.frequency, 'Frequency');
    score('m_score', rfm.monetary, 'Monetary');
    entry({
      name: 'rfm_score',
      description: 'Sum of the R, F and M scores (3–15)',
      table: 'transactions',
      windowDays: null,
      aggregation: 'sum of quintile scores',
      direction: 'healthier',
      dimension: 'loyalty',
      phrase: 'RFM score {value} of 15',
      unit: 'score',
    });
    entry({
      name: RFM_SEGMENT,
      description: 'RFM segment from the R and F scores: champions, loyal, at_risk, hibernating, promising',
      table: 'transactions',
      windowDays: null,
      aggregation: 'segment',
      direction: 'unknown',
      dimension: 'loyalty',
      phrase: 'in the {value} RFM segment',
    });
  }
  return out;
}

function describeFilter(f: FeaturePlan['aggregates'][number]['filter'][number]): string {
  switch (f.op) {
    case 'eq':
      return `${f.column} = '${f.value}'`;
    case 'in':
      return `${f.column} in (${f.values.join(', ')})`;
    case 'openAt':
      return `${f.column} blank or not before the cutoff`;
    case 'closedBefore':
      return `${f.column} before the cutoff`;
  }
}
