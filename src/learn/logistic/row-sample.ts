/**
 * Which rows estimate a sum over all rows (the Hessian, the warm start): `count` rows in evenly spaced
 * runs of 64, deterministic. Runs, not single rows, so sampled rows share memory pages (page-table
 * misses made single rows cost as much as reading all rows).
 *
 * @example sampleRows(1000, 128) // => 0…63, then 500…563
 */
const RUN = 64;

export function sampleRows(rows: number, count: number): Int32Array {
  const m = Math.max(1, Math.min(rows, Math.floor(count)));
  const runs = Math.ceil(m / RUN);
  const spacing = rows / runs;
  // Runs would overlap if they were closer than their length: then every row is taken.
  if (spacing < RUN) return Int32Array.from({ length: rows }, (_, i) => i);
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = Math.floor(Math.floor(k / RUN) * spacing) + (k % RUN);
  return out;
}
