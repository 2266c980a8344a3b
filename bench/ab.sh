#!/usr/bin/env bash
# Interleaved A/B timing of `cpnlp analyze`: bench/ab.sh [options] NAME=CPNLP[@LEXICON] ...
#
# Runs every configuration (a cpnlp executable, optionally with --lexicon FILE) on the bench corpora
# of bench/run.sh (bench/gen_corpus.py, same seed, so the same bytes), round after round: one run of
# each configuration per language and round, in turn, so that the load of a shared machine falls on
# all of them alike. Prints per configuration and language the median and the fastest run in MB/s,
# and the median MB per CPU-second (user + system time of all threads, which depends much less on
# the other work on the machine than wall time does); MB = 10^6 bytes of UTF-8 text on disk. Also the
# load average before and after. A run that fails
# (stopped from outside) is named and left out of the figures.
#
# Options:
#   --mb 50              corpus size in MB (each language)
#   --langs en,zh        languages
#   --runs 7             rounds
#   --data DIR           where corpora and outputs go (default bench/.data, ignored by git)
#   --analyze-args "A"   more options for every cpnlp analyze (default "--no-charts")
#
# Example (the exclusions benchmark of bench/RESULTS.md: main before and after, old and new lexicon):
#   bench/ab.sh --mb 50 --runs 7 before=/tmp/base/src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp \
#     after-old-lexicon=src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp@/tmp/old_lexicon.csv \
#     after=src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp
set -euo pipefail
cd "$(dirname "$0")/.."

mb=50
langs=en,zh
runs=7
data=bench/.data
analyze_args="--no-charts"
configs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --langs) langs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --analyze-args) analyze_args=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *=*) configs+=("$1"); shift ;;
    *) echo "bench/ab.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
[ ${#configs[@]} -gt 0 ] || { echo "bench/ab.sh: give at least one NAME=CPNLP[@LEXICON] (see --help)" >&2; exit 64; }
mkdir -p "$data"
data=$(cd "$data" && pwd)

source bench/corpus.sh # corpus LANG MB -> its folder under $data

declare -A seconds cpu
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$runs"); do
  for lang in ${langs//,/ }; do
    dir=$(corpus "$lang" "$mb")
    for config in "${configs[@]}"; do
      name=${config%%=*}
      spec=${config#*=}
      exe=${spec%%@*}
      lexicon_args=()
      [[ "$spec" == *@* ]] && lexicon_args=(--lexicon "${spec#*@}")
      rm -rf "$data/ab-out"
      # shellcheck disable=SC2086
      if /usr/bin/time -f '%e %U %S' -o "$data/ab-time" "$exe" analyze "$dir" --out "$data/ab-out" --quiet "${lexicon_args[@]}" $analyze_args >"$data/ab-$name-$lang.log" 2>&1; then
        read -r wall user sys < <(tail -n 1 "$data/ab-time")
        seconds[$name,$lang]+="$wall "
        cpu[$name,$lang]+="$(echo "$user + $sys" | bc) "
      else
        # A run stopped from outside (the machine is shared) is left out, and said so.
        echo "round $round: $name on $lang-$mb failed (exit $?; see $data/ab-$name-$lang.log); not counted" >&2
      fi
    done
  done
  echo "round $round done ($(cut -d' ' -f1-3 /proc/loadavg))"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| configuration | corpus | median MB/s | fastest MB/s | median MB per CPU-second | wall seconds (each round) | CPU seconds (each round) |"
echo "|---|---|---|---|---|---|---|"
for lang in ${langs//,/ }; do
  bytes=$(find -L "$data/$lang-$mb" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
  for config in "${configs[@]}"; do
    name=${config%%=*}
    list=${seconds[$name,$lang]:-}
    [ -n "$list" ] || { echo "| $name | $lang-$mb | no run finished | | | | |"; continue; }
    fastest=$(tr ' ' '\n' <<<"$list" | grep . | sort -n | head -n 1)
    printf '| %s | %s-%s | %.1f | %.1f | %.1f | %s | %s |\n' "$name" "$lang" "$mb" \
      "$(echo "scale=3; $bytes / 1000000 / $(median "$list")" | bc)" "$(echo "scale=3; $bytes / 1000000 / $fastest" | bc)" \
      "$(echo "scale=3; $bytes / 1000000 / $(median "${cpu[$name,$lang]}")" | bc)" \
      "$(tr ' ' '\n' <<<"$list" | grep . | xargs printf '%.2f ' | sed 's/ $//')" \
      "$(tr ' ' '\n' <<<"${cpu[$name,$lang]}" | grep . | xargs printf '%.2f ' | sed 's/ $//')"
  done
done
