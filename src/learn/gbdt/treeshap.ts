/**
 * Exact TreeSHAP of one tree for one row: Lundberg, Erion & Lee (2018), "Consistent Individualized
 * Feature Attribution for Tree Ensembles", Algorithm 2, with the path-dependent E[f(x) | x_S] (cover-
 * weighted), so Σ φ_j + E[f(x)] = f(x). The path lives in typed arrays, one segment per recursion
 * level, so a call allocates nothing. Cost per row and tree: O(L · D²) for L leaves and depth D.
 */
import type { Tree } from './tree.ts';

/** Preallocated path storage for trees up to a given depth. */
export interface ShapScratch {
  readonly stride: number;
  readonly d: Int32Array;
  readonly z: Float64Array;
  readonly o: Float64Array;
  readonly w: Float64Array;
}

export function shapScratch(maxDepth: number): ShapScratch {
  const stride = maxDepth + 2;
  const size = stride * (maxDepth + 2);
  return { stride, d: new Int32Array(size), z: new Float64Array(size), o: new Float64Array(size), w: new Float64Array(size) };
}

/** Adds the tree's SHAP values of the row at x[rowOffset] into phi[phiOffset + j]; scratch ≥ its depth. */
export function treeShap(
  t: Tree,
  x: Float64Array,
  rowOffset: number,
  phi: Float64Array,
  phiOffset: number,
  scratch: ShapScratch,
): void {
  recurse(t, x, rowOffset, phi, phiOffset, scratch, 0, 0, 0, 1, 1, -1);
}

// EXTEND: append (pi, pz, po) to the path of `len` elements at `off`, updating every subset size's weight.
export function extend(s: ShapScratch, off: number, len: number, pz: number, po: number, pi: number): void {
  const { d, z, o, w } = s;
  d[off + len] = pi;
  z[off + len] = pz;
  o[off + len] = po;
  w[off + len] = len === 0 ? 1 : 0;
  for (let i = len - 1; i >= 0; i--) {
    w[off + i + 1] += (po * w[off + i] * (i + 1)) / (len + 1);
    w[off + i] = (pz * w[off + i] * (len - i)) / (len + 1);
  }
}

// UNWIND: undo the extension of element k of a path of `len` elements (inverse of EXTEND).
function unwind(s: ShapScratch, off: number, len: number, k: number): void {
  const { d, z, o, w } = s;
  const ud = len - 1;
  const ok = o[off + k];
  const zk = z[off + k];
  let n = w[off + ud];
  for (let j = ud - 1; j >= 0; j--) {
    if (ok !== 0) {
      const tmp = w[off + j];
      w[off + j] = (n * (ud + 1)) / ((j + 1) * ok);
      n = tmp - (w[off + j] * zk * (ud - j)) / (ud + 1);
    } else {
      w[off + j] = (w[off + j] * (ud + 1)) / (zk * (ud - j));
    }
  }
  for (let j = k; j < ud; j++) {
    d[off + j] = d[off + j + 1];
    z[off + j] = z[off + j + 1];
    o[off + j] = o[off + j + 1];
  }
}

// Σ of the weights UNWIND(k) would leave, without modifying the path.
export function unwoundSum(s: ShapScratch, off: number, len: number, k: number): number {
  const { z, o, w } = s;
  const ud = len - 1;
  const ok = o[off + k];
  const zk = z[off + k];
  let total = 0;
  if (ok !== 0) {
    let n = w[off + ud];
    for (let j = ud - 1; j >= 0; j--) {
      const tmp = (n * (ud + 1)) / ((j + 1) * ok);
      total += tmp;
      n = w[off + j] - (tmp * zk * (ud - j)) / (ud + 1);
    }
  } else {
    for (let j = ud - 1; j >= 0; j--) total += (w[off + j] * (ud + 1)) / (zk * (ud - j));
  }
  return total;
}

// RECURSE: extend the path with the zero (cover share) and one (x takes this branch) fractions; at a
// leaf, credit each feature on the path.
function recurse(
  t: Tree,
  x: Float64Array,
  rowOffset: number,
  phi: Float64Array,
  phiOffset: number,
  s: ShapScratch,
  node: number,
  level: number,
  parentLen: number,
  pz: number,
  po: number,
  pi: number,
): void {
  const { stride, d, z, o, w } = s;
  const off = level * stride;
  if (level > 0) {
    // Each level works on its own copy of the parent's path, so siblings see the same path.
    const from = off - stride;
    for (let i = 0; i < parentLen; i++) {
      d[off + i] = d[from + i];
      z[off + i] = z[from + i];
      o[off + i] = o[from + i];
      w[off + i] = w[from + i];
    }
  }
  extend(s, off, parentLen, pz, po, pi);
  let len = parentLen + 1;
  const f = t.feature[node];
  if (f < 0) {
    // Element 0 is the root's placeholder, not a feature.
    for (let i = 1; i < len; i++) {
      const u = unwoundSum(s, off, len, i);
      phi[phiOffset + d[off + i]] += u * (o[off + i] - z[off + i]) * t.value[node];
    }
    return;
  }
  const v = x[rowOffset + f];
  const thr = t.threshold[node];
  const goLeft = v <= thr ? true : v > thr ? false : t.missingLeft[node] === 1;
  const hot = goLeft ? t.left[node] : t.right[node];
  const cold = goLeft ? t.right[node] : t.left[node];
  let iz = 1;
  let io = 1;
  // A feature met again on the path: undo its earlier extension and carry its fractions.
  for (let k = 1; k < len; k++) {
    if (d[off + k] === f) {
      iz = z[off + k];
      io = o[off + k];
      unwind(s, off, len, k);
      len -= 1;
      break;
    }
  }
  const c = t.cover[node];
  recurse(t, x, rowOffset, phi, phiOffset, s, hot, level + 1, len, (iz * t.cover[hot]) / c, io, f);
  recurse(t, x, rowOffset, phi, phiOffset, s, cold, level + 1, len, (iz * t.cover[cold]) / c, 0, f);
}
