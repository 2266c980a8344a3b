# Sourced by bench/run.sh and bench/ab.sh (from the repository root, with $data set).
corpus() { # lang mb -> folder under $data (generated once; the generator is deterministic)
  local dir="$data/$1-$2"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    python3 bench/gen_corpus.py --lang "$1" --mb "$2" --out "$dir" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}
