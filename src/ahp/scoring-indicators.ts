/**
 * The indicators of a weighed AHP config resolved against the feature dictionary: each one's direction (the
 * config's override, else the dictionary's) and dictionary dimension. An unknown feature, or a direction
 * `unknown` (tabular inputs) not overridden, comes back as a problem.
 */
import type { Dimension, FeatureDictionary } from '../features/dictionary.ts';
import type { AhpWeights } from './hierarchy-weights.ts';

export interface ScoringIndicator {
  readonly feature: string;
  readonly label: string;
  /** The AHP dimension (criterion under the goal) the indicator sits under. */
  readonly ahpDimension: string;
  readonly globalWeight: number;
  readonly direction: 'healthier' | 'riskier';
  /** The feature's dimension in the dictionary (activity, loyalty, …). */
  readonly dictionaryDimension: Dimension;
}

export type ScoringIndicatorsResult = { ok: true; indicators: ScoringIndicator[] } | { ok: false; problems: string[] };

export function scoringIndicators(weights: AhpWeights, dictionary: FeatureDictionary, source: string): ScoringIndicatorsResult {
  const byName = new Map(dictionary.map((f) => [f.name, f]));
  const problems: string[] = [];
  const indicators: ScoringIndicator[] = [];
  for (const ind of weights.indicators) {
    const entry = byName.get(ind.feature);
    if (!entry) {
      problems.push(`${source}: indicator "${ind.feature}" (dimension "${ind.dimension}") is not a feature in the dictionary`);
      continue;
    }
    const direction = ind.direction ?? entry.direction;
    if (direction === 'unknown') {
      problems.push(
        `${source}: indicator "${ind.feature}" has no known direction; add "direction": "healthier" or "riskier" to it`,
      );
      continue;
    }
    indicators.push({
      feature: ind.feature,
      label: ind.label,
      ahpDimension: ind.dimension,
      globalWeight: ind.globalWeight,
      direction,
      dictionaryDimension: entry.dimension,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, indicators };
}
