/**
 * healthscore: churn prediction turned into a calibrated 0–100 customer health score. The public
 * API, in the order a user works: read data, build point-in-time features, split, train and
 * calibrate, evaluate, score, save. AHP and customer value have their own entries:
 * `healthscore/ahp` and `healthscore/value`. Anything not exported here is internal.
 */
export { readCustomerData, customerRows } from './api/customer-data-set.ts';
export type { CustomerDataSet, ReadCustomerDataOptions } from './api/customer-data-set.ts';
export { readTabularData } from './api/tabular-data.ts';
export { TabularConfig } from './data/tabular/tabular-config.ts';
export { buildFeatures, snapshotAt, monthlyCutoffs } from './api/snapshots.ts';
export type { BuildFeaturesOptions, LabelledSnapshots, ScoringSnapshot, SnapshotAtOptions } from './api/snapshots.ts';
export { temporalSplit, stratifiedSplit } from './api/split.ts';
export type { ModelSplit, SplitPart } from './api/split.ts';
export { trainChurnModel } from './api/train.ts';
export type { TrainChurnModelOptions } from './api/train.ts';
export { HealthModel, loadHealthModel } from './api/health-model.ts';
export type { CandidateSummary, CustomerScore, ScorableRows, ScoreOptions } from './api/health-model.ts';
export { evaluateModel } from './api/evaluate-model.ts';
export type { EvaluateModelOptions } from './api/evaluate-model.ts';
export type { EvaluationReport } from './evaluate/evaluation-report.ts';
export { scoreCustomer } from './api/score-one-customer.ts';
export { scoreBatch } from './api/batch-scoring.ts';
export type { BatchScoringOptions, BatchScoringSummary } from './api/batch-scoring.ts';
export { exportSql } from './api/scoring-sql.ts';
export type { ScoringSqlOptionsInput } from './api/scoring-sql.ts';
export type { ScoringSql } from './score/sql-export/compile-scoring-sql.ts';
export { UserError, ExitCode } from './diagnostics/user-error.ts';
export { defaultThreads, setDefaultThreads } from './parallel/pool.ts';
export type { Log } from './diagnostics/log.ts';
