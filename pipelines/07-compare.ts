/**
 * Stage 7: AHP hand weights against a saved model's learned weights on the test part.
 * Usage: npx tsx pipelines/07-compare.ts --model models/churn/VERSION [--features runs/latest/features] [--ahp CONFIG] [--out runs/latest/comparison.json]
 * The same options as `healthscore compare` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('compare', { '--features': 'runs/latest/features', '--out': 'runs/latest/comparison.json' });
