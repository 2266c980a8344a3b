#!/usr/bin/env python3
"""Generates a benchmark corpus deterministically from the repository's texts.

The sentences of corpus/ and ../shared/corpus (one language at a time) are shuffled with a fixed
seed and laid out again as documents of 4-64 KB: English paragraphs hard-wrapped at about 100
columns (as text converted from PDF), Chinese paragraphs one to a line. Documents go 1,000 to a
folder (en/0000/doc_000000.txt, ...), like a news archive. The same seed and size always give the
same bytes, and a smaller corpus is a prefix of a larger one.

With --single-line (Chinese only) each document is one line, every paragraph opened by two ideographic
spaces, as 21 of 54 government work reports found online are published.

Usage: gen_corpus.py --lang en|zh --mb 500 --out DIR [--seed 42] [--single-line] [--sources DIR ...]
"""

import argparse
import csv
import os
import random
import re
import sys
import textwrap

HAN = re.compile(r"[\u3400-\u9fff]")
EN_SENTENCE_END = re.compile(r"([.!?][\"'”’)]?)\s+(?=[A-Z0-9\"“(])")
ZH_SENTENCE_END = re.compile(r"([。！？][”’」』）]?)")


def languages_from_sources(folder):
    """file name -> language, from the folder's sources.csv (empty when there is none)."""
    path = os.path.join(folder, "sources.csv")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row["file"]: (row.get("language") or "").strip() for row in csv.DictReader(handle)}


def guess_language(text):
    han = len(HAN.findall(text[:20000]))
    letters = sum(1 for c in text[:20000] if c.isalpha())
    return "zh" if letters and han * 5 >= letters else "en"


def paragraphs(text):
    """Paragraphs with their line wraps undone (blank lines separate paragraphs)."""
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            yield lines


def split_after(pattern, text):
    """Splits text after each match's first group (the end mark), dropping the spaces that follow."""
    parts = []
    start = 0
    for match in pattern.finditer(text):
        parts.append(text[start:match.end(1)])
        start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def sentences(text, lang):
    found = []
    for lines in paragraphs(text):
        if lang == "zh":
            # Chinese documents put one paragraph on a line.
            for line in lines:
                found.extend(split_after(ZH_SENTENCE_END, line))
        else:
            joined = " ".join(lines)
            found.extend(split_after(EN_SENTENCE_END, joined))
    return found


def load_sentences(sources, lang):
    pool = []
    for folder in sources:
        if not os.path.isdir(folder):
            print(f"gen_corpus: {folder} is missing; skipped", file=sys.stderr)
            continue
        declared = languages_from_sources(folder)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8-sig") as handle:
                text = handle.read()
            if (declared.get(name) or guess_language(text)) == lang:
                pool.extend(sentences(text, lang))
    if not pool:
        sys.exit(f"gen_corpus: no {lang} sentences found in {', '.join(sources)}")
    return pool


def documents(pool, lang, rng, single_line=False):
    """An endless stream of documents made of shuffled sentences."""
    order = list(range(len(pool)))
    position = len(order)
    while True:
        target = rng.randint(4_000, 64_000)
        parts = []
        size = 0
        while size < target:
            count = rng.randint(2, 7)
            paragraph = []
            for _ in range(count):
                if position == len(order):
                    rng.shuffle(order)
                    position = 0
                paragraph.append(pool[order[position]])
                position += 1
            if lang == "zh":
                text = "".join(paragraph)
            else:
                text = "\n".join(textwrap.wrap(" ".join(paragraph), width=100, break_on_hyphens=False))
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
        if single_line:
            yield "".join("\u3000\u3000" + part for part in parts) + "\n"
        else:
            yield "\n\n".join(parts) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["en", "zh"], required=True)
    parser.add_argument("--mb", type=float, required=True, help="size in MB (10^6 bytes) of UTF-8 text")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--single-line", action="store_true", help="Chinese: a document on one line, paragraphs opened by two ideographic spaces")
    parser.add_argument("--sources", nargs="*", default=[os.path.join(repo, "corpus"), os.path.join(repo, "..", "shared", "corpus")])
    args = parser.parse_args()
    if args.single_line and args.lang != "zh":
        parser.error("--single-line is for Chinese (--lang zh): it marks paragraphs with ideographic spaces")

    pool = load_sentences(args.sources, args.lang)
    rng = random.Random(f"{args.seed}-{args.lang}")
    limit = int(args.mb * 1_000_000)
    written = 0
    count = 0
    for text in documents(pool, args.lang, rng, args.single_line):
        data = text.encode("utf-8")
        if written + len(data) > limit:
            data = data[: max(0, limit - written)].decode("utf-8", errors="ignore").encode("utf-8")
        if not data:
            break
        folder = os.path.join(args.out, args.lang, f"{count // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"doc_{count:06d}.txt"), "wb") as handle:
            handle.write(data)
        written += len(data)
        count += 1
        if written >= limit:
            break
    print(f"{args.out}: {count} {args.lang} documents, {written:,} bytes, from {len(pool):,} sentences (seed {args.seed})")


if __name__ == "__main__":
    main()
