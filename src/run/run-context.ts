/** What the pipeline hands from training to the output writers (scores, priority list, comparison, report). */
import type { ColumnTable } from 'arquero';
import type { ModelSplit } from '../api/split.ts';
import type { Log } from '../diagnostics/log.ts';
import type { CustomerData } from '../data/customer-data.ts';
import type { IngestSummary } from '../data/ingest-summary.ts';
import type { EvaluationReport } from '../evaluate/evaluation-report.ts';
import type { FeatureDictionary } from '../features/dictionary.ts';
import type { ModelBundle } from '../score/model-bundle.ts';
import type { AhpComparison } from '../training/ahp-comparison.ts';
import type { Candidate } from '../training/fit-candidates.ts';
import type { RunOptions } from './run-options.ts';

export interface Prepared {
  mode: 'events' | 'tabular';
  source: string;
  ingest: IngestSummary;
  /** Labelled rows (customer × cutoff, or customer in tabular mode). */
  labelled: ColumnTable;
  dictionary: FeatureDictionary;
  split: ModelSplit;
  /** The unlabelled snapshot to score (events: at the end of the data; tabular: every row). */
  snapshot: ColumnTable;
  asOf: string | null;
  data: CustomerData | null;
  horizonDays: number | null;
}
export interface RunContext {
  options: RunOptions;
  prepared: Prepared;
  bundle: ModelBundle;
  chosen: Candidate;
  metrics: EvaluationReport;
  ahp: AhpComparison | null;
  log: Log;
}
