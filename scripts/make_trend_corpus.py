#!/usr/bin/env python3
"""Writes a generated corpus of N dated English documents for looking at charts at scale
(docs/discovery.md, "Charts at scale"): yearly reports from 1954 to 2024 with the gaps of the
government work reports (no report 1965-1974 and 2023), one dominant theme (economy words) and small
ones (inequality, philanthropy, environment from 2001, common prosperity from 2016). Seeded: the same N
gives the same texts.

  python3 scripts/make_trend_corpus.py 60 /tmp/c60
  python3 scripts/make_trend_corpus.py 200 /tmp/m200 monthly

With "monthly", document i is dated in the i-th month from January 2008 on, skipping March to August
2015 (a gap), so that `trend --by month` has one period per document.
"""
import os, random, sys

n, folder = int(sys.argv[1]), sys.argv[2]
monthly = len(sys.argv) > 3 and sys.argv[3] == "monthly"
months = [(y, m) for y in range(2008, 2100) for m in range(1, 13) if not (y == 2015 and 3 <= m <= 8)]
os.makedirs(folder, exist_ok=True)
r = random.Random(7)
filler = "economy growth market reform investment trade enterprise development industry finance".split()
inequality = "inequality income gap poverty wealth".split()
philanthropy = "charity donation philanthropy foundation volunteer".split()
environment = "pollution ecological environment emissions green".split()
years = [y for y in range(1954, 2025) if not (1965 <= y <= 1974) and y != 2023]
rows = ["file,title,date,language"]
for i in range(n):
    year, month = months[i] if monthly else (years[i * len(years) // n], 3)
    words = []
    for _ in range(400):
        x = r.random()
        words.append(r.choice(inequality) if x < 0.02 else r.choice(philanthropy) if x < 0.025
                     else r.choice(environment) if x < 0.03 and year > 2000 else "common prosperity" if x < 0.032 and year > 2015
                     else r.choice(filler))
    name = f"report_{year}_{i:03d}.txt"
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(" ".join(words) + ".\n")
    rows.append(f"{name},Report {year} {i},{year}-{month:02d}-05,en")
with open(os.path.join(folder, "sources.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
print(f"{n} documents in {folder}")
