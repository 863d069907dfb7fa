/**
 * The whole pipeline. Usage: npx tsx pipelines/run.ts --generate --data runs/latest/data --out runs/latest
 * The same options as `healthscore run` (see its --help); this script only forwards them.
 */
import { main } from '../src/cli/main.ts';

main(['run', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
