#!/usr/bin/env bash
# Render the proxy held-out set: JSON Resume sources -> npm theme -> HTML -> PDF (Chromium) or DOCX (pandoc),
# then write NNN.truth.json next to each document.
# usage: bench/heldout/render.sh [OUT_DIR]   (default bench/out/heldout)
# Needs node/npm and the Debian packages chromium, pandoc and libreoffice-writer-nogui.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$ROOT/bench/out/heldout}"
THEMES_DIR="${THEMES_DIR:-/tmp/jsonresume-themes}"
THEMES="elegant class paper spartan onepage caffeine short classy even flat crisp modern slick straightforward onepage-plus"

mkdir -p "$OUT/html" "$THEMES_DIR"
if [ ! -d "$THEMES_DIR/node_modules" ]; then
  (cd "$THEMES_DIR" && npm init -y >/dev/null &&
    npm install --no-audit --no-fund $(for t in $THEMES; do printf 'jsonresume-theme-%s ' "$t"; done))
fi
cp "$HERE/render.mjs" "$THEMES_DIR/render.mjs"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT

grep -v '^#' "$HERE/manifest.tsv" | while IFS=$'\t' read -r id src theme fmt; do
  html="$OUT/html/$id.html"
  node "$THEMES_DIR/render.mjs" "$theme" "$HERE/json/$src" "$html"
  case "$fmt" in
    pdf)
      timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$PROFILE" \
        --no-pdf-header-footer --print-to-pdf="$OUT/$id.pdf" "$html" 2>/dev/null ;;
    docx-pandoc)
      pandoc -f html -t docx -o "$OUT/$id.docx" "$html" ;;
    docx-lo)
      timeout 120 soffice --headless --norestore -env:UserInstallation="file://$PROFILE/lo" \
        --infilter="HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" \
        --outdir "$OUT/html" "$html" >/dev/null 2>&1
      mv "$OUT/html/$id.docx" "$OUT/$id.docx" ;;
    *) echo "unknown format $fmt" >&2; exit 1 ;;
  esac
  echo "$id $theme $fmt"
done
"$ROOT/.venv/bin/python" "$HERE/build_truth.py" "$OUT"
