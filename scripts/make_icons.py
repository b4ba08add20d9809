#!/usr/bin/env python3
"""Makes the site's icons from its mark: two circles that overlap, orange and green, the shared
part in deep green ("samen": two parties, one common ground).

    pip install pillow
    python3 scripts/make_icons.py

Writes into themes/default/static/:

    icon.svg                   the mark, for browsers that take an SVG icon (and the header)
    root/favicon.ico           16, 32 and 48 px, for browsers that ask /favicon.ico
    root/apple-touch-icon.png  180 px on the site's cream, for phones' home screens
    og-default.png             1200 × 630, for links shared on social media (og:image)

Files in static/root/ are published at the site's root, the rest under assets/. The PNG and
ICO are drawn with Pillow from the same geometry as the SVG (at 8x, then scaled down), so no
SVG renderer is needed. The project made the mark; it is in the public domain (CC0 1.0).
"""

import pathlib

from PIL import Image, ImageDraw

ROOT = pathlib.Path(__file__).resolve().parent.parent
STATIC = ROOT / "themes" / "default" / "static"

ORANGE = "#f07d00"
GREEN = "#2f7d5b"
SHARED = "#1d4d38"
CREAM = "#fff4e8"

# On a 64 × 64 grid: two circles of radius 19 whose centres are 14 apart.
R = 19.0
LEFT = (25.0, 32.0)
RIGHT = (39.0, 32.0)


def svg() -> str:
    half = (RIGHT[0] - LEFT[0]) / 2
    mid = LEFT[0] + half
    rise = (R * R - half * half) ** 0.5
    top, bottom = 32 - rise, 32 + rise
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<circle cx="{LEFT[0]:g}" cy="{LEFT[1]:g}" r="{R:g}" fill="{ORANGE}"/>'
        f'<circle cx="{RIGHT[0]:g}" cy="{RIGHT[1]:g}" r="{R:g}" fill="{GREEN}"/>'
        f'<path d="M{mid:g} {top:.2f}A{R:g} {R:g} 0 0 1 {mid:g} {bottom:.2f}'
        f'A{R:g} {R:g} 0 0 1 {mid:g} {top:.2f}Z" fill="{SHARED}"/>'
        "</svg>\n"
    )


def draw(size: int, background: str | None, padding: float) -> Image.Image:
    """The mark at `size` px; the 64-unit grid shrunk by `padding` (a fraction) on each side."""
    scale = 8
    big = size * scale
    image = Image.new("RGBA", (big, big), background or (0, 0, 0, 0))
    unit = big * (1 - 2 * padding) / 64
    offset = big * padding

    def box(centre):
        x, y = centre
        return [
            offset + (x - R) * unit,
            offset + (y - R) * unit,
            offset + (x + R) * unit,
            offset + (y + R) * unit,
        ]

    left = Image.new("L", (big, big), 0)
    ImageDraw.Draw(left).ellipse(box(LEFT), fill=255)
    right = Image.new("L", (big, big), 0)
    ImageDraw.Draw(right).ellipse(box(RIGHT), fill=255)
    both = Image.new("L", (big, big), 0)
    both.paste(left, mask=right)
    for colour, mask in ((ORANGE, left), (GREEN, right), (SHARED, both)):
        image.paste(Image.new("RGBA", (big, big), colour), mask=mask)
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    (STATIC / "root").mkdir(parents=True, exist_ok=True)
    (STATIC / "icon.svg").write_text(svg(), encoding="utf-8")
    icon = draw(256, None, 0.0)
    icon.save(STATIC / "root" / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    touch = draw(180, CREAM, 0.12).convert("RGB")
    touch.save(STATIC / "root" / "apple-touch-icon.png", optimize=True)
    social = Image.new("RGB", (1200, 630), CREAM)
    mark = draw(520, None, 0.0)
    social.paste(mark, ((1200 - 520) // 2, (630 - 520) // 2), mark)
    social = social.quantize(colors=48, method=Image.Quantize.MEDIANCUT)
    social.save(STATIC / "og-default.png", optimize=True)
    for name in ("icon.svg", "root/favicon.ico", "root/apple-touch-icon.png", "og-default.png"):
        path = STATIC / name
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
