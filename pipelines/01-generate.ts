/**
 * Stage 1, synthetic data: `healthscore generate` as a script.
 * Usage: npx tsx pipelines/01-generate.ts --customers N --months M --seed S --out DIR [--truth FILE]
 * The same options as the command (see `--help`).
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('generate');
