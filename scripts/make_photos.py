#!/usr/bin/env python3
"""Draw the illustrative "photos" used on the site, deterministically, with Pillow.

How to run (from any folder; needs Python 3 and Pillow from PyPI):

    pip install pillow
    python3 scripts/make_photos.py              # writes every photo next to its entry
    python3 scripts/make_photos.py --list       # lists the photos it makes
    python3 scripts/make_photos.py reduzum      # only the photos whose name contains "reduzum"
    python3 scripts/make_photos.py --out /tmp/x # write them to another folder (flat)

There is no camera here, so the pictures are drawn: gradients, shapes, soft light, and a fine
grain so they look like a phone photo. Each scene has its own fixed seed, so the same Pillow
version always gives the same bytes. The images contain no text, no real people's likenesses
(people are faceless silhouettes) and no copied artwork. They are dedicated to the public domain
(CC0) by the project; see content/CREDITS.md.

Output: 4000 x 3000 JPEG, quality 90, no metadata:

    content/initiatives/doarpsmune-reduzum.jpg        village wind turbine over fields at dusk
    content/festival/2024.jpg                         festival hall with bunting and a crowd
    content/initiatives/het-wijkpaleis.jpg            former school with workshops and gardens
    content/initiatives/bewonersbedrijf-malburgen.jpg former care home with balconies and beds
    content/initiatives/zorgcooperatie-hoogeloon.jpg  village street with houses and a bench
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

try:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter
except ImportError:  # pragma: no cover - a message instead of a traceback
    sys.exit("make_photos.py needs Pillow: pip install pillow")

W, H = 4000, 3000
QUALITY = 90
ROOT = Path(__file__).resolve().parent.parent

Color = tuple


# --- small helpers ------------------------------------------------------------------------------


def mix(a: Color, b: Color, t: float) -> Color:
    t = max(0.0, min(1.0, t))
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def shade(c: Color, f: float) -> Color:
    return tuple(max(0, min(255, int(round(v * f)))) for v in c[:3])


def jitter(rng: random.Random, c: Color, amount: int) -> Color:
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c[:3])


def vgradient(w: int, h: int, stops: list[tuple[float, Color]]) -> Image.Image:
    """A vertical gradient through (position 0..1, colour) stops."""
    col = Image.new("RGB", (1, h))
    px = []
    for y in range(h):
        t = y / max(1, h - 1)
        for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
            if p0 <= t <= p1:
                px.append(mix(c0, c1, (t - p0) / max(1e-9, p1 - p0)))
                break
        else:
            px.append(stops[-1][1] if t > stops[-1][0] else stops[0][1])
    col.putdata(px)
    return col.resize((w, h), Image.Resampling.BILINEAR)


def radial_mask(w: int, h: int, cx: float, cy: float, rx: float, ry: float, power: float = 1.0) -> Image.Image:
    """An 'L' mask, 255 at (cx, cy) fading to 0 at radius (rx, ry)."""
    g = Image.radial_gradient("L")  # 256x256, 0 in the centre, 255 at radius 128
    g = g.point(lambda v: int(255 * max(0.0, 1 - v / 128) ** power))
    g = g.resize((int(rx * 2), int(ry * 2)), Image.Resampling.BILINEAR)
    m = Image.new("L", (w, h), 0)
    m.paste(g, (int(cx - rx), int(cy - ry)))
    return m


def glow(img: Image.Image, cx: float, cy: float, r: float, color: Color, strength: float, power: float = 1.6, ry: float | None = None) -> None:
    """Adds light: a soft coloured blob composited in place."""
    mask = radial_mask(img.width, img.height, cx, cy, r, ry or r, power)
    mask = mask.point(lambda v: int(v * strength))
    img.paste(Image.new("RGB", img.size, color), (0, 0), mask)


def screen_glow(img: Image.Image, cx: float, cy: float, r: float, color: Color, strength: float) -> Image.Image:
    """Brightens like light does (screen blend) instead of painting over."""
    mask = radial_mask(img.width, img.height, cx, cy, r, r, 1.8).point(lambda v: int(v * strength))
    layer = Image.new("RGB", img.size, (0, 0, 0))
    layer.paste(Image.new("RGB", img.size, color), (0, 0), mask)
    return ImageChops.screen(img, layer)


def grain(img: Image.Image, rng: random.Random, amount: float, chroma: float = 0.35, blur: float = 0.6) -> Image.Image:
    """Sensor-like noise: luminance grain plus a little colour noise, seeded."""
    w, h = img.size

    def plane(amp: float) -> Image.Image:
        n = Image.frombytes("L", (w, h), rng.randbytes(w * h))
        if blur:
            n = n.filter(ImageFilter.GaussianBlur(blur))
            amp *= 2.2  # blurring flattens uniform noise; bring the spread back
        return n.point(lambda v: max(0, min(255, int(round(128 + (v - 128) * amp / 128)))))

    lum = plane(amount)
    out = ImageChops.add(img, Image.merge("RGB", (lum, lum, lum)), 1.0, -128)
    if chroma:
        cn = Image.merge("RGB", tuple(plane(amount * chroma) for _ in range(3)))
        out = ImageChops.add(out, cn, 1.0, -128)
    return out


def vignette(img: Image.Image, strength: float = 0.35) -> Image.Image:
    g = Image.radial_gradient("L").resize((int(img.width * 1.42), int(img.height * 1.42)), Image.Resampling.BILINEAR)
    g = g.crop(((g.width - img.width) // 2, (g.height - img.height) // 2, (g.width + img.width) // 2, (g.height + img.height) // 2))
    g = g.resize(img.size)
    g = g.point(lambda v: int(255 * (1 - strength * (v / 255) ** 2.2)))
    return ImageChops.multiply(img, Image.merge("RGB", (g, g, g)))


def grade(img: Image.Image, r: float, g: float, b: float, lift: int = 0) -> Image.Image:
    """A gentle colour grade: per-channel gain and a lift of the shadows."""
    chans = img.split()
    out = []
    for ch, gain in zip(chans, (r, g, b)):
        out.append(ch.point(lambda v, gain=gain: max(0, min(255, int(lift + v * gain * (255 - lift) / 255)))))
    return Image.merge("RGB", out)


def soft_layer(size: tuple[int, int], color: Color = (0, 0, 0)) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A transparent layer to draw on and blur. Its transparent pixels carry `color` (the colour
    drawn on it), because the blur mixes them in: black would leave a dark halo."""
    layer = Image.new("RGBA", size, tuple(color) + (0,))
    return layer, ImageDraw.Draw(layer)


def blur_onto(img: Image.Image, layer: Image.Image, radius: float) -> Image.Image:
    if radius:
        layer = layer.filter(ImageFilter.GaussianBlur(radius))
    base = img.convert("RGBA")
    base.alpha_composite(layer)
    return base.convert("RGB")


def cloud(d: ImageDraw.ImageDraw, rng: random.Random, cx: float, cy: float, w: float, h: float, top: Color, bottom: Color, alpha: int) -> None:
    """A cumulus-ish cloud of overlapping ellipses, lighter on top."""
    for i in range(int(14 + w / 60)):
        x = cx + rng.uniform(-w / 2, w / 2)
        spread = 1 - abs(x - cx) / (w / 2 + 1)
        ry = h * rng.uniform(0.35, 0.7) * (0.5 + spread)
        rx = ry * rng.uniform(1.0, 1.8)
        y = cy - ry * rng.uniform(0.0, 0.6) * spread
        t = (y - (cy - h)) / (2 * h)
        c = mix(top, bottom, t)
        d.ellipse((x - rx, y - ry, x + rx, y + ry), fill=c + (alpha,))
    d.ellipse((cx - w / 2, cy - h * 0.15, cx + w / 2, cy + h * 0.25), fill=bottom + (alpha,))


def tree(d: ImageDraw.ImageDraw, rng: random.Random, x: float, base: float, height: float, greens: list[Color], trunk: Color, light_from: float = -1.0) -> None:
    """A round deciduous tree: trunk and clusters of leaves lit from one side."""
    tw = height * 0.06
    d.polygon([(x - tw, base), (x + tw, base), (x + tw * 0.6, base - height * 0.55), (x - tw * 0.6, base - height * 0.55)], fill=trunk)
    crown_cy = base - height * 0.62
    crown_r = height * 0.36
    for layer in range(3):
        for _ in range(18):
            a = rng.uniform(0, 2 * math.pi)
            dist = rng.uniform(0, crown_r * 0.75)
            cx = x + math.cos(a) * dist
            cy = crown_cy + math.sin(a) * dist * 0.8
            r = crown_r * rng.uniform(0.25, 0.45)
            lit = ((cx - x) * light_from + (crown_cy - cy)) / crown_r
            c = greens[min(len(greens) - 1, max(0, int((lit + 1) / 2 * len(greens) + layer - 1)))]
            d.ellipse((cx - r, cy - r * 0.9, cx + r, cy + r * 0.9), fill=jitter(rng, c, 8))


def person(d: ImageDraw.ImageDraw, rng: random.Random, x: float, feet: float, h: float, clothes: Color, skin: Color, hair: Color, legs: Color | None = None, arms_up: bool = False, seated: bool = False) -> None:
    """A faceless figure seen from behind or far away: head, hair, torso, arms, legs.

    `h` is the standing height; a seated figure is shorter (its thighs point at the viewer)."""
    legs = legs or shade(clothes, 0.55)
    head_r = h * 0.068
    top = feet - h + (h * 0.22 if seated else 0)
    head_cy = top + head_r
    shoulder_y = head_cy + head_r * 1.55
    hip_y = feet - h * (0.25 if seated else 0.47)
    sw = h * rng.uniform(0.12, 0.15)
    # legs
    lw = h * 0.055
    d.rounded_rectangle((x - sw * 0.75, hip_y - h * 0.03, x - sw * 0.75 + lw * 1.6, feet), radius=lw * 0.5, fill=legs)
    d.rounded_rectangle((x + sw * 0.75 - lw * 1.6, hip_y - h * 0.03, x + sw * 0.75, feet), radius=lw * 0.5, fill=legs)
    # arms
    aw = h * 0.045
    if arms_up:
        d.line((x - sw, shoulder_y + aw, x - sw * 1.6, shoulder_y - h * 0.28), fill=clothes, width=int(aw * 1.6))
        d.ellipse((x - sw * 1.6 - aw, shoulder_y - h * 0.28 - aw, x - sw * 1.6 + aw, shoulder_y - h * 0.28 + aw), fill=skin)
    else:
        d.rounded_rectangle((x - sw - aw, shoulder_y, x - sw + aw * 0.6, hip_y + h * 0.05), radius=aw, fill=shade(clothes, 0.9))
    d.rounded_rectangle((x + sw - aw * 0.6, shoulder_y, x + sw + aw, hip_y + h * 0.05), radius=aw, fill=shade(clothes, 0.9))
    # torso
    d.rounded_rectangle((x - sw, shoulder_y - h * 0.02, x + sw, hip_y + h * 0.02), radius=sw * 0.45, fill=clothes)
    # neck, head, hair
    d.rectangle((x - head_r * 0.4, head_cy, x + head_r * 0.4, shoulder_y + 2), fill=shade(skin, 0.9))
    d.ellipse((x - head_r, head_cy - head_r * 1.1, x + head_r, head_cy + head_r * 1.1), fill=skin)
    style = rng.random()
    if style < 0.45:
        d.chord((x - head_r * 1.05, head_cy - head_r * 1.2, x + head_r * 1.05, head_cy + head_r * 1.0), 180, 360, fill=hair)
        d.ellipse((x - head_r * 1.0, head_cy - head_r * 1.15, x + head_r * 1.0, head_cy + head_r * 0.5), fill=hair)
    elif style < 0.75:
        d.ellipse((x - head_r * 1.12, head_cy - head_r * 1.25, x + head_r * 1.12, head_cy + head_r * 1.3), fill=hair)
        d.rounded_rectangle((x - head_r * 1.05, head_cy, x + head_r * 1.05, shoulder_y + head_r * 0.6), radius=head_r * 0.5, fill=hair)
    elif style < 0.88:
        d.ellipse((x - head_r * 1.02, head_cy - head_r * 1.15, x + head_r * 1.02, head_cy + head_r * 0.2), fill=hair)
        d.ellipse((x - head_r * 0.45, head_cy - head_r * 1.75, x + head_r * 0.45, head_cy - head_r * 0.85), fill=hair)
    else:  # a cap or headscarf in a colour
        cap = jitter(rng, (rng.choice([(180, 60, 50), (40, 90, 140), (200, 160, 60), (90, 120, 70)])), 15)
        d.ellipse((x - head_r * 1.12, head_cy - head_r * 1.25, x + head_r * 1.12, head_cy + head_r * 1.2), fill=cap)


SKINS = [(241, 200, 170), (224, 172, 135), (198, 140, 100), (160, 105, 72), (120, 78, 52), (92, 60, 42)]
HAIRS = [(40, 30, 25), (70, 45, 30), (120, 85, 50), (180, 150, 100), (200, 200, 195), (25, 20, 20), (140, 60, 35)]
CLOTHES = [(180, 55, 50), (40, 80, 140), (235, 180, 60), (60, 120, 90), (120, 70, 140), (230, 120, 60),
           (70, 70, 80), (200, 200, 195), (150, 40, 70), (60, 150, 170), (110, 90, 60), (220, 90, 110)]


def brick_wall(d: ImageDraw.ImageDraw, rng: random.Random, box: tuple[int, int, int, int], brick: Color, mortar: Color, bh: int = 34, bw: int = 96, var: int = 14) -> None:
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=mortar)
    row = 0
    y = y0
    while y < y1:
        off = (bw // 2) * (row % 2)
        x = x0 - off
        while x < x1:
            c = jitter(rng, brick, var)
            if rng.random() < 0.06:
                c = shade(c, rng.uniform(0.75, 0.9))
            bx0, bx1, by1 = max(x0, x + 3), min(x1, x + bw - 3), min(y1, y + bh - 3)
            if bx1 > bx0 and by1 > y + 3:
                d.rectangle((bx0, y + 3, bx1, by1), fill=c)
            x += bw
        y += bh
        row += 1


def window(d: ImageDraw.ImageDraw, rng: random.Random, box: tuple[float, float, float, float], frame: Color, glass_top: Color, glass_bottom: Color, cols: int = 2, rows: int = 3, fw: int = 12, lit: Color | None = None) -> None:
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=frame)
    gw = (x1 - x0 - fw * (cols + 1)) / cols
    gh = (y1 - y0 - fw * (rows + 1)) / rows
    for r in range(rows):
        for c in range(cols):
            gx = x0 + fw + c * (gw + fw)
            gy = y0 + fw + r * (gh + fw)
            t = (r + 0.5) / rows
            col = lit if lit else mix(glass_top, glass_bottom, t)
            d.rectangle((gx, gy, gx + gw, gy + gh), fill=jitter(rng, col, 6))
            if not lit:  # a diagonal reflection
                d.polygon([(gx, gy + gh * 0.7), (gx + gw * 0.5, gy), (gx + gw * 0.7, gy), (gx, gy + gh)], fill=mix(col, (255, 255, 255), 0.18))


def finish(img: Image.Image, rng: random.Random, grain_amount: float = 9, vig: float = 0.32) -> Image.Image:
    img = img.filter(ImageFilter.GaussianBlur(1.1))  # lens softness, hides hard polygon edges
    img = vignette(img, vig)
    return grain(img, rng, grain_amount)


# --- scenes ---------------------------------------------------------------------------------------


def reduzum(rng: random.Random) -> Image.Image:
    """Doarpsmûne Reduzum: the village wind turbine over Frisian fields at dusk."""
    horizon = 1880
    img = vgradient(W, H, [(0.0, (34, 42, 92)), (0.28, (92, 74, 138)), (0.5, (214, 118, 112)),
                           (0.6, (250, 168, 110)), (horizon / H, (255, 206, 140)), (1.0, (255, 206, 140))])
    sun_x, sun_y = 2850, horizon - 60
    img = screen_glow(img, sun_x, sun_y, 1500, (120, 60, 20), 1.0)
    img = screen_glow(img, sun_x, sun_y, 420, (160, 110, 50), 1.0)
    d = ImageDraw.Draw(img)
    d.ellipse((sun_x - 95, sun_y - 95, sun_x + 95, sun_y + 95), fill=(255, 236, 196))

    # long thin dusk clouds
    layer, ld = soft_layer(img.size, (220, 150, 150))
    for _ in range(16):
        cx, cy = rng.uniform(-200, W + 200), rng.uniform(250, horizon - 450)
        w, h = rng.uniform(600, 1600), rng.uniform(30, 80)
        t = cy / horizon
        c = mix((150, 110, 170), (255, 170, 140), t)
        ld.ellipse((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), fill=c + (rng.randint(90, 170),))
        ld.ellipse((cx - w / 3, cy - h, cx + w / 4, cy + h / 3), fill=mix(c, (255, 210, 170), 0.4) + (rng.randint(60, 120),))
    img = blur_onto(img, layer, 28)
    d = ImageDraw.Draw(img)

    # fields in perspective, converging on a point at the horizon
    vp = (2300, horizon)
    field_cols = [(74, 92, 52), (96, 104, 56), (62, 84, 48), (110, 100, 58), (80, 98, 50)]
    xs = list(range(-9000, 13000, 900))
    for i, (a, b) in enumerate(zip(xs, xs[1:])):
        c = jitter(rng, field_cols[i % len(field_cols)], 6)
        d.polygon([vp, (a, H), (b, H)], fill=c)
    # darken towards the camera and light the far fields with the sky
    fade = vgradient(W, H - horizon, [(0, (255, 196, 140)), (0.12, (170, 150, 120)), (1, (70, 70, 80))])
    field = img.crop((0, horizon, W, H))
    img.paste(ImageChops.multiply(field, fade), (0, horizon))
    d = ImageDraw.Draw(img)
    # furrows
    for i in range(260):
        a = rng.uniform(-8000, 12000)
        d.line((vp[0] + (a - vp[0]) * 0.02, horizon + 6, a, H), fill=(40, 50, 34), width=rng.randint(3, 7))
    # a ditch catching the sky
    d.polygon([(vp[0] - 30, horizon + 2), (vp[0] - 12, horizon + 2), (1500, H), (1100, H)], fill=(255, 178, 130))
    d.polygon([(vp[0] - 26, horizon + 2), (vp[0] - 16, horizon + 2), (1420, H), (1180, H)], fill=(236, 150, 125))

    # distant village: trees, houses, a saddleback church tower, lit windows
    sil = (58, 44, 66)
    for _ in range(90):
        x = rng.uniform(0, W)
        if 1700 < x < 2250:
            continue
        r = rng.uniform(25, 85)
        d.ellipse((x - r * 1.3, horizon - r * 2.0, x + r * 1.3, horizon + 10), fill=jitter(rng, sil, 6))
    for _ in range(26):
        x = rng.uniform(300, 3700)
        w, h = rng.uniform(70, 160), rng.uniform(45, 80)
        d.rectangle((x, horizon - h, x + w, horizon + 4), fill=shade(sil, 0.9))
        d.polygon([(x - 8, horizon - h), (x + w / 2, horizon - h - w * 0.55), (x + w + 8, horizon - h)], fill=shade(sil, 0.85))
        if rng.random() < 0.6:
            wx = x + rng.uniform(10, w - 30)
            d.rectangle((wx, horizon - h * 0.6, wx + 14, horizon - h * 0.6 + 16), fill=(255, 200, 120))
    cx = 620
    d.rectangle((cx, horizon - 330, cx + 110, horizon), fill=shade(sil, 0.85))
    d.polygon([(cx - 6, horizon - 330), (cx + 55, horizon - 440), (cx + 116, horizon - 330)], fill=shade(sil, 0.8))
    d.rectangle((cx + 110, horizon - 140, cx + 420, horizon), fill=shade(sil, 0.88))
    d.polygon([(cx + 104, horizon - 140), (cx + 265, horizon - 250), (cx + 426, horizon - 140)], fill=shade(sil, 0.82))

    # the turbine, lit pink-gold from the low sun on its right side
    tx, base, hub_y = 1480, horizon + 20, 620
    d.polygon([(tx - 34, base), (tx + 34, base), (tx + 15, hub_y + 30), (tx - 15, hub_y + 30)], fill=(168, 140, 160))
    d.polygon([(tx + 2, base), (tx + 34, base), (tx + 15, hub_y + 30), (tx + 1, hub_y + 30)], fill=(236, 196, 186))
    d.rounded_rectangle((tx - 70, hub_y - 28, tx + 70, hub_y + 34), radius=24, fill=(214, 186, 190))
    d.rounded_rectangle((tx, hub_y - 28, tx + 70, hub_y + 34), radius=24, fill=(244, 214, 200))
    blade_len = 760
    for k in range(3):
        ang = math.radians(-78 + k * 120)
        ux, uy = math.cos(ang), math.sin(ang)
        px_, py_ = -uy, ux
        hx, hy = tx - 50, hub_y + 2
        pts = [(hx + px_ * 16, hy + py_ * 16),
               (hx + ux * 120 + px_ * 36, hy + uy * 120 + py_ * 36),
               (hx + ux * blade_len + px_ * 5, hy + uy * blade_len + py_ * 5),
               (hx + ux * blade_len - px_ * 3, hy + uy * blade_len - py_ * 3),
               (hx - px_ * 14, hy - py_ * 14)]
        d.polygon(pts, fill=(226, 200, 206))
        d.line([pts[0], pts[1], pts[2]], fill=(250, 226, 214), width=6)
    d.ellipse((tx - 82, hub_y - 30, tx - 24, hub_y + 34), fill=(236, 212, 208))

    # cows grazing in the middle distance
    for _ in range(9):
        x, y = rng.uniform(2400, 3900), rng.uniform(horizon + 90, horizon + 260)
        s = (y - horizon) / 140
        body = (40 * s, 20 * s)
        d.ellipse((x - body[0], y - body[1], x + body[0], y + body[1]), fill=(44, 36, 40))
        for _ in range(rng.randint(1, 3)):  # black-and-white Frisian patches
            px_, py_ = x + rng.uniform(-0.7, 0.5) * body[0], y + rng.uniform(-0.6, 0.2) * body[1]
            pw_, ph_ = rng.uniform(0.2, 0.45) * body[0], rng.uniform(0.3, 0.6) * body[1]
            d.ellipse((px_ - pw_, py_ - ph_, px_ + pw_, py_ + ph_ * 0.7), fill=(196, 178, 172))
        hd = 1 if rng.random() < 0.5 else -1
        d.ellipse((x + hd * body[0] * 0.9 - 9 * s, y - 2 * s, x + hd * body[0] * 0.9 + 9 * s, y + 14 * s), fill=(44, 36, 40))
        for lx in (-0.6, -0.35, 0.35, 0.6):
            d.rectangle((x + lx * body[0] - 2 * s, y + body[1] * 0.5, x + lx * body[0] + 2 * s, y + body[1] * 1.6), fill=(40, 32, 36))

    # a fence running into the picture, and tall grass in the foreground
    for i in range(14):
        t = i / 13
        x = 3300 + (vp[0] + 700 - 3300) * (t ** 0.55)
        y = H - 80 - (H - 80 - horizon - 30) * (t ** 0.55)
        ph = 380 * (1 - t ** 0.55) + 20
        pw = 34 * (1 - t ** 0.55) + 4
        d.rectangle((x - pw / 2, y - ph, x + pw / 2, y), fill=(54, 40, 36))
        d.rectangle((x, y - ph, x + pw / 2, y), fill=(120, 84, 66))
        if i:
            d.line((prev[0], prev[1] - prev[2] * 0.8, x, y - ph * 0.8), fill=(90, 80, 80), width=max(2, int(pw / 6)))
            d.line((prev[0], prev[1] - prev[2] * 0.45, x, y - ph * 0.45), fill=(90, 80, 80), width=max(2, int(pw / 6)))
        prev = (x, y, ph)
    for _ in range(2600):
        x = rng.uniform(0, W)
        y0 = rng.uniform(H - 260, H + 40)
        hgt = rng.uniform(60, 260)
        lean = rng.uniform(-50, 50)
        c = mix((36, 46, 30), (150, 120, 70), rng.random() * 0.5)
        d.line((x, y0, x + lean, y0 - hgt), fill=c, width=rng.randint(3, 6))

    img = grade(img, 1.03, 1.0, 0.97)
    return finish(img, rng, grain_amount=8, vig=0.38)


def festival(rng: random.Random) -> Image.Image:
    """Festival 2024 in the Prodentfabriek: a brick factory hall with bunting, lights and a crowd."""
    img = Image.new("RGB", (W, H), (60, 40, 34))
    d = ImageDraw.Draw(img)
    back_top, back_bottom = 300, 2000
    # back wall of brick with tall steel factory windows
    brick_wall(d, rng, (0, back_top, W, back_bottom), (128, 62, 44), (150, 120, 104), bh=30, bw=84)
    for i in range(5):
        x0 = 140 + i * 780
        top = back_top + 120
        d.rectangle((x0 - 14, top - 14, x0 + 574, top + 1034), fill=(92, 70, 60))
        d.pieslice((x0 - 14, top - 300, x0 + 574, top + 300), 180, 360, fill=(92, 70, 60))
        win = vgradient(560, 1020, [(0, (250, 226, 180)), (1, (236, 172, 110))])
        img.paste(win, (x0, top))
        arch = vgradient(560, 290, [(0, (255, 236, 200)), (1, (250, 226, 180))])
        m = Image.new("L", (560, 290), 0)
        ImageDraw.Draw(m).pieslice((0, 0, 560, 580), 180, 360, fill=255)
        img.paste(arch, (x0, top - 290), m)
        d = ImageDraw.Draw(img)
        for gx in range(0, 561, 112):
            d.line((x0 + gx, top - 290, x0 + gx, top + 1020), fill=(52, 48, 50), width=12)
        for gy in range(0, 1021, 128):
            d.line((x0, top + gy, x0 + 560, top + gy), fill=(52, 48, 50), width=12)
    # warm daylight through the windows
    for i in range(5):
        img = screen_glow(img, 140 + i * 780 + 280, back_top + 500, 700, (90, 60, 25), 0.9)
    d = ImageDraw.Draw(img)
    # ceiling with steel trusses
    ceil = vgradient(W, back_top, [(0, (38, 34, 36)), (1, (70, 56, 52))])
    img.paste(ceil, (0, 0))
    d = ImageDraw.Draw(img)
    for y in (60, back_top - 30):
        d.rectangle((0, y - 14, W, y + 14), fill=(30, 30, 34))
    for x in range(-200, W + 200, 220):
        d.line((x, 60, x + 110, back_top - 30), fill=(34, 34, 38), width=12)
        d.line((x + 110, back_top - 30, x + 220, 60), fill=(34, 34, 38), width=12)
    for x in range(0, W, 780):
        d.rectangle((x + 50, 0, x + 110, back_bottom), fill=(46, 44, 48))
        d.rectangle((x + 50, 0, x + 64, back_bottom), fill=(70, 66, 70))

    # the stage with a coloured backdrop (no text) and a spotlight
    sx0, sx1, sy = 1250, 2750, 1640
    d.rectangle((sx0, 900, sx1, sy), fill=(40, 70, 110))
    for i, c in enumerate([(236, 110, 70), (250, 190, 70), (70, 160, 140), (200, 80, 120)]):
        d.ellipse((sx0 + 120 + i * 330, 1000 + (i % 2) * 120, sx0 + 420 + i * 330, 1300 + (i % 2) * 120), fill=c)
    d.rectangle((sx0 - 40, sy, sx1 + 40, sy + 120), fill=(48, 36, 34))
    d.rectangle((sx0 - 40, sy, sx1 + 40, sy + 18), fill=(96, 72, 60))
    d.polygon([(1900, sy), (1960, sy), (1950, sy - 220), (1910, sy - 220)], fill=(70, 50, 40))  # lectern
    d.rectangle((1880, sy - 240, 1980, sy - 210), fill=(90, 64, 50))
    person(d, rng, 2160, sy, 420, (236, 120, 60), SKINS[2], HAIRS[0], arms_up=False)
    light, ld = soft_layer(img.size, (255, 230, 170))
    ld.polygon([(1980, 0), (2120, 0), (2500, sy + 60), (1800, sy + 60)], fill=(255, 230, 170, 60))
    img = blur_onto(img, light, 40)
    img = screen_glow(img, 2150, sy - 200, 420, (120, 90, 40), 0.8)

    # concrete floor
    floor = vgradient(W, H - back_bottom, [(0, (120, 100, 90)), (1, (70, 58, 54))])
    img.paste(floor, (0, back_bottom))
    d = ImageDraw.Draw(img)
    d.rectangle((0, back_bottom - 6, W, back_bottom + 6), fill=(60, 50, 48))

    # bunting and string lights hanging in curves across the hall
    colours = [(222, 70, 60), (250, 190, 60), (60, 150, 150), (240, 130, 60), (120, 80, 160), (90, 170, 90), (230, 110, 150)]
    lights, lg = soft_layer(img.size, (255, 200, 120))
    for line in range(6):
        x0, x1 = -300 + rng.uniform(-200, 200), W + 300 + rng.uniform(-200, 200)
        y0 = 260 + line * 150 + rng.uniform(-40, 40)
        sag = 260 + line * 60
        pts = []
        n = 60
        for i in range(n + 1):
            t = i / n
            pts.append((x0 + (x1 - x0) * t, y0 + sag * 4 * t * (1 - t) + (line % 2) * 80 * t))
        d.line(pts, fill=(40, 36, 36), width=5)
        if line % 2 == 0:  # bunting
            scale = 1 + line * 0.18
            for i, ((ax, ay), (bx, by)) in enumerate(zip(pts, pts[1:])):
                c = colours[(i + line) % len(colours)]
                mx, my = (ax + bx) / 2, (ay + by) / 2
                dx, dy = bx - ax, by - ay
                ln = math.hypot(dx, dy)
                nx, ny = -dy / ln, dx / ln
                if ny < 0:
                    nx, ny = -nx, -ny
                tip = (mx + nx * 90 * scale, my + ny * 90 * scale)
                d.polygon([(ax + dx * 0.1, ay + dy * 0.1), (bx - dx * 0.1, by - dy * 0.1), tip], fill=c)
                d.line([(ax + dx * 0.1, ay + dy * 0.1), tip], fill=shade(c, 0.8), width=3)
        else:  # light bulbs
            for i, (ax, ay) in enumerate(pts[::2]):
                r = 11 + line * 2
                d.line((ax, ay, ax, ay + 28), fill=(40, 36, 36), width=3)
                d.ellipse((ax - r, ay + 28, ax + r, ay + 28 + r * 2.2), fill=(255, 240, 200))
                lg.ellipse((ax - r * 6, ay + 28 - r * 5, ax + r * 6, ay + 28 + r * 7), fill=(255, 200, 120, 70))
    img = blur_onto(img, lights, 30)
    d = ImageDraw.Draw(img)

    # the crowd, rows further away are smaller and hazier
    for row, (y, h, haze, n) in enumerate([(2080, 560, 0.45, 26), (2250, 760, 0.3, 20), (2480, 1000, 0.18, 15), (2780, 1350, 0.05, 11), (3120, 1700, 0.0, 8)]):
        xs = sorted(rng.uniform(-150, W + 150) for _ in range(n))
        for x in xs:
            hgt = h * rng.uniform(0.88, 1.08)
            c = mix(jitter(rng, rng.choice(CLOTHES), 10), (120, 100, 90), haze)
            c = shade(c, 0.72 + 0.1 * row / 4)
            skin = mix(rng.choice(SKINS), (130, 105, 90), haze + 0.2)
            hair = mix(rng.choice(HAIRS), (110, 90, 80), haze)
            person(d, rng, x + rng.uniform(-40, 40), y + hgt * 0.55, hgt, c, skin, hair,
                   arms_up=(row >= 2 and rng.random() < 0.12))
    img = grade(img, 1.05, 0.99, 0.92, lift=6)
    img = screen_glow(img, W / 2, 600, 2600, (30, 22, 10), 1.0)
    return finish(img, rng, grain_amount=10, vig=0.42)


def sky_with_clouds(rng: random.Random, horizon: int, top: Color, low: Color, n: int = 7) -> Image.Image:
    img = vgradient(W, H, [(0, top), (horizon / H, low), (1, low)])
    layer, ld = soft_layer(img.size, (232, 236, 242))
    for _ in range(n):
        cloud(ld, rng, rng.uniform(0, W), rng.uniform(250, horizon * 0.55), rng.uniform(600, 1300), rng.uniform(120, 220),
              (255, 255, 252), (200, 206, 218), 235)
    return blur_onto(img, layer, 16)


def planter(d: ImageDraw.ImageDraw, rng: random.Random, x0: float, y0: float, w: float, h: float) -> None:
    """A raised wooden bed full of greens and flowers."""
    for i in range(int(w / 12)):
        x = x0 + rng.uniform(0, w)
        r = rng.uniform(20, 55)
        d.ellipse((x - r, y0 - r * 1.6, x + r, y0 + r * 0.3), fill=jitter(rng, rng.choice([(70, 120, 50), (90, 140, 60), (50, 100, 45), (110, 150, 70)]), 12))
    for i in range(int(w / 40)):
        x = x0 + rng.uniform(0, w)
        y = y0 - rng.uniform(20, 110)
        r = rng.uniform(9, 18)
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([(240, 200, 60), (230, 90, 80), (250, 250, 240), (200, 90, 160), (250, 150, 60)]))
    d.rectangle((x0, y0, x0 + w, y0 + h), fill=(150, 104, 66))
    for k in range(1, 3):
        d.line((x0, y0 + h * k / 3, x0 + w, y0 + h * k / 3), fill=(110, 76, 48), width=6)
    d.rectangle((x0, y0, x0 + w, y0 + 12), fill=(180, 136, 92))


def bicycle(d: ImageDraw.ImageDraw, x: float, y: float, s: float, c: Color) -> None:
    r = 70 * s
    for cx in (x, x + 210 * s):
        d.ellipse((cx - r, y - r, cx + r, y + r), outline=(40, 40, 44), width=int(9 * s))
    a, b = (x, y), (x + 210 * s, y)
    seat = (x + 70 * s, y - 120 * s)
    head = (x + 180 * s, y - 130 * s)
    pedal = (x + 95 * s, y)
    d.line([a, seat, pedal, a], fill=c, width=int(10 * s))
    d.line([pedal, (x + 170 * s, y - 110 * s), b], fill=c, width=int(10 * s))
    d.line([seat, (x + 170 * s, y - 110 * s)], fill=c, width=int(10 * s))
    d.line([head, (x + 150 * s, y - 150 * s)], fill=(40, 40, 44), width=int(8 * s))
    d.rectangle((seat[0] - 24 * s, seat[1] - 10 * s, seat[0] + 20 * s, seat[1] + 2 * s), fill=(40, 40, 44))


def wijkpaleis(rng: random.Random) -> Image.Image:
    """Het Wijkpaleis: a former brick school with open workshops and community gardens."""
    ground = 2250
    img = sky_with_clouds(rng, ground, (86, 140, 206), (200, 222, 236))
    d = ImageDraw.Draw(img)
    # neighbouring trees behind
    for x in (120, 3880):
        tree(d, rng, x, ground, 1500, [(46, 80, 40), (64, 104, 48), (90, 130, 60), (120, 156, 80)], (70, 54, 44))
    # the school: two wings and a taller middle with a gable
    x0, x1, top = 300, 3700, 820
    brick_wall(d, rng, (x0, top, x1, ground), (160, 78, 56), (196, 170, 150), bh=26, bw=72, var=16)
    mx0, mx1 = 1550, 2450
    brick_wall(d, rng, (mx0, 520, mx1, ground), (150, 72, 52), (196, 170, 150), bh=26, bw=72, var=16)
    d.polygon([(mx0 - 20, 540), (2000, 260), (mx1 + 20, 540)], fill=(150, 72, 52))
    d.polygon([(mx0 - 60, 560), (2000, 230), (mx1 + 60, 560), (mx1 + 60, 530), (2000, 200), (mx0 - 60, 530)], fill=(232, 226, 214))
    d.ellipse((1930, 330, 2070, 470), fill=(232, 226, 214))
    d.ellipse((1950, 350, 2050, 450), fill=(70, 110, 150))
    for y in (top, 1470, ground - 60):
        d.rectangle((x0 - 30, y - 22, x1 + 30, y + 10), fill=(232, 226, 214))
    d.rectangle((x0 - 40, top - 90, x1 + 40, top - 20), fill=(60, 60, 66))
    d.rectangle((x0 + 400, top - 260, x0 + 520, top - 90), fill=(140, 66, 48))
    # upper windows reflecting the sky
    for wx in list(range(x0 + 90, mx0 - 200, 300)) + list(range(mx1 + 90, x1 - 200, 300)) + [mx0 + 130, mx0 + 520]:
        window(d, rng, (wx, 920, wx + 200, 1400), (236, 232, 222), (150, 190, 225), (90, 120, 150), cols=2, rows=4, fw=10)
    for wx in [mx0 + 130, mx0 + 520]:
        window(d, rng, (wx, 620, wx + 250, 820), (236, 232, 222), (170, 205, 230), (110, 140, 170), cols=3, rows=2, fw=10)
    # ground floor: open workshop doors with warm light, benches, shelves
    for i, wx in enumerate(list(range(x0 + 90, mx0 - 200, 300)) + list(range(mx1 + 90, x1 - 200, 300))):
        if i % 2 == 0:
            d.rectangle((wx - 10, 1560, wx + 220, ground - 60), fill=(236, 232, 222))
            inner = vgradient(200, ground - 60 - 1580, [(0, (250, 210, 150)), (1, (170, 120, 80))])
            img.paste(inner, (int(wx + 0), 1580))
            d = ImageDraw.Draw(img)
            d.rectangle((wx + 10, 1640, wx + 190, 1660), fill=(120, 80, 50))
            for k in range(3):
                d.rectangle((wx + 20 + k * 55, 1600, wx + 55 + k * 55, 1640), fill=rng.choice(CLOTHES))
            d.rectangle((wx + 0, 1900, wx + 200, 1930), fill=(130, 90, 56))
            d.rectangle((wx + 20, 1930, wx + 34, ground - 60), fill=(100, 70, 44))
            d.rectangle((wx + 166, 1930, wx + 180, ground - 60), fill=(100, 70, 44))
            d.rectangle((wx + 220, 1580, wx + 290, ground - 60), fill=(60, 110, 100))  # door swung open
        else:
            window(d, rng, (wx, 1560, wx + 200, 2100), (236, 232, 222), (150, 190, 225), (90, 120, 150), cols=2, rows=4, fw=10)
    # the main entrance, wide open
    d.rectangle((1830, 1540, 2170, ground - 60), fill=(236, 232, 222))
    inner = vgradient(300, ground - 60 - 1570, [(0, (255, 220, 160)), (1, (180, 130, 90))])
    img.paste(inner, (1850, 1570))
    d = ImageDraw.Draw(img)
    person(d, rng, 1960, ground - 70, 420, (60, 120, 90), SKINS[3], HAIRS[0])
    # afternoon sun from the left: light the facade, shadow the right wing
    light, ld = soft_layer(img.size, (20, 20, 60))
    ld.rectangle((mx1 + 2, top - 90, x1 + 40, ground), fill=(20, 20, 60, 60))
    img = blur_onto(img, light, 50)
    img = screen_glow(img, 600, 500, 2600, (50, 36, 10), 1.0)
    d = ImageDraw.Draw(img)
    # pavement of grey bricks, and the gardens in front
    pave = vgradient(W, H - ground, [(0, (168, 160, 154)), (1, (120, 114, 110))])
    img.paste(pave, (0, ground))
    d = ImageDraw.Draw(img)
    y = ground
    row = 0
    while y < H:
        bh = 14 + (y - ground) * 0.05
        bw = bh * 2.2
        x = -(bw / 2) * (row % 2)
        while x < W:
            d.rectangle((x + 2, y + 2, x + bw - 2, y + bh - 2), fill=jitter(rng, (150, 142, 136), 10))
            x += bw
        y += bh
        row += 1
    bicycle(d, 1250, 2380, 1.0, (200, 60, 50))
    bicycle(d, 1560, 2390, 1.0, (40, 90, 150))
    for x, h, c, s in [(880, 560, (230, 120, 60), SKINS[4]), (2560, 600, (40, 80, 140), SKINS[1]), (2840, 520, (235, 180, 60), SKINS[5])]:
        person(d, rng, x, 2440 + h * 0.1, h, c, s, rng.choice(HAIRS))
    for px, py, pw in [(380, 2420, 800), (1300, 2480, 420), (2350, 2430, 700), (3200, 2380, 650), (-100, 2800, 1200), (2700, 2850, 1500)]:
        planter(d, rng, px, py, pw, 140 + (py - 2300) * 0.4)
    tree(d, rng, 3500, 2700, 1900, [(50, 90, 44), (70, 116, 52), (100, 144, 64), (140, 170, 90)], (80, 60, 46))
    img = grade(img, 1.04, 1.01, 0.95, lift=4)
    return finish(img, rng, grain_amount=8, vig=0.3)


def malburgen(rng: random.Random) -> Image.Image:
    """Bewonersbedrijf Malburgen: a former care home with balconies, workshops and a vegetable garden."""
    ground = 2050
    img = sky_with_clouds(rng, ground, (110, 160, 214), (240, 214, 190), n=6)
    d = ImageDraw.Draw(img)
    for x in (200, 3700, 3950):
        tree(d, rng, x, ground, 1300, [(40, 80, 44), (60, 100, 50), (84, 126, 60), (120, 150, 80)], (70, 54, 44))
    x0, x1, top = 250, 3750, 560
    floors = 5
    fh = (ground - top) / floors
    d.rectangle((x0, top, x1, ground), fill=(214, 196, 170))
    d.rectangle((x0 - 30, top - 50, x1 + 30, top), fill=(120, 112, 108))
    bays = 10
    bw = (x1 - x0) / bays
    panel_cols = [(236, 120, 70), (90, 150, 190), (240, 196, 80), (120, 170, 110), (200, 100, 120), (230, 230, 220)]
    for f in range(floors):
        y0 = top + f * fh
        for b in range(bays):
            bx = x0 + b * bw
            if f == floors - 1:  # ground floor: workshops and studios with awnings
                window(d, rng, (bx + 30, y0 + 80, bx + bw - 30, ground - 10), (60, 60, 64), (200, 180, 150), (150, 120, 90),
                       cols=3, rows=2, fw=12, lit=mix((255, 214, 160), (210, 170, 120), rng.random()) if b % 3 == 0 else None)
                ac = panel_cols[b % len(panel_cols)]
                for k in range(8):
                    sx = bx + 20 + k * (bw - 40) / 8
                    d.polygon([(sx, y0 + 40), (sx + (bw - 40) / 8, y0 + 40), (sx + (bw - 40) / 8 + 20, y0 + 140), (sx + 20, y0 + 140)],
                              fill=ac if k % 2 == 0 else (245, 240, 230))
                continue
            window(d, rng, (bx + 40, y0 + 40, bx + bw - 40, y0 + fh - 40), (230, 226, 220), (160, 190, 220), (100, 120, 150), cols=3, rows=2, fw=10)
            # balcony slab and coloured panel
            d.rectangle((bx + 10, y0 + fh - 130, bx + bw - 10, y0 + fh - 100), fill=(238, 234, 226))
            d.rectangle((bx + 20, y0 + fh - 100, bx + bw - 20, y0 + fh - 20), fill=jitter(rng, rng.choice(panel_cols), 10))
            d.rectangle((bx + 10, y0 + fh - 24, bx + bw - 10, y0 + fh + 4), fill=(200, 196, 190))
            if rng.random() < 0.65:  # plants on the balcony
                for _ in range(rng.randint(2, 6)):
                    px = bx + rng.uniform(40, bw - 40)
                    r = rng.uniform(18, 40)
                    d.ellipse((px - r, y0 + fh - 100 - r * 1.8, px + r, y0 + fh - 100 + 4), fill=jitter(rng, (70, 120, 60), 20))
                    if rng.random() < 0.4:
                        d.ellipse((px - 8, y0 + fh - 100 - r * 1.6, px + 8, y0 + fh - 100 - r * 1.6 + 16), fill=rng.choice([(240, 80, 80), (250, 210, 70), (250, 250, 240)]))
    # morning sun from the right
    img = screen_glow(img, 3500, 400, 2800, (60, 40, 14), 1.0)
    d = ImageDraw.Draw(img)
    # lawn and vegetable beds
    lawn = vgradient(W, H - ground, [(0, (110, 150, 70)), (1, (64, 104, 46))])
    img.paste(lawn, (0, ground))
    d = ImageDraw.Draw(img)
    d.rectangle((0, ground, W, ground + 70), fill=(170, 164, 156))
    for _ in range(5000):
        x, y = rng.uniform(0, W), rng.uniform(ground + 70, H)
        s = 1 + (y - ground) / 300
        d.line((x, y, x + rng.uniform(-6, 6) * s, y - rng.uniform(8, 18) * s), fill=jitter(rng, (80, 124, 56), 22), width=max(2, int(s)))
    for i in range(4):
        bx = 300 + i * 900
        by = 2300 + (i % 2) * 60
        d.polygon([(bx, by), (bx + 640, by), (bx + 700, by + 260), (bx - 60, by + 260)], fill=(96, 70, 50))
        for r in range(4):
            for k in range(9):
                px = bx - 30 + k * 85 + r * 6
                py = by + 40 + r * 62
                rr = 18 + r * 5
                d.ellipse((px - rr, py - rr * 1.3, px + rr, py + rr * 0.4), fill=jitter(rng, (70 + r * 10, 130, 60), 14))
    # a small greenhouse and a picnic table
    gx, gy = 3050, 2700
    d.polygon([(gx, gy), (gx + 600, gy), (gx + 600, gy - 380), (gx + 300, gy - 560), (gx, gy - 380)], fill=(200, 220, 214))
    for k in range(0, 601, 100):
        d.line((gx + k, gy, gx + k, gy - 380 - (180 * (1 - abs(k - 300) / 300))), fill=(240, 240, 236), width=10)
    d.line((gx, gy - 380, gx + 600, gy - 380), fill=(240, 240, 236), width=10)
    d.rectangle((1300, 2800, 2000, 2840), fill=(140, 96, 60))
    for lx in (1360, 1920):
        d.rectangle((lx, 2840, lx + 30, 2990), fill=(110, 76, 48))
    for x, h, c in [(700, 560, (40, 80, 140)), (1500, 640, (235, 180, 60)), (1780, 600, (180, 55, 50)), (2500, 520, (60, 150, 170))]:
        person(d, rng, x, 2500 + h * 0.45, h, c, rng.choice(SKINS), rng.choice(HAIRS))
    img = grade(img, 1.03, 1.0, 0.96, lift=4)
    return finish(img, rng, grain_amount=8, vig=0.3)


def hoogeloon(rng: random.Random) -> Image.Image:
    """Zorgcoöperatie Hoogeloon: a Brabant village street in late-afternoon light."""
    ground = 2150
    img = sky_with_clouds(rng, ground, (96, 150, 210), (250, 224, 190), n=5)
    d = ImageDraw.Draw(img)
    # church tower in the distance, behind the roofs
    cx = 2850
    d.rectangle((cx, 420, cx + 230, 1500), fill=(176, 150, 140))
    d.rectangle((cx + 115, 420, cx + 230, 1500), fill=(150, 126, 120))
    d.polygon([(cx - 20, 430), (cx + 115, 60), (cx + 250, 430)], fill=(80, 84, 96))
    d.rectangle((cx + 80, 600, cx + 150, 760), fill=(60, 56, 60))
    # a row of long-gable farmhouses and village houses facing the street
    x = -100
    houses = []
    while x < W:
        w = rng.uniform(700, 1100)
        houses.append((x, w))
        x += w + rng.uniform(60, 200)
    for i, (hx, w) in enumerate(houses):
        wall_top = ground - rng.uniform(480, 600)
        roof_h = rng.uniform(500, 700)
        brick = rng.choice([(170, 88, 60), (150, 74, 52), (190, 110, 76), (226, 220, 206)])
        d.polygon([(hx - 40, wall_top), (hx + w / 2, wall_top - roof_h), (hx + w + 40, wall_top)], fill=rng.choice([(70, 66, 70), (150, 70, 50), (90, 80, 78)]))
        d.polygon([(hx + w / 2, wall_top - roof_h), (hx + w + 40, wall_top), (hx + w / 2, wall_top)], fill=(60, 56, 62))
        if brick[0] > 200:
            d.rectangle((hx, wall_top, hx + w, ground), fill=brick)
        else:
            brick_wall(d, rng, (int(hx), int(wall_top), int(hx + w), ground), brick, (200, 180, 166), bh=22, bw=60, var=12)
        shutter = rng.choice([(40, 100, 70), (150, 40, 40), (30, 60, 100), (60, 60, 60)])
        for k, wx in enumerate([hx + w * 0.12, hx + w * 0.62]):
            ww = w * 0.22
            window(d, rng, (wx, wall_top + 120, wx + ww, ground - 120), (244, 240, 232), (170, 200, 230), (80, 100, 120), cols=2, rows=3, fw=10)
            d.rectangle((wx - ww * 0.38, wall_top + 120, wx - 6, ground - 120), fill=shutter)
            d.rectangle((wx + ww + 6, wall_top + 120, wx + ww * 1.38, ground - 120), fill=shutter)
        dx = hx + w * 0.44
        d.rectangle((dx, wall_top + 160, dx + w * 0.12, ground), fill=shade(shutter, 1.2))
        d.rectangle((dx - 10, wall_top + 140, dx + w * 0.12 + 10, wall_top + 165), fill=(244, 240, 232))
        # window boxes
        for k in range(6):
            fx = hx + w * 0.1 + k * w * 0.14
            d.ellipse((fx - 24, ground - 130, fx + 24, ground - 90), fill=rng.choice([(230, 80, 80), (240, 200, 70), (200, 90, 160), (250, 250, 240)]))
    # low sun from the left: warm light on the facades, long shadows
    img = screen_glow(img, 200, 1300, 3000, (70, 44, 14), 1.0)
    d = ImageDraw.Draw(img)
    # linden trees along the street
    tree_xs = [hx + w + 60 for hx, w in houses[::2]][:4]
    for x in tree_xs:
        tree(d, rng, x, ground + 140, 1350, [(40, 74, 40), (60, 100, 48), (96, 136, 60), (150, 170, 80)], (76, 58, 48))
    # pavement, road, verge
    d.rectangle((0, ground, W, ground + 260), fill=(180, 164, 150))
    for k in range(0, W, 60):
        d.line((k, ground, k - 40, ground + 260), fill=(150, 136, 124), width=3)
    road = vgradient(W, 520, [(0, (100, 100, 106)), (1, (70, 70, 76))])
    img.paste(road, (0, ground + 260))
    d = ImageDraw.Draw(img)
    d.rectangle((0, ground + 770, W, H), fill=(186, 170, 154))
    for y in range(ground + 790, H, 36):
        off = 40 * ((y // 36) % 2)
        for x in range(-80 + off, W, 80):
            d.rectangle((x + 2, y + 2, x + 78, y + 34), fill=jitter(rng, (190, 170, 150), 10))
    # shadows of the trees across the road
    sh, sd = soft_layer(img.size, (20, 20, 50))
    for x in tree_xs:
        sd.ellipse((x + 150, ground + 300, x + 1000, ground + 640), fill=(20, 20, 50, 90))
    img = blur_onto(img, sh, 40)
    d = ImageDraw.Draw(img)
    # a bench with two older residents, one walking with a cane, another on a bike
    bx, by = 900, ground + 200
    d.rectangle((bx, by - 300, bx + 460, by - 262), fill=(120, 84, 56))
    d.rectangle((bx, by - 240, bx + 460, by - 202), fill=(120, 84, 56))
    for lx in (bx + 30, bx + 410):
        d.rectangle((lx, by - 300, lx + 22, by), fill=(50, 50, 54))
    person(d, rng, bx + 130, by - 10, 560, (90, 110, 150), SKINS[1], HAIRS[4], seated=True)
    person(d, rng, bx + 330, by - 10, 540, (200, 90, 100), SKINS[3], HAIRS[4], seated=True)
    d.rectangle((bx - 10, by - 150, bx + 470, by - 118), fill=(140, 100, 66))
    wx, wy = 2250, ground + 230
    person(d, rng, wx, wy, 700, (110, 90, 60), SKINS[0], HAIRS[4])
    d.line((wx + 120, wy - 330, wx + 170, wy), fill=(60, 40, 30), width=14)
    person(d, rng, wx + 220, wy + 20, 660, (60, 150, 170), SKINS[4], HAIRS[0])
    bicycle(d, 3000, ground + 200, 1.3, (40, 90, 60))
    person(d, rng, 3500, ground + 240, 620, (235, 180, 60), SKINS[2], HAIRS[1])
    img = grade(img, 1.05, 1.0, 0.93, lift=5)
    return finish(img, rng, grain_amount=8, vig=0.34)


SCENES = {
    "content/initiatives/doarpsmune-reduzum.jpg": (reduzum, 1994),
    "content/festival/2024.jpg": (festival, 2024),
    "content/initiatives/het-wijkpaleis.jpg": (wijkpaleis, 2015),
    "content/initiatives/bewonersbedrijf-malburgen.jpg": (malburgen, 2009),
    "content/initiatives/zorgcooperatie-hoogeloon.jpg": (hoogeloon, 2005),
}


def render(name: str) -> Image.Image:
    scene, seed = SCENES[name]
    img = scene(random.Random(seed))
    assert img.size == (W, H), (name, img.size)
    return img


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("only", nargs="*", help="make only the photos whose path contains one of these")
    ap.add_argument("--list", action="store_true", help="list the photos and exit")
    ap.add_argument("--out", type=Path, help="write to this folder instead of next to the entries")
    args = ap.parse_args()
    if args.list:
        for name, (scene, _) in SCENES.items():
            print(f"{name:52} {scene.__doc__}")
        return 0
    chosen = [n for n in SCENES if not args.only or any(o in n for o in args.only)]
    if not chosen:
        print(f"make_photos.py: no photo matches {' '.join(args.only)}; see --list", file=sys.stderr)
        return 2
    for name in chosen:
        target = (args.out / Path(name).name) if args.out else ROOT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        img = render(name)
        img.save(target, "JPEG", quality=QUALITY, optimize=True, subsampling="4:2:0")
        print(f"{target.relative_to(ROOT) if not args.out else target}  {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
