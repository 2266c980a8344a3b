#!/usr/bin/env bash
# Times `cpnlp merge` of a large sharded run (issue 14, item 5): --gb gigabytes of English input in
# --shards shards, simulated by bench/gen_shards.py from one real shard of a 2 MB corpus.
#
#   bench/merge.sh                          # 1,000 shards of a 10 GB corpus (needs ~16 GB of disk in --work; ~30 GB with --evidence copy)
#   bench/merge.sh --shards 100 --gb 1      # smaller
#   bench/merge.sh --evidence copy          # the merge that copies the evidence into evidence.csv (merge --evidence copy)
#   bench/merge.sh --assemble               # also time `cpnlp evidence assemble` on the merged folder
#   bench/merge.sh --shards 100 --gb 1 --check   # also merge with the copy and check the assembled evidence.csv against it (cmp)
#   bench/merge.sh --cpnlp OTHER/cpnlp --format 3 --evidence copy   # an older build, with the shard layout it reads
#
# --evidence parts (the default here, and of cpnlp merge) times `cpnlp merge --evidence-parts` (the same as
# `--evidence parts`, and understood by older builds), which lists the shards' evidence instead of copying
# it (issue 14, item 5). Prints the wall-clock and CPU seconds of the merge, its peak
# RSS, the load average before and after, and the sizes read and written.
# The generated shards and the merged folder are deleted at the end unless --keep is given.
set -euo pipefail
cd "$(dirname "$0")/.."

shards=1000
gb=10
format=5
work=/tmp/cpnlp-merge-bench
cpnlp=""
keep=0
evidence=parts
assemble=0
check=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --shards) shards=$2; shift 2 ;;
    --gb) gb=$2; shift 2 ;;
    --format) format=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --cpnlp) cpnlp=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --evidence) evidence=$2; shift 2 ;;
    --assemble) assemble=1; shift ;;
    --check) check=1; assemble=1; shift ;;
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
# Since the sixth session `merge` lists the parts by default and copies with --evidence copy; an older
# build (--cpnlp) copied by default and listed with --evidence-parts (which the current one still accepts).
if "$cpnlp" merge --help | grep -q -- '--evidence <'; then
  copy_flags=(--evidence copy)
else
  copy_flags=()
fi
case "$evidence" in
  parts) flags=(--evidence-parts) ;;
  copy) flags=("${copy_flags[@]}") ;;
  *) echo "--evidence is parts or copy, not $evidence" >&2; exit 64 ;;
esac
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e s wall, %U s user, %S s system, peak RSS %M KB' -o "$work/time.txt" \
  "$cpnlp" merge "$work"/shards/shard-* --out "$work/merged" "${flags[@]}" >"$work/merge.log"
cat "$work/merge.log" | head -1
echo "merge (--evidence $evidence): $(cat "$work/time.txt")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "shards: $(du -sh --apparent-size "$work/shards" | cut -f1) (evidence $(stat -c %s "$work"/shards/shard-*/partial_evidence.csv | awk '{s+=$1} END {print s}') bytes); merged: $(du -sh --apparent-size "$work/merged" | cut -f1)"
if [[ $assemble -eq 1 && $evidence == parts ]]; then
  /usr/bin/time -f '%e s wall, %U s user, %S s system, peak RSS %M KB' -o "$work/time.txt" "$cpnlp" evidence assemble "$work/merged" >"$work/assemble.log"
  echo "evidence assemble: $(cat "$work/time.txt") (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "evidence_parts.csv: $(($(wc -l <"$work/merged/evidence_parts.csv") - 1)) ranges, $(stat -c %s "$work/merged/evidence_parts.csv") bytes"
fi
if [[ $check -eq 1 && $evidence == parts ]]; then
  rm -rf "$work/copied"
  "$cpnlp" merge "$work"/shards/shard-* --out "$work/copied" "${copy_flags[@]}" >/dev/null
  cmp "$work/copied/evidence.csv" "$work/merged/evidence.csv" && echo "check: the assembled evidence.csv is byte for byte the copying merge's"
  (cd "$work/merged" && tail -n +2 evidence_parts.csv | while IFS=, read -r file offset bytes rest; do
    dd if="$file" iflag=skip_bytes,count_bytes skip="$offset" count="$bytes" bs=1M status=none; done) | cmp - "$work/copied/evidence.csv" \
    && echo "check: so is the docs' shell one-liner's (docs/large-corpora.md)"
  rm -rf "$work/copied"
fi
if [[ $keep -eq 0 ]]; then
  rm -rf "$work/shards" "$work/merged"
fi
