/**
 * Stage 3: point-in-time features and churn labels from the clean store.
 * Usage: npx tsx pipelines/03-features.ts [--data runs/latest/ingest] [--out runs/latest/features] [--engine duckdb]
 * The same options as `healthscore features` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('features', { '--data': 'runs/latest/ingest', '--out': 'runs/latest/features' });
