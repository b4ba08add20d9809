#!/usr/bin/env bash
# Rebuild benchmark: `wdhs build` over an output left by an earlier build of the same corpus (an
# editor's or CI's repeated build, nothing changed), for two binaries side by side, interleaved.
#
#   scripts/bench-rebuild.sh OLD_WDHS NEW_WDHS [N ...]     # default N: 1000 10000
#
# For each N it generates bench/out/corpus-N with bench/gen_corpus.py when missing, builds it
# with each binary into an output of its own (bench/out/rebuild-N/{old,new}) and once more over
# it (timed and shown apart as the first rebuild), then times BENCH_RUNS (default 5) builds of
# each over its own output, alternating, and prints the medians and minimums in milliseconds. Each run starts with `sync`, so one run's writes are not flushed
# during the next one's.
set -euo pipefail
# wdhs speaks the machine's language; the summaries read below are the English ones.
export WDHS_LANG=en

[[ $# -ge 2 ]] || { echo "usage: $0 OLD_WDHS NEW_WDHS [N ...]" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2")
shift 2
sizes=(1000 10000)
[[ $# -eq 0 ]] || sizes=("$@")
runs=${BENCH_RUNS:-5}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${BENCH_OUT:-$root/bench/out}
mkdir -p "$out"

now_ms() { date +%s%3N; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

for n in "${sizes[@]}"; do
    corpus=$out/corpus-$n
    [[ -f $corpus/content/site.yaml ]] || python3 "$root/bench/gen_corpus.py" "$n" --wdhs "$corpus" >/dev/null
    work=$out/rebuild-$n
    rm -rf "$work"
    mkdir -p "$work"
    declare -A times=([old]="" [new]="")
    # A fresh build, then the first rebuild over it (timed apart: the new binary makes its spare
    # tree there, once), then the timed runs.
    declare -A first=([old]="" [new]="")
    for which in old new; do
        bin=$old
        [[ $which == new ]] && bin=$new
        "$bin" build --root "$corpus" --output "$work/$which/public" >/dev/null
        sync
        start=$(now_ms)
        "$bin" build --root "$corpus" --output "$work/$which/public" >/dev/null
        first[$which]=$(($(now_ms) - start))
    done
    for ((i = 1; i <= runs; i++)); do
        for which in old new; do
            bin=$old
            [[ $which == new ]] && bin=$new
            sync
            start=$(now_ms)
            "$bin" build --root "$corpus" --output "$work/$which/public" >/dev/null
            times[$which]+="$(($(now_ms) - start)) "
        done
    done
    if ! diff -r "$work/old/public" "$work/new/public" >/dev/null; then
        echo "N=$n: the two outputs differ" >&2
        exit 1
    fi
    for which in old new; do
        list=${times[$which]}
        med=$(tr ' ' '\n' <<<"$list" | grep . | median)
        min=$(tr ' ' '\n' <<<"$list" | grep . | sort -n | head -1)
        printf 'N=%-6s %-4s median %6s ms  min %6s ms  runs: %s (first rebuild %s ms)\n' \
            "$n" "$which" "$med" "$min" "$list" "${first[$which]}"
    done
    unset times first
done
