#!/usr/bin/env python3
"""Phone-size test photos for scripts/bench-images.sh: seeded, deterministic, Pillow only.

    pip install pillow
    python3 scripts/bench_photos.py OUT_DIR [--count 50] [--seed 2024] [--jobs 2]

Writes OUT_DIR/photo-01.jpg … photo-NN.jpg: 4000 x 3000 JPEG at quality 90, each a different
outdoor scene (sky, sun, hills, fields, trees, houses, a few faceless figures) drawn with the
helpers of scripts/make_photos.py, plus sensor-like grain strong enough that the files weigh what
a phone photo weighs (about 3-6 MB) instead of compressing to almost nothing. Each file carries
a little EXIF (camera make and model, date, author) like a phone photo, so the benchmark also
covers removing metadata. The same seed and Pillow version give the same bytes. Prints one line
per photo and a size summary; exits 0.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_photos as mp  # noqa: E402  (the drawing helpers)
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

W, H = mp.W, mp.H
QUALITY = 90
GRAIN = 13  # luminance grain; with the detail below this lands at ~3-6 MB per photo


def hills(d: ImageDraw.ImageDraw, rng: random.Random, base: float, amp: float, colour: tuple) -> None:
    f1, f2 = rng.uniform(0.5, 1.5), rng.uniform(2, 5)
    p1, p2 = rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    pts = [(x, base - amp * (0.6 * math.sin(x / W * f1 * math.pi + p1) + 0.4 * math.sin(x / W * f2 * math.pi + p2)))
           for x in range(0, W + 41, 40)]
    d.polygon(pts + [(W, H), (0, H)], fill=colour)


def scene(seed: int) -> Image.Image:
    rng = random.Random(seed)
    dusk = rng.random() < 0.35
    horizon = rng.randint(1300, 2000)
    if dusk:
        top, mid, low = (40, 44, 96), (200, 110, 120), (255, 196, 140)
    else:
        top = mp.jitter(rng, (80, 140, 210), 20)
        mid, low = (160, 196, 230), mp.jitter(rng, (236, 226, 210), 12)
    img = mp.vgradient(W, H, [(0, top), (horizon / H * 0.6, mid), (horizon / H, low), (1, low)])
    sun = (rng.uniform(300, W - 300), horizon - rng.uniform(100, 900))
    img = mp.screen_glow(img, sun[0], sun[1], rng.uniform(900, 1800), (110, 70, 20) if dusk else (60, 50, 20), 1.0)
    layer, ld = mp.soft_layer(img.size, (232, 236, 242))
    for _ in range(rng.randint(2, 8)):
        c_top, c_bottom = ((255, 200, 190), (170, 120, 150)) if dusk else ((255, 255, 252), (196, 204, 218))
        mp.cloud(ld, rng, rng.uniform(0, W), rng.uniform(200, horizon * 0.6), rng.uniform(500, 1400), rng.uniform(100, 240),
                 c_top, c_bottom, 230)
    img = mp.blur_onto(img, layer, rng.choice([6, 10, 16]))
    d = ImageDraw.Draw(img)
    # layered hills, far ones hazier
    for k in range(3):
        green = mp.jitter(rng, (70 + 20 * k, 110 + 10 * k, 60), 14)
        hills(d, rng, horizon + k * 120, rng.uniform(40, 200) / (k + 1), mp.mix(green, low, 0.5 - 0.2 * k))
    # field rows
    vp = (rng.uniform(800, W - 800), horizon + 300)
    cols = [mp.jitter(rng, (86, 120, 56), 16), mp.jitter(rng, (130, 130, 70), 16), mp.jitter(rng, (70, 100, 50), 12)]
    xs = list(range(-8000, 12000, rng.choice([300, 450, 600])))
    for i, (a, b) in enumerate(zip(xs, xs[1:])):
        d.polygon([vp, (a, H), (b, H)], fill=cols[i % 3])
    d.rectangle((0, horizon + 240, W, horizon + 310), fill=mp.mix(cols[0], low, 0.5))
    # a village row
    x = rng.uniform(-300, 300)
    while x < W:
        w = rng.uniform(260, 700)
        h = rng.uniform(200, 420)
        y = horizon + 300
        brick = rng.choice([(170, 88, 60), (150, 74, 52), (226, 220, 206), (190, 110, 76)])
        if rng.random() < 0.55:
            mp.brick_wall(d, rng, (int(x), int(y - h), int(x + w), int(y)), brick, (200, 180, 166), bh=18, bw=48, var=14)
            d.polygon([(x - 20, y - h), (x + w / 2, y - h - w * 0.5), (x + w + 20, y - h)], fill=rng.choice([(70, 66, 70), (150, 70, 50)]))
            mp.window(d, rng, (x + w * 0.2, y - h * 0.75, x + w * 0.45, y - h * 0.25), (240, 236, 228), (170, 200, 230), (80, 100, 120), cols=2, rows=2, fw=8)
        else:
            mp.tree(d, rng, x + w / 2, y + 10, rng.uniform(500, 1000), [(40, 74, 40), (60, 100, 48), (96, 136, 60), (150, 170, 80)], (76, 58, 48))
        x += w + rng.uniform(30, 250)
    # foreground: a few figures and grass
    for _ in range(rng.randint(0, 4)):
        hgt = rng.uniform(500, 1100)
        mp.person(d, rng, rng.uniform(200, W - 200), rng.uniform(horizon + 500, H - 50), hgt, rng.choice(mp.CLOTHES),
                  rng.choice(mp.SKINS), rng.choice(mp.HAIRS))
    for _ in range(3500):
        gx = rng.uniform(0, W)
        gy = rng.uniform(H - 500, H + 40)
        d.line((gx, gy, gx + rng.uniform(-40, 40), gy - rng.uniform(40, 220)), fill=mp.jitter(rng, (70, 100, 46), 30), width=rng.randint(3, 7))
    img = mp.grade(img, 1.04, 1.0, 0.95, lift=4)
    img = mp.vignette(img.filter(ImageFilter.GaussianBlur(0.9)), 0.3)
    return mp.grain(img, rng, GRAIN, chroma=0.45, blur=0.45)


def make(args: tuple[int, int, str]) -> tuple[str, int]:
    index, seed, out = args
    path = Path(out) / f"photo-{index:02d}.jpg"
    img = scene(seed * 1000 + index)
    exif = Image.Exif()
    exif[0x010F] = "WDHS Bench"               # Make
    exif[0x0110] = "Phone 4000x3000"          # Model
    exif[0x0132] = f"2024:04:13 {10 + index // 6:02d}:{index % 60:02d}:00"  # DateTime
    exif[0x013B] = "Bench generator"          # Artist
    exif[0x0112] = 1                          # Orientation: upright
    img.save(path, "JPEG", quality=QUALITY, subsampling="4:2:0", exif=exif)
    return path.name, path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description="phone-size test photos for bench-images.sh")
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = [(i, args.seed, str(args.out)) for i in range(1, args.count + 1)]
    sizes = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for name, size in pool.map(make, work):
            sizes.append(size)
            print(f"  {name}  {size / 1e6:.2f} MB", flush=True)
    print(f"{len(sizes)} photos, {sum(sizes) / 1e6:.1f} MB, {min(sizes) / 1e6:.2f}-{max(sizes) / 1e6:.2f} MB each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
