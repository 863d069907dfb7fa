"""Peers for bench/gbdt.ts: scikit-learn's HistGradientBoostingClassifier and XGBoost (hist).

Run with /usr/bin/python3 (it has scikit-learn 1.2 and XGBoost 1.7). A dataset is a folder:
  meta.json               {"cols": p, "names": [...], "train_rows": n, "test_rows": m}
  train.f64 / test.f64    row-major float64 (little endian), NaN = missing
  train.y / test.y        uint8 labels 0/1
Subcommands (each prints one JSON object on stdout):
  telco CSV OUT_DIR           one-hot Telco, stratified 80/20 split with random_state=0, written as above
  fit DIR MODEL PARAMS_JSON   MODEL = sklearn | xgboost; fit/predict seconds, test ROC-AUC, peak RSS
  auc DIR MARGINS_F64         ROC-AUC of given test margins (so every AUC comes from sklearn.metrics)
"""
import json
import os
import resource
import sys
import time

import numpy as np


def load(d):
    meta = json.load(open(os.path.join(d, "meta.json")))
    p = meta["cols"]
    xtr = np.fromfile(os.path.join(d, "train.f64"), dtype="<f8").reshape(-1, p)
    xte = np.fromfile(os.path.join(d, "test.f64"), dtype="<f8").reshape(-1, p)
    ytr = np.fromfile(os.path.join(d, "train.y"), dtype=np.uint8)
    yte = np.fromfile(os.path.join(d, "test.y"), dtype=np.uint8)
    return xtr, ytr, xte, yte


def telco(csv, out):
    import pandas as pd
    from sklearn.model_selection import train_test_split

    df = pd.read_csv(csv)
    y = (df.pop("Churn") == "Yes").astype(np.uint8).to_numpy()
    df = df.drop(columns=["customerID"])
    # Blank TotalCharges (11 new customers) become NaN: missing, handled by each model natively.
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce")
    x = pd.get_dummies(df, dtype=float)
    idx = np.arange(len(y))
    itr, ite = train_test_split(idx, test_size=0.2, stratify=y, random_state=0)
    write(out, x.to_numpy(dtype=float), y, itr, ite, list(x.columns))
    return {"train_rows": len(itr), "test_rows": len(ite), "cols": x.shape[1]}


def write(out, x, y, itr, ite, names):
    os.makedirs(out, exist_ok=True)
    np.ascontiguousarray(x[itr], dtype="<f8").tofile(os.path.join(out, "train.f64"))
    np.ascontiguousarray(x[ite], dtype="<f8").tofile(os.path.join(out, "test.f64"))
    y[itr].astype(np.uint8).tofile(os.path.join(out, "train.y"))
    y[ite].astype(np.uint8).tofile(os.path.join(out, "test.y"))
    meta = {"cols": x.shape[1], "names": names, "train_rows": len(itr), "test_rows": len(ite),
            "train_index": [int(i) for i in itr], "test_index": [int(i) for i in ite]}
    json.dump(meta, open(os.path.join(out, "meta.json"), "w"))


def fit(d, model, params):
    from sklearn.metrics import roc_auc_score

    xtr, ytr, xte, yte = load(d)
    depth = params.get("maxDepth")
    leaves = params.get("maxLeafNodes")
    if model == "sklearn":
        from sklearn.ensemble import HistGradientBoostingClassifier

        clf = HistGradientBoostingClassifier(
            max_iter=params["maxIter"], learning_rate=params["learningRate"], max_leaf_nodes=leaves,
            max_depth=depth, min_samples_leaf=params["minSamplesLeaf"], l2_regularization=params["l2Regularization"],
            max_bins=255, early_stopping=False, random_state=0)
    else:
        import xgboost as xgb

        clf = xgb.XGBClassifier(
            n_estimators=params["maxIter"], learning_rate=params["learningRate"], tree_method="hist", max_bin=256,
            grow_policy="depthwise" if leaves is None else "lossguide", max_depth=depth or 0, max_leaves=leaves or 0,
            reg_lambda=params["l2Regularization"], min_child_weight=1e-3, n_jobs=os.cpu_count(), random_state=0)
    t0 = time.perf_counter()
    clf.fit(xtr, ytr)
    t1 = time.perf_counter()
    if model == "sklearn":
        m = clf.decision_function(xte)
    else:
        m = clf.predict(xte, output_margin=True)
    t2 = time.perf_counter()
    return {"fit_s": t1 - t0, "predict_s": t2 - t1, "predict_rows": len(yte), "auc": float(roc_auc_score(yte, m)),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def auc(d, margins):
    from sklearn.metrics import roc_auc_score

    _, _, _, yte = load(d)
    return {"auc": float(roc_auc_score(yte, np.fromfile(margins, dtype="<f8")))}


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "telco":
        out = telco(sys.argv[2], sys.argv[3])
    elif cmd == "fit":
        out = fit(sys.argv[2], sys.argv[3], json.loads(sys.argv[4]))
    elif cmd == "auc":
        out = auc(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown subcommand {cmd}")
    print(json.dumps(out))
