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
 * Registration order is the order `healthscore --help` lists the commands in. A command module
 * declares its options and help when registered and imports the pipeline code only inside its
 * action: importing all of it (TensorFlow.js, arquero, DuckDB, vega) took ~2 s of every start,
 * `--help` included, and each command loads only what it uses.
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
