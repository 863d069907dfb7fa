/**
 * Stage 4: one churn model trained, calibrated and saved as a new model version.
 * Usage: npx tsx pipelines/04-train.ts [--features runs/latest/features] [--model logistic] [--models-dir models] [--name churn]
 * The same options as `healthscore train` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('train', { '--features': 'runs/latest/features', '--model': 'logistic' });
