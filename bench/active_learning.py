#!/usr/bin/python3
"""Does active learning pay? The analyst's loop, simulated on the dev documents (a benchmark, not a test).

    /usr/bin/python3 bench/active_learning.py [--seeds 1,2,3,4,5] [--count 100] [--train-args "..."] [--data DIR]

For each seed:
1. The labelled passages of the dev documents (../shared/labels/dev.csv) are split at random, within
   each document, into a pool (half) and a test half. The pool stands for the unlabelled passages of
   new documents an analyst is working on; the test half is what all three models are scored on.
2. `cpnlp suggest` (the model trained on ../shared/labels/train.csv alone) picks --count passages of
   the pool (the pool of each document is written as a text file, one passage per paragraph, and
   suggest runs with --unit paragraph); their labels are taken from dev.csv, as if the analyst had coded them.
3. The same number of pool passages is drawn at random (seeded).
4. `cpnlp train` on train.csv plus each pick; `cpnlp evaluate` of the base model and both new models on
   the test half (same folds, seed and options as the shipped model: --train-args).
Set CPNLP=/path/to/cpnlp to run a given build (the script builds and runs the Release build otherwise).
Prints per seed and on average the dev-test macro-F1 (all, en, zh) of base, +random and +suggest,
and the gain of suggest over random. dev.csv labels are used inside this benchmark only; the shipped
model never sees them. Outputs go to --data (default bench/.data/active-learning, ignored by git).
"""
import argparse
import csv
import os
import random
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPNLP = os.path.join(ROOT, "src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp")
if os.environ.get("CPNLP"):
    CPNLP = os.environ["CPNLP"]
TRAIN = os.path.join(ROOT, "../shared/labels/train.csv")
DEV = os.path.join(ROOT, "../shared/labels/dev.csv")
FIELDS = ["id", "document", "lang", "text", "themes"]


def norm(text):
    return " ".join(text.split())


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, FIELDS, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def run(*args):
    result = subprocess.run([CPNLP, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"cpnlp {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def macro(evaluate_output):
    line = next(l for l in evaluate_output.splitlines() if l.startswith("Classifier macro-F1"))
    values = {"all": float(re.search(r"macro-F1 ([0-9.]+)", line).group(1))}
    for lang in ("en", "zh"):
        m = re.search(rf"; {lang} ([0-9.]+)", line)
        values[lang] = float(m.group(1)) if m else float("nan")
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--train-args", default="", help="extra cpnlp train options (the shipped model's defaults if empty)")
    parser.add_argument("--data", default=os.path.join(ROOT, "bench/.data/active-learning"))
    args = parser.parse_args()
    if not os.environ.get("CPNLP"):
        subprocess.run(["dotnet", "build", "src/CommonProsperity.Nlp.Cli", "-c", "Release", "-v", "quiet", "-nologo"], cwd=ROOT, check=True, capture_output=True)
    os.makedirs(args.data, exist_ok=True)
    train_args = args.train_args.split()
    dev = read(DEV)
    base = os.path.join(args.data, "base.zip")
    run("train", "--labels", TRAIN, "--out", base, *train_args)
    results = []
    for seed in [int(s) for s in args.seeds.split(",")]:
        folder = os.path.join(args.data, f"seed{seed}")
        pool_dir = os.path.join(folder, "pool")
        os.makedirs(pool_dir, exist_ok=True)
        rng = random.Random(seed)
        by_doc = {}
        for r in dev:
            by_doc.setdefault(r["document"], []).append(r)
        pool, test = [], []
        for doc in sorted(by_doc):
            rows = by_doc[doc][:]
            rng.shuffle(rows)
            half = len(rows) // 2
            pool += rows[:half]
            test += rows[half:]
        for old in os.listdir(pool_dir):
            os.remove(os.path.join(pool_dir, old))
        for doc in sorted(by_doc):
            texts = [norm(r["text"]) for r in pool if r["document"] == doc]
            with open(os.path.join(pool_dir, doc), "w", encoding="utf-8") as f:
                f.write("\n\n".join(texts) + "\n")
        test_path = os.path.join(folder, "test.csv")
        write(test_path, test)

        # The analyst's pick: suggest over the pool (asked for more than needed, as a few paragraphs may not map back to one labelled passage).
        suggestions = os.path.join(folder, "suggestions.csv")
        run("suggest", pool_dir, "--model", base, "--unit", "paragraph", "--count", str(args.count * 2), "--out", suggestions)
        by_text = {norm(r["text"]): r for r in pool}
        picked, seen = [], set()
        for s in read(suggestions):
            r = by_text.get(norm(s["text"]))
            if r is not None and r["id"] not in seen:
                picked.append(r)
                seen.add(r["id"])
            if len(picked) == args.count:
                break
        rnd = random.Random(1000 + seed).sample(pool, min(args.count, len(pool)))
        scores = {"base": macro(run("evaluate", "--labels", test_path, "--model", base, "--resamples", "0", "--out", os.path.join(folder, "eval-base")))}
        for name, rows in (("random", rnd), ("suggest", picked)):
            labels = os.path.join(folder, f"{name}.csv")
            write(labels, rows)
            model = os.path.join(folder, f"{name}.zip")
            run("train", "--labels", TRAIN, "--labels", labels, "--out", model, "--seed", str(seed), *train_args)
            scores[name] = macro(run("evaluate", "--labels", test_path, "--model", model, "--resamples", "0", "--out", os.path.join(folder, f"eval-{name}")))
        en_share = {name: sum(r["lang"] == "en" for r in rows) / max(1, len(rows)) for name, rows in (("random", rnd), ("suggest", picked))}
        positives = {name: sum(1 for r in rows if r["themes"].strip()) for name, rows in (("random", rnd), ("suggest", picked))}
        results.append((seed, len(pool), len(test), len(picked), scores))
        print(f"seed {seed}: pool {len(pool)}, test {len(test)}, suggest mapped {len(picked)} (en {en_share['suggest']:.0%}, with a theme {positives['suggest']}), "
              f"random en {en_share['random']:.0%}, with a theme {positives['random']}")
        for name in ("base", "random", "suggest"):
            s = scores[name]
            print(f"  {name:<8} macro-F1 {s['all']:.3f}  en {s['en']:.3f}  zh {s['zh']:.3f}")
        sys.stdout.flush()

    def mean(name, key):
        return sum(r[4][name][key] for r in results) / len(results)

    print(f"\nMean over {len(results)} seeds (test half of dev; +{args.count} labelled dev passages):")
    print("| model | macro-F1 | en | zh |")
    print("|---|---|---|---|")
    for name, label in (("base", "train.csv only"), ("random", f"+{args.count} random"), ("suggest", f"+{args.count} suggested")):
        print(f"| {label} | {mean(name, 'all'):.3f} | {mean(name, 'en'):.3f} | {mean(name, 'zh'):.3f} |")
    gains = [r[4]["suggest"]["all"] - r[4]["random"]["all"] for r in results]
    print(f"Gain of suggest over random, macro-F1: mean {sum(gains) / len(gains):+.3f}, per seed " + ", ".join(f"{g:+.3f}" for g in gains)
          + f"; suggest ahead in {sum(g > 0 for g in gains)} of {len(gains)} seeds")


if __name__ == "__main__":
    main()
