#!/usr/bin/env bash
# Peak memory and time of `cpnlp analyze` on single huge documents (issue 14, item 3):
#
#   en-200-one-line.txt   200 MB of English on one line (the 200 MB bench corpus, line breaks read as spaces)
#   zh-200-one-line.txt   200 MB of Chinese on one line, paragraphs opened by 　　 (gen_corpus.py --single-line)
#   zh-100-one-line.txt   the same at 100 MB (whose evidence, 0.6 GB, a document read whole could still hold)
#   en-1000.txt           1 GB of English text in one file (the 1,000 MB bench corpus, documents one after another)
#   zh-100-no-sentence-end.txt   zh-100-one-line with every sentence end (。！？) turned into a comma (，) and the paragraph
#                                marks (　　) taken out: one sentence of 100 MB, no safe cut anywhere
#   en-200-no-sentence-end.txt   200 MB of "charity " (as tests/…/Robustness/LargeInputTests.cs), analysed with a
#                                two-term lexicon without exclusions (charit*, income gap), so windows cut between words
#   en-200-no-punctuation.txt    en-200-one-line with every character other than a letter, digit, space, apostrophe or
#                                hyphen turned into a space: 200 MB of words with no sentence end and no clause mark,
#                                analysed with the built-in lexicon (which has exclusions)
#   zh-100-one-run.txt           zh-100-one-line with every character that is not a Chinese character taken out: one run
#                                of Chinese characters (~95 MB) with no punctuation, no space, no paragraph mark
#   html-200.html                the 200 MB English bench corpus as one HTML page (each paragraph a <p>)
#   csv-200.csv                  the 200 MB English bench corpus as one CSV file (id,text; a row per document)
#   pdf-16.pdf                   16 MB of PDF (bench/gen_pdf.py: compressed text pages from en-200-one-line, ~30 MB of text);
#                                pdf-N makes N MB the same way (pdf-65: 65 MB)
#
# Passage commands (--cases classify-en-200-one-line, classify-csv-200 and so on): `cpnlp classify FILE --out OUT`
# of that case's input; the table then gives its peak RSS, exit code and the lines of passages.csv (its reports
# are not compared).
#
# Usage: bench/large_docs.sh [--data DIR] [--cases en-200-one-line,zh-200-one-line,zh-100-one-line,en-1000,...] [NAME=PATH/TO/cpnlp ...]
#
# Without NAME=BINARY, builds this tree (Release) and measures it as "after". Each run is
# `/usr/bin/time -v cpnlp analyze FILE --out OUT --quiet --no-charts`; the table gives wall-clock seconds,
# MB/s, peak RSS (VmHWM) and the exit code. When several builds are given, the five CSV reports of each
# are compared byte for byte with the first build's that analysed the file ("same" / "DIFFERENT").
# MB = 10^6 bytes of text on disk. Corpora go to DIR (default bench/.data, ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

data=bench/.data
cases=en-200-one-line,zh-200-one-line,zh-100-one-line,en-1000
builds=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *=*) builds+=("$1"); shift ;;
    *) echo "bench/large_docs.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/large_docs.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 69; }
mkdir -p "$data"
data=$(cd "$data" && pwd)

if [ ${#builds[@]} -eq 0 ]; then
  echo "== building Release"
  dotnet publish src/CommonProsperity.Nlp.Cli -c Release -o "$data/cpnlp-after" -v quiet >/dev/null
  builds=("after=$data/cpnlp-after/cpnlp")
fi

# --- inputs (made once) -------------------------------------------------------------------------
# A case's input file; classify-NAME reads NAME's.
input_file() {
  case "$1" in
    classify-*) input_file "${1#classify-}" ;;
    html-*) echo "$data/large/$1.html" ;;
    csv-*) echo "$data/large/$1.csv" ;;
    pdf-*) echo "$data/large/$1.pdf" ;;
    *) echo "$data/large/$1.txt" ;;
  esac
}

make_input() {
  local name=$1 file
  file=$(input_file "$1")
  [ -s "$file" ] && return
  mkdir -p "$data/large"
  case "$name" in classify-*) make_input "${name#classify-}"; return ;; esac
  local lang mb single="" join
  case "$name" in
    zh-100-no-sentence-end)
      make_input zh-100-one-line
      python3 - "$data/large/zh-100-one-line.txt" "$file.part" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
for mark in "。！？":
    text = text.replace(mark, "，")
text = text.replace("\u3000\u3000", "")  # no paragraph marks either: one sentence of 100 MB
open(sys.argv[2], "w", encoding="utf-8", newline="").write(text)
PY
      mv "$file.part" "$file"; return ;;
    en-200-no-sentence-end)
      python3 - "$file.part" <<'PY'
import sys
chunk = "charity " * 1024
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for _ in range(200_000_000 // len(chunk)):
        out.write(chunk)
PY
      mv "$file.part" "$file"; return ;;
    en-200-no-punctuation | zh-100-one-run)
      local from=en-200-one-line
      [ "$name" = zh-100-one-run ] && from=zh-100-one-line
      make_input "$from"
      python3 - "$data/large/$from.txt" "$file.part" "$name" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
if sys.argv[3] == "zh-100-one-run":
    text = re.sub(r"[^\u3400-\u4dbf\u4e00-\u9fff]+", "", text)  # one run of Chinese characters
else:
    text = re.sub(r"[^\w\s'’-]", " ", text)  # words, no sentence end, no clause mark
open(sys.argv[2], "w", encoding="utf-8", newline="").write(text)
PY
      mv "$file.part" "$file"; return ;;
    pdf-*)
      make_input en-200-one-line
      python3 bench/gen_pdf.py "$data/large/en-200-one-line.txt" "$file.part" "${name#pdf-}" >/dev/null
      mv "$file.part" "$file"; return ;;
    html-200 | csv-200) lang=en; mb=200; join=${name%-200} ;;
    en-200-one-line) lang=en; mb=200; join=one-line ;;
    zh-200-one-line) lang=zh; mb=200; single=--single-line; join=paragraphs ;;
    zh-100-one-line) lang=zh; mb=100; single=--single-line; join=paragraphs ;;
    en-1000) lang=en; mb=1000; join=documents ;;
    *) echo "bench/large_docs.sh: unknown case $name" >&2; exit 64 ;;
  esac
  echo "== generating $name"
  local corpus="$data/large/$name.corpus"
  rm -rf "$corpus"
  python3 bench/gen_corpus.py --lang "$lang" --mb "$mb" --out "$corpus" $single >/dev/null
  # One file: the documents in order, joined as the case says.
  python3 - "$corpus" "$file.part" "$join" <<'PY'
import os, sys
corpus, out, join = sys.argv[1:]
import csv, html
names = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt"))
with open(out, "w", encoding="utf-8", newline="") as target:
    rows = csv.writer(target, lineterminator="\n") if join == "csv" else None
    if rows:
        rows.writerow(["id", "text"])
    if join == "html":
        target.write("<!DOCTYPE html>\n<html><head><title>bench</title></head><body>\n")
    for i, name in enumerate(names):
        with open(name, encoding="utf-8", newline="") as source:
            text = source.read()
        if rows:
            rows.writerow([os.path.relpath(name, corpus), text])
        elif join == "html":
            for paragraph in text.split("\n\n"):
                target.write("<p>" + html.escape(paragraph) + "</p>\n")
        elif join == "one-line":
            target.write((" " if i else "") + " ".join(text.split("\n")).replace("\r", " "))
        elif join == "paragraphs":
            target.write(("\u3000\u3000" if i else "") + text.replace("\n", ""))
        else:
            target.write(("\n\n" if i else "") + text)
    if join == "html":
        target.write("</body></html>\n")
PY
  mv "$file.part" "$file"
  rm -rf "$corpus"
}

IFS=, read -r -a case_list <<< "$cases"
for c in "${case_list[@]}"; do make_input "$c"; done
sync

# --- runs ---------------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%d-%H%M%S)
table="$data/large-results-$stamp.md"
{
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| input | build | s | MB/s | peak RSS MB | exit | reports |"
  echo "|---|---|---|---|---|---|---|"
} | tee "$table"
for c in "${case_list[@]}"; do
  file=$(input_file "$c")
  mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.0f}')" "$file")
  cat "$file" > /dev/null # warm the page cache
  first=""
  for b in "${builds[@]}"; do
    name=${b%%=*} bin=${b#*=}
    out="$data/large/out-$c-$name"
    rm -rf "$out"
    set +e
    extra=()
    if [ "$c" = en-200-no-sentence-end ]; then
      printf 'theme,term\nphilanthropy,charit*\ninequality,income gap\n' > "$data/large/two-terms.csv"
      extra=(--lexicon "$data/large/two-terms.csv")
    fi
    case "$c" in
      classify-*) command=(classify "$file" --out "$out") ;;
      *) command=(analyze "$file" --out "$out" --quiet --no-charts "${extra[@]}") ;;
    esac
    /usr/bin/time -v "$bin" "${command[@]}" > "$out.log" 2> "$out.time"
    code=$?
    set -e
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out.time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out.time")
    rate=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$mb" "$secs")
    same="—"
    if [ -s "$out/passages.csv" ]; then
      same="passages.csv $(wc -l < "$out/passages.csv") lines"
    elif [ -s "$out/theme_frequency.csv" ]; then
      if [ -z "$first" ]; then
        first=$out; same="(reference)"
      else
        same=same
        for r in evidence.csv theme_frequency.csv theme_frequency_wide.csv corpus_summary.csv term_frequency.csv; do
          cmp -s "$first/$r" "$out/$r" || same=DIFFERENT
        done
      fi
    else
      same="no reports"
    fi
    echo "| $c ($mb MB) | $name | $secs | $rate | $rss | $code | $same |" | tee -a "$table"
  done
done
echo
echo "written to $table"
