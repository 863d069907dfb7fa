/** The feature engines (arquero in memory, DuckDB out of core), without imports so that the CLI's help need not load zod. */
export const FEATURE_ENGINES = ['arquero', 'duckdb'] as const;
