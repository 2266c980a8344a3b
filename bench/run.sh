#!/usr/bin/env bash
# The benchmark, in one command: bench/run.sh [options]
#
# Publishes cpnlp as users get it (Release, ReadyToRun: `dotnet publish -p:PublishReadyToRun=true`),
# generates English and Chinese corpora of the given sizes (deterministic: bench/gen_corpus.py, fixed
# seed), and on each runs, side by side, `wc -w` (the floor: reading the text once), `cpnlp analyze` with
# the built-in lexicon and the scikit-learn peer (bench/peer_sklearn.py); then cpnlp's start-up (analyze of
# one small file), train and classify's sentences per second (bench/classify.sh) and the merge of a
# simulated sharded run (bench/merge.sh). Prints one table: MB/s of each, cpnlp's MB per CPU-second
# (user + system time, which a shared machine disturbs less than wall time), cpnlp ÷ wc -w and
# cpnlp ÷ peer, peak RSS of cpnlp and of the peer, and the load average around each row; writes it all to
# bench/.data/results-<time>.md. MB = 10^6 bytes of UTF-8 text on disk. The whole default run (100 and
# 500 MB, both languages, the peer once on each, classify, merge of 1,000 shards of 10 GB) takes about
# 20 minutes on two idle cores, most of it the peer (about 8 minutes on zh 500 MB alone).
#
# Options:
#   --sizes 100,500        corpus sizes in MB (each language)
#   --langs en,zh          languages
#   --runs 3               cpnlp runs per corpus; the median is reported (the machine may be shared)
#   --peer-sizes 100,500   sizes on which the scikit-learn peer runs too (it is slow: 1-4 MB/s)
#   --peer-runs 1          peer runs per corpus up to 100 MB (median); above 100 MB always one (said in the table)
#   --no-peer              skip the peer
#   --classify-mb 10       size of the corpus for train/classify (0 to skip)
#   --classify-runs 3      classify runs per language (median)
#   --merge-args "ARGS"    options for bench/merge.sh (default: its own, 1,000 shards of a 10 GB corpus;
#                          for example "--shards 100 --gb 1" for a quick run)
#   --no-merge             skip the merge simulation
#   --jit                  time the plain Release build (no ReadyToRun) instead of the published tool
#   --data DIR             where corpora and outputs go (default bench/.data, ignored by git)
#   --analyze-args "ARGS"  more options for cpnlp analyze (for example "--no-charts")
#
# Quick check that everything runs: bench/run.sh --sizes 10 --peer-sizes 10 --runs 1 --classify-mb 1 --merge-args "--shards 10 --gb 0.1"
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sizes=100,500
langs=en,zh
peer_sizes=100,500
runs=3
peer_runs=1
classify_mb=10
classify_runs=3
merge=1
merge_args=""
r2r=1
data=bench/.data
peer=1
analyze_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --langs) langs=$2; shift 2 ;;
    --peer-sizes) peer_sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --peer-runs) peer_runs=$2; shift 2 ;;
    --classify-mb) classify_mb=$2; shift 2 ;;
    --classify-runs) classify_runs=$2; shift 2 ;;
    --merge-args) merge_args=$2; shift 2 ;;
    --no-merge) merge=0; shift ;;
    --jit) r2r=0; shift ;;
    --data) data=$2; shift 2 ;;
    --no-peer) peer=0; shift ;;
    --analyze-args) analyze_args=$2; shift 2 ;;
    -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
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

if [ "$r2r" = 1 ]; then
  echo "== publishing cpnlp (Release, ReadyToRun) to $data/cpnlp-publish"
  rm -rf "$data/cpnlp-publish"
  dotnet publish src/CommonProsperity.Nlp.Cli -c Release -p:PublishReadyToRun=true -o "$data/cpnlp-publish" -nologo -v quiet >/dev/null
  cpnlp="$data/cpnlp-publish/cpnlp"
  tool="published with ReadyToRun"
else
  echo "== building cpnlp (Release, no ReadyToRun: --jit)"
  dotnet build src/CommonProsperity.Nlp.Cli -c Release -nologo -v quiet >/dev/null
  cpnlp="$repo/src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp"
  tool="Release build, JIT only (--jit)"
fi

# --- helpers ------------------------------------------------------------------------------------
source bench/corpus.sh # corpus LANG MB -> its folder under $data
bytes_of() { find -L "$1" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}'; }
now() { echo "$EPOCHREALTIME"; }
elapsed() { printf '%.2f' "$(echo "$2 - $1" | bc)"; }
timed() { # out-file command... -> prints "seconds peak-rss-kb cpu-seconds"; command output goes to out-file
  local out=$1; shift
  local start end
  start=$(now)
  /usr/bin/time -f '%M %U %S' -o "$out.rss" "$@" >"$out" 2>&1 || echo "bench/run.sh: $1 exited with $? (see $out); timed anyway" >&2
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
  echo "- .NET $(dotnet --version), cpnlp $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes') ($tool), $(/usr/bin/python3 -c 'import sklearn, sys; print(f"scikit-learn {sklearn.__version__}, Python {sys.version.split()[0]}")')"
  echo "- command: bench/run.sh --sizes $sizes --langs $langs --peer-sizes $peer_sizes --runs $runs --peer-runs $peer_runs${analyze_args:+ --analyze-args \"$analyze_args\"}"
  echo "- the peer runs $peer_runs time(s) per corpus up to 100 MB (median) and once above 100 MB (it takes minutes there)"
  echo "- load average before: $load_before (1, 5, 15 min)"
  echo
  echo "| corpus | MB | files | wc -w MB/s | cpnlp s (median of $runs; all) | **cpnlp MB/s** | cpnlp MB per CPU-s | cpnlp ÷ wc -w | cpnlp peak RSS MB | peer s (median of runs; all) | peer MB/s | **cpnlp ÷ peer** | peer peak RSS MB | load (1 min) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$report"

# --- analyze ------------------------------------------------------------------------------------
for lang in ${langs//,/ }; do
  for mb in ${sizes//,/ }; do
    dir=$(corpus "$lang" "$mb")
    bytes=$(bytes_of "$dir")
    files=$(find -L "$dir" -type f -name '*.txt' | wc -l)

    # The floor: read every file and count words, with the files in the page cache (as for the tools).
    find -L "$dir" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null
    start=$(now)
    find -L "$dir" -type f -name '*.txt' -print0 | xargs -0 cat | wc -w >/dev/null
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
      n=$peer_runs
      [ "$mb" -gt 100 ] && n=1
      peer_seconds=(); prss=0
      for _ in $(seq "$n"); do
        read -r p pkb _ < <(timed "$data/peer-$lang-$mb.log" /usr/bin/python3 bench/peer_sklearn.py "$dir" --lexicon models/lexicon.csv --lang "$lang" --out "$data/peer-$lang-$mb.csv")
        peer_seconds+=("$p"); [ "$pkb" -gt "$prss" ] && prss=$pkb
      done
      ps=$(printf '%s\n' "${peer_seconds[@]}" | median)
      peer_cells="$ps ($(IFS=/; echo "${peer_seconds[*]}")) | $(mbps "$bytes" "$ps") | **$(ratio "$ps" "$cp_s")×** | $((prss / 1024))"
    fi
    row="| $lang-$mb | $(printf '%.1f' "$(echo "scale=2; $bytes / 1000000" | bc)") | $files | $(mbps "$bytes" "$wc_s") | $cp_s ($(IFS=/; echo "${seconds[*]}")) | **$cp_mbps** | $(mbps "$bytes" "$cp_cpu") | $(ratio2 "$wc_s" "$cp_s") | $((rss / 1024)) | $peer_cells | $load_start → $(load1)"
    row="$row |"
    echo "$row" >>"$report"
    echo "$row"
  done
done

# --- start-up --------------------------------------------------------------------------------------
# What every run pays before the first document: analyze of one small file (median of $runs).
startup_dir="$data/startup"
if [ ! -s "$startup_dir/one.txt" ]; then
  mkdir -p "$startup_dir"
  first=$(find -L "$(corpus "${langs%%,*}" "${sizes%%,*}")" -type f -name '*.txt' | sort | sed -n 1p) # not head: it would stop sort early (pipefail)
  head -c 4000 "$first" >"$startup_dir/one.txt"
fi
seconds=(); cpus=()
for _ in $(seq "$runs"); do
  rm -rf "$data/out-startup"
  # shellcheck disable=SC2086
  read -r s _ cpu < <(timed "$data/cpnlp-startup.log" "$cpnlp" analyze "$startup_dir" --out "$data/out-startup" --quiet $analyze_args)
  seconds+=("$s"); cpus+=("$cpu")
done
{
  echo
  echo "- start-up ($tool): cpnlp analyze of one 4 KB file: $(printf '%s\n' "${seconds[@]}" | median) s wall, $(printf '%.2f' "$(printf '%s\n' "${cpus[@]}" | median)") s CPU (median of $runs)"
} | tee -a "$report"

# --- train and classify (issue 3; issue 14 item 4: >= 20,000 sentences/s) ------------------------------
{
  echo
  echo "Classifier (train on the 1,200 labelled passages < 60 s; classify >= 20,000 sentences/s):"
  echo
} >>"$report"
if [ "$classify_mb" = 0 ]; then
  echo "- skipped (--classify-mb 0)" | tee -a "$report"
elif [ -f ../shared/labels/train.csv ]; then
  read -r ts tkb _ < <(timed "$data/train.log" "$cpnlp" train --labels ../shared/labels/train.csv --out "$data/bench-model.zip")
  echo "- train on ../shared/labels/train.csv ($(($(wc -l <../shared/labels/train.csv) - 1)) lines): $ts s, peak RSS $((tkb / 1024)) MB" | tee -a "$report"
  echo "- bench/classify.sh --mb $classify_mb --runs $classify_runs --langs $langs (the shipped model):" | tee -a "$report"
  echo | tee -a "$report"
  bench/classify.sh --mb "$classify_mb" --runs "$classify_runs" --langs "$langs" --data "$data" "cpnlp=$cpnlp" 2>&1 | tee -a "$report" \
    || echo "- bench/classify.sh failed (see above); the rest of the benchmark goes on" | tee -a "$report"
else
  echo "- skipped: ../shared/labels/train.csv is missing" | tee -a "$report"
fi

# --- merge of a sharded run (issue 14 item 5: 1,000 shards of a 10 GB corpus in under a minute) --------
{
  echo
  echo "Merge of a simulated sharded run (bench/merge.sh${merge_args:+ $merge_args}):"
  echo
} >>"$report"
if [ "$merge" = 0 ]; then
  echo "- skipped (--no-merge)" | tee -a "$report"
else
  # shellcheck disable=SC2086
  bench/merge.sh --cpnlp "$cpnlp" --work "$data/merge-bench" $merge_args 2>&1 | sed 's/^/    /' | tee -a "$report" \
    || echo "- bench/merge.sh failed (see above)" | tee -a "$report"
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
