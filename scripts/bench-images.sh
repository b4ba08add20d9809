#!/usr/bin/env bash
# Image benchmark: what 50 photos straight from a phone cost wdhs in build time, and what a reader
# on a phone downloads compared to the originals.
#
#   scripts/bench-images.sh            # works from any folder
#
# What it does:
#   1. `cargo build --release --bin wdhs`.
#   2. scripts/bench_photos.py draws 50 phone-size photos (4000 x 3000 JPEG, quality 90, ~5 MB each
#      with sensor-like grain and a little EXIF; seeded, so always the same bytes) into
#      bench/out/images/photos/. They are reused while the generator, seed and count are unchanged.
#   3. Two copies of the fixture site tests/fixtures/basic, each with 10 extra initiative entries
#      (fotoreeks-01 … fotoreeks-10, Dutch and English, valid per docs/content-contract.md):
#        no-images/   the entries with text only;
#        images/      the same entries, each with 5 photos in the Markdown body of both languages,
#                     `![description](photo-NN.jpg)`, and the 50 photos beside them.
#   4. Measures with target/release/wdhs (wall clock):
#        (a) no images: median of BENCH_RUNS builds (after one untimed warm-up), once with the
#            output folder deleted before every run and once with it kept (an editor's rebuild);
#        (b) cold build with images: `.wdhs-cache` and the output deleted first, one run;
#        (c) warm rebuild with images, cache kept: the same two medians as (a), and how much each
#            adds over (a). Deleting the output right before a build makes the kernel's inode
#            allocation slower (ext4 skips recently freed inodes), so "kept" is the steadier one;
#        (d) bytes published: for the page of fotoreeks-01 (Dutch), what a 375 px-wide phone at
#            device pixel ratio 2 downloads: for each <picture>, the WebP candidate the browser
#            picks from srcset for sizes="… 100vw" (the smallest width >= 750 px, i.e. the 960
#            variant), against the bytes of the originals used on that page; and the total bytes
#            of all 50 originals against all image files wdhs published for them.
#   5. Prints a results table and writes it to bench/out/images-results.md.
#
# Needs bash, Rust, Python 3 with Pillow (`pip install pillow`; installed with pip when missing).
# Everything goes to bench/out/ (git-ignored). Environment (all optional):
#   BENCH_RUNS=5          timed runs for (a) and (c)
#   BENCH_PHOTOS=50       number of photos (5 per entry; more entries are added for more photos)
#   BENCH_SEED=2024       seed of the photo generator
#   BENCH_JOBS=<nproc>    processes generating photos
#   BENCH_REGEN=1         regenerate the photos even when they are up to date
#   BENCH_SKIP_BUILD=1    use the existing target/release/wdhs instead of running cargo
#   BENCH_OUT=DIR         instead of bench/out
# The OS file cache is not dropped between runs (that needs root): "cold" means wdhs's own image
# cache is empty, not the disk cache.
set -euo pipefail
# wdhs speaks the machine's language; the summaries read below are the English ones.
export WDHS_LANG=en

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$script_dir/.." && pwd)
out=${BENCH_OUT:-$root/bench/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$out/images
results=$out/images-results.md
# shellcheck source=scripts/bench-lib.sh
source "$script_dir/bench-lib.sh"
wdhs=$target_dir/release/wdhs
fixture=$root/tests/fixtures/basic

runs=${BENCH_RUNS:-5}
photos=${BENCH_PHOTOS:-50}
seed=${BENCH_SEED:-2024}
jobs=${BENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}
per_entry=5

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench-images: %s\n' "$*" >&2; exit 1; }

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive whole number, not \`$runs\`"
[[ $photos =~ ^[1-9][0-9]*$ ]] || die "BENCH_PHOTOS must be a positive whole number, not \`$photos\`"
[[ $seed =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a whole number, not \`$seed\`"
[[ -d $fixture/content ]] || die "the fixture site $fixture is missing"
command -v python3 >/dev/null || die "python3 is needed to generate the photos"
if ! python3 -c 'import PIL' 2>/dev/null; then
    log "installing Pillow (pip install pillow)"
    python3 -m pip install --quiet pillow >&2 || die "Pillow is missing and pip could not install it: pip install pillow"
fi

# --- wdhs ------------------------------------------------------------------------------------

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    log "cargo build --release --bin wdhs"
    (cd "$root" && cargo build --release --bin wdhs --quiet) || die "cargo build --release failed"
fi
[[ -x $wdhs ]] || die "there is no $wdhs (run cargo build --release)"

# --- photos ----------------------------------------------------------------------------------

mkdir -p "$work"
stamp="photos=$photos seed=$seed pillow=$(python3 -c 'import PIL; print(PIL.__version__)') $(cat "$script_dir/bench_photos.py" "$script_dir/make_photos.py" | cksum)"
if [[ ${BENCH_REGEN:-0} == 1 || ! -f $work/photos/.stamp || $(cat "$work/photos/.stamp") != "$stamp" ]]; then
    log "generating $photos photos (4000 x 3000, seed $seed, $jobs processes) into $work/photos"
    rm -rf "$work/photos"
    start=$(date +%s)
    python3 "$script_dir/bench_photos.py" "$work/photos" --count "$photos" --seed "$seed" --jobs "$jobs" >"$work/photos.log"
    tail -n 1 "$work/photos.log" >&2
    log "generated in $(($(date +%s) - start)) s"
    printf '%s\n' "$stamp" >"$work/photos/.stamp"
else
    log "reusing the $photos photos in $work/photos ($(tail -n 1 "$work/photos.log" 2>/dev/null || echo 'up to date'))"
fi

# --- the two sites ---------------------------------------------------------------------------

entries=$(((photos + per_entry - 1) / per_entry))

# make_site DIR with|without
make_site() {
    local dir=$1 mode=$2 e n i stem dir_i
    rm -rf "$dir"
    mkdir -p "$dir"
    cp -R "$fixture/content" "$dir/content"
    dir_i=$dir/content/initiatives
    for ((e = 1; e <= entries; e++)); do
        stem=$(printf 'fotoreeks-%02d' "$e")
        cat >"$dir_i/$stem.yaml" <<EOF
name: "Fotoreeks $e"
place: "Reduzum"
province: Friesland
themes: [energie]
goals: [1]
founded: 2024
EOF
        cat >"$dir_i/$stem.nl.md" <<EOF
---
summary: "Foto’s van het dorp en de velden eromheen, reeks $e."
---

Bewoners lieten zien waar ze wonen en werken: het dorp, de velden en de mensen.

EOF
        cat >"$dir_i/$stem.en.md" <<EOF
---
summary: "Photos of the village and the fields around it, series $e."
---

Residents showed where they live and work: the village, the fields and the people.

EOF
        for ((i = 1; i <= per_entry; i++)); do
            n=$(((e - 1) * per_entry + i))
            ((n <= photos)) || break
            if [[ $mode == with ]]; then
                printf '![Huizen en bomen achter akkers onder een wijde lucht, foto %d van de reeks](photo-%02d.jpg)\n\n' "$n" "$n" >>"$dir_i/$stem.nl.md"
                printf '![Houses and trees beyond fields under a wide sky, photo %d of the series](photo-%02d.jpg)\n\n' "$n" "$n" >>"$dir_i/$stem.en.md"
                ln "$work/photos/photo-$(printf '%02d' "$n").jpg" "$dir_i/" 2>/dev/null ||
                    cp "$work/photos/photo-$(printf '%02d' "$n").jpg" "$dir_i/"
            fi
            printf 'Deel %d van de wandeling door het dorp.\n\n' "$n" >>"$dir_i/$stem.nl.md"
            printf 'Part %d of the walk through the village.\n\n' "$n" >>"$dir_i/$stem.en.md"
        done
    done
}

log "making the sites in $work (fixture + $entries entries, $per_entry photos each)"
make_site "$work/no-images" without
make_site "$work/images" with

# --- timing ----------------------------------------------------------------------------------

mkdir -p "$work/logs"
# build SITE LOGNAME [keep]: one wdhs build of SITE into SITE/public; prints the wall time in ms.
# The output of the previous build is deleted first, unless `keep` is given (an editor's rebuild:
# wdhs then updates the output in place).
build() {
    local site=$1 name=$2 keep=${3:-} t0 t1
    [[ $keep == keep ]] || rm -rf "$site/public"
    t0=$(date +%s%N)
    if ! "$wdhs" build --root "$site" --output "$site/public" >"$work/logs/$name.log" 2>&1; then
        cat "$work/logs/$name.log" >&2
        die "wdhs build failed for $site (log: $work/logs/$name.log)"
    fi
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# what wdhs said about images in its summary line, e.g. "50 images processed, 0 from the cache"
said() { grep -o '[0-9]* images processed, [0-9]* from the cache' "$work/logs/$1.log" | tail -n 1 || true; }

log "(a) no images: 1 warm-up + $runs runs, output deleted first; $runs more with the output kept"
build "$work/no-images" noimg-warmup >/dev/null
noimg=() noimg_kept=()
for ((r = 1; r <= runs; r++)); do noimg+=("$(build "$work/no-images" "noimg-$r")"); done
for ((r = 1; r <= runs; r++)); do noimg_kept+=("$(build "$work/no-images" "noimg-kept-$r" keep)"); done
noimg_med=$(median "${noimg[@]}")
noimg_kept_med=$(median "${noimg_kept[@]}")
log "    deleted: ${noimg[*]} ms -> median $noimg_med ms; kept: ${noimg_kept[*]} ms -> median $noimg_kept_med ms"

log "(b) cold build with $photos images (.wdhs-cache deleted)"
rm -rf "$work/images/.wdhs-cache"
cold=$(build "$work/images" cold)
cold_said=$(said cold)
log "    $cold ms ($cold_said)"

log "(c) warm rebuild with images: $runs runs, output deleted first; $runs more with the output kept"
warm=() warm_kept=()
for ((r = 1; r <= runs; r++)); do warm+=("$(build "$work/images" "warm-$r")"); done
for ((r = 1; r <= runs; r++)); do warm_kept+=("$(build "$work/images" "warm-kept-$r" keep)"); done
warm_med=$(median "${warm[@]}")
warm_kept_med=$(median "${warm_kept[@]}")
warm_said=$(said "warm-kept-$runs")
log "    deleted: ${warm[*]} ms -> median $warm_med ms; kept: ${warm_kept[*]} ms -> median $warm_kept_med ms ($warm_said)"
adds=$((warm_med - noimg_med))
adds_kept=$((warm_kept_med - noimg_kept_med))

# --- bytes -----------------------------------------------------------------------------------

log "(d) bytes published"
bytes=$(python3 - "$work/images" "$photos" <<'PY'
import re, sys
from pathlib import Path

site = Path(sys.argv[1]); count = int(sys.argv[2])
public, content = site / "public", site / "content" / "initiatives"
VIEWPORT, DPR = 375, 2

def pick(srcset: str) -> str:
    """The candidate a browser picks for sizes=100vw at VIEWPORT x DPR: the smallest at least that wide."""
    cands = sorted((int(w), url) for url, w in re.findall(r"(\S+)\s+(\d+)w", srcset))
    need = VIEWPORT * DPR
    return next((url for w, url in cands if w >= need), cands[-1][1])

def file_of(url: str) -> Path:
    return public / url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else public / url.lstrip("/")

page = public / "initiatieven" / "fotoreeks-01" / "index.html"
html = page.read_text()
pictures = re.findall(r"<picture>(.*?)</picture>", html, re.S)
webp = [pick(re.search(r'type="image/webp" srcset="([^"]+)"', p).group(1)) for p in pictures]
jpeg = [pick(re.search(r'<img [^>]*srcset="([^"]+)"', p).group(1)) for p in pictures]
sizes = re.findall(r'sizes="([^"]+)"', pictures[0])[0] if pictures else ""
originals = re.findall(r"\]\((photo-\d+\.jpg)\)", (content / "fotoreeks-01.nl.md").read_text())
assert len(originals) == len(pictures), (originals, len(pictures))
page_webp = sum(file_of(u).stat().st_size for u in webp)
page_jpeg = sum(file_of(u).stat().st_size for u in jpeg)
page_orig = sum((content / o).stat().st_size for o in originals)

all_orig = sum((content / f"photo-{i:02d}.jpg").stat().st_size for i in range(1, count + 1))
published = [p for p in public.rglob("photo-*") if p.is_file()]
all_pub = sum(p.stat().st_size for p in published)
groups = {}
for p in published:
    m = re.match(r"photo-\d+(?:-(\w+))?\.(\w+)$", p.name)
    key = f"{m.group(1) or 'full'}.{m.group(2)}" if m else p.name
    groups[key] = groups.get(key, 0) + p.stat().st_size
from PIL import Image
full = public / "initiatieven" / "photo-01.jpg"
with Image.open(full) as im:
    exif_left = len(im.getexif())
    full_size = im.size

print(f"page={page.relative_to(public)}")
print(f"pictures={len(pictures)}")
print(f"sizes={sizes}")
print(f"picked={' '.join(Path(u).name for u in webp)}")
print(f"page_webp={page_webp}")
print(f"page_jpeg={page_jpeg}")
print(f"page_orig={page_orig}")
print(f"all_orig={all_orig}")
print(f"all_pub={all_pub}")
print(f"pub_files={len(published)}")
order = lambda k: (k.split(".")[1], int(k.split(".")[0]) if k.split(".")[0].isdigit() else 99999)
print("groups=" + " · ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(groups.items(), key=lambda kv: order(kv[0]))))
print(f"exif_left={exif_left}")
print(f"full_size={full_size[0]}x{full_size[1]}")
PY
) || die "measuring the published bytes failed"
get() { sed -n "s/^$1=//p" <<<"$bytes"; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", 100 * a / b }'; }
mb() { awk -v a="$1" 'BEGIN { printf "%.1f MB", a / 1e6 }'; }
kb() { awk -v a="$1" 'BEGIN { printf "%.0f KB", a / 1e3 }'; }

page_webp=$(get page_webp) page_jpeg=$(get page_jpeg) page_orig=$(get page_orig)
all_orig=$(get all_orig) all_pub=$(get all_pub)

# --- report ----------------------------------------------------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
report=$(
    cat <<EOF
# Image benchmark

\`scripts/bench-images.sh\` on $(date -u +%Y-%m-%d) · $(nproc 2>/dev/null || echo '?') CPUs${cpu:+ ($cpu)} · release build of wdhs
· fixture \`tests/fixtures/basic\` + $entries initiative entries · $photos photos of 4000 × 3000 px
($(tail -n 1 "$work/photos.log" 2>/dev/null | sed 's/^[0-9]* photos, //'))

| measurement | result |
|---|---|
| (a) build without images, median of $runs: output kept / deleted first | $noimg_kept_med ms / $noimg_med ms |
| (b) cold build with $photos images (\`.wdhs-cache\` deleted) | $cold ms ($cold_said) |
| (c) warm rebuild with images, median of $runs: output kept / deleted first | $warm_kept_med ms / $warm_med ms ($warm_said) |
| warm rebuild adds over no images: output kept / deleted first | **$adds_kept ms** / $adds ms |
| (d) phone page \`$(get page)\`: $(get pictures) photos, WebP picked at 375 px × DPR 2 | $(kb "$page_webp") of $(mb "$page_orig") originals = **$(pct "$page_webp" "$page_orig") %** |
| same page, JPEG fallback (no WebP support) | $(kb "$page_jpeg") = $(pct "$page_jpeg" "$page_orig") % |
| all $photos originals vs all published image files ($(get pub_files) files) | $(mb "$all_orig") → $(mb "$all_pub") = **$(pct "$all_pub" "$all_orig") %** |

Runs in ms, output kept: no images ${noimg_kept[*]}; warm ${warm_kept[*]}. Output deleted first: no
images ${noimg[*]}; warm ${warm[*]}. Wall clock of \`wdhs build\`, OS file cache not dropped. The browser picks from
\`sizes="$(get sizes)"\`: at 375 px that is 100vw = 375 CSS px = 750 device px, so the smallest
candidate at least 750 px wide: $(get picked).

Published bytes per kind (all $photos photos): $(get groups).
The \`full.jpg\` copy is the original at its published size ($(get full_size)); EXIF entries left in it: $(get exif_left).
EOF
)
printf '%s\n' "$report" >"$results"
printf '\n%s\n\nwritten to %s\n' "$report" "${results#"$root"/}"
