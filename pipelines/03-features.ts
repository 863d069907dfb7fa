/**
 * Stage 3: point-in-time features and churn labels from the clean store.
 * Usage: npx tsx pipelines/03-features.ts [--data runs/latest/ingest] [--out runs/latest/features] [--engine duckdb]
 * The same options as `healthscore features` (see its --help); this script only forwards them.
 */
import { main } from '../src/cli/main.ts';

const argv = process.argv.slice(2);
const withDefaults = [
  ...(argv.includes('--data') ? [] : ['--data', 'runs/latest/ingest']),
  ...(argv.includes('--out') ? [] : ['--out', 'runs/latest/features']),
  ...argv,
];
main(['features', ...withDefaults]).then((code) => {
  process.exitCode = code;
});
