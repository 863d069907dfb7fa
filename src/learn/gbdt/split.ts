/**
 * Best split of a node from its histograms, by XGBoost's second-order gain (Chen & Guestrin 2016,
 * eq. 7, γ = 0): ½ [obj(L) + obj(R) − obj(parent)], obj = −(2Gv + (H + λ)v²), = G²/(H + λ) at
 * v* = −G/(H + λ). Missing rows are tried on both sides (XGBoost's Algorithm 3); monotone constraints
 * clip child values to the node's bounds and reject a wrong-way split (scikit-learn's scheme).
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
 * The split with the largest gain over the listed features' bins, or null when none passes the leaf
 * rules; ties keep the lowest feature position and bin. `valueBins` excludes the missing bin.
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
  const G = node.g;
  const H = node.h;
  const N = node.n;
  const parentObj = objective(G, H, l2, leafValue(G, H, l2, lower, upper));
  // The best candidate so far, in scalars: this loop runs features × bins × 2 times per node, so
  // it allocates nothing and calls nothing; the formulas are leafValue and objective written out.
  let bestGain = rules.minGainToSplit;
  let bestF = -1;
  let bestBin = 0;
  let bestMissingLeft = false;
  let bestGl = 0;
  let bestHl = 0;
  let bestNl = 0;

  for (let q = 0; q < features.length; q++) {
    const f = features[q];
    const c = monotone[f];
    const base = f * BIN_SLOTS * HIST_STRIDE;
    const mo = base + MISSING_BIN * HIST_STRIDE;
    const gm = hist[mo];
    const hm = hist[mo + 1];
    const nm = hist[mo + 2];
    const nb = valueBins[f];
    let gl = 0;
    let hl = 0;
    let nl = 0;
    // Bins 0..nb−2 are cuts with known values on both sides; with missing rows, one more cut
    // (all known values left, missing right) splits on "is the value known".
    const last = nm > 0 && nb >= 1 ? nb - 1 : nb - 2;
    for (let b = 0; b <= last; b++) {
      const o = base + b * HIST_STRIDE;
      gl += hist[o];
      hl += hist[o + 1];
      nl += hist[o + 2];
      // Missing rows sent right (side 0), then left (side 1); without missing rows in the node,
      // future ones go to the larger child.
      const sides = nm > 0 && b < nb - 1 ? 2 : 1;
      for (let side = 0; side < sides; side++) {
        const cgl = side === 0 ? gl : gl + gm;
        const chl = side === 0 ? hl : hl + hm;
        const cnl = side === 0 ? nl : nl + nm;
        const gr = G - cgl;
        const hr = H - chl;
        const nr = N - cnl;
        if (cnl < minSamplesLeaf || nr < minSamplesLeaf || chl < minHessianLeaf || hr < minHessianLeaf) continue;
        let vl = -cgl / (chl + l2);
        vl = vl < lower ? lower : vl > upper ? upper : vl;
        let vr = -gr / (hr + l2);
        vr = vr < lower ? lower : vr > upper ? upper : vr;
        if ((c > 0 && vl > vr) || (c < 0 && vl < vr)) continue;
        const gain = 0.5 * (-(2 * cgl * vl + (chl + l2) * vl * vl) + -(2 * gr * vr + (hr + l2) * vr * vr) - parentObj);
        if (gain > bestGain) {
          bestGain = gain;
          bestF = f;
          bestBin = b;
          bestMissingLeft = nm > 0 ? side === 1 : cnl >= N - cnl;
          bestGl = cgl;
          bestHl = chl;
          bestNl = cnl;
        }
      }
    }
  }
  if (bestF < 0) return null;
  const gr = G - bestGl;
  const hr = H - bestHl;
  return {
    gain: bestGain,
    feature: bestF,
    bin: bestBin,
    missingLeft: bestMissingLeft,
    left: { g: bestGl, h: bestHl, n: bestNl },
    right: { g: gr, h: hr, n: N - bestNl },
    valueLeft: leafValue(bestGl, bestHl, l2, lower, upper),
    valueRight: leafValue(gr, hr, l2, lower, upper),
  };
}

