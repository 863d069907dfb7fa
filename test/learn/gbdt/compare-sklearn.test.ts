/**
 * Peer check, as scikit-learn's own test_compare_lightgbm.py: the same data and settings through
 * our trainer and scikit-learn's HistGradientBoostingClassifier give test ROC-AUCs within 0.01 and
 * nearly the same margins. Both AUCs are computed by sklearn.metrics.roc_auc_score.
 */
import { expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { describePython, runPython } from '../../support/python.ts';
import { synthetic } from './dataset.ts';

const SCRIPT = `
import json, sys
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
d = json.load(sys.stdin)
xtr = np.array(d["xtr"], dtype=float).reshape(-1, d["cols"])
xte = np.array(d["xte"], dtype=float).reshape(-1, d["cols"])
clf = HistGradientBoostingClassifier(max_iter=50, learning_rate=0.1, max_leaf_nodes=15, min_samples_leaf=20,
                                     l2_regularization=0.0, max_bins=255, early_stopping=False, random_state=0)
clf.fit(xtr, np.array(d["ytr"]))
m = clf.decision_function(xte)
print(json.dumps({"sk": roc_auc_score(d["yte"], m), "ours": roc_auc_score(d["yte"], d["ours"]),
                  "corr": float(np.corrcoef(m, d["ours"])[0, 1])}))
`;

describePython(['sklearn', 'numpy'], 'GBDT against scikit-learn HistGradientBoostingClassifier', () => {
  it('reaches the same test ROC-AUC (within 0.01) with nearly the same margins', () => {
    const train = synthetic(3000, 6, 61, 0.05);
    const test = synthetic(2000, 6, 62, 0.05);
    const { model } = trainGbdt(train.x, train.y, { maxIter: 50, maxLeafNodes: 15, minSamplesLeaf: 20 });
    // JSON has no NaN: missing values travel as null and numpy reads them back as nan.
    const list = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isNaN(v) ? null : v));
    const r = runPython<{ sk: number; ours: number; corr: number }>(SCRIPT, {
      cols: 6, xtr: list(train.x.data), ytr: Array.from(train.y), xte: list(test.x.data), yte: Array.from(test.y),
      ours: Array.from(model.margin(test.x)),
    });
    expect(r.sk).toBeGreaterThan(0.7);
    expect(Math.abs(r.ours - r.sk)).toBeLessThan(0.01);
    expect(r.corr).toBeGreaterThan(0.98);
  });
});
