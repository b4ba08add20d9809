#!/usr/bin/env bash
# Benchmark of `wdhs serve`: edit → reload-event latency on the real site and on a generated
# 1,000-entries-per-language corpus (bench/gen_corpus.py). Not a test: figures depend on the machine.
# Usage: scripts/bench-serve.sh [N ...]     (default N: 1000)
set -euo pipefail
# wdhs speaks the machine's language; the summaries read below are the English ones.
export WDHS_LANG=en
cd "$(dirname "$0")/.."
cargo build --release -q
binary="$PWD/target/release/wdhs"
work="bench/out/serve"
rm -rf "$work" && mkdir -p "$work"
cp -r content themes "$work/" 2>/dev/null || true
mkdir -p "$work/real" && mv "$work/content" "$work/themes" "$work/real/"
echo "== real site"
python3 scripts/bench_serve.py "$binary" "$work/real" 20
for n in "${@:-1000}"; do
  if [ ! -d "bench/out/corpus-$n" ]; then
    python3 bench/gen_corpus.py "$n" --wdhs "bench/out/corpus-$n"
  fi
  rm -rf "$work/corpus-$n" && cp -r "bench/out/corpus-$n" "$work/corpus-$n"
  echo "== generated corpus, $n entries per language"
  python3 scripts/bench_serve.py "$binary" "$work/corpus-$n" 20
done
