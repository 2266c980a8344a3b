#!/usr/bin/python3
"""The lexicon review table: per theme, every term with its hits and precision on two label files.

Runs `cpnlp lexicon check` on each label file (the counting rules of the tool itself, exclusions
included), joins the per-term rows and prints Markdown: the per-theme summary, then one table per
theme (term, language, passages hit and precision on each file). docs/lexicon-review.md is made by

    dotnet build src/CommonProsperity.Nlp.Cli -c Release
    /usr/bin/python3 scripts/lexicon_review.py ../shared/labels/train.csv ../shared/labels/dev.csv \
        > docs/lexicon-review-tables.md

Options: --lexicon FILE (default: the built-in lexicon), --cpnlp PATH (default: the Release build),
--summary (only the per-theme summary, for quick iterations).
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CPNLP = os.path.join(HERE, "..", "src", "CommonProsperity.Nlp.Cli", "bin", "Release", "net10.0", "cpnlp")


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def check(cpnlp, labels, lexicon, out):
    command = [cpnlp, "lexicon", "check", "--labels", labels, "--out", out]
    if lexicon:
        command += ["--lexicon", lexicon]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return read(os.path.join(out, "lexicon_check.csv")), read(os.path.join(out, "lexicon_terms.csv"))


def cell(passages, on_theme):
    return f"{passages} | {on_theme / passages:.2f}" if passages else "0 | –"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="+", help="label files (CSV with text and themes), such as train.csv dev.csv")
    parser.add_argument("--lexicon", help="lexicon file (default: built-in)")
    parser.add_argument("--cpnlp", default=DEFAULT_CPNLP, help="the cpnlp executable")
    parser.add_argument("--summary", action="store_true", help="only the per-theme summary")
    args = parser.parse_args()

    names = [os.path.splitext(os.path.basename(path))[0] for path in args.labels]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, labels in enumerate(args.labels):
            results.append(check(args.cpnlp, labels, args.lexicon, os.path.join(tmp, str(i))))

        lexicon = args.lexicon
        if not lexicon:
            lexicon = os.path.join(tmp, "built-in.csv")
            subprocess.run([args.cpnlp, "lexicon", "export", "--out", lexicon], check=True, capture_output=True)
        languages = {(r["theme"], r["term"].strip()): r.get("lang", "") for r in read(lexicon)}

    print("## Per theme (passage level: a passage is a hit when any of the theme's terms matches)\n")
    print("| theme | lang | " + " | ".join(f"P {n} | R {n} | F1 {n} | support {n}" for n in names) + " |")
    print("|---|---|" + "---|---|---|---|" * len(names))
    keys = [(r["theme"], r["lang"]) for r in results[0][0]]
    by_file = [{(r["theme"], r["lang"]): r for r in rows} for rows, _ in results]
    for key in sorted(keys, key=lambda k: ({"all": 0, "en": 1, "zh": 2}.get(k[1], 3), keys.index(k))):
        cells = []
        for table in by_file:
            r = table.get(key)
            cells.append(f"{float(r['precision']):.3f} | {float(r['recall']):.3f} | {float(r['f1']):.3f} | {r['support']}" if r else "– | – | – | –")
        print(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + " |")
    for lang in ("all", "en", "zh"):
        macros = []
        for table in by_file:
            f1s = [float(r["f1"]) for (theme, l), r in table.items() if l == lang]
            macros.append(f"{sum(f1s) / len(f1s):.3f}" if f1s else "–")
        print(f"| **macro F1** | {lang} | " + " | ".join(f" | | **{m}** | " for m in macros).replace("  ", " ") + " |")
    if args.summary:
        return

    terms = [{(r["theme"], r["term"]): r for r in rows} for _, rows in results]
    order = [(r["theme"], r["term"]) for r in results[0][1]]
    themes = list(dict.fromkeys(theme for theme, _ in order))
    for theme in themes:
        print(f"\n## {theme}\n")
        print("| term | lang | " + " | ".join(f"hits {n} | precision {n}" for n in names) + " |")
        print("|---|---|" + "---|---|" * len(names))
        for key in [k for k in order if k[0] == theme]:
            cells = []
            for table in terms:
                r = table.get(key)
                cells.append(cell(int(r["passages"]), int(r["on_theme"])) if r else "0 | –")
            term = key[1].replace("|", "\\|")
            print(f"| {term} | {languages.get(key, '')} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
