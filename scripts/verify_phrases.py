#!/usr/bin/env python3
"""Independent check of `cpnlp ngrams` and `cpnlp collocations` (docs/discovery.md, "N-grams and collocations").

Recomputes, from the plain texts of a folder and with nothing from the C# code, the counts of English word
n-grams and of Chinese character n-grams and the collocation statistics (2x2 table of adjacent pairs,
G2 = 2 sum O ln(O/E) after Dunning 1993, PMI = log2(O11/E11)), and compares them with a report cpnlp wrote.
Chinese is checked by characters (--unit characters); with --unit words only the English rows are
checked, since Chinese words come from jieba.NET. It handles texts whose English is plain letters and spaces (no hyphens, apostrophes, numbers or web
addresses), like tests/CommonProsperity.Nlp.Tests/Fixtures/Phrases.

  python3 scripts/verify_phrases.py FOLDER REPORT.csv [--min-count N] [--keep-stop-words]

Exit code 0 when every row agrees (counts exactly, statistics to 1e-6 relative) and no phrase is missing.
"""
import csv, math, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
STOP = {w.strip().lower() for w in open(os.path.join(HERE, "..", "src", "CommonProsperity.Nlp", "Discovery", "Resources", "stopwords-en.txt"), encoding="utf-8")
        if w.strip() and not w.startswith("#")}
BINDING = set("的地得了着过之和与及或是等也而其")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def runs(text, unit):
    """Stretches of units with no punctuation between them: (language, [units])."""
    if unit == "words":
        for piece in re.split(r"[^A-Za-z ]+", text):  # any punctuation or Chinese ends an English run
            words = piece.lower().split()
            if words:
                yield "en", words
    else:
        for piece in re.split(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\s]+", text):
            chars = [c for c in piece if HAN.match(c)]
            if chars:
                yield "zh", chars


def content(language, unit):
    return unit not in BINDING if language == "zh" else (len(unit) >= 2 and unit not in STOP)


def join(language, units):
    return " ".join(units) if language == "en" else "".join(units)


def main():
    folder, report = sys.argv[1], sys.argv[2]
    keep = "--keep-stop-words" in sys.argv
    min_count = int(sys.argv[sys.argv.index("--min-count") + 1]) if "--min-count" in sys.argv else 3
    rows = list(csv.DictReader(open(report, encoding="utf-8-sig")))
    unit = rows[0]["unit"]
    if unit == "words":  # Chinese words come from jieba.NET, which this check does not redo: English rows only
        rows = [r for r in rows if r["lang"] == "en"]
    texts = [open(os.path.join(folder, f), encoding="utf-8").read() for f in sorted(os.listdir(folder)) if f.endswith(".txt")]
    all_runs = [r for t in texts for r in runs(t, unit)]
    problems, worst = [], 0.0
    if "g2" in rows[0]:
        pairs, first, second, total = Counter(), Counter(), Counter(), Counter()
        for language, units in all_runs:
            for a, b in zip(units, units[1:]):
                pairs[language, a, b] += 1
                first[language, a] += 1
                second[language, b] += 1
                total[language] += 1
        expected = {}
        for (language, a, b), o11 in pairs.items():
            n, r1, c1 = total[language], first[language, a], second[language, b]
            cells = [(o11, r1 * c1 / n), (r1 - o11, r1 * (n - c1) / n), (c1 - o11, (n - r1) * c1 / n), (n - r1 - c1 + o11, (n - r1) * (n - c1) / n)]
            g2 = 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)
            if o11 >= min_count and o11 > cells[0][1] and (keep or (content(language, a) and content(language, b))):
                expected[language, join(language, [a, b])] = (o11, r1, c1, n, g2, math.log2(o11 * n / (r1 * c1)))
        for row in rows:
            key = (row["lang"], row["term"])
            if key not in expected:
                problems.append(f"cpnlp lists {key}, the check does not")
                continue
            o11, r1, c1, n, g2, pmi = expected.pop(key)
            if (int(row["count"]), int(row["first_count"]), int(row["second_count"]), int(row["pairs"])) != (o11, r1, c1, n):
                problems.append(f"{key}: counts {row['count']},{row['first_count']},{row['second_count']},{row['pairs']} vs {o11},{r1},{c1},{n}")
            for name, value in (("g2", g2), ("pmi", pmi)):
                relative = abs(float(row[name]) - value) / max(abs(value), 1e-12)
                worst = max(worst, relative)
                if relative > 1e-5:  # the CSV holds six significant digits
                    problems.append(f"{key}: {name} {row[name]} vs {value:.6g}")
        kind = "collocations"
    else:
        sizes = sorted({int(r["size"]) for r in rows})
        counts = Counter()
        for language, units in all_runs:
            for size in range(sizes[0], sizes[-1] + 1):
                for i in range(len(units) - size + 1):
                    gram = units[i:i + size]
                    if keep or (content(language, gram[0]) and content(language, gram[-1])):
                        counts[language, size, join(language, gram)] += 1
        expected = {k: v for k, v in counts.items() if v >= min_count}
        for row in rows:
            key = (row["lang"], int(row["size"]), row["term"])
            if expected.pop(key, None) != int(row["count"]):
                problems.append(f"{key}: count {row['count']} vs {counts.get(key)}")
        kind = "n-grams"
    listed = len(rows)
    print(f"{listed} {kind} checked; {len(expected)} the check finds that the report lacks (beyond --top: raise it to compare all); "
          f"largest relative difference of a statistic {worst:.2e}; {len(problems)} disagreement(s)")
    for p in problems[:20]:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
