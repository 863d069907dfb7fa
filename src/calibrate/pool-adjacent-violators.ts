/**
 * Weighted least-squares non-decreasing fit of y by pool-adjacent-violators (Ayer et al. 1955; Best &
 * Chakravarti 1990), with the block bookkeeping and summation order of scikit-learn's
 * `_inplace_contiguous_isotonic_regression`, so results agree to the last bit. Cost: O(n).
 *
 * @example poolAdjacentViolators(new Float64Array([1, 3, 2, 4])); // => [1, 2.5, 2.5, 4]
 */
export function poolAdjacentViolators(y: ArrayLike<number>, weights?: ArrayLike<number>): Float64Array {
  const n = y.length;
  const v = Float64Array.from(y);
  const w = weights === undefined ? new Float64Array(n).fill(1) : Float64Array.from(weights);
  if (w.length !== n) throw new Error(`poolAdjacentViolators: ${n} values but ${w.length} weights`);
  // For an active block [i..j]: target[i] = j and target[j] = i; v[i], w[i] hold its mean and weight.
  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) target[i] = i;
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (v[i] < v[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * v[i];
    let sumW = w[i];
    for (;;) {
      // Inside a non-increasing run: absorb block k.
      const prev = v[k];
      sumWy += w[k] * v[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || prev < v[k]) {
        v[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        // Step back one block: the pooled mean may now undercut the block on the left.
        if (i > 0) i = target[i - 1];
        break;
      }
    }
  }
  i = 0;
  while (i < n) {
    const k = target[i] + 1;
    v.fill(v[i], i + 1, k);
    i = k;
  }
  return v;
}
