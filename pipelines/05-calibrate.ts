/**
 * Stage 5: a saved model's calibrator refitted on a feature folder, saved as a new version.
 * Usage: npx tsx pipelines/05-calibrate.ts --model models/churn/VERSION [--features runs/latest/features] [--model-version V]
 * The same options as `healthscore calibrate` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('calibrate', { '--features': 'runs/latest/features' });
