/** SQL literals and identifiers as the generated feature query writes them (portable quoting). */

/** A DOUBLE literal: Trino's `/` on integers truncates, so every number the query divides by is a DOUBLE. */
export const num = (x: number): string => {
  const s = String(x);
  return /[.eE]/.test(s) ? `CAST(${s} AS DOUBLE)` : `CAST(${s}.0 AS DOUBLE)`;
};

// Standard SQL quoting, the same the DuckDB session helpers write.
export { sqlString as str, sqlIdent as ident } from '../data/duckdb-session.ts';

/** The staged relation of a contract table: its columns, dates as epoch-ms DOUBLE (see duckdb-engine.ts). */
export const stagedName = (table: string): string => `stg_${table}`;
