/**
 * Clean customer tables turned into what `fitCandidate` needs, as `healthscore run` does with the arquero engine
 * and the default features (monthly cutoffs, labelled feature set, temporal holdouts, model inputs, parts): for the
 * benchmarks and end-to-end tests that train on the bundled sample without writing the stages' files.
 */
import type { CustomerData } from '../data/customer-data.ts';
import type { ChurnDefinition } from '../features/churn-definition.ts';
import { buildFeatureSet, latestDate, type FeatureSet } from '../features/build-feature-set.ts';
import { defaultCutoffs } from '../features/cutoffs.ts';
import { DEFAULT_FEATURE_SPEC } from '../features/default-spec.ts';
import { dayAfter } from '../features/snapshot-population.ts';
import { temporalHoldouts, type HoldoutSplits } from '../learn/holdout-splits.ts';
import { modelInputs, type ModelInputs } from '../learn/model-inputs.ts';
import { labelledParts, type Parts } from '../training/fit-candidates.ts';

export interface ReadyToFit {
  set: FeatureSet;
  splits: HoldoutSplits;
  inputs: ModelInputs;
  parts: Parts;
  /** The day after the data's last event (epoch ms): the as-of date of tonight's scoring. */
  dataEnd: number;
}

export function readyToFit(data: CustomerData, options: { horizonDays: number; churn: ChurnDefinition }): ReadyToFit | { problem: string } {
  const signup = data.customers.array('signup_date') as ArrayLike<number>;
  let firstSignup = Number.POSITIVE_INFINITY;
  for (let i = 0; i < signup.length; i++) firstSignup = Math.min(firstSignup, signup[i]);
  const dataEnd = dayAfter(latestDate(data));
  const cutoffs = defaultCutoffs(firstSignup, dataEnd, options.horizonDays);
  if (cutoffs.length === 0) return { problem: `the data is too short for a ${options.horizonDays}-day horizon after the warm-up` };
  const set = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, { cutoffs, horizonDays: options.horizonDays, churn: options.churn });
  const splits = temporalHoldouts(set.table, options.horizonDays);
  if ('problem' in splits) return splits;
  const inputs = modelInputs(set.dictionary);
  const parts = labelledParts(splits, inputs);
  if ('problem' in parts) return parts;
  return { set, splits, inputs, parts, dataEnd };
}
