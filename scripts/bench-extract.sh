#!/usr/bin/env bash
# Extraction throughput and memory over four corpora of many documents
# (news-like, dense with facts, the hand-written fixtures of
# tests/fixtures/extract copied with their digits varied, as
# benches/extract.rs builds its corpus, and the real articles of the shared
# evaluation corpus, likewise repeated with digits varied), each >= 20 MB,
# then one 50 MB document with no newline (no quadratic slow-down, memory
# bounded). The real articles belong to their publishers: they are read from
# REAL_CORPUS (default ../shared/corpus/text, or ../../shared from a worktree) into a temporary folder and
# never copied into the repository; without them that corpus is skipped.
# For each: MB/s per core (bytes / CPU time, user+sys, so a busy machine does
# not distort it) with one thread and with all cores, wall-clock MB/s with
# all cores, and peak RSS.
# Usage: scripts/bench-extract.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/factdeck
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 scripts/make_corpus.py "$tmp/corpus" 24 400 4
python3 scripts/make_corpus.py "$tmp/dense" 24 400 0
# The shared folder sits beside the main checkout, two levels above a worktree.
real=${REAL_CORPUS:-$( [ -d ../shared/corpus/text ] && echo ../shared/corpus/text || echo ../../shared/corpus/text )}
# repeat_varied SRC DST [EXT]: the files of SRC (those ending in EXT, if
# given) copied again and again with their digits shifted, to >= 20 MB.
repeat_varied() {
python3 - "$@" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
ext_only = sys.argv[3] if len(sys.argv) > 3 else ""
os.makedirs(dst)
docs = []
for name in sorted(os.listdir(src)):
    path = os.path.join(src, name)
    if os.path.isfile(path) and name.endswith(ext_only):
        docs.append((os.path.splitext(name)[1], open(path, encoding="utf-8").read()))
size, k, n = 0, 0, 0
while size < 20_000_000:
    shift = str.maketrans("0123456789", "".join(str((d + k % 10) % 10) for d in range(10)))
    for ext, text in docs:
        varied = text.translate(shift)
        with open(os.path.join(dst, f"d{n:05}{ext}"), "w", encoding="utf-8") as f:
            f.write(varied)
        size += len(varied.encode("utf-8"))
        n += 1
    k += 1
PY
}
repeat_varied tests/fixtures/extract "$tmp/fixtures"
corpora="corpus dense fixtures"
if [ -d "$real" ]; then
  repeat_varied "$real" "$tmp/real" .txt
  corpora="$corpora real"
else
  echo "(no real-article corpus at $real: set REAL_CORPUS to measure it)"
fi

measure() { # label, threads, files...
  local label=$1 threads=$2; shift 2
  local bytes; bytes=$(cat "$@" | wc -c)
  RAYON_NUM_THREADS=$threads /usr/bin/time -f "%U %S %e %M" -o "$tmp/mem" \
    "$bin" extract --format json --people "$@" > "$tmp/out.jsonl"
  local facts; facts=$(grep -vc '"kind":"\(person\|outlet\)"' "$tmp/out.jsonl" || true)
  python3 - "$label" "$bytes" "$facts" "$tmp/mem" <<'PY'
import sys
label, b, facts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
user, sys_, wall, rss = open(sys.argv[4]).read().split()
mb, cpu = b / 1e6, float(user) + float(sys_)
print(f"  {label}: {mb:.1f} MB, {facts} facts: CPU {cpu:.2f} s = {mb / cpu:.1f} MB/s per core; "
      f"wall {float(wall):.2f} s = {mb / float(wall):.1f} MB/s; peak RSS {int(rss) / 1024:.0f} MB")
PY
}

for corpus in $corpora; do
  case $corpus in
    corpus) echo "news-like corpus ($(ls "$tmp/corpus" | wc -l) documents):" ;;
    dense) echo "dense corpus, facts in every sentence ($(ls "$tmp/dense" | wc -l) documents):" ;;
    fixtures) echo "fixture corpus, tests/fixtures/extract with digits varied ($(ls "$tmp/fixtures" | wc -l) documents):" ;;
    real) echo "real-article corpus, $real with digits varied ($(ls "$tmp/real" | wc -l) documents):" ;;
  esac
  measure "1 thread " 1 "$tmp/$corpus"/*
  measure "all cores" 0 "$tmp/$corpus"/*
done

python3 - "$tmp/long.txt" <<'PY'
import sys
unit = ('The council approved $4.5 million on March 3, 2024, and "we will build it now," '
        'Mayor Ann Lee said; 1,200 residents, 15% more, met for 45 minutes. ')
n = 50 * 1024 * 1024 // len(unit)
open(sys.argv[1], "w").write(unit * n)
PY
echo "one 50 MB document with no newline:"
measure "1 thread " 1 "$tmp/long.txt"
