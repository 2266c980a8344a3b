#!/usr/bin/env python3
"""Generates a corpus of many short documents, with a sources.csv, to measure report.html at scale.

The sentences of ../shared/corpus are shuffled with a fixed seed and dealt out as --documents files of
8-40 sentences each (English and Chinese documents apart), 1,000 to a folder, with a sources.csv that
gives each a title, a date and a publisher. The same arguments always give the same bytes.

Usage: gen_many.py --documents 10000 --out DIR [--seed 42] [--sources ../shared/corpus]
"""

import argparse
import csv
import os
import random
import re

ZH_END = re.compile(r"(?<=[。！？])")
EN_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
HAN = re.compile(r"[\u3400-\u9fff]")


def sentences(folder):
    en, zh = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8-sig") as handle:
            text = re.sub(r"\s+", " ", handle.read())
        chinese = len(HAN.findall(text)) * 5 >= sum(c.isalpha() for c in text)
        parts = ZH_END.split(text) if chinese else EN_END.split(text)
        (zh if chinese else en).extend(p.strip() for p in parts if len(p.strip()) > 8)
    return en, zh


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--sources", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    en, zh = sentences(args.sources)
    publishers = ["State Council", "NPC Standing Committee", "CPC Central Committee", "Ministry of Civil Affairs", "Xinhua", "Think tank"]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "sources.csv"), "w", encoding="utf-8", newline="") as sources:
        table = csv.writer(sources)
        table.writerow(["file", "title", "date", "publisher", "language"])
        for d in range(args.documents):
            language = "zh" if rng.random() < 0.6 else "en"
            pool = zh if language == "zh" else en
            body = rng.sample(pool, rng.randint(8, 40))
            joiner = "" if language == "zh" else " "
            relative = f"{d // 1000:02d}/doc_{d:05d}.txt"
            os.makedirs(os.path.join(args.out, os.path.dirname(relative)), exist_ok=True)
            with open(os.path.join(args.out, relative), "w", encoding="utf-8") as handle:
                handle.write(joiner.join(body) + "\n")
            year = 2010 + rng.randint(0, 15)
            table.writerow([relative, body[0][:60], f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.choice(publishers), language])


if __name__ == "__main__":
    main()
