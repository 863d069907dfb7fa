/**
 * Stage 8: batch scoring with a saved model.
 * Usage: npx tsx pipelines/08-score.ts --model models/churn/V --data data/sample --as-of 2024-12-01 --out scores.csv
 * The same options as `healthscore score` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('score');
