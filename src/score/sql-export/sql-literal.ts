/**
 * A number as an ISO SQL approximate literal, `<mantissa>E<exponent>`: DuckDB, Spark SQL, Trino, PostgreSQL and
 * Snowflake read it as a double, where a plain `0.1` is an exact DECIMAL in several of them. The mantissa is
 * the shortest that round-trips (`toExponential()`), so the engine sees exactly our double.
 *
 * @example doubleLiteral(0.25); // => '2.5E-1'
 */
export function doubleLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`doubleLiteral: ${x} has no SQL literal`);
  const [mantissa, exponent] = x.toExponential().split('e');
  const text = `${mantissa}E${Number(exponent)}`;
  // Parenthesised so that "a - -1E0" or "a * -1E0" never reads as a comment or a syntax error.
  return x < 0 ? `(${text})` : text;
}
