/**
 * Best split of a node from its histograms — step three of histogram gradient boosting.
 * Our own implementation of the second-order gain of XGBoost (Chen & Guestrin 2016, eq. 7, with
 * γ = 0): gain = ½ [obj(L) + obj(R) − obj(parent)], where a child with gradient sum G, hessian
 * sum H and value v scores obj = −(2Gv + (H + λ)v²), which is G² / (H + λ) at the unconstrained
 * optimum v* = −G / (H + λ).
 *
 * Missing values get a learned default direction (XGBoost's sparsity-aware split, Algorithm 3):
 * every cut is scored twice, with the node's missing rows sent left and sent right.
 * Monotone constraints follow scikit-learn's HistGradientBoosting: child values are clipped to the
 * node's [lower, upper] bounds and a split whose children violate the direction is rejected.
 */
import { BIN_SLOTS, MISSING_BIN } from './binning.ts';
import { HIST_STRIDE } from './histogram.ts';

export interface SplitRules {
  /** λ, the L2 penalty on leaf values. */
  readonly l2: number;
  readonly minSamplesLeaf: number;
  readonly minHessianLeaf: number;
  readonly minGainToSplit: number;
  /** Per feature: +1 the margin may only rise with the value, −1 only fall, 0 free. */
  readonly monotone: Int8Array;
}

/** The sums of a node (or a side of a split). */
export interface NodeSums {
  readonly g: number;
  readonly h: number;
  readonly n: number;
}

export interface Split {
  readonly gain: number;
  readonly feature: number;
  /** Rows with bin <= bin go left. */
  readonly bin: number;
  /** Where missing values go (learned, or the larger child when the node saw none). */
  readonly missingLeft: boolean;
  readonly left: NodeSums;
  readonly right: NodeSums;
  /** Newton leaf values of the children, already clipped to the node's bounds. */
  readonly valueLeft: number;
  readonly valueRight: number;
}

/** Newton step −G/(H+λ) clipped to [lower, upper]. */
export function leafValue(g: number, h: number, l2: number, lower: number, upper: number): number {
  const v = -g / (h + l2);
  return v < lower ? lower : v > upper ? upper : v;
}

function objective(g: number, h: number, l2: number, v: number): number {
  return -(2 * g * v + (h + l2) * v * v);
}

/**
 * Scans every listed feature's bins and returns the split with the largest gain, or null when no
 * split passes the leaf rules. Ties keep the first found (lowest feature position, lowest bin), so
 * the result is deterministic.
 * Cost: features × (value bins) gain evaluations, independent of the node's row count.
 * @param valueBins number of value bins per feature (missing bin excluded)
 */
export function findBestSplit(
  hist: Float64Array,
  features: Int32Array,
  valueBins: Int32Array,
  node: NodeSums,
  rules: SplitRules,
  lower: number,
  upper: number,
): Split | null {
  const { l2, minSamplesLeaf, minHessianLeaf, monotone } = rules;
  const parentObj = objective(node.g, node.h, l2, leafValue(node.g, node.h, l2, lower, upper));
  let best: Split | null = null;
  let bestGain = rules.minGainToSplit;

  // One candidate; returns nothing, records into `best` when better.
  const consider = (f: number, bin: number, missingLeft: boolean, gl: number, hl: number, nl: number): void => {
    const gr = node.g - gl;
    const hr = node.h - hl;
    const nr = node.n - nl;
    if (nl < minSamplesLeaf || nr < minSamplesLeaf || hl < minHessianLeaf || hr < minHessianLeaf) return;
    const vl = leafValue(gl, hl, l2, lower, upper);
    const vr = leafValue(gr, hr, l2, lower, upper);
    const c = monotone[f];
    if ((c > 0 && vl > vr) || (c < 0 && vl < vr)) return;
    const gain = 0.5 * (objective(gl, hl, l2, vl) + objective(gr, hr, l2, vr) - parentObj);
    if (gain > bestGain) {
      bestGain = gain;
      best = {
        gain,
        feature: f,
        bin,
        missingLeft,
        left: { g: gl, h: hl, n: nl },
        right: { g: gr, h: hr, n: nr },
        valueLeft: vl,
        valueRight: vr,
      };
    }
  };

  for (let q = 0; q < features.length; q++) {
    const f = features[q];
    const base = f * BIN_SLOTS * HIST_STRIDE;
    const mo = base + MISSING_BIN * HIST_STRIDE;
    const gm = hist[mo];
    const hm = hist[mo + 1];
    const nm = hist[mo + 2];
    const nb = valueBins[f];
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let b = 0; b < nb - 1; b++) {
      const o = base + b * HIST_STRIDE;
      gl += hist[o];
      hl += hist[o + 1];
      nl += hist[o + 2];
      if (nm > 0) {
        consider(f, b, false, gl, hl, nl);
        consider(f, b, true, gl + gm, hl + hm, nl + nm);
      } else {
        // No missing rows here to learn from: send future ones to the larger child.
        consider(f, b, nl >= node.n - nl, gl, hl, nl);
      }
    }
    // Non-missing left, missing right: a split on "is the value known".
    if (nm > 0 && nb >= 1) {
      const o = base + (nb - 1) * HIST_STRIDE;
      consider(f, nb - 1, false, gl + hist[o], hl + hist[o + 1], nl + hist[o + 2]);
    }
  }
  return best;
}
