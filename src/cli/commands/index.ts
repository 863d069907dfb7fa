import type { Command } from 'commander';
import { registerGenerate } from './generate.ts';
import { registerIngest } from './ingest.ts';
import { registerFeatures } from './features.ts';
import { registerTrain } from './train.ts';
import { registerCalibrate } from './calibrate.ts';
import { registerEvaluate } from './evaluate.ts';
import { registerAhp } from './ahp.ts';
import { registerCompare } from './compare.ts';
import { registerScore } from './score.ts';
import { registerReport } from './report.ts';
import { registerRun } from './run.ts';
import { registerExportSql } from './export-sql.ts';
import { registerValue } from './value.ts';

/**
 * In the order `healthscore --help` lists them. A command imports the pipeline code only inside its action, so
 * that a start (`--help` included) loads neither TensorFlow.js, arquero, DuckDB nor vega unless it uses them.
 */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerGenerate,
  registerIngest,
  registerFeatures,
  registerTrain,
  registerCalibrate,
  registerEvaluate,
  registerAhp,
  registerCompare,
  registerScore,
  registerReport,
  registerRun,
  registerExportSql,
  registerValue,
];
