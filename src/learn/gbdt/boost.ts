/**
 * The boosting loop: trees fitted one after another to the log-loss gradients of the current margins
 * (Friedman 2001, Newton leaf values as XGBoost and scikit-learn's HistGradientBoosting). Subsamples
 * come from one seeded xoroshiro128+ stream; early stopping keeps the trees up to the best iteration.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { defaultThreads, workerPool } from '../../parallel/pool.ts';
import type { Matrix } from '../matrix.ts';
import { applyBins, fitBins, valueBins as countValueBins } from './binning.ts';
import { growScratch, growTree } from './grow.ts';
import { baselineMargin, gradients, meanLogLoss } from './loss.ts';
import { GbdtModel } from './model.ts';
import { GbdtParams, type GbdtParamsInput } from './params.ts';
import { addTreeBinned } from './predict.ts';
import type { Tree } from './tree.ts';

export interface GbdtTraining {
  readonly model: GbdtModel;
  /** Validation log-loss after each iteration (empty without a validation split). */
  readonly validLoss: number[];
  /** Number of trees kept. */
  readonly bestIteration: number;
}

/**
 * Trains a binary GBDT on x (NaN = missing) and labels y ∈ {0, 1}. Throws on mismatched shapes or
 * labels that are not 0/1 (programming errors: the pipeline validates user data first).
 */
export function trainGbdt(
  x: Matrix,
  y: Uint8Array,
  params: GbdtParamsInput = {},
  valid?: { x: Matrix; y: Uint8Array },
  featureNames?: readonly string[],
): GbdtTraining {
  const p = GbdtParams.parse(params);
  if (y.length !== x.rows) throw new Error(`trainGbdt: ${x.rows} rows but ${y.length} labels`);
  for (let i = 0; i < y.length; i++) if (y[i] > 1) throw new Error(`trainGbdt: label ${y[i]} at row ${i} is not 0/1`);
  if (p.monotone && p.monotone.length !== x.cols) throw new Error(`trainGbdt: ${p.monotone.length} monotone constraints for ${x.cols} features`);
  if (valid && (valid.x.cols !== x.cols || valid.y.length !== valid.x.rows)) throw new Error('trainGbdt: validation split does not match');
  const names = featureNames ?? Array.from({ length: x.cols }, (_, j) => `f${j}`);
  if (names.length !== x.cols) throw new Error(`trainGbdt: ${names.length} feature names for ${x.cols} columns`);
  return boost(x, y, p, valid, names);
}

// Below this many training rows (unless `nThreads` says otherwise) sharing the work costs what it saves.
const MIN_PARALLEL_ROWS = 20_000;

function boost(x: Matrix, y: Uint8Array, p: GbdtParams, valid: { x: Matrix; y: Uint8Array } | undefined, names: readonly string[]): GbdtTraining {
  const n = x.rows;
  const threads = p.nThreads ?? (n < MIN_PARALLEL_ROWS ? 1 : defaultThreads());
  const mapper = fitBins(x, p.maxBins);
  const binned = applyBins(mapper, x, threads > 1);
  const vBinned = valid ? applyBins(mapper, valid.x) : null;
  const valueBins = Int32Array.from({ length: x.cols }, (_, j) => countValueBins(mapper, j));
  const rules = {
    l2: p.l2Regularization,
    minSamplesLeaf: p.minSamplesLeaf,
    minHessianLeaf: p.minHessianLeaf,
    minGainToSplit: p.minGainToSplit,
    monotone: Int8Array.from(p.monotone ?? new Array<number>(x.cols).fill(0)),
  };
  const grow = { rules, growth: p.growth, maxLeaves: p.maxLeafNodes, maxDepth: p.maxDepth, learningRate: p.learningRate };

  const baseline = baselineMargin(y);
  const margin = new Float64Array(n).fill(baseline);
  const vMargin = valid ? new Float64Array(valid.x.rows).fill(baseline) : null;
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const rng = xoroshiro128plus(p.seed);
  const nCols = Math.max(1, Math.round(p.colsampleByTree * x.cols));
  const allFeatures = Int32Array.from({ length: x.cols }, (_, j) => j);

  const trees: Tree[] = [];
  const validLoss: number[] = [];
  let best = Number.POSITIVE_INFINITY;
  let bestIteration = 0;
  // With worker threads the bin codes, read-only for the whole fit, are shared with them once.
  const shared = threads > 1 ? workerPool().share(binned) : null;
  try {
    const scratch = growScratch(n, x.cols, shared === null ? null : { threads, binned: shared.id });
    const idx = new Uint32Array(shared === null ? new ArrayBuffer(4 * n) : new SharedArrayBuffer(4 * n));
    for (let it = 0; it < p.maxIter; it++) {
      gradients(y, margin, grad, hess);
      const m = p.subsample < 1 ? sampleRows(n, p.subsample, rng, idx) : fillRange(idx);
      const features = nCols < x.cols ? sampleFeatures(x.cols, nCols, rng) : allFeatures;
      const rowsUsed = idx.subarray(0, m);
      const { tree, leaves } = growTree(
        { binned, edges: mapper.edges, valueBins, grad, hess, idx: rowsUsed, features },
        grow,
        scratch,
      );
      trees.push(tree);
      if (m === n) {
        // Every row sits in exactly one leaf range: add the leaf value without walking the tree.
        for (const leaf of leaves) {
          const v = tree.value[leaf.node];
          for (let k = leaf.start; k < leaf.end; k++) margin[rowsUsed[k]] += v;
        }
      } else {
        addTreeBinned(tree, binned, margin);
      }
      if (valid && vBinned && vMargin) {
        addTreeBinned(tree, vBinned, vMargin);
        const loss = meanLogLoss(valid.y, vMargin);
        validLoss.push(loss);
        if (loss < best - p.tol) {
          best = loss;
          bestIteration = it + 1;
        } else if (p.nIterNoChange !== null && it + 1 - bestIteration >= p.nIterNoChange) {
          break;
        }
      }
    }
  } finally {
    shared?.release();
  }
  // Without early stopping (nIterNoChange null) every tree asked for is kept, as in scikit-learn.
  const kept = valid && p.nIterNoChange !== null ? trees.slice(0, Math.max(1, bestIteration)) : trees;
  return { model: new GbdtModel(names, baseline, kept), validLoss, bestIteration: kept.length };
}

function fillRange(idx: Uint32Array): number {
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.length;
}

/** Bernoulli row sample, ascending (the histogram loop then reads the bin columns forward). */
function sampleRows(n: number, fraction: number, rng: ReturnType<typeof xoroshiro128plus>, idx: Uint32Array): number {
  const cut = Math.floor(fraction * 4294967296);
  let m = 0;
  for (let i = 0; i < n; i++) if (rng.next() >>> 0 < cut) idx[m++] = i;
  if (m === 0) idx[m++] = 0;
  return m;
}

/** k distinct features by a partial Fisher–Yates shuffle, returned ascending. */
function sampleFeatures(cols: number, k: number, rng: ReturnType<typeof xoroshiro128plus>): Int32Array {
  const all = Int32Array.from({ length: cols }, (_, j) => j);
  for (let i = 0; i < k; i++) {
    const r = i + Math.floor(((rng.next() >>> 0) / 4294967296) * (cols - i));
    const t = all[i];
    all[i] = all[r];
    all[r] = t;
  }
  return all.slice(0, k).sort();
}
