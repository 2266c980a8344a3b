#!/usr/bin/env bash
# What one command allocates: bench/alloc.sh [--runs N] CPNLP ARGS...
#
# Runs CPNLP ARGS N times (default 3) with the startup hook of bench/AllocationHook (built once into
# bench/.data/allochook), which appends at exit the bytes the process allocated on the managed heap and
# its garbage collections by generation; prints one line per run with those, the CPU seconds
# (user + system) and the peak RSS from /usr/bin/time. The tool itself is unchanged and prints nothing
# of this. Example (start-up: one small file with the built-in lexicon):
#   bench/alloc.sh --runs 5 src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp analyze bench/.data/startup/one.txt --out /tmp/out --quiet
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=3
if [ "${1:-}" = "--runs" ]; then runs=$2; shift 2; fi
[ $# -gt 0 ] || { sed -n '2,10p' "$0"; exit 64; }
hook="$root/bench/.data/allochook"
if [ ! -f "$hook/AllocationHook.dll" ]; then
  dotnet build "$root/bench/AllocationHook" -c Release -o "$hook" >&2
fi
out=$(mktemp)
times=$(mktemp)
trap 'rm -f "$out" "$times"' EXIT
for _ in $(seq "$runs"); do
  : >"$out"
  CPNLP_ALLOC_OUT="$out" DOTNET_STARTUP_HOOKS="$hook/AllocationHook.dll" \
    /usr/bin/time -o "$times" -f '%U %S %M' "$@" >/dev/null
  read -r user sys rss <"$times"
  echo "$(cat "$out") cpu_s=$(echo "$user + $sys" | bc) peak_rss_kb=$rss"
done
