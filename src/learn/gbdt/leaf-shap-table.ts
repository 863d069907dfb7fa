/**
 * Exact TreeSHAP from per-leaf tables, in the manner of Fast TreeSHAP v2 (Yang 2021): per row, one pass
 * over a tree's nodes hands each leaf its pattern and the leaf adds one table row, O(L·D) instead of
 * O(L·D²). Algorithm 2's sums in another order, so the values agree with treeShap to rounding.
 */
import { extend, shapScratch, unwoundSum } from './treeshap.ts';
import type { Tree } from './tree.ts';

/** 2^12 patterns × 12 features: 393 KB for such a leaf, the most worth tabulating. */
const MAX_TABLE_FEATURES = 12;
/** A tree's tables stay under 512 KB (a depth-6 tree of 64 leaves needs at most 196 KB). */
const MAX_TABLE_ENTRIES = 1 << 16;

export interface LeafShapTable {
  /**
   * A split node's slot of its feature among its paths' distinct features (in order of first
   * appearance from the root, so every leaf below agrees); a leaf's index l as LEAF + l.
   */
  readonly nodeSlot: Int32Array;
  /** For each leaf: first entry in `features`, and the count m. */
  readonly featureStart: Int32Array;
  readonly featureCount: Int32Array;
  /** Distinct features of every leaf's path, in slot order. */
  readonly features: Int32Array;
  /** For each leaf: first entry of its table, 2^m rows × m values, row = pattern of o's (bit k = o_k). */
  readonly tableStart: Int32Array;
  readonly table: Float64Array;
}

/** nodeSlot's offset for leaves. */
const LEAF = -1_000_000;

/**
 * The tables of one tree. In Algorithm 2 a leaf credits each distinct path feature k with
 * v·(o_k − z_k)·U_k: z_k the cover share of the path's splits on k, o_k ∈ {0, 1} whether the row
 * follows them all, U_k depending on the row only through the o's. So the 2^m patterns of a path's
 * m features are tabulated once. Null (left to treeShap) past `MAX_TABLE_FEATURES` or `MAX_TABLE_ENTRIES`.
 */
export function leafShapTable(t: Tree): LeafShapTable | null {
  const leaves: { splits: { node: number; feature: number; left: boolean }[]; leaf: number }[] = [];
  const walk = (node: number, path: { node: number; feature: number; left: boolean }[]): void => {
    const f = t.feature[node];
    if (f < 0) {
      leaves.push({ splits: path, leaf: node });
      return;
    }
    walk(t.left[node], [...path, { node, feature: f, left: true }]);
    walk(t.right[node], [...path, { node, feature: f, left: false }]);
  };
  walk(0, []);
  const slotsOf = leaves.map(({ splits }) => {
    const features: number[] = [];
    for (const s of splits) if (!features.includes(s.feature)) features.push(s.feature);
    return features;
  });
  if (slotsOf.some((f) => f.length > MAX_TABLE_FEATURES)) return null;
  const totalTable = slotsOf.reduce((n, f) => n + (1 << f.length) * f.length, 0);
  if (totalTable > MAX_TABLE_ENTRIES) return null;

  const nLeaves = leaves.length;
  const totalFeatures = slotsOf.reduce((n, f) => n + f.length, 0);
  const out = {
    nodeSlot: new Int32Array(t.feature.length),
    featureStart: new Int32Array(nLeaves),
    featureCount: new Int32Array(nLeaves),
    features: new Int32Array(totalFeatures),
    tableStart: new Int32Array(nLeaves),
    table: new Float64Array(totalTable),
  };
  const depth = leaves.reduce((d, l) => Math.max(d, l.splits.length), 0);
  const scratch = shapScratch(depth);
  let fi = 0;
  let ti = 0;
  for (let l = 0; l < nLeaves; l++) {
    const { splits, leaf } = leaves[l];
    const features = slotsOf[l];
    const m = features.length;
    out.nodeSlot[leaf] = LEAF + l;
    for (const s of splits) out.nodeSlot[s.node] = features.indexOf(s.feature);
    out.featureStart[l] = fi;
    out.featureCount[l] = m;
    out.features.set(features, fi);
    fi += m;
    // z_k: the cover share of the path's splits on feature k.
    const z = new Float64Array(m).fill(1);
    let parent = 0;
    for (let k = 0; k < splits.length; k++) {
      const child = k + 1 < splits.length ? splits[k + 1].node : leaf;
      z[features.indexOf(splits[k].feature)] *= t.cover[child] / t.cover[parent];
      parent = child;
    }
    out.tableStart[l] = ti;
    for (let pattern = 0; pattern < 1 << m; pattern++) {
      // The path as Algorithm 2 leaves it at this leaf: the root's placeholder, then each feature.
      extend(scratch, 0, 0, 1, 1, -1);
      for (let k = 0; k < m; k++) extend(scratch, 0, k + 1, z[k], (pattern >> k) & 1, features[k]);
      for (let k = 0; k < m; k++) {
        const o = (pattern >> k) & 1;
        out.table[ti++] = unwoundSum(scratch, 0, m + 1, k + 1) * (o - z[k]) * t.value[leaf];
      }
    }
  }
  return out;
}

/** Adds the tree's SHAP values of the row at x[rowOffset] into phi[phiOffset + j]; `patterns`: ≥ nodes long. */
export function tableShap(t: Tree, s: LeafShapTable, x: Float64Array, rowOffset: number, phi: Float64Array, phiOffset: number, patterns: Int32Array): void {
  // Node order (children after parents): each node passes its pattern of o's down, clearing its
  // feature's bit on the branch the row does not take; a leaf reads its table row.
  const n = t.feature.length;
  patterns[0] = -1;
  for (let node = 0; node < n; node++) {
    const slot = s.nodeSlot[node];
    const pattern = patterns[node];
    if (slot >= 0) {
      const v = x[rowOffset + t.feature[node]];
      const thr = t.threshold[node];
      const left = v <= thr ? true : v > thr ? false : t.missingLeft[node] === 1;
      const cleared = pattern & ~(1 << slot);
      patterns[t.left[node]] = left ? pattern : cleared;
      patterns[t.right[node]] = left ? cleared : pattern;
      continue;
    }
    const l = slot - LEAF;
    const m = s.featureCount[l];
    const row = s.tableStart[l] + (pattern & ((1 << m) - 1)) * m;
    const f0 = s.featureStart[l];
    for (let k = 0; k < m; k++) phi[phiOffset + s.features[f0 + k]] += s.table[row + k];
  }
}
