#!/bin/sh
# Rebuild the corpus: people (from the dev truth and invented.py), then every manifest row.
# Needs: texlive-latex-extra texlive-fonts-recommended lmodern (pdflatex, moderncv, europecv),
# libreoffice-writer (soffice), chromium, fonts-wqy-microhei (CJK glyphs). Usage: bench/corpus/render.sh [--only 201,202]
set -e
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
# A fixed date for pdflatex, so a rebuild changes only what the sources change.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764460800} FORCE_SOURCE_DATE=1
$PY bench/corpus/people.py
$PY bench/corpus/render.py "$@"
