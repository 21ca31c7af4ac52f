#!/usr/bin/env bash
# Deck generation end to end: 1,000 documents through `factdeck generate`
# (extraction included), then `factdeck check` on the deck it wrote, with wall
# time and peak memory of each. The in-process figures (generation alone, a
# 10,000-card load) come from `cargo bench --bench generate`, which also
# writes the documents used here.
# Usage: scripts/bench-generate.sh [DOCS]   (builds the release binary first)
# Growth with one document's size (should be linear):
#   cargo bench --bench generate -- --paragraphs 500,1000,2000,4000,8000,16000,32000,60000
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-1000}
cargo build --release --quiet
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cargo bench --quiet --bench generate -- --docs "$docs" --write-docs "$tmp"
bin=target/release/factdeck

run() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e s wall, %U s user, peak RSS %M KB" -o "$tmp/time" "$@" > "$tmp/out" 2> "$tmp/err" || true
  echo "$label: $(cat "$tmp/time")"
  head -3 "$tmp/out"
}
run "factdeck generate ($docs documents)" "$bin" generate "$tmp"/docs/*.md -o "$tmp/deck.toml" --title Benchmark
ls -l "$tmp/deck.toml" | awk '{printf "deck: %.1f MB\n", $5/1e6}'
run "factdeck check" "$bin" check "$tmp/deck.toml"
