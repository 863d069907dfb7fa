/**
 * The whole pipeline. Usage: npx tsx pipelines/run.ts --generate --data runs/latest/data --out runs/latest
 * The same options as `healthscore run` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('run');
