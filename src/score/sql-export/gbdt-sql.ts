/**
 * The GBDT margin as SQL: baseline + one nested CASE per tree, each internal node
 * `CASE WHEN [x IS NULL OR] x <= threshold THEN <left> ELSE <right> END`: `predictForest`'s rule with NULL for
 * NaN, which goes to the learned missing direction. A threshold of +∞ (every known value left) drops the comparison.
 */
import type { GbdtSpec, TreeSpec } from '../../learn/gbdt/serialize.ts';
import { doubleLiteral } from './sql-literal.ts';

function nodeSql(tree: TreeSpec, node: number, columns: readonly string[]): string {
  const f = tree.feature[node];
  if (f < 0) return doubleLiteral(tree.value[node]);
  const x = columns[f];
  const left = nodeSql(tree, tree.left[node], columns);
  const right = nodeSql(tree, tree.right[node], columns);
  const threshold = tree.threshold[node];
  const missingLeft = tree.missingLeft[node];
  // Each subtree is written once: NULL <= t is unknown, so a missing value falls to ELSE (right)
  // unless the learned direction is left, which the IS NULL test adds to the left branch.
  if (threshold === null) return missingLeft ? left : `CASE WHEN ${x} IS NULL THEN ${right} ELSE ${left} END`;
  const goLeft = missingLeft ? `${x} IS NULL OR ${x} <= ${doubleLiteral(threshold)}` : `${x} <= ${doubleLiteral(threshold)}`;
  return `CASE WHEN ${goLeft} THEN ${left} ELSE ${right} END`;
}

export function gbdtMarginSql(spec: GbdtSpec, columns: readonly string[]): string {
  if (spec.featureNames.length !== columns.length) {
    throw new Error(`gbdtMarginSql: the model has ${spec.featureNames.length} features, the preprocessor ${columns.length} columns`);
  }
  spec.trees.forEach((t, k) => {
    for (let n = 0; n < t.feature.length; n++) {
      const f = t.feature[n];
      if (f >= columns.length) throw new Error(`gbdtMarginSql: tree ${k}, node ${n}: feature ${f} out of range`);
      if (f >= 0 && !(t.left[n] > n && t.right[n] > n && t.left[n] < t.feature.length && t.right[n] < t.feature.length)) {
        throw new Error(`gbdtMarginSql: tree ${k}, node ${n}: child id out of range`);
      }
    }
  });
  const terms = [doubleLiteral(spec.baseline), ...spec.trees.map((t) => nodeSql(t, 0, columns))];
  return `(${terms.join('\n  + ')})`;
}
