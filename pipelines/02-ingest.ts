/**
 * Stage 2, ingestion: `healthscore ingest` as a script.
 * Usage: npx tsx pipelines/02-ingest.ts --data DIR --out OUT [--as-of DATE]
 * (or --tabular FILE --config CONFIG, or --adapter cdnow --data FILE). The same options as the command (see `--help`).
 */
import { runStageCommand } from './stage-command.ts';

runStageCommand('ingest');
