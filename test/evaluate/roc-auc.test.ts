import { beforeAll, describe, expect, it } from 'vitest';
import { rocAuc } from '../../src/evaluate/roc-auc.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

describe('rocAuc', () => {
  it('counts a tied churner/non-churner pair as one half', () => {
    // sklearn: roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]) == 0.875
    expect(rocAuc(new Float64Array([0.5, 0.5, 0.2, 0.9]), new Uint8Array([0, 1, 0, 1]))).toBe(0.875);
  });

  it('gives the doc example value', () => {
    // sklearn docs example: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    expect(rocAuc(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1]))).toBe(0.75);
  });

  it('is 0.5 for a constant score', () => {
    expect(rocAuc(new Float64Array(6).fill(0.3), new Uint8Array([0, 1, 0, 1, 1, 0]))).toBe(0.5);
  });

  it('throws when only one class is present', () => {
    expect(() => rocAuc(new Float64Array([0.1, 0.2]), new Uint8Array([1, 1]))).toThrow(/both churners and non-churners/);
  });

  it('rejects a label other than 0 or 1', () => {
    expect(() => rocAuc(new Float64Array([0.1, 0.2]), new Uint8Array([0, 2]))).toThrow(/expected 0 or 1/);
  });
});

describePython(['sklearn'], 'rocAuc against scikit-learn roc_auc_score', () => {
  const samples = [1, 2, 3, 4, 5].map((seed) => randomScored(200 + 300 * seed, seed, seed % 2 === 0 ? 1 : 2));
  let expected: number[] = [];
  beforeAll(() => {
    expected = runPython<number[]>(
      `import json, sys\nfrom sklearn.metrics import roc_auc_score\nd = json.load(sys.stdin)\nprint(json.dumps([roc_auc_score(s["y"], s["s"]) for s in d]))`,
      samples.map((s) => ({ s: [...s.scores], y: [...s.labels] })),
    );
  });

  it('matches to 1e-12 on random inputs with many ties', () => {
    samples.forEach((s, k) => expect(Math.abs(rocAuc(s.scores, s.labels) - expected[k])).toBeLessThan(1e-12));
  });
});
