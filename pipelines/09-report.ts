/**
 * Stage 9: the manager report rendered again from a run's report-input.json.
 * Usage: npx tsx pipelines/09-report.ts [--run runs/latest] [--out DIR]
 * The same options as `healthscore report` (see its --help); this script only forwards them.
 */
import { main } from '../src/cli/main.ts';

const argv = process.argv.slice(2);
const withDefaults = [
  ...(argv.includes('--run') ? [] : ['--run', 'runs/latest']),
  ...argv,
];
main(['report', ...withDefaults]).then((code) => {
  process.exitCode = code;
});
