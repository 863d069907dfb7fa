/**
 * One fitted regression tree as parallel arrays indexed by node id (root = 0), read by the predictor,
 * TreeSHAP and the JSON artifact; no node objects, so a forest stays in cache while rows stream past.
 */
export interface Tree {
  /** Split feature of an internal node; −1 marks a leaf. */
  readonly feature: Int32Array;
  /** Raw-value threshold: x <= threshold goes left (+Infinity: every known value goes left). */
  readonly threshold: Float64Array;
  /** The same cut in bin codes: bin <= binThreshold goes left (used while training). */
  readonly binThreshold: Uint8Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Leaf: its contribution to the margin (learning rate applied). Internal: 0. */
  readonly value: Float64Array;
  /** Training rows that reached the node: the weights of TreeSHAP's conditional expectation. */
  readonly cover: Float64Array;
  readonly gain: Float64Array;
}

/** Depth of every node (root = 0); children come after their parents. */
export function nodeDepths(t: Tree): Int32Array {
  const depth = new Int32Array(t.feature.length);
  for (let n = 0; n < t.feature.length; n++) if (t.feature[n] >= 0) depth[t.left[n]] = depth[t.right[n]] = depth[n] + 1;
  return depth;
}

/** Depth of the deepest leaf (root alone = 0). */
export function treeDepth(t: Tree): number {
  const depth = nodeDepths(t);
  let deepest = 0;
  for (let n = 0; n < depth.length; n++) if (t.feature[n] < 0) deepest = Math.max(deepest, depth[n]);
  return deepest;
}

/** E[f(x)] under the training distribution (leaf values weighted by cover): TreeSHAP's base. */
export function expectedValue(t: Tree): number {
  let s = 0;
  for (let n = 0; n < t.feature.length; n++) if (t.feature[n] < 0) s += t.value[n] * t.cover[n];
  return s / t.cover[0];
}
