/**
 * Stage 6: a saved model evaluated on the test part, beside the RFM and base-rate baselines.
 * Usage: npx tsx pipelines/06-evaluate.ts --model models/churn/VERSION [--features runs/latest/features] [--out runs/latest/metrics.json]
 * The same options as `healthscore evaluate` (see its --help); this script only forwards them.
 */
import { main } from '../src/cli/main.ts';

const argv = process.argv.slice(2);
const withDefaults = [
  ...(argv.includes('--features') ? [] : ['--features', 'runs/latest/features']),
  ...(argv.includes('--out') ? [] : ['--out', 'runs/latest/metrics.json']),
  ...argv,
];
main(['evaluate', ...withDefaults]).then((code) => {
  process.exitCode = code;
});
