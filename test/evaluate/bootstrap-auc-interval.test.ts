import { beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAucInterval } from '../../src/evaluate/bootstrap-auc-interval.ts';
import { rocAuc } from '../../src/evaluate/roc-auc.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

const s = randomScored(600, 61, 2);

describe('bootstrapAucInterval', () => {
  it('is reproducible for a seed', () => {
    const a = bootstrapAucInterval(s.scores, s.labels, { replicates: 200, seed: 7 });
    const b = bootstrapAucInterval(s.scores, s.labels, { replicates: 200, seed: 7 });
    expect(a).toEqual(b);
  });

  it('changes with the seed', () => {
    const a = bootstrapAucInterval(s.scores, s.labels, { replicates: 200, seed: 7 });
    const b = bootstrapAucInterval(s.scores, s.labels, { replicates: 200, seed: 8 });
    expect(a.lower).not.toBe(b.lower);
  });

  it('brackets the point estimate', () => {
    const auc = rocAuc(s.scores, s.labels);
    const ci = bootstrapAucInterval(s.scores, s.labels, { replicates: 300 });
    expect(ci.lower).toBeLessThan(auc);
    expect(ci.upper).toBeGreaterThan(auc);
    expect(ci.level).toBe(0.95);
  });

  it('narrows as the sample grows', () => {
    const big = randomScored(6000, 62, 2);
    const w = (x: { lower: number; upper: number }) => x.upper - x.lower;
    expect(w(bootstrapAucInterval(big.scores, big.labels, { replicates: 200 }))).toBeLessThan(
      w(bootstrapAucInterval(s.scores, s.labels, { replicates: 200 })),
    );
  });
});

describePython(['sklearn'], 'bootstrapAucInterval against a numpy/sklearn stratified bootstrap', () => {
  let expected: [number, number];
  beforeAll(() => {
    // Same method, different random stream: 1000 stratified resamples, roc_auc_score, np.quantile.
    expected = runPython(
      `import json, sys\nimport numpy as np\nfrom sklearn.metrics import roc_auc_score\nd = json.load(sys.stdin)\ns = np.array(d["s"]); y = np.array(d["y"])\npos = np.where(y == 1)[0]; neg = np.where(y == 0)[0]\nr = np.random.default_rng(0)\na = []\nfor _ in range(1000):\n    i = np.concatenate([r.choice(pos, len(pos)), r.choice(neg, len(neg))])\n    a.append(roc_auc_score(y[i], s[i]))\nprint(json.dumps(np.quantile(a, [0.025, 0.975]).tolist()))`,
      { s: [...s.scores], y: [...s.labels] },
    );
  });

  it('agrees within Monte Carlo error (0.01)', () => {
    const ci = bootstrapAucInterval(s.scores, s.labels, { replicates: 2000 });
    expect(Math.abs(ci.lower - expected[0])).toBeLessThan(0.01);
    expect(Math.abs(ci.upper - expected[1])).toBeLessThan(0.01);
  });
});
