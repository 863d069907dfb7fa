/**
 * Stage 4: one churn model trained, calibrated and saved as a new model version.
 * Usage: npx tsx pipelines/04-train.ts [--features runs/latest/features] [--model logistic] [--models-dir models] [--name churn]
 * The same options as `healthscore train` (see its --help); this script only forwards them.
 */
import { main } from '../src/cli/main.ts';

const argv = process.argv.slice(2);
const withDefaults = [
  ...(argv.includes('--features') ? [] : ['--features', 'runs/latest/features']),
  ...(argv.includes('--model') ? [] : ['--model', 'logistic']),
  ...argv,
];
main(['train', ...withDefaults]).then((code) => {
  process.exitCode = code;
});
