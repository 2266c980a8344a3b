#!/usr/bin/python3
"""The peer cpnlp is measured against: theme counts with scikit-learn's CountVectorizer, written the
way a Python analyst would write them.

The lexicon's terms become CountVectorizer's vocabulary (n-grams of tokens, lower case); a starred
term (inequalit*) is expanded against the corpus vocabulary first, which takes one pass over the
corpus; the n-gram range covers the longest term. Each document's count per term is summed per theme
and written to a CSV (document, theme, hits).

It does less than cpnlp analyze: no evidence rows (offsets, context), no sentences, no per-document
token counts, and n-grams of one theme may overlap (cpnlp's longest-match-wins rule has no
CountVectorizer equivalent), so its counts differ slightly; it is a speed reference, not a check.

Usage: peer_sklearn.py --lexicon models/lexicon.csv --lang en --out hits.csv CORPUS_DIR
Runs with Debian's python3-sklearn (apt-get install python3-sklearn).
"""

import argparse
import csv
import os
import re
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Close to cpnlp's counting rules: each Han character is a token; other words are runs of letters and
# digits, with an apostrophe between letters kept inside the word.
TOKEN_PATTERN = rf"(?u)[{HAN}]|[^\W_{HAN}]+(?:['’][^\W\d_{HAN}]+)*"


def read_lexicon(path, lang):
    """(theme, term) pairs of the lexicon, those of one language when the lexicon says."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["theme"].strip(), r["term"].strip()) for r in rows if not lang or not r.get("lang") or r["lang"].strip() == lang]


def files_under(folder):
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".txt") and not n.startswith("."))
    return found


def main():
    parser = argparse.ArgumentParser(description="scikit-learn CountVectorizer peer for cpnlp analyze")
    parser.add_argument("corpus")
    parser.add_argument("--lexicon", required=True)
    parser.add_argument("--lang", default="", help="use only the lexicon's terms of this language (as an analyst of one language would)")
    parser.add_argument("--out", default=os.devnull)
    args = parser.parse_args()

    clock = time.perf_counter()
    files = files_under(args.corpus)
    lexicon = read_lexicon(args.lexicon, args.lang)
    tokenize = CountVectorizer(token_pattern=TOKEN_PATTERN, lowercase=True).build_analyzer()

    # Pass 1: the corpus vocabulary, to expand starred terms (inequalit* -> inequality, inequalities).
    starred = [(theme, term) for theme, term in lexicon if term.endswith("*")]
    words = []
    if starred:
        unigrams = CountVectorizer(input="filename", token_pattern=TOKEN_PATTERN, lowercase=True, dtype=np.int32)
        unigrams.fit(files)
        words = sorted(unigrams.vocabulary_)
    vocabulary_ms = (time.perf_counter() - clock) * 1000

    themes_of = {}
    for theme, term in lexicon:
        tokens = tokenize(term.rstrip("*"))
        if not tokens:
            continue
        if term.endswith("*"):
            head, prefix = tokens[:-1], tokens[-1]
            expansions = [" ".join(head + [w]) for w in words if w.startswith(prefix)]
        else:
            expansions = [" ".join(tokens)]
        for expansion in expansions:
            themes_of.setdefault(expansion, set()).add(theme)
    longest = max(len(t.split(" ")) for t in themes_of)

    # Pass 2: count the terms in every document.
    vocabulary = sorted(themes_of)
    vectorizer = CountVectorizer(input="filename", token_pattern=TOKEN_PATTERN, lowercase=True,
                                 ngram_range=(1, longest), vocabulary=vocabulary, dtype=np.int32)
    counts = vectorizer.transform(files)
    themes = sorted({t for ts in themes_of.values() for t in ts})
    term_theme = np.zeros((len(vocabulary), len(themes)), dtype=np.int32)
    for row, term in enumerate(vocabulary):
        for theme in themes_of[term]:
            term_theme[row, themes.index(theme)] = 1
    hits = counts @ term_theme
    count_ms = (time.perf_counter() - clock) * 1000 - vocabulary_ms

    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["document", "theme", "hits"])
        for d, path in enumerate(files):
            name = os.path.relpath(path, args.corpus)
            for t, theme in enumerate(themes):
                out.writerow([name, theme, int(hits[d, t])])

    total_ms = (time.perf_counter() - clock) * 1000
    print(f"peer: {len(files)} files, {len(vocabulary)} vocabulary n-grams (1-{longest}), "
          f"{int(hits.sum())} hits; vocabulary pass {vocabulary_ms:.0f} ms, counting {count_ms:.0f} ms, total {total_ms:.0f} ms",
          file=sys.stderr)


if __name__ == "__main__":
    main()
