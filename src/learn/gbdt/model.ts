/**
 * A fitted gradient-boosted tree ensemble as a `ChurnModel`: margin = baseline + Σ tree outputs,
 * contributions = exact TreeSHAP with base = the ensemble's expected value. Large calls run on the
 * worker pool with the caller's thread count; the model owns no thread.
 */
import { defaultThreads, workerPool, type SharedResource } from '../../parallel/pool.ts';
import { designDataCopy, type Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions, ModelKind } from '../model.ts';
import { leafShapTable } from './leaf-shap-table.ts';
import { marginKernel, planForest, predictPlan, sharedForest, type ForestPlan } from './predict.ts';
import { runRows, runRowsAsync } from './row-jobs.ts';
import { contributionsKernel, shapRowScratch, shapRows, type ShapForest } from './shap-rows.ts';
import { expectedValue, treeDepth, type Tree } from './tree.ts';

// Below this many rows handing them to the pool costs about what it saves.
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

  /** Raw log-odds of every row, on up to `threads` threads for a large matrix: the same bits with any count. */
  margin(x: Matrix, into?: Float64Array, threads = defaultThreads()): Float64Array {
    this.checkColumns(x);
    const out: Float64Array = into !== undefined && into.length >= x.rows ? into.subarray(0, x.rows) : new Float64Array(x.rows);
    if (threads < 2 || x.rows < PARALLEL_ROWS) return predictPlan(this.forest, x, this.baseline, out);
    runRows(marginKernel, this.planShared().id, x, out, 1, MARGIN_CHUNK, threads);
    return out;
  }

  /** `margin` computed by the pool's threads while the caller goes on; x must not change until it resolves. */
  async marginAsync(x: Matrix, into: Float64Array, threads = defaultThreads()): Promise<Float64Array> {
    this.checkColumns(x);
    if (into.length < x.rows) throw new Error(`GbdtModel.marginAsync: ${into.length} slots for ${x.rows} margins`);
    const out = into.subarray(0, x.rows);
    if (threads < 2 || x.rows === 0) return predictPlan(this.forest, x, this.baseline, out);
    await runRowsAsync(marginKernel, this.planShared().id, x, out, 1, MARGIN_CHUNK, threads);
    return out;
  }

  /** TreeSHAP contributions of every row, on up to `threads` threads: the same bits with any count. */
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

  /** Per-leaf SHAP tables, built on the first call and kept. */
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
      const tables = forest.tables.map((t) => (t === null ? null : { ...t, table: designDataCopy(t.table, true) }));
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
