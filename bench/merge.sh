#!/usr/bin/env bash
# Times `cpnlp merge` of a large sharded run (issue 14, item 5): --gb gigabytes of English input in
# --shards shards, simulated by bench/gen_shards.py from one real shard of a 2 MB corpus.
#
#   bench/merge.sh                          # 1,000 shards of a 10 GB corpus (needs ~30 GB of disk in --work)
#   bench/merge.sh --shards 100 --gb 1      # smaller
#   bench/merge.sh --cpnlp OTHER/cpnlp --format 3   # an older build, with the shard layout it reads
#
# Prints the wall-clock and CPU seconds of the merge, its peak RSS and the sizes read and written.
# The generated shards and the merged folder are deleted at the end unless --keep is given.
set -euo pipefail
cd "$(dirname "$0")/.."

shards=1000
gb=10
format=4
work=/tmp/cpnlp-merge-bench
cpnlp=""
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --shards) shards=$2; shift 2 ;;
    --gb) gb=$2; shift 2 ;;
    --format) format=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --cpnlp) cpnlp=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 64 ;;
  esac
done

if [[ -z "$cpnlp" ]]; then
  dotnet build src/CommonProsperity.Nlp.Cli -c Release -v q -nologo >/dev/null
  cpnlp=src/CommonProsperity.Nlp.Cli/bin/Release/net10.0/cpnlp
fi

mkdir -p "$work"
if [[ ! -d "$work/template-f$format" ]]; then
  python3 bench/gen_corpus.py --lang en --mb 2 --out "$work/corpus-2mb" >/dev/null
  "$cpnlp" analyze "$work/corpus-2mb" --out "$work/template-f$format" --shard 0/1 --no-charts --quiet || [[ $? -le 2 ]]
fi

python3 bench/gen_shards.py --template "$work/template-f$format" --out "$work/shards" --shards "$shards" --gb "$gb" --format "$format"
sync
rm -rf "$work/merged"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e s wall, %U s user, %S s system, peak RSS %M KB' -o "$work/time.txt" \
  "$cpnlp" merge "$work"/shards/shard-* --out "$work/merged" >"$work/merge.log"
cat "$work/merge.log" | head -1
echo "merge: $(cat "$work/time.txt")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "shards: $(du -sh --apparent-size "$work/shards" | cut -f1) (evidence $(stat -c %s "$work"/shards/shard-*/partial_evidence.csv | awk '{s+=$1} END {print s}') bytes); merged: $(du -sh --apparent-size "$work/merged" | cut -f1)"
if [[ $keep -eq 0 ]]; then
  rm -rf "$work/shards" "$work/merged"
fi
