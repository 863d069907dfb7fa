/**
 * Parity with scikit-learn 1.2 `LogisticRegression(C=1.0, solver="lbfgs")` on the IBM Telco file:
 * one-hot encoded and standardised by our preprocessor (fitted on the training split), split 80/20
 * by sklearn's `train_test_split(random_state=0, stratify=y)`. sklearn fits the very same matrix.
 * Reference: ../shared/data/README.md gives ROC-AUC 0.8516 for this recipe.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { fitLogistic } from '../../../src/learn/logistic/fit.ts';
import { logisticModel } from '../../../src/learn/logistic/logistic-model.ts';
import type { LogisticSpec } from '../../../src/learn/logistic/logistic-spec.ts';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';
import type { RawTable } from '../../../src/learn/preprocess/spec.ts';
import { transform } from '../../../src/learn/preprocess/transform.ts';
import type { Matrix } from '../../../src/learn/matrix.ts';
import { selectBackend } from '../../../src/runtime/backend.ts';
import { describePython, runPython } from '../../support/python.ts';
import { describeShared, sharedPath } from '../../support/shared-data.ts';

const TELCO = ['telco', 'Telco-Customer-Churn.csv'];
const NUMERIC = ['SeniorCitizen', 'tenure', 'MonthlyCharges', 'TotalCharges'];

const SPLIT = `
import json, sys
import numpy as np
from sklearn.model_selection import train_test_split
y = np.array(json.load(sys.stdin)["y"])
tr, te = train_test_split(np.arange(len(y)), test_size=0.2, random_state=0, stratify=y)
print(json.dumps({"train": tr.tolist(), "test": te.tolist()}))
`;

const FIT = `
import json, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
d = json.load(sys.stdin)
Xtr = np.array(d["xtrain"]).reshape(d["rows"], d["cols"])
Xte = np.array(d["xtest"]).reshape(-1, d["cols"])
ytr = np.array(d["ytrain"], dtype=float)

def objective(m, w):
    # sklearn 1.2's lbfgs objective: sum of weighted log-losses + ||coef||^2 / (2C), C = 1.
    z = Xtr @ m.coef_[0] + m.intercept_[0]
    return float(np.sum(w * (np.logaddexp(0, z) - ytr * z)) + 0.5 * m.coef_[0] @ m.coef_[0])

out = {}
for name, cw in [("plain", None), ("balanced", "balanced")]:
    w = np.ones(len(ytr)) if cw is None else np.where(ytr == 1, len(ytr) / (2 * ytr.sum()), len(ytr) / (2 * (len(ytr) - ytr.sum())))
    lbfgs = LogisticRegression(C=1.0, solver="lbfgs", max_iter=10000, class_weight=cw).fit(Xtr, ytr)
    exact = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-10, max_iter=10000, class_weight=cw).fit(Xtr, ytr)
    ours = np.array(d["ours"][name])
    out[name] = {
        "lbfgs_gap": float(np.abs(lbfgs.coef_[0] - ours[:-1]).max()),
        "exact_gap": float(max(np.abs(exact.coef_[0] - ours[:-1]).max(), abs(exact.intercept_[0] - ours[-1]))),
        "lbfgs_objective": objective(lbfgs, w),
        "lbfgs_to_exact": float(np.abs(lbfgs.coef_[0] - exact.coef_[0]).max()),
        "auc_sklearn": roc_auc_score(d["ytest"], lbfgs.decision_function(Xte)),
        "auc_ours": roc_auc_score(d["ytest"], d["margins"][name]),
    }
print(json.dumps(out))
`;

interface Parity {
  lbfgs_gap: number;
  exact_gap: number;
  lbfgs_objective: number;
  lbfgs_to_exact: number;
  auc_sklearn: number;
  auc_ours: number;
}

function pick(table: Record<string, string[]>, index: number[]): RawTable {
  return Object.fromEntries(Object.entries(table).map(([name, col]) => [name, index.map((i) => col[i])]));
}

describeShared(TELCO, 'logistic regression on Telco', () => {
  describePython(['sklearn'], 'matches scikit-learn LogisticRegression(C=1, lbfgs)', () => {
    let result: Record<'plain' | 'balanced', Parity>;
    let ours: Record<'plain' | 'balanced', LogisticSpec>;

    beforeAll(async () => {
      await selectBackend();
      const records: Record<string, string>[] = parse(readFileSync(sharedPath(...TELCO)), { columns: true });
      const features = Object.keys(records[0]).filter((c) => c !== 'customerID' && c !== 'Churn');
      const table = Object.fromEntries(features.map((f) => [f, records.map((r) => r[f])]));
      const y = records.map((r) => (r.Churn === 'Yes' ? 1 : 0));
      const split = runPython<{ train: number[]; test: number[] }>(SPLIT, { y });
      const spec = fitPreprocessor(pick(table, split.train), {
        features,
        categorical: features.filter((f) => !NUMERIC.includes(f)),
      });
      const train = transform(spec, pick(table, split.train));
      const test = transform(spec, pick(table, split.test));
      const ytrain = split.train.map((i) => y[i]);
      const fit = (classWeight: 'balanced' | null) => fitLogistic(train.matrix, ytrain, train.columnNames, { classWeight, tol: 1e-8 });
      ours = { plain: await fit(null), balanced: await fit('balanced') };
      const margins = (s: LogisticSpec, m: Matrix) => Array.from(logisticModel(s).margin(m));
      const theta = (s: LogisticSpec) => [...s.coefficients, s.intercept];
      result = runPython(FIT, {
        xtrain: Array.from(train.matrix.data),
        rows: train.matrix.rows,
        cols: train.matrix.cols,
        xtest: Array.from(test.matrix.data),
        ytrain,
        ytest: split.test.map((i) => y[i]),
        ours: { plain: theta(ours.plain), balanced: theta(ours.balanced) },
        margins: { plain: margins(ours.plain, test.matrix), balanced: margins(ours.balanced, test.matrix) },
      });
      console.log(
        `Telco parity: max |Δcoef| vs sklearn lbfgs ${result.plain.lbfgs_gap.toExponential(2)} (lbfgs vs sklearn newton-cholesky: ${result.plain.lbfgs_to_exact.toExponential(2)}), ` +
          `vs newton-cholesky ${result.plain.exact_gap.toExponential(2)}; test ROC-AUC ours ${result.plain.auc_ours.toFixed(6)}, sklearn ${result.plain.auc_sklearn.toFixed(6)}`,
      );
    });

    it('reaches the exact optimum: coefficients within 1e-6 of sklearn newton-cholesky (tol 1e-10)', () => {
      expect(result.plain.exact_gap).toBeLessThan(1e-6);
      expect(result.balanced.exact_gap).toBeLessThan(1e-6);
    });

    it('is within sklearn lbfgs\'s own stopping error of its coefficients, with an objective no worse', () => {
      // SciPy's L-BFGS-B stops when a step improves the loss by < 2.2e-9 relative; on this
      // collinear one-hot design that leaves sklearn's lbfgs ~2e-3 from the optimum (lbfgs_to_exact),
      // so "within 1e-3 of lbfgs" cannot hold for any exact solver. Ours is the optimum lbfgs approaches.
      expect(result.plain.lbfgs_gap).toBeLessThanOrEqual(result.plain.lbfgs_to_exact + 1e-6);
      expect(result.plain.lbfgs_gap).toBeLessThan(5e-3);
      expect(ours.plain.fit.objective).toBeLessThanOrEqual(result.plain.lbfgs_objective);
      expect(ours.balanced.fit.objective).toBeLessThanOrEqual(result.balanced.lbfgs_objective);
    });

    it('has the test ROC-AUC of sklearn lbfgs to 4 decimals (|Δ| < 5e-5)', () => {
      expect(Math.abs(result.plain.auc_ours - result.plain.auc_sklearn)).toBeLessThan(5e-5);
      expect(Math.abs(result.balanced.auc_ours - result.balanced.auc_sklearn)).toBeLessThan(5e-5);
    });

    it('lands within 0.001 of the published ROC-AUC 0.8516 (whose recipe imputes TotalCharges its own way)', () => {
      expect(Math.abs(result.plain.auc_ours - 0.8516)).toBeLessThan(1e-3);
    });
  });
});
