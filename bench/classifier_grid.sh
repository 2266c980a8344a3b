#!/usr/bin/env bash
# The classifier experiments of docs/classifier-experiments.md, in one command:
#   bench/classifier_grid.sh [--lexicon FILE] [--only NAME,...] [--data DIR]
#
# Builds cpnlp in Release, then for each configuration below trains on ../shared/labels/train.csv ONLY
# (5 folds grouped by document, seed 42: deterministic) and scores the model on ../shared/labels/dev.csv
# with `cpnlp evaluate` (1000 document resamples for the intervals). Prints one Markdown row per
# configuration: train cross-validated macro-F1, dev macro-F1 with its 95% interval, dev English and
# Chinese macro-F1, and the train options that produced it (so each row is reproduced by
# `cpnlp train --labels ../shared/labels/train.csv OPTIONS` + `cpnlp evaluate --labels ../shared/labels/dev.csv --model MODEL`).
# The lexicon is the built-in one unless --lexicon names another; the table of docs/classifier-experiments.md
# made with the lexicon before its rebuild came from
#   git show 03aeab0:models/lexicon.csv > /tmp/lexicon-before.csv && bench/classifier_grid.sh --lexicon /tmp/lexicon-before.csv
# Models and reports go to --data (default bench/.data/classifier, ignored by git). Not a test: it takes
# about a minute per configuration on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
lexicon=()
only=""
data=bench/.data/classifier
while [ $# -gt 0 ]; do
  case "$1" in
    --lexicon) lexicon=(--lexicon "$2"); shift 2 ;;
    --only) only=",$2,"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 64 ;;
  esac
done
train=../shared/labels/train.csv
dev=../shared/labels/dev.csv
for f in "$train" "$dev"; do
  [ -f "$f" ] || { echo "missing $f: run from a checkout with ../shared beside it" >&2; exit 66; }
done
dotnet build src/CommonProsperity.Nlp.Cli -c Release -v quiet -nologo >/dev/null
mkdir -p "$data"
# Run a copy, so that a build during the grid cannot change the tool halfway.
rm -rf "$data/bin" && cp -r src/CommonProsperity.Nlp.Cli/bin/Release/net10.0 "$data/bin"
cpnlp="$data/bin/cpnlp"

# name | train options
configs=(
  "lbfgs-previous|--trainer lbfgs --features words,subwords,lexicon,context --l2 0.1"
  "lbfgs-words|--trainer lbfgs --features words --l2 0.1"
  "lbfgs-chars|--trainer lbfgs --features chars --l2 0.1"
  "lbfgs-lexicon-context|--trainer lbfgs --features lexicon,context --l2 0.1"
  "lbfgs-words-lexicon|--trainer lbfgs --features words,lexicon --l2 0.1"
  "lbfgs-no-context|--trainer lbfgs --features words,subwords,lexicon --l2 0.1"
  "lbfgs-all|--trainer lbfgs --features words,chars,subwords,lexicon,context --l2 0.1"
  "lbfgs-previous-l2-1|--trainer lbfgs --features words,subwords,lexicon,context --l2 1"
  "lbfgs-previous-l2-10|--trainer lbfgs --features words,subwords,lexicon,context --l2 10"
  "lbfgs-previous-shrink-0.5|--trainer lbfgs --features words,subwords,lexicon,context --l2 0.1 --threshold-shrink 0.5"
  "lbfgs-previous-shrink-0|--trainer lbfgs --features words,subwords,lexicon,context --l2 0.1 --threshold-shrink 0"
  "sdca-previous|--trainer sdca --features words,subwords,lexicon,context --l2 0.1"
  "sdca-previous-l2-1|--trainer sdca --features words,subwords,lexicon,context --l2 1"
  "fasttree-lexicon-context|--trainer fasttree --features lexicon,context"
  "lbfgs-lexicon-context-l2-0.01|--trainer lbfgs --features lexicon,context --l2 0.01"
  "lbfgs-shipped|--trainer lbfgs --features lexicon,context --l2 1"
  "lbfgs-lexicon-context-l2-10|--trainer lbfgs --features lexicon,context --l2 10"
  "lbfgs-lexicon-context-shrink-0.5|--trainer lbfgs --features lexicon,context --l2 0.1 --threshold-shrink 0.5"
  "lbfgs-lexicon-context-shrink-0|--trainer lbfgs --features lexicon,context --l2 0.1 --threshold-shrink 0"
  "sdca-lexicon-context|--trainer sdca --features lexicon,context --l2 0.1"
  "lbfgs-lexicon-context-chars|--trainer lbfgs --features chars,lexicon,context --l2 0.1"
)
[ -n "${CLASSIFIER_GRID_EXTRA:-}" ] && IFS=';' read -r -a extra <<< "$CLASSIFIER_GRID_EXTRA" && configs+=("${extra[@]}")

echo "| configuration | train CV macro-F1 | dev macro-F1 [95% CI] | dev en | dev zh | train s | train options |"
echo "|---|---|---|---|---|---|---|"
for entry in "${configs[@]}"; do
  name=${entry%%|*}
  opts=${entry#*|}
  if [ -n "$only" ] && [[ "$only" != *",$name,"* ]]; then continue; fi
  model="$data/$name.zip"
  # shellcheck disable=SC2086
  train_out=$("$cpnlp" train --labels "$train" --out "$model" "${lexicon[@]}" $opts 2>/dev/null)
  seconds=$(sed -n 's/.* in \([0-9.]*\) s; model written.*/\1/p' <<< "$train_out")
  cv=$(grep -m1 "macro-F1" <<< "$train_out" | sed -n 's/.*macro-F1 \([0-9.]*\).*/\1/p')
  eval_out=$("$cpnlp" evaluate --labels "$dev" --model "$model" --out "$data/$name.eval")
  line=$(grep -m1 "^Classifier macro-F1" <<< "$eval_out")
  all=$(sed -n 's/^Classifier macro-F1 \([0-9.]* \[[0-9., ]*\]\).*/\1/p' <<< "$line")
  en=$(sed -n 's/.*; en \([0-9.]*\).*/\1/p' <<< "$line")
  zh=$(sed -n 's/.*; zh \([0-9.]*\).*/\1/p' <<< "$line")
  echo "| $name | $cv | $all | $en | $zh | $seconds | \`$opts\` |"
done
