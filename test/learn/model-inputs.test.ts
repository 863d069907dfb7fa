/**
 * Which columns a model reads: dictionary features only — never keys, the label, or the
 * population-relative RFM ranks — and problems as values for a missing input or a bad label.
 */
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { FeatureEntry } from '../../src/features/dictionary.ts';
import { labelsOf, modelInputs, rawInputs } from '../../src/learn/model-inputs.ts';

const entry = (name: string, kind: FeatureEntry['kind']): FeatureEntry => ({
  name,
  description: name,
  table: 'customers',
  windowDays: null,
  aggregation: 'value',
  direction: 'unknown',
  dimension: 'other',
  kind,
});

const dictionary = [entry('tenure_days', 'numeric'), entry('plan', 'categorical'), entry('rfm_score', 'numeric'), entry('rfm_segment', 'categorical'), entry('label', 'numeric')];

describe('modelInputs', () => {
  it('keeps dictionary features in order and drops the label and the RFM ranks', () => {
    expect(modelInputs(dictionary)).toEqual({ features: ['tenure_days', 'plan'], categorical: ['plan'] });
  });
});

describe('rawInputs', () => {
  it('returns the named columns of the table', () => {
    const table = aq.table({ customer_id: ['a', 'b'], tenure_days: [3, 4], plan: ['pro', null] });
    const raw = rawInputs(table, modelInputs(dictionary));
    expect('raw' in raw && Array.from(raw.raw.plan)).toEqual(['pro', null]);
  });

  it('names the missing inputs as a problem', () => {
    const raw = rawInputs(aq.table({ customer_id: ['a'] }), modelInputs(dictionary));
    expect(raw).toEqual({ problem: 'the feature table lacks 2 model input(s): tenure_days, plan' });
  });
});

describe('labelsOf', () => {
  it('turns 0/1 labels into bytes', () => {
    const labels = labelsOf(aq.table({ label: [0, 1, 1] }));
    expect('labels' in labels && Array.from(labels.labels)).toEqual([0, 1, 1]);
  });

  it('names the first row whose label is not 0 or 1', () => {
    expect(labelsOf(aq.table({ label: [0, null, 2] }))).toEqual({ problem: 'row 2 has label null, expected 0 or 1' });
  });
});
