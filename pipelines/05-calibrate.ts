/**
 * Stage 5: a saved model's calibrator refitted on a feature folder, saved as a new version.
 * Usage: npx tsx pipelines/05-calibrate.ts --model models/churn/VERSION [--features runs/latest/features] [--model-version V]
 * The same options as `healthscore calibrate` (see its --help); this script only forwards them.
 */
import { main } from '../src/cli/main.ts';

const argv = process.argv.slice(2);
const withDefaults = [
  ...(argv.includes('--features') ? [] : ['--features', 'runs/latest/features']),
  ...argv,
];
main(['calibrate', ...withDefaults]).then((code) => {
  process.exitCode = code;
});
