import { afterAll, describe, expect, it } from 'vitest';
import { LossTeam } from '../../../src/learn/logistic/loss-team.ts';
import { penalizedLogLoss, penalizedLogLossHessian } from '../../../src/learn/logistic/penalized-log-loss.ts';
import type { LogisticProblem } from '../../../src/learn/logistic/penalized-log-loss.ts';
import { sampleRows } from '../../../src/learn/logistic/row-sample.ts';

/** A problem whose arrays live in shared memory (or not), with unequal weights. */
function problem(rows: number, p: number, shared: boolean): LogisticProblem {
  const alloc = (n: number) => new Float64Array(shared ? new SharedArrayBuffer(n * 8) : new ArrayBuffer(n * 8));
  const data = alloc(rows * p);
  const y = alloc(rows);
  const w = alloc(rows);
  for (let k = 0; k < data.length; k++) data[k] = Math.sin(k * 0.37) * (1 + (k % 7));
  for (let i = 0; i < rows; i++) {
    y[i] = Math.cos(i * 1.3) > 0.2 ? 1 : 0;
    w[i] = 1 + (i % 3) * 0.5;
  }
  return { x: { rows, cols: p, data }, y, w, C: 0.7 };
}

/** Blocks until the team's workers are up (they start in the background). */
async function ready(team: LossTeam, theta: Float64Array, p: number): Promise<void> {
  const out = new Float64Array(4 * (p + 2));
  for (let t = 0; t < 200; t++) {
    if (team.startLoss(theta, out)) {
      team.finish();
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the loss team did not come up within 5 s');
}

describe('LossTeam', () => {
  const teams: LossTeam[] = [];
  afterAll(() => teams.forEach((t) => t.close()));
  const rows = 3001;
  const p = 7;
  const shared = problem(rows, p, true);
  const theta = Float64Array.from({ length: p + 1 }, (_, j) => 0.1 * (j - 3));
  const sample = sampleRows(rows, 1000);

  it('gives the loss, gradient and sampled Hessian bit for bit as one thread does', async () => {
    const team = LossTeam.start(shared, sample, 2);
    expect(team).not.toBeNull();
    teams.push(team!);
    await ready(team!, theta, p);
    const alone = new Float64Array(p + 1);
    const together = new Float64Array(p + 1);
    const fAlone = penalizedLogLoss(shared, theta, alone);
    const fTogether = penalizedLogLoss(shared, theta, together, team);
    expect(Object.is(fTogether, fAlone)).toBe(true);
    expect(Array.from(together)).toEqual(Array.from(alone));
    expect(Array.from(penalizedLogLossHessian(shared, theta, sample, team))).toEqual(Array.from(penalizedLogLossHessian(shared, theta, sample)));
  });

  it('gives the same sums with three and four threads', async () => {
    const reference = new Float64Array(p + 1);
    const fRef = penalizedLogLoss(shared, theta, reference);
    for (const threads of [3, 4]) {
      const team = LossTeam.start(shared, sample, threads)!;
      teams.push(team);
      await ready(team, theta, p);
      const g = new Float64Array(p + 1);
      expect(Object.is(penalizedLogLoss(shared, theta, g, team), fRef)).toBe(true);
      expect(Array.from(g)).toEqual(Array.from(reference));
    }
  });

  it('converts rows and sampled rows to float32 on a worker', async () => {
    const team = LossTeam.start(shared, sample, 2)!;
    teams.push(team);
    await ready(team, theta, p);
    expect(team.startConvert(10, 20, 1, false)).toBe(true);
    expect(Array.from(team.finishConvert()!)).toEqual(Array.from(new Float32Array(shared.x.data.subarray(10 * p, 20 * p))));
    expect(team.startConvert(0, 3, 0, true)).toBe(true);
    const gathered = new Float32Array(3 * p);
    for (let k = 0; k < 3; k++) gathered.set(new Float32Array(shared.x.data.subarray(sample[k] * p, (sample[k] + 1) * p)), k * p);
    expect(Array.from(team.finishConvert()!)).toEqual(Array.from(gathered));
  });

  it('is not started for arrays outside shared memory, or for one thread', () => {
    expect(LossTeam.start(problem(100, 3, false), sampleRows(100, 50), 2)).toBeNull();
    expect(LossTeam.start(shared, sample, 1)).toBeNull();
  });

  it('does not help once closed: the caller computes every share', () => {
    const team = LossTeam.start(shared, sample, 2)!;
    team.close();
    expect(team.startLoss(theta, new Float64Array(4 * (p + 2)))).toBe(false);
    const g = new Float64Array(p + 1);
    const reference = new Float64Array(p + 1);
    expect(penalizedLogLoss(shared, theta, g, team)).toBe(penalizedLogLoss(shared, theta, reference));
    expect(Array.from(g)).toEqual(Array.from(reference));
  });
});
