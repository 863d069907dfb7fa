/**
 * A fitted gradient-boosted tree ensemble as a `ChurnModel`: margin = baseline + Σ tree outputs,
 * contributions = exact TreeSHAP with base = the ensemble's expected value (from per-leaf tables,
 * leaf-shap-table.ts; Algorithm 2 for a tree too deep to tabulate). Large calls run on the worker
 * pool with the caller's thread count; the model shares its trees with the pool's threads once
 * and owns no thread.
 */
import { defaultThreads, workerPool, type SharedResource } from '../../parallel/pool.ts';
import type { Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions, ModelKind } from '../model.ts';
import { leafShapTable } from './leaf-shap-table.ts';
import { marginKernel, planForest, predictPlan, sharedForest, type ForestPlan } from './predict.ts';
import { runRows, runRowsAsync } from './row-jobs.ts';
import type { GbdtSpec } from './serialize.ts';
import { contributionsKernel, shapRowScratch, shapRows, type ShapForest } from './shap-rows.ts';
import { expectedValue, treeDepth, type Tree } from './tree.ts';

// From this many rows margin() shares the rows with the pool's threads, in chunks of a few ms of
// work; below, handing them over costs about what it saves.
const PARALLEL_ROWS = 16_384;
const MARGIN_CHUNK = 4096;
// A row's TreeSHAP costs about fifty times its margin, so a few hundred rows are worth sharing.
const PARALLEL_SHAP_ROWS = 256;
const SHAP_CHUNK = 64;

// What the model shared with the pool's threads is released when the model is collected.
const releaseWithModel = new FinalizationRegistry<SharedResource>((shared) => shared.release());

export class GbdtModel implements ChurnModel {
  readonly kind: ModelKind = 'gbdt';
  /** E[margin] over the training distribution as the trees saw it: TreeSHAP's base value. */
  readonly expectedValue: number;
  private readonly forest: ForestPlan;
  private readonly depth: number;
  private shap: ShapForest | undefined;
  /** The forest plan and the SHAP forest as shared with the pool, once a call needed threads. */
  private sharedPlan: SharedResource | undefined;
  private sharedShap: SharedResource | undefined;

  constructor(
    readonly featureNames: readonly string[],
    /** The starting margin: log-odds of the training churn rate. */
    readonly baseline: number,
    readonly trees: readonly Tree[],
  ) {
    this.forest = planForest(trees, featureNames.length);
    this.depth = trees.reduce((m, t) => Math.max(m, treeDepth(t)), 0);
    this.expectedValue = trees.reduce((s, t) => s + expectedValue(t), baseline);
  }

  /**
   * Rebuilds a model from a parsed GbdtSpec. Returns the problem as a value when the trees are not
   * well formed (unequal array lengths, a child id out of range or not after its parent, a feature
   * index past the feature names), so a corrupted artifact is reported rather than walked.
   */
  static fromSpec(spec: GbdtSpec): { ok: true; model: GbdtModel } | { ok: false; problem: string } {
    const trees: Tree[] = [];
    for (let k = 0; k < spec.trees.length; k++) {
      const t = spec.trees[k];
      const n = t.feature.length;
      const lengths = [t.threshold, t.binThreshold, t.missingLeft, t.left, t.right, t.value, t.cover, t.gain].map((a) => a.length);
      if (n === 0 || lengths.some((l) => l !== n)) return { ok: false, problem: `tree ${k}: node arrays differ in length or are empty` };
      for (let i = 0; i < n; i++) {
        if (t.feature[i] >= spec.featureNames.length) return { ok: false, problem: `tree ${k}, node ${i}: feature ${t.feature[i]} out of range` };
        // Children after their parent rules out cycles and lets depth be computed in one pass.
        if (t.feature[i] >= 0 && !(t.left[i] > i && t.left[i] < n && t.right[i] > i && t.right[i] < n)) {
          return { ok: false, problem: `tree ${k}, node ${i}: child id out of range` };
        }
      }
      trees.push({
        feature: Int32Array.from(t.feature),
        threshold: Float64Array.from(t.threshold, (v) => (v === null ? Number.POSITIVE_INFINITY : v)),
        binThreshold: Uint8Array.from(t.binThreshold),
        missingLeft: Uint8Array.from(t.missingLeft, (b) => (b ? 1 : 0)),
        left: Int32Array.from(t.left),
        right: Int32Array.from(t.right),
        value: Float64Array.from(t.value),
        cover: Float64Array.from(t.cover),
        gain: Float64Array.from(t.gain),
      });
    }
    return { ok: true, model: new GbdtModel(spec.featureNames, spec.baseline, trees) };
  }

  /**
   * Raw log-odds of every row, on up to `threads` threads (the calling one included) for a large
   * matrix: the same bits with any count. A matrix outside shared memory is copied to it block by
   * block for the pool's threads (see row-jobs.ts).
   */
  margin(x: Matrix, into?: Float64Array, threads = defaultThreads()): Float64Array {
    this.checkColumns(x);
    const out: Float64Array = into !== undefined && into.length >= x.rows ? into.subarray(0, x.rows) : new Float64Array(x.rows);
    if (threads < 2 || x.rows < PARALLEL_ROWS) return predictPlan(this.forest, x, this.baseline, out);
    runRows(marginKernel, this.planShared().id, x, out, 1, MARGIN_CHUNK, threads);
    return out;
  }

  /**
   * The margins of x into `into`, computed by the pool's worker threads while the caller goes on
   * (a batch job reads its next chunk meanwhile); with one thread, here before the promise
   * resolves. x must not change until it resolves. The same bits as `margin`.
   */
  async marginAsync(x: Matrix, into: Float64Array, threads = defaultThreads()): Promise<Float64Array> {
    this.checkColumns(x);
    if (into.length < x.rows) throw new Error(`GbdtModel.marginAsync: ${into.length} slots for ${x.rows} margins`);
    const out = into.subarray(0, x.rows);
    if (threads < 2 || x.rows === 0) return predictPlan(this.forest, x, this.baseline, out);
    await runRowsAsync(marginKernel, this.planShared().id, x, out, 1, MARGIN_CHUNK, threads);
    return out;
  }

  /**
   * TreeSHAP contributions of every row, on up to `threads` threads from a few hundred rows; the
   * same bits with any count. Cost: rows × trees × O(leaves · depth) from the tables
   * (O(leaves · depth²) for an untabulated tree).
   */
  contributions(x: Matrix, into?: Float64Array, threads = defaultThreads()): Contributions {
    this.checkColumns(x);
    const cells = x.rows * x.cols;
    // TreeSHAP adds into the values, so a reused buffer starts from zero.
    const values = into !== undefined && into.length >= cells ? into.subarray(0, cells).fill(0) : new Float64Array(cells);
    const forest = this.shapForest();
    if (threads < 2 || x.rows < PARALLEL_SHAP_ROWS) shapRows(forest, x.data, x.cols, 0, x.rows, values, 0, shapRowScratch(forest));
    else runRows(contributionsKernel, this.shapShared().id, x, values, x.cols, SHAP_CHUNK, threads);
    return { base: this.expectedValue, values };
  }

  /** Per-leaf SHAP tables, built on the first call (tens of ms for 100 trees of depth 6) and kept. */
  private shapForest(): ShapForest {
    this.shap ??= {
      trees: this.trees,
      tables: this.trees.map(leafShapTable),
      depth: this.depth,
      maxNodes: this.trees.reduce((n, t) => Math.max(n, t.feature.length), 0),
    };
    return this.shap;
  }

  private planShared(): SharedResource {
    this.sharedPlan ??= this.share(sharedForest(this.forest, this.baseline));
    return this.sharedPlan;
  }

  private shapShared(): SharedResource {
    if (this.sharedShap === undefined) {
      const forest = this.shapForest();
      // The tables (up to 512 KB a tree) go to shared memory: the threads read one copy.
      const tables = forest.tables.map((t) => (t === null ? null : { ...t, table: inSharedMemory(t.table) }));
      this.sharedShap = this.share({ ...forest, tables });
    }
    return this.sharedShap;
  }

  private share(value: unknown): SharedResource {
    const shared = workerPool().share(value);
    releaseWithModel.register(this, shared);
    return shared;
  }

  private checkColumns(x: Matrix): void {
    if (x.cols !== this.featureNames.length) {
      throw new Error(`GbdtModel: matrix has ${x.cols} columns, the model was trained on ${this.featureNames.length}`);
    }
  }
}

function inSharedMemory(a: Float64Array): Float64Array {
  const copy = new Float64Array(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}
