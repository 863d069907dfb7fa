/**
 * Stage 9: the manager report rendered again from a run's report-input.json.
 * Usage: npx tsx pipelines/09-report.ts [--run runs/latest] [--out DIR]
 * The same options as `healthscore report` (see its --help); this script runs the command with them.
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('report', { '--run': 'runs/latest' });
