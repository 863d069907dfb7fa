/**
 * The adapters `healthscore ingest --adapter` accepts. A module of its own, with no imports, so
 * that the CLI can list them in its help without loading the ingest code (or zod).
 */
export const ADAPTER_NAMES = ['cdnow'] as const;
