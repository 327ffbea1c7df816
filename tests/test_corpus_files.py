"""The layout corpus in bench/corpus: every manifest row has its file and a dev-format truth."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "bench" / "corpus"
KEYS = {"skills", "jobs", "internships", "certifications", "projects", "education", "mentioned"}


def _rows() -> list[list[str]]:
    text = (CORPUS / "manifest.tsv").read_text()
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_manifest_covers_enough_families_and_files():
    rows = _rows()
    families = {r[2] for r in rows}
    assert len(families) >= 7
    assert 60 <= len(rows) <= 100
    assert len({r[0] for r in rows}) == len(rows)


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r[0])
def test_each_row_has_its_file_and_a_dev_format_truth(row):
    id_, person, _family, _renderer, _style, ext = row
    doc = CORPUS / "set" / f"{id_}.{ext}"
    magic = b"%PDF" if ext == "pdf" else b"PK"
    assert doc.read_bytes()[:4].startswith(magic)
    truth = json.loads((CORPUS / "set" / f"{id_}.truth.json").read_text())
    assert KEYS <= truth.keys()
    assert truth["person"] == person and truth["file"] == doc.name
    for job in truth["jobs"]:
        assert job["position"] and job["company"]
        for key in ("start", "end"):
            assert re.fullmatch(r"(\d{4}(-\d{2})?)?", job[key]), job[key]
    assert set(truth["internships"]) <= {j["position"] for j in truth["jobs"]}
