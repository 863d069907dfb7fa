/**
 * A numeric drift feature's bin by a branch-free binary search over its training edges. Its own
 * module, free of imports, because the pool's workers load it for the drift kernel.
 */
/** Edges padded with +∞ to 2^depth − 1 entries, for a binary search of fixed depth. */
export interface EdgeSearch {
  readonly padded: Float64Array;
  /** The first step, 2^(depth − 1); 0 without edges. */
  readonly top: number;
  /** The missing bin. */
  readonly missing: number;
}

export function edgeSearch(edges: readonly number[]): EdgeSearch {
  const depth = Math.ceil(Math.log2(edges.length + 1));
  const padded = new Float64Array((1 << depth) - 1).fill(Number.POSITIVE_INFINITY);
  padded.set(edges);
  return { padded, top: depth === 0 ? 0 : 1 << (depth - 1), missing: edges.length + 1 };
}

/**
 * The bin of v: #(edges < v), or the missing bin for NaN. The search adds each comparison's outcome instead
 * of branching on it: a branching search mispredicts about every other step.
 */
export function numericBin(s: EdgeSearch, v: number): number {
  if (v !== v) return s.missing;
  let lo = 0;
  for (let step = s.top; step > 0; step >>= 1) lo += Number(s.padded[lo + step - 1] < v) * step;
  return lo;
}
