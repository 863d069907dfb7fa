/**
 * A fitted gradient-boosted tree ensemble as a `ChurnModel`: margin = baseline + Σ tree outputs,
 * contributions = exact TreeSHAP with base = the ensemble's expected value (from per-leaf tables,
 * leaf-shap-table.ts; Algorithm 2 for a tree too deep to tabulate).
 */
import { availableParallelism } from 'node:os';
import type { Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions, ModelKind } from '../model.ts';
import { planForest, predictPlan, type ForestPlan } from './predict.ts';
import { PredictionTeam } from './predict-team.ts';
import type { GbdtSpec } from './serialize.ts';
import { expectedValue, treeDepth, type Tree } from './tree.ts';
import { leafShapTable, type LeafShapTable } from './leaf-shap-table.ts';
import { ShapTeam, shapRows } from './shap-team.ts';
import { shapScratch } from './treeshap.ts';

// From this many rows margin() predicts with worker threads. Below, the workers' start (their
// threads, a few ms on the main thread and 30–80 ms of CPU in each worker, measured) costs about
// what they would save on a one-off call; a live team is used for any size.
const PARALLEL_ROWS = 50_000;
// From this many rows contributions() shares the work with worker threads: at ~0.2 ms a row for
// 100 trees of depth 6, a few hundred rows already outweigh handing them over.
const PARALLEL_SHAP_ROWS = 256;
/** Threads of the model's worker teams, the calling thread included. */
const THREADS = Math.min(4, availableParallelism());

// A model dropped without close() takes its workers with it when it is collected.
const closeWithModel = new FinalizationRegistry<{ close(): void }>((team) => team.close());

export class GbdtModel implements ChurnModel {
  readonly kind: ModelKind = 'gbdt';
  /** E[margin] over the training distribution as the trees saw it: TreeSHAP's base value. */
  readonly expectedValue: number;
  private readonly forest: ForestPlan;
  private readonly depth: number;
  /** Prediction workers: undefined until a large matrix asks for them, null if they cannot run. */
  private team: PredictionTeam | null | undefined;
  private tables: (LeafShapTable | null)[] | undefined;
  /** SHAP workers, as `team`. */
  private shapWorkers: ShapTeam | null | undefined;

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
   * Raw log-odds of every row. Large matrices are shared with worker threads (up to 4, started on
   * first use and kept for the next call); the margins are the same bits either way.
   */
  margin(x: Matrix, into?: Float64Array): Float64Array {
    this.checkColumns(x);
    const out: Float64Array = into !== undefined && into.length >= x.rows ? into.subarray(0, x.rows) : new Float64Array(x.rows);
    const team = x.rows >= PARALLEL_ROWS || this.team ? this.predictionTeam() : null;
    return team ? team.predict(x, this.baseline, out) : predictPlan(this.forest, x, this.baseline, out);
  }

  /**
   * The margins of x into `into`, predicted by a worker while the caller goes on (a batch job
   * reads its next chunk meanwhile; see `PredictionTeam.predictAsync`). A worker takes x only when
   * its data and `into` live in shared memory (`sharedMatrix`, `designData(n, true)`); otherwise,
   * or without workers, the margins are computed here before the promise resolves. The same bits
   * as `margin`.
   */
  async marginAsync(x: Matrix, into: Float64Array): Promise<Float64Array> {
    this.checkColumns(x);
    if (into.length < x.rows) throw new Error(`GbdtModel.marginAsync: ${into.length} slots for ${x.rows} margins`);
    const out = into.subarray(0, x.rows);
    const team = this.predictionTeam();
    return team ? team.predictAsync(x, this.baseline, out) : predictPlan(this.forest, x, this.baseline, out);
  }

  /** Ends the prediction and SHAP workers, if any (they never keep a process alive; this frees them now). */
  close(): void {
    for (const team of [this.team, this.shapWorkers]) {
      if (!team) continue;
      closeWithModel.unregister(team);
      team.close();
    }
    this.team = undefined;
    this.shapWorkers = undefined;
  }

  /** Cost: rows × trees × O(leaves · depth) from the tables (O(leaves · depth²) for an untabulated tree). */
  contributions(x: Matrix, into?: Float64Array): Contributions {
    this.checkColumns(x);
    const cells = x.rows * x.cols;
    // TreeSHAP adds into the values, so a reused buffer starts from zero.
    const values = into !== undefined && into.length >= cells ? into.subarray(0, cells).fill(0) : new Float64Array(cells);
    const tables = this.shapTables();
    const scratch = shapScratch(this.depth);
    const patterns = new Int32Array(this.trees.reduce((n, t) => Math.max(n, t.feature.length), 0));
    const alone = (from: number, to: number, into: Float64Array): void => shapRows(this.trees, tables, x.data, x.cols, from, to, into, scratch, patterns);
    const team = x.rows >= PARALLEL_SHAP_ROWS ? this.shapTeam(tables) : null;
    if (team) team.contributions(x, values, alone);
    else alone(0, x.rows, values);
    return { base: this.expectedValue, values };
  }

  private shapTeam(tables: readonly (LeafShapTable | null)[]): ShapTeam | null {
    this.shapWorkers = this.kept(this.shapWorkers, () => ShapTeam.start(this.trees, tables, this.featureNames.length, this.depth, THREADS));
    return this.shapWorkers;
  }


  /** Per-leaf SHAP tables, built on the first call (tens of ms for 100 trees of depth 6) and kept. */
  private shapTables(): readonly (LeafShapTable | null)[] {
    this.tables ??= this.trees.map(leafShapTable);
    return this.tables;
  }

  private predictionTeam(): PredictionTeam | null {
    this.team = this.kept(this.team, () => PredictionTeam.start(this.forest, THREADS));
    return this.team;
  }

  /**
   * A worker team the model keeps: started on first use (`current` undefined) and registered to
   * close with the model; once it has lost a worker it is dropped, not restarted, and the model
   * computes alone from then on.
   */
  private kept<T extends { readonly usable: boolean; close(): void }>(current: T | null | undefined, start: () => T | null): T | null {
    let team = current;
    if (team === undefined) {
      team = start();
      if (team) closeWithModel.register(this, team, team);
    }
    if (team && !team.usable) {
      closeWithModel.unregister(team);
      team = null;
    }
    return team;
  }


  private checkColumns(x: Matrix): void {
    if (x.cols !== this.featureNames.length) {
      throw new Error(`GbdtModel: matrix has ${x.cols} columns, the model was trained on ${this.featureNames.length}`);
    }
  }
}
