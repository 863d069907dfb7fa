/**
 * Stage 6: a saved model evaluated on the test part, beside the RFM and base-rate baselines.
 * Usage: npx tsx pipelines/06-evaluate.ts --model models/churn/VERSION [--features runs/latest/features] [--out runs/latest/metrics.json]
 * The same options as `healthscore evaluate` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('evaluate', { '--features': 'runs/latest/features', '--out': 'runs/latest/metrics.json' });
