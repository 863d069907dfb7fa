/**
 * Stage 7: AHP hand weights against a saved model's learned weights on the test part.
 * Usage: npx tsx pipelines/07-compare.ts --model models/churn/VERSION [--features runs/latest/features] [--ahp CONFIG] [--out runs/latest/comparison.json]
 * The same options as `healthscore compare` (see its --help); this script only forwards them.
 */
import { main } from '../src/cli/main.ts';

const argv = process.argv.slice(2);
const withDefaults = [
  ...(argv.includes('--features') ? [] : ['--features', 'runs/latest/features']),
  ...(argv.includes('--out') ? [] : ['--out', 'runs/latest/comparison.json']),
  ...argv,
];
main(['compare', ...withDefaults]).then((code) => {
  process.exitCode = code;
});
