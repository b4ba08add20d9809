#!/usr/bin/env bash
# Third-party validation of a built site: the W3C Nu HTML checker (npm vnu-jar, needs Java) on
# every page, and every XML file (feeds, sitemap) parsed as XML.
# Usage: scripts/validate.sh [site-folder]   (default: public)
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-public}"
vnu="tests/browser/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$vnu" ]; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi
echo "== W3C Nu HTML checker on $(find "$site" -name '*.html' | wc -l) pages"
java -jar "$vnu" --skip-non-html --errors-only --format gnu "$site"
echo "== XML well-formedness"
python3 - "$site" <<'PY'
import sys, pathlib, xml.dom.minidom
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.xml"))
for f in files:
    xml.dom.minidom.parse(str(f))
print(f"{len(files)} XML files parse")
PY
echo "validation passed"
