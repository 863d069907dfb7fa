import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadLogisticArtifact, saveLogisticArtifact } from '../../../src/learn/artifacts/logistic-artifact.ts';
import { logisticModel } from '../../../src/learn/logistic/logistic-model.ts';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';
import { currentBackend } from '../../../src/runtime/backend.ts';

// No backend is selected in this file before the artifact calls: `healthscore score` loads a model
// first thing, and tfjs left to itself fell back to its CPU backend with a banner on stderr.
describe('logistic artifact, in a process that has not chosen a backend', () => {
  const root = mkdtempSync(join(tmpdir(), 'hs-ab-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('chooses the backend itself and prints no tfjs banner when saving and loading', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const prep = fitPreprocessor({ tenure: [1, 5, 12, 30] }, { features: ['tenure'] });
      const model = logisticModel({
        kind: 'logistic',
        featureNames: ['tenure'],
        coefficients: [-0.7],
        intercept: 0.2,
        fit: { C: 1, classWeight: null, tol: 1e-4, rows: 4, backend: 'wasm', objective: 1, gradNorm: 0, converged: true, lbfgs: { iterations: 1, evaluations: 1, stop: 'gtol', resident: true }, newton: null },
      });
      expect(currentBackend()).toBeNull();
      await saveLogisticArtifact(join(root, 'm', 'v1'), model, prep);
      const loaded = await loadLogisticArtifact(join(root, 'm', 'v1'));
      expect(loaded.model.spec.coefficients).toEqual([-0.7]);
      expect(currentBackend()).not.toBeNull();
      expect(tf.getBackend()).toBe(currentBackend());
      expect(warn.mock.calls.filter((c) => String(c[0]).includes('TensorFlow.js in Node.js'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});
