/**
 * `healthscore/ahp`: hand-set weights by the Analytic Hierarchy Process — the weights of a
 * hierarchy, the priorities and consistency of one judgment matrix — and their comparison with
 * the weights a model learned.
 */
export { ahpWeights, judgmentWeights, compareWithModel } from '../api/ahp-weights.ts';
export { AhpConfig } from './config.ts';
export type { AhpWeights } from './hierarchy-weights.ts';
export type { WeightComparison } from './weight-comparison.ts';
