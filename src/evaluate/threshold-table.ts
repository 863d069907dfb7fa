/**
 * Cumulative true and false positives at every distinct score, highest score first: the table
 * behind ROC, precision–recall, KS and lift. Same table as scikit-learn's `_binary_clf_curve`
 * (sklearn/metrics/_ranking.py): rows with tied scores enter together, which is what makes ROC-AUC
 * "exact, ties handled".
 *
 * Built by sorting the churners' and the non-churners' scores separately with the engine's native
 * numeric sort and merging them from the top — about ten times faster than sorting row indices
 * with a comparator, which matters for the bootstrap and for test splits of a million rows.
 */
import { checkScoredLabels } from './scored-labels.ts';

export interface ThresholdTable {
  /** Distinct scores, descending. */
  readonly thresholds: Float64Array;
  /** tps[k]: weight of positives with score ≥ thresholds[k]. */
  readonly tps: Float64Array;
  /** fps[k]: weight of negatives with score ≥ thresholds[k]. */
  readonly fps: Float64Array;
}

/** The scores of churners and of non-churners, each sorted ascending. */
export interface SplitScores {
  readonly positive: Float64Array;
  readonly negative: Float64Array;
}

export function splitSorted(scores: ArrayLike<number>, labels: ArrayLike<number>): SplitScores {
  let p = 0;
  for (let i = 0; i < labels.length; i++) p += labels[i];
  const positive = new Float64Array(p);
  const negative = new Float64Array(labels.length - p);
  let a = 0;
  let b = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) positive[a++] = scores[i];
    else negative[b++] = scores[i];
  }
  positive.sort();
  negative.sort();
  return { positive, negative };
}

/**
 * Walks both sorted lists from the top, one distinct score at a time, and calls `visit` with the
 * weight of churners and non-churners at that score. `positiveWeight[k]` weighs `positive[k]`
 * (default 1), which lets the bootstrap reuse one sort for every replicate. Cost: O(n).
 */
export function forEachThreshold(
  s: SplitScores,
  visit: (threshold: number, positives: number, negatives: number) => void,
  positiveWeight?: ArrayLike<number>,
  negativeWeight?: ArrayLike<number>,
): void {
  const { positive, negative } = s;
  let i = positive.length - 1;
  let j = negative.length - 1;
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? negative[j] : j < 0 ? positive[i] : Math.max(positive[i], negative[j]);
    let tp = 0;
    let fp = 0;
    while (i >= 0 && positive[i] === t) {
      tp += positiveWeight === undefined ? 1 : positiveWeight[i];
      i--;
    }
    while (j >= 0 && negative[j] === t) {
      fp += negativeWeight === undefined ? 1 : negativeWeight[j];
      j--;
    }
    visit(t, tp, fp);
  }
}

export function thresholdTableFromSplit(s: SplitScores): ThresholdTable {
  const n = s.positive.length + s.negative.length;
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let k = 0;
  let tp = 0;
  let fp = 0;
  forEachThreshold(s, (t, dTp, dFp) => {
    tp += dTp;
    fp += dFp;
    thresholds[k] = t;
    tps[k] = tp;
    fps[k] = fp;
    k++;
  });
  return { thresholds: thresholds.slice(0, k), tps: tps.slice(0, k), fps: fps.slice(0, k) };
}

export function thresholdTable(scores: ArrayLike<number>, labels: ArrayLike<number>): ThresholdTable {
  checkScoredLabels(scores, labels, 'thresholdTable');
  return thresholdTableFromSplit(splitSorted(scores, labels));
}
