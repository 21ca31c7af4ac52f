#!/usr/bin/env bash
# Extraction throughput and memory: a >= 20 MB corpus of many documents, then
# one 50 MB document with no newline (checks there is no quadratic slow-down).
# Usage: scripts/bench-extract.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/factdeck
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 scripts/make_corpus.py "$tmp/corpus" 24 400 4
python3 scripts/make_corpus.py "$tmp/dense" 24 400 0
bytes=$(cat "$tmp"/corpus/* | wc -c)
mb=$(python3 -c "print(round($bytes/1048576, 1))")

measure() { # label, threads, args...
  local label=$1 threads=$2; shift 2
  local t0 t1 secs
  # CPU time (user+sys), so a busy machine does not distort the figure.
  RAYON_NUM_THREADS=$threads /usr/bin/time -f "%U %S %e %M" -o "$tmp/mem" "$bin" extract --format json "$@" > "$tmp/out.jsonl"
  local clock
  if [ "$threads" = 1 ]; then
    secs=$(awk '{print $1+$2}' "$tmp/mem"); clock=CPU
  else
    secs=$(awk '{print $3}' "$tmp/mem"); clock=wall
  fi
  local facts; facts=$(wc -l < "$tmp/out.jsonl")
  python3 -c "
b=$bytes_in; s=$secs
print(f'$label: {b/1048576:.1f} MB in {s:.2f} s $clock = {b/1048576/s:.1f} MB/s, {$facts} facts, peak RSS {int(open(\"$tmp/mem\").read().split()[-1])/1024:.0f} MB')"
}

bytes_in=$bytes
echo "news-like corpus: 400 documents, $mb MB"
measure "1 thread " 1 "$tmp"/corpus/*
measure "all cores" 0 "$tmp"/corpus/*
bytes_in=$(cat "$tmp"/dense/* | wc -c)
echo "dense corpus (every sentence has facts): 400 documents"
measure "1 thread " 1 "$tmp"/dense/*

python3 - "$tmp/long.txt" <<'PY'
import sys
unit = ('The council approved $4.5 million on March 3, 2024, and "we will build it now," '
        'Mayor Ann Lee said; 1,200 residents, 15% more, met for 45 minutes. ')
n = 50 * 1024 * 1024 // len(unit)
open(sys.argv[1], "w").write(unit * n)
PY
bytes_in=$(wc -c < "$tmp/long.txt")
measure "50 MB, no newline" 1 "$tmp/long.txt"
