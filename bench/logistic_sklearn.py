"""scikit-learn side of bench/logistic.ts: LogisticRegression(C=1, solver="lbfgs") on the same matrix.

    /usr/bin/python3 bench/logistic_sklearn.py DIR

DIR holds meta.json ({"rows", "cols"}), x.f64 (row-major float64) and y.f64 (0/1 float64), written by
bench/logistic.ts. Prints one JSON object: fit seconds, iterations, objective, coefficients, scoring
rows/s of predict_proba (best call over at least 3 calls and 0.25 s, and the first call's seconds) and the
process's peak RSS.
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression

SCORING_SECONDS = 0.25


def main(folder):
    meta = json.load(open(f"{folder}/meta.json"))
    rows, cols = meta["rows"], meta["cols"]
    x = np.fromfile(f"{folder}/x.f64", dtype=np.float64).reshape(rows, cols)
    y = np.fromfile(f"{folder}/y.f64", dtype=np.float64)
    loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000).fit(x, y)
    fit_s = time.perf_counter() - start
    # As bench/logistic.ts's repeatedCalls: at least 3 calls and SCORING_SECONDS; first and best.
    first, best, calls = 0.0, float("inf"), 0
    began = time.perf_counter()
    while calls < 3 or time.perf_counter() - began < SCORING_SECONDS:
        start = time.perf_counter()
        model.predict_proba(x)
        took = time.perf_counter() - start
        first = took if calls == 0 else first
        best = min(best, took)
        calls += 1
    z = x @ model.coef_[0] + model.intercept_[0]
    objective = float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * model.coef_[0] @ model.coef_[0])
    print(json.dumps({
        "fit_s": fit_s,
        "iterations": int(model.n_iter_[0]),
        "objective": objective,
        "coef": model.coef_[0].tolist() + [float(model.intercept_[0])],
        "rows_per_s": rows / best,
        "first_score_s": first,
        "loaded_rss_mb": loaded_mb,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
