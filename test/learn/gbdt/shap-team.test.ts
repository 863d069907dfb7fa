import { afterAll, describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { leafShapTable } from '../../../src/learn/gbdt/leaf-shap-table.ts';
import { ShapTeam, shapRows } from '../../../src/learn/gbdt/shap-team.ts';
import { treeDepth } from '../../../src/learn/gbdt/tree.ts';
import { shapScratch } from '../../../src/learn/gbdt/treeshap.ts';
import { synthetic } from './dataset.ts';

describe('ShapTeam', () => {
  const { x, y } = synthetic(5000, 6, 41, 0.1);
  const { model } = trainGbdt(x, y, { maxIter: 15, maxLeafNodes: 31, minSamplesLeaf: 5 });
  const depth = Math.max(...model.trees.map(treeDepth));
  // One tree left to Algorithm 2, as a tree too deep to tabulate would be.
  const tables = model.trees.map((t, k) => (k === 3 ? null : leafShapTable(t)));
  const alone = (from: number, to: number, into: Float64Array): void =>
    shapRows(model.trees, tables, x.data, x.cols, from, to, into, shapScratch(depth), new Int32Array(200));
  const teams: ShapTeam[] = [];
  afterAll(() => teams.forEach((t) => t.close()));

  async function started(threads: number): Promise<ShapTeam> {
    const team = ShapTeam.start(model.trees, tables, x.cols, depth, threads)!;
    teams.push(team);
    expect(team).not.toBeNull();
    // Workers come up in the background; a call before that computes alone.
    await new Promise((r) => setTimeout(r, 500));
    return team;
  }

  it('gives bit-identical contributions with worker threads, over several rounds', async () => {
    const reference = new Float64Array(x.rows * x.cols);
    alone(0, x.rows, reference);
    for (const threads of [2, 3]) {
      const team = await started(threads);
      const values = new Float64Array(x.rows * x.cols);
      team.contributions(x, values, alone);
      expect(values.every((v, k) => Object.is(v, reference[k]))).toBe(true);
      expect(team.usable).toBe(true);
    }
  });

  it('computes every row itself once closed', async () => {
    const team = await started(2);
    team.close();
    expect(team.usable).toBe(false);
    const values = new Float64Array(x.rows * x.cols);
    const reference = new Float64Array(x.rows * x.cols);
    team.contributions(x, values, alone);
    alone(0, x.rows, reference);
    expect(Array.from(values)).toEqual(Array.from(reference));
  });

  it('takes back the rows of a worker that fails, and computes alone from then on', async () => {
    // Tables the workers cannot read: they throw on their first row, the main thread does not.
    const broken = model.trees.map(() => ({}) as never);
    const team = ShapTeam.start(model.trees, broken, x.cols, depth, 2)!;
    teams.push(team);
    await new Promise((r) => setTimeout(r, 500));
    const values = new Float64Array(x.rows * x.cols);
    const reference = new Float64Array(x.rows * x.cols);
    const t = Date.now();
    team.contributions(x, values, alone);
    expect(Date.now() - t).toBeLessThan(10_000);
    alone(0, x.rows, reference);
    expect(Array.from(values)).toEqual(Array.from(reference));
    expect(team.usable).toBe(false);
  });

  it('serves the model: contributions still add up to the margin', () => {
    const c = model.contributions(x);
    const margin = model.margin(x);
    for (let i = 0; i < x.rows; i += 97) {
      let s = c.base;
      for (let j = 0; j < x.cols; j++) s += c.values[i * x.cols + j];
      expect(Math.abs(s - margin[i])).toBeLessThan(1e-9);
    }
    model.close();
  });
});
