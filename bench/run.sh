#!/usr/bin/env bash
# The benchmark, in one command: bench/run.sh [options]
#
# Builds cpnlp in Release, generates English and Chinese corpora of the given sizes (deterministic:
# bench/gen_corpus.py, fixed seed), and on each runs, side by side, `wc -w` (the floor: reading the
# text once), `cpnlp analyze` with the built-in lexicon and the scikit-learn peer (bench/peer_sklearn.py);
# then classify's sentences per second. Prints one table: MB/s of each, cpnlp's MB per CPU-second (user +
# system time, which a shared machine disturbs less than wall time), cpnlp ÷ wc -w and cpnlp ÷ peer,
# peak RSS of cpnlp and of the peer, and the load average around each row; writes it to
# bench/.data/results-<time>.md. MB = 10^6 bytes of UTF-8 text on disk. The whole default run (100 and
# 500 MB, both languages, the peer on all four) takes about 15 minutes on two idle cores, most of it the peer.
#
# Options:
#   --sizes 100,500        corpus sizes in MB (each language)
#   --langs en,zh          languages
#   --peer-sizes 100,500   sizes on which the scikit-learn peer runs too (it is slow: 1-4 MB/s)
#   --runs 3               cpnlp runs per corpus; the median is reported (the machine may be shared)
#   --classify-mb 10       size of the corpus for the classify/train hook (0 to skip)
#   --data DIR             where corpora and outputs go (default bench/.data, ignored by git)
#   --no-peer              skip the peer
#   --analyze-args "ARGS"  more options for cpnlp analyze (for example "--no-charts")
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sizes=100,500
langs=en,zh
peer_sizes=100,500
runs=3
classify_mb=10
data=bench/.data
peer=1
analyze_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --langs) langs=$2; shift 2 ;;
    --peer-sizes) peer_sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --classify-mb) classify_mb=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --no-peer) peer=0; shift ;;
    --analyze-args) analyze_args=$2; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done
mkdir -p "$data"
data=$(cd "$data" && pwd)

# --- prerequisites ------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || need_apt+=(python3-sklearn)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing ${need_apt[*]} (Debian packages)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "bench/run.sh: install ${need_apt[*]} first (sudo apt-get install ${need_apt[*]})" >&2
    exit 69
  fi
fi

echo "== building cpnlp (Release)"
dotnet build src/CommonProsperity.Nlp.Cli -c Release -nologo -v quiet >/dev/null
cpnlp="$repo/src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp"

# --- helpers ------------------------------------------------------------------------------------
source bench/corpus.sh # corpus LANG MB -> its folder under $data
bytes_of() { find "$1" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}'; }
now() { echo "$EPOCHREALTIME"; }
elapsed() { printf '%.2f' "$(echo "$2 - $1" | bc)"; }
timed() { # out-file command... -> prints "seconds peak-rss-kb cpu-seconds"; command output goes to out-file
  local out=$1; shift
  local start end
  start=$(now)
  /usr/bin/time -f '%M %U %S' -o "$out.rss" "$@" >"$out" 2>&1
  end=$(now)
  read -r kb user sys < <(tail -n 1 "$out.rss")
  echo "$(elapsed "$start" "$end") $kb $(echo "$user + $sys" | bc)"
}
ratio() { printf '%.1f' "$(echo "scale=3; $1 / $2" | bc)"; }
ratio2() { printf '%.2f' "$(echo "scale=4; $1 / $2" | bc)"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mbps() { printf '%.1f' "$(echo "scale=3; $1 / 1000000 / $2" | bc)"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
report="$data/results-$stamp.md"
{
  echo "# cpnlp benchmark, $stamp"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "- .NET $(dotnet --version), cpnlp $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), $(/usr/bin/python3 -c 'import sklearn, sys; print(f"scikit-learn {sklearn.__version__}, Python {sys.version.split()[0]}")')"
  echo "- command: bench/run.sh --sizes $sizes --langs $langs --peer-sizes $peer_sizes --runs $runs${analyze_args:+ --analyze-args \"$analyze_args\"}"
  echo "- load average before: $load_before (1, 5, 15 min)"
  echo
  echo "| corpus | MB | files | wc -w MB/s | cpnlp s (median of $runs; all) | **cpnlp MB/s** | cpnlp MB per CPU-s | cpnlp ÷ wc -w | cpnlp peak RSS MB | peer s | peer MB/s | **cpnlp ÷ peer** | peer peak RSS MB | load (1 min) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$report"

# --- analyze ------------------------------------------------------------------------------------
for lang in ${langs//,/ }; do
  for mb in ${sizes//,/ }; do
    dir=$(corpus "$lang" "$mb")
    bytes=$(bytes_of "$dir")
    files=$(find "$dir" -type f -name '*.txt' | wc -l)

    # The floor: read every file and count words, with the files in the page cache (as for the tools).
    find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null
    start=$(now)
    find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat | wc -w >/dev/null
    wc_s=$(elapsed "$start" "$(now)")

    load_start=$(load1)
    seconds=(); cpus=(); rss=0
    for _ in $(seq "$runs"); do
      rm -rf "$data/out-$lang-$mb"
      # shellcheck disable=SC2086
      read -r s kb cpu < <(timed "$data/cpnlp-$lang-$mb.log" "$cpnlp" analyze "$dir" --out "$data/out-$lang-$mb" --quiet $analyze_args)
      seconds+=("$s"); cpus+=("$cpu"); [ "$kb" -gt "$rss" ] && rss=$kb
    done
    cp_s=$(printf '%s\n' "${seconds[@]}" | median)
    cp_cpu=$(printf '%s\n' "${cpus[@]}" | median)
    cp_mbps=$(mbps "$bytes" "$cp_s")

    peer_cells="| | | |"
    if [ "$peer" = 1 ] && [[ ",$peer_sizes," == *",$mb,"* ]]; then
      read -r ps pkb _ < <(timed "$data/peer-$lang-$mb.log" /usr/bin/python3 bench/peer_sklearn.py "$dir" --lexicon models/lexicon.csv --lang "$lang" --out "$data/peer-$lang-$mb.csv")
      peer_cells="$ps | $(mbps "$bytes" "$ps") | **$(ratio "$ps" "$cp_s")×** | $((pkb / 1024))"
    fi
    row="| $lang-$mb | $(printf '%.1f' "$(echo "scale=2; $bytes / 1000000" | bc)") | $files | $(mbps "$bytes" "$wc_s") | $cp_s ($(IFS=/; echo "${seconds[*]}")) | **$cp_mbps** | $(mbps "$bytes" "$cp_cpu") | $(ratio2 "$wc_s" "$cp_s") | $((rss / 1024)) | $peer_cells | $load_start → $(load1)"
    row="$row |"
    echo "$row" >>"$report"
    echo "$row"
  done
done

# --- classify / train (issue 3) -------------------------------------------------------------------
# HOOK for the classifier's targets: classify >= 20,000 sentences/s; train on the 1,200 labelled
# passages in < 60 s. Runs only when this build has the commands (they came from issue 3).
{
  echo
  echo "Classifier (issue 3 hook):"
  echo
} >>"$report"
if [ "$classify_mb" = 0 ]; then
  echo "- skipped (--classify-mb 0)" | tee -a "$report"
elif "$cpnlp" classify --help >/dev/null 2>&1 && [ -f ../shared/labels/train.csv ]; then
  read -r ts tkb _ < <(timed "$data/train.log" "$cpnlp" train --labels ../shared/labels/train.csv --out "$data/bench-model.zip")
  echo "- train on ../shared/labels/train.csv ($(($(wc -l <../shared/labels/train.csv) - 1)) lines): $ts s, peak RSS $((tkb / 1024)) MB" | tee -a "$report"
  for lang in ${langs//,/ }; do
    dir=$(corpus "$lang" "$classify_mb")
    rm -rf "$data/classify-$lang"
    read -r cs ckb _ < <(timed "$data/classify-$lang.log" "$cpnlp" classify "$dir" --unit sentence --out "$data/classify-$lang")
    sentences=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))) - 1)' "$data/classify-$lang/passages.csv")
    echo "- classify --unit sentence, $lang-$classify_mb: $sentences sentences in $cs s = $(printf '%.0f' "$(echo "scale=2; $sentences / $cs" | bc)") sentences/s, peak RSS $((ckb / 1024)) MB" | tee -a "$report"
  done
else
  echo "- skipped: this build has no 'cpnlp classify' (issue 3) or ../shared/labels/train.csv is missing" | tee -a "$report"
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo
  echo "- load average after: $load_after"
} >>"$report"
echo
cat "$report"
echo
echo "(written to $report)"
