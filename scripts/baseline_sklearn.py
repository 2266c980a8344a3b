#!/usr/bin/python3
"""The fair scikit-learn peer of `cpnlp train` + `cpnlp evaluate`, trained on train.csv and scored on dev.csv.

Usage (Debian's python3-sklearn; `apt-get install python3-sklearn`):
    /usr/bin/python3 scripts/baseline_sklearn.py --train ../shared/labels/train.csv --dev ../shared/labels/dev.csv \
        [--C 1.0 ...] [--shrink 0.5] [--resamples 1000] [--seed 42] [--out DIR]

What makes it fair (the same treatment as ours):
- features: TF-IDF (sublinear) word uni- and bigrams plus character 1-3-grams (`char_wb`), so that it
  reads Chinese, which has no spaces, as well as English;
- one LogisticRegression per theme (liblinear, L2, C as given), class_weight='balanced';
- a threshold per theme chosen on out-of-fold probabilities from 5-fold cross-validation on train.csv
  with folds grouped by document, assigned exactly as `cpnlp train` does (largest document first, to
  the fold with fewest passages), maximising F1 over 0.05..0.95; then pulled toward 0.5 by --shrink
  (the share kept of the move away from 0.5; 1 keeps the tuned threshold, as `cpnlp train` did before
  its threshold shrinking) when our trainer shrinks too;
- scored on dev.csv like `cpnlp evaluate`: per theme and language precision, recall and F1, macro over
  the themes with gold positives in the slice, and 95% percentile bootstrap intervals from resamples of
  whole documents within each language (seeded).
With several --C values it prints each; the row to quote is the C with the best out-of-fold macro-F1
on train (chosen without looking at dev), which it names. With --out it writes metrics.csv in the
columns of `cpnlp evaluate` (system `sklearn`).
"""
import argparse
import csv
import os
import random

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

THEMES = ["inequality", "control", "philanthropy", "common_prosperity", "economy", "social_welfare", "environment", "international"]
COLUMNS = ["system", "theme", "lang", "precision", "precision_low", "precision_high", "recall", "recall_low", "recall_high",
           "f1", "f1_low", "f1_high", "support", "true_positives", "false_positives", "false_negatives"]


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, r in enumerate(rows):
        r["document"] = r.get("document") or f"#passage{i}"
        r["lang"] = r.get("lang") or "und"
    return rows


def gold_matrix(rows):
    y = np.zeros((len(rows), len(THEMES)), dtype=bool)
    for i, r in enumerate(rows):
        for t in r["themes"].split(";"):
            if t.strip():
                y[i, THEMES.index(t.strip())] = True
    return y


def assign_folds(groups, folds):
    """As ThemeClassifierTrainer.AssignFolds: documents, largest first (ties by name), each to the fold with fewest passages."""
    sizes = [0] * folds
    counts = {}
    for g in groups:
        counts[g] = counts.get(g, 0) + 1
    fold_of = {}
    for g in sorted(counts, key=lambda g: (-counts[g], g)):
        target = sizes.index(min(sizes))
        fold_of[g] = target
        sizes[target] += counts[g]
    return np.array([fold_of[g] for g in groups])


class Features:
    def __init__(self):
        self.word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, lowercase=True)

    def fit_transform(self, texts):
        return hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()

    def transform(self, texts):
        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()


def fit_predict(train_texts, y_train, test_texts, c):
    features = Features()
    x_train = features.fit_transform(train_texts)
    x_test = features.transform(test_texts)
    p = np.zeros((len(test_texts), len(THEMES)))
    for t in range(len(THEMES)):
        if y_train[:, t].all() or not y_train[:, t].any():
            p[:, t] = 1.0 if y_train[:, t].all() else 0.0
            continue
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000)
        model.fit(x_train, y_train[:, t])
        p[:, t] = model.predict_proba(x_test)[:, 1]
    return p


def f1_of(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores, gold, shrink):
    best, best_f1 = 0.5, -1.0
    for step in range(5, 96):
        th = step / 100
        hit = scores >= th
        _, _, f = f1_of(int((hit & gold).sum()), int((hit & ~gold).sum()), int((~hit & gold).sum()))
        if f > best_f1 + 1e-9:
            best, best_f1 = th, f
    return 0.5 + shrink * (best - 0.5)


def metrics(gold, pred, langs, index):
    """Rows (theme, slice, p, r, f1, support, tp, fp, fn) as MultiLabelEvaluator: all, then each language."""
    rows = []
    for s in ["all"] + sorted(set(langs)):
        idx = [i for i in index if s == "all" or langs[i] == s]
        tp_all = fp_all = fn_all = 0
        per = []
        for t, theme in enumerate(THEMES):
            g, p = gold[idx, t], pred[idx, t]
            tp, fp, fn = int((g & p).sum()), int((~g & p).sum()), int((g & ~p).sum())
            tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
            per.append((theme, s) + f1_of(tp, fp, fn) + (tp + fn, tp, fp, fn))
        rows.extend(per)
        rows.append(("micro", s) + f1_of(tp_all, fp_all, fn_all) + (tp_all + fn_all, tp_all, fp_all, fn_all))
        scored = [m for m in per if m[5] > 0]
        avg = [sum(m[k] for m in scored) / len(scored) if scored else 0.0 for k in (2, 3, 4)]
        rows.append(("macro", s, *avg, sum(m[5] for m in scored), tp_all, fp_all, fn_all))
    return rows


def intervals(gold, pred, rows, resamples, seed):
    """Percentile bootstrap over whole documents within each language (as DocumentBootstrap)."""
    langs = [r["lang"] for r in rows]
    docs = {}
    strata = {}
    for i, r in enumerate(rows):
        if r["document"] not in docs:
            docs[r["document"]] = []
            strata.setdefault(r["lang"], []).append(r["document"])
        docs[r["document"]].append(i)
    slices = ["all"] + sorted(set(langs))
    n_rows = (len(THEMES) + 2) * len(slices)
    samples = [([], [], []) for _ in range(n_rows)]
    rng = random.Random(seed)
    for _ in range(resamples):
        index = []
        for lang in sorted(strata):
            for _ in strata[lang]:
                index.extend(docs[strata[lang][rng.randrange(len(strata[lang]))]])
        # Each slice of the original keeps its place, empty or not, so rows line up.
        ms = metrics_fixed(gold, pred, langs, index, slices)
        for k, m in enumerate(ms):
            macro = m[0] == "macro"
            defined_p = m[5] > 0 if macro else m[6] + m[7] > 0
            defined_r = m[5] > 0
            defined_f = m[5] > 0 if macro else m[6] + m[7] + m[8] > 0
            for j, ok in enumerate((defined_p, defined_r, defined_f)):
                if ok:
                    samples[k][j].append(m[2 + j])
    alpha = 0.05
    out = []
    for k in range(n_rows):
        out.append(tuple((np.quantile(v, alpha / 2), np.quantile(v, 1 - alpha / 2)) if v else (None, None) for v in samples[k]))
    return out


def metrics_fixed(gold, pred, langs, index, slices):
    rows = []
    for s in slices:
        idx = [i for i in index if s == "all" or langs[i] == s]
        sub = metrics(gold, pred, ["x"] * len(langs), idx)[: len(THEMES) + 2]
        rows.extend((m[0], s) + tuple(m[2:]) for m in sub)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True)
    parser.add_argument("--dev", required=True)
    parser.add_argument("--C", type=float, nargs="+", default=[1.0])
    parser.add_argument("--shrink", type=float, default=1.0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out")
    args = parser.parse_args()

    train, dev = read(args.train), read(args.dev)
    # Duplicate passages in a label file count once, as `cpnlp train` merges them (the later label wins).
    seen = {}
    for r in train:
        seen[" ".join(r["text"].split())] = r
    train = list(seen.values())
    y_train, y_dev = gold_matrix(train), gold_matrix(dev)
    train_texts, dev_texts = [r["text"] for r in train], [r["text"] for r in dev]
    folds = assign_folds([r["document"] for r in train], args.folds)
    dev_langs = [r["lang"] for r in dev]
    results = []
    for c in args.C:
        oof = np.zeros((len(train), len(THEMES)))
        for fold in range(args.folds):
            test = folds == fold
            if test.any():
                oof[test] = fit_predict([t for t, m in zip(train_texts, ~test) if m], y_train[~test], [t for t, m in zip(train_texts, test) if m], c)
        thresholds = np.array([best_threshold(oof[:, t], y_train[:, t], args.shrink) for t in range(len(THEMES))])
        cv = metrics(y_train, oof >= thresholds, [r["lang"] for r in train], list(range(len(train))))
        p_dev = fit_predict(train_texts, y_train, dev_texts, c)
        dev_metrics = metrics(y_dev, p_dev >= thresholds, dev_langs, list(range(len(dev))))
        results.append((c, thresholds, cv, dev_metrics))

    chosen = max(results, key=lambda r: next(m[4] for m in r[2] if m[0] == "macro" and m[1] == "all"))
    print(f"scikit-learn peer: TF-IDF word 1-2-grams + char_wb 1-3-grams, LogisticRegression(class_weight='balanced'), "
          f"thresholds from {args.folds}-fold out-of-fold scores on {args.train} grouped by document (shrink {args.shrink}); "
          f"{len(train)} train passages, {len(dev)} dev passages")
    for c, thresholds, cv, dev_metrics in results:
        def macro(ms, s):
            return next(m[4] for m in ms if m[0] == "macro" and m[1] == s)
        print(f"C={c:g}: train CV macro-F1 {macro(cv, 'all'):.3f} | dev macro-F1 {macro(dev_metrics, 'all'):.3f} "
              f"(en {macro(dev_metrics, 'en'):.3f}, zh {macro(dev_metrics, 'zh'):.3f})" + ("   <- chosen by train CV" if c == chosen[0] else ""))
    c, thresholds, cv, dev_metrics = chosen
    p_dev = fit_predict(train_texts, y_train, dev_texts, c)
    ci = intervals(y_dev, p_dev >= thresholds, dev, args.resamples, args.seed)
    print(f"Dev figures of C={c:g} with 95% intervals ({args.resamples} resamples of whole documents within each language, seed {args.seed}):")
    print("  thresholds: " + ", ".join(f"{t} {th:.2f}" for t, th in zip(THEMES, thresholds)))
    for s in ["all"] + sorted(set(dev_langs)):
        print(f"  [{s}] theme               precision  recall     f1  f1 95% CI       support")
        for m, iv in zip(dev_metrics, ci):
            if m[1] == s:
                lo, hi = iv[2]
                band = f"[{lo:.3f}, {hi:.3f}]" if lo is not None else "[n/a]"
                print(f"        {m[0]:<19} {m[2]:9.3f} {m[3]:7.3f} {m[4]:6.3f}  {band:<14} {m[5]:8d}")
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "metrics.csv"), "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(COLUMNS)
            for m, iv in zip(dev_metrics, ci):
                cells = []
                for j in range(3):
                    lo, hi = iv[j]
                    cells += [f"{m[2 + j]:.4f}", "" if lo is None else f"{lo:.4f}", "" if hi is None else f"{hi:.4f}"]
                w.writerow(["sklearn", m[0], m[1], *cells, m[5], m[6], m[7], m[8]])


if __name__ == "__main__":
    main()
