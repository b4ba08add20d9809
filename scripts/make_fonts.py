#!/usr/bin/env python3
"""Makes the theme's web fonts: Source Sans 3 (SIL Open Font License 1.1), subset to the
characters Dutch and English text needs, as WOFF2.

    pip install fonttools brotli
    python3 scripts/make_fonts.py

Takes the font from the npm package @fontsource/source-sans-3 (fetched with `npm pack`, the
ordinary npm client, into a temporary folder; nothing else is downloaded), keeps only the
characters below and the layout features the site uses, and writes

    themes/default/static/fonts/source-sans-3-{400,600,700}.woff2
    themes/default/static/fonts/OFL.txt          (the licence, from the package)

The same package version and fontTools version always make the same files. Commit them: the
build (and the binary, which embeds the theme) uses the files, not this script.
"""

import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile

from fontTools import subset
from fontTools.ttLib import TTFont

PACKAGE = "@fontsource/source-sans-3"
VERSION = "5.3.1"
WEIGHTS = [400, 600, 700]
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "themes" / "default" / "static" / "fonts"

# Basic Latin and Latin-1 (every accented letter Dutch, Frisian and English use: é ë ï ö ü
# á â û …, and the soft hyphen), Œ œ, the typographic punctuation (‐ – — ‘ ’ “ ” „ • … ‹ ›),
# the euro sign and ™.
UNICODES = [
    "U+0020-007E",
    "U+00A0-00FF",
    "U+0152-0153",
    "U+2010-2014",
    "U+2018-201E",
    "U+2020-2022",
    "U+2026",
    "U+2039-203A",
    "U+20AC",
    "U+2122",
]
# Kerning, ligatures and contextual forms as usual; tabular figures for programme times.
FEATURES = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk", "tnum", "lnum"]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = pathlib.Path(tmp)
        npm = shutil.which("npm")
        if not npm:
            print("npm is needed to fetch the font package", file=sys.stderr)
            return 1
        subprocess.run(
            [npm, "pack", f"{PACKAGE}@{VERSION}", "--silent"],
            cwd=tmp_path,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tarball = next(tmp_path.glob("*.tgz"))
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp_path, filter="data")
        package = tmp_path / "package"
        for weight in WEIGHTS:
            source = package / "files" / f"source-sans-3-latin-{weight}-normal.woff2"
            target = OUT / f"source-sans-3-{weight}.woff2"
            options = subset.Options()
            options.flavor = "woff2"
            options.layout_features = FEATURES
            options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the licence in the font
            options.hinting = False
            options.desubroutinize = True
            font = subset.load_font(str(source), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=subset.parse_unicodes(",".join(UNICODES)))
            subsetter.subset(font)
            subset.save_font(font, str(target), options)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
        # The package's licence file opens with its distributor's name; the font's own
        # copyright line (name ID 0) is the one that belongs above the licence.
        licence = (package / "LICENSE").read_text(encoding="utf-8")
        copyright_line = TTFont(str(OUT / "source-sans-3-400.woff2"))["name"].getDebugName(0)
        body = licence.split("\n", 1)[1].lstrip("\n")
        (OUT / "OFL.txt").write_text(f"{copyright_line}\n\n{body}", encoding="utf-8")
        print(f"{(OUT / 'OFL.txt').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
