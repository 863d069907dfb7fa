/**
 * The fitted preprocessing as SQL, one expression per encoded column over the raw feature columns, step by step
 * as `encodeFeature` + `transform`: a numeric value is COALESCE(x, fill) when imputed, else x (NULL standing for
 * NaN), then standardised; a missing flag is x IS NULL; a one-hot, "(missing)" or "unseen" column is a CASE on
 * the label, NULL and blank text being missing as in `categoryCell`. Missing values must be SQL NULLs, not NaN.
 */
import { sqlIdent, sqlString } from '../../data/duckdb-session.ts';
import type { EncodedColumn, PreprocessorSpec, SourceFeature } from '../../learn/preprocess/spec.ts';
import { featureSpans } from '../../learn/preprocess/feature-spans.ts';
import { doubleLiteral } from './sql-literal.ts';

/** `(raw − center) / scale`, left out when the column is not standardised (center 0, scale 1). */
function standardized(raw: string, column: EncodedColumn): string {
  if (column.center === 0 && column.scale === 1) return raw;
  return `((${raw} - ${doubleLiteral(column.center)}) / ${doubleLiteral(column.scale)})`;
}

function categoryIsMissing(ref: string): string {
  return `(${ref} IS NULL OR TRIM(${ref}) = '')`;
}

/** The unstandardised expression of the k-th encoded column of `feature`. */
function rawEncoded(feature: SourceFeature, k: number, ref: string, impute: boolean): string {
  if (feature.type === 'numeric') {
    if (k === 0) return impute ? `COALESCE(${ref}, ${doubleLiteral(feature.fill)})` : ref;
    return `CASE WHEN ${ref} IS NULL THEN 1E0 ELSE 0E0 END`;
  }
  const levels = feature.levels;
  const missingAt = feature.flagMissing ? levels.length : -1;
  if (k < levels.length) {
    return `CASE WHEN ${categoryIsMissing(ref)} THEN 0E0 WHEN ${ref} = ${sqlString(levels[k])} THEN 1E0 ELSE 0E0 END`;
  }
  if (k === missingAt) return `CASE WHEN ${categoryIsMissing(ref)} THEN 1E0 ELSE 0E0 END`;
  // The unseen flag: a known label is none of the levels; a blank is unseen only without a missing level.
  const known = levels.length === 0 ? 'FALSE' : `${ref} IN (${levels.map(sqlString).join(', ')})`;
  const blankIsUnseen = feature.flagMissing ? '0E0' : '1E0';
  return `CASE WHEN ${categoryIsMissing(ref)} THEN ${blankIsUnseen} WHEN ${known} THEN 0E0 ELSE 1E0 END`;
}

/**
 * SQL for every encoded column, in matrix order; `qualifier` prefixes the raw column references (a table
 * alias). Throws, as `transform` does (`featureSpans`), when the columns are not grouped by feature.
 */
export function encodedColumnsSql(spec: PreprocessorSpec, qualifier = ''): string[] {
  const impute = spec.missing === 'impute';
  const spans = featureSpans(spec, 'encodedColumnsSql');
  return spec.features.flatMap((feature, f) => {
    const ref = `${qualifier}${sqlIdent(feature.name)}`;
    const { first, width } = spans[f];
    return Array.from({ length: width }, (_, k) => standardized(rawEncoded(feature, k, ref, impute), spec.columns[first + k]));
  });
}
