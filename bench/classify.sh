#!/usr/bin/env bash
# Times `cpnlp classify --unit sentence` end to end (issue 14, item 4: >= 20,000 sentences/s) with the
# shipped model, on the generated bench corpora (bench/gen_corpus.py, as bench/run.sh makes them).
#
#   bench/classify.sh                                   # en and zh, 10 MB each, 3 runs, this tree's Release build
#   bench/classify.sh --mb 50 --runs 5 --langs en
#   bench/classify.sh name1=PATH/cpnlp name2=PATH/cpnlp   # several builds, interleaved run after run
#
# Prints per build and corpus: the sentences (rows of passages.csv), the median wall-clock seconds and
# sentences per second, the median CPU seconds (user + system) and sentences per CPU-second (the steadier
# figure on a shared machine), and the peak RSS. Each build uses its own shipped model (models/ beside
# the tool, or --model FILE for all).
set -euo pipefail
cd "$(dirname "$0")/.."

mb=10
runs=3
langs=en,zh
data=bench/.data
model=""
builds=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --langs) langs=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    *=*) builds+=("$1"); shift ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 64 ;;
  esac
done

if [[ ${#builds[@]} -eq 0 ]]; then
  dotnet build src/CommonProsperity.Nlp.Cli -c Release -v q -nologo >/dev/null
  builds=("this=src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp")
  model=${model:-models/themes.model.zip}
fi

mkdir -p "$data"
out=$(mktemp -d /tmp/cpnlp-classify-bench.XXXXXX)
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for lang in ${langs//,/ }; do
  corpus="$data/$lang-$mb"
  [[ -d "$corpus" ]] || python3 bench/gen_corpus.py --lang "$lang" --mb "$mb" --out "$corpus" >/dev/null
  find "$corpus" -type f -exec cat {} + >/dev/null  # warm the page cache
  for ((r = 1; r <= runs; r++)); do
    for build in "${builds[@]}"; do
      name=${build%%=*}
      cpnlp=${build#*=}
      rm -rf "$out/$name"
      /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$cpnlp" classify "$corpus" --unit sentence --out "$out/$name" ${model:+--model "$model"} >/dev/null
      sentences=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))) - 1)' "$out/$name/passages.csv")
      echo "$lang $name $sentences $(cat "$out/time")" >>"$out/results"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out/results" "$mb" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
print(f"| build | corpus | sentences | median s (runs) | sentences/s | median CPU s | sentences per CPU-s | peak RSS MB |")
print("|---|---|---|---|---|---|---|---|")
for key in dict.fromkeys((r[0], r[1]) for r in rows):
    mine = [r for r in rows if (r[0], r[1]) == key]
    sentences = int(mine[0][2])
    wall = [float(r[3]) for r in mine]
    cpu = [float(r[4]) + float(r[5]) for r in mine]
    rss = max(int(r[6]) for r in mine) / 1024
    w, c = statistics.median(wall), statistics.median(cpu)
    print(f"| {key[1]} | {key[0]}-{sys.argv[2]} | {sentences:,} | {w:.2f} ({'/'.join(f'{x:.2f}' for x in wall)}) | {sentences / w:,.0f} | {c:.2f} | {sentences / c:,.0f} | {rss:.0f} |")
EOF
