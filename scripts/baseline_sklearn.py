#!/usr/bin/python3
"""The plain bag-of-words peer for `cpnlp train`: scikit-learn TfidfVectorizer + LogisticRegression,
one-vs-rest, scored on the same cross-validation folds as the classifier.

Usage (Debian's python3-sklearn; `apt-get install python3-sklearn`):
    cpnlp train --labels ../shared/labels/train.csv --report reports/train
    /usr/bin/python3 scripts/baseline_sklearn.py ../shared/labels/train.csv reports/train/cv_predictions.csv

The folds come from cv_predictions.csv (column `fold`, one per passage id, grouped by document), so
both systems are tested on documents they did not see. Thresholds are 0.5, as an analyst would leave
them. Prints per-theme precision/recall/F1 and micro/macro F1 for all passages and per language.
"""
import csv
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

THEMES = ["inequality", "control", "philanthropy", "common_prosperity", "economy", "social_welfare", "environment", "international"]


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def scores(gold, pred, rows, lang):
    index = [i for i, r in enumerate(rows) if lang == "all" or r["lang"] == lang]
    out, tp_all, fp_all, fn_all, f1s = [], 0, 0, 0, []
    for t, theme in enumerate(THEMES):
        tp = sum(1 for i in index if gold[i][t] and pred[i][t])
        fp = sum(1 for i in index if not gold[i][t] and pred[i][t])
        fn = sum(1 for i in index if gold[i][t] and not pred[i][t])
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if tp + fn:
            f1s.append(f)
        out.append((theme, p, r, f, tp + fn))
    p = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    r = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    micro = 2 * p * r / (p + r) if p + r else 0.0
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    return out, micro, macro


def cross_validate(texts, y, fold_of, make_vectorizer):
    pred = [[0] * len(THEMES) for _ in texts]
    for fold in sorted(set(fold_of)):
        train = [i for i, f in enumerate(fold_of) if f != fold]
        test = [i for i, f in enumerate(fold_of) if f == fold]
        vectorizer = make_vectorizer()
        x_train = vectorizer.fit_transform([texts[i] for i in train])
        model = OneVsRestClassifier(LogisticRegression(max_iter=1000))
        # A theme absent from a training fold cannot be learned; predict it as absent.
        present = [t for t in range(len(THEMES)) if y[train, t].any() and not y[train, t].all()]
        model.fit(x_train, y[train][:, present])
        p = model.predict(vectorizer.transform([texts[i] for i in test]))
        for k, i in enumerate(test):
            for j, t in enumerate(present):
                pred[i][t] = int(p[k][j])
    return pred


def main(labels_path, folds_path):
    labels = read(labels_path)
    folds = {r["id"]: int(r["fold"]) for r in read(folds_path)}
    rows = [r for r in labels if r["id"] in folds]
    missing = len(labels) - len(rows)
    texts = [r["text"] for r in rows]
    y = MultiLabelBinarizer(classes=THEMES).fit_transform([[t for t in r["themes"].split(";") if t] for r in rows])
    fold_of = [folds[r["id"]] for r in rows]
    configurations = [
        ("plain: TfidfVectorizer() defaults (word tokens; Chinese runs between punctuation are single tokens)", lambda: TfidfVectorizer()),
        ("stronger: TfidfVectorizer(analyzer='char_wb', ngram_range=(1, 3), sublinear_tf=True)", lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)),
    ]
    print(f"scikit-learn TfidfVectorizer + LogisticRegression (one-vs-rest, threshold 0.5), {len(rows)} passages, folds from {folds_path}"
          + (f" ({missing} label rows without a fold were left out)" if missing else ""))
    for name, make in configurations:
        pred = cross_validate(texts, y, fold_of, make)
        print(f"== {name}")
        for lang in ["all", "en", "zh"]:
            per_theme, micro, macro = scores(y, pred, rows, lang)
            print(f"[{lang}] theme               precision  recall     f1  support")
            for theme, p, r, f, support in per_theme:
                print(f"      {theme:<19} {p:9.3f} {r:7.3f} {f:6.3f} {support:8d}")
            print(f"      micro F1 {micro:.3f}   macro F1 {macro:.3f}")

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
