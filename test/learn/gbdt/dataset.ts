/**
 * Small seeded classification data for the GBDT tests: label drawn from a logistic model of a few
 * informative features (one with an interaction, one non-linear), the rest noise.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Matrix } from '../../../src/learn/matrix.ts';

export function synthetic(rows: number, cols: number, seed: number, missingRate = 0): { x: Matrix; y: Uint8Array } {
  const rng = xoroshiro128plus(seed);
  const u = (): number => (rng.next() >>> 0) / 4294967296;
  const data = new Float64Array(rows * cols);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) data[i * cols + j] = Math.round((u() * 2 - 1) * 1000) / 1000;
    const r = data.subarray(i * cols, (i + 1) * cols);
    const s = 2 * r[0] - (cols > 2 ? 3 * r[1] * r[2] : 0) + (cols > 3 ? Math.sin(3 * r[3]) : 0);
    y[i] = u() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
    for (let j = 0; j < cols; j++) if (missingRate > 0 && u() < missingRate) data[i * cols + j] = NaN;
  }
  return { x: { rows, cols, data }, y };
}
