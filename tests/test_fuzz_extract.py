"""Fuzz the extraction and parsing path with mutated real PDF and DOCX files (hypothesis).

Every mutated file goes through the real upload pipeline of the service layer
(`services.ingest.prepare`: type sniffing, the isolated extraction process, parsing, chunking,
embedding, fit scoring). The only outcomes allowed are a prepared upload or a resume error that
api/errors.py maps to a documented 4xx; anything else (an unhandled exception, a 5xx mapping, a
temporary file left behind) fails. The default run is short; FUZZ_EXAMPLES=N runs N examples per
test (see the README's "Hostile input" for the counts of a run).
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from api.errors import status_for
from resume.errors import ResumeError
from services.ingest import Settings, prepare
from services.staging import PENDING_DIR
from tests import hostile
from tests.conftest import DEV_SET

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
DOCUMENTED = {413, 415, 422}
JD = "Backend engineer with 3+ years of Python, PostgreSQL and Docker."

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def _seeds(names: tuple[str, ...], built: bytes) -> list[bytes]:
    found = [(DEV_SET / n).read_bytes() for n in names if (DEV_SET / n).exists()]
    return [built, *found]


PDF_SEEDS = _seeds(
    ("027.pdf", "006.pdf"),
    hostile.text_pdf(["Jane Doe", "EXPERIENCE", "Engineer, Acme", "2019 - Present", "SKILLS"]),
)
DOCX_SEEDS = _seeds(("039.docx", "015.docx"), hostile.rich_docx())

# Fragments a hostile or broken producer puts into a PDF.
PDF_FRAGMENTS = [
    b"1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\n",
    b"2 0 obj << /Type /Pages /Kids [2 0 R 2 0 R] /Count 999999999 >> endobj\n",
    b"3 0 obj << /Length 999999999 >> stream\nBT /F1 12 Tf (x) Tj ET\nendstream endobj\n",
    b"4 0 obj << /Filter /FlateDecode /Length 10 >> stream\nxxxxxxxxxx\nendstream endobj\n",
    b"[" * 5000 + b"]" * 5000,
    b"<<" * 3000 + b">>" * 3000,
    b"/Font << /F1 5 0 R >> /Encoding /Differences [0 /a /b]\n",
    b"xref\n0 99999\n0000000000 65535 f \ntrailer << /Size 99999 /Root 9 0 R >>\n",
    b"startxref\n-1\n%%EOF\n",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    b"(" + b"\\" * 2000 + b")",
    b"9999999999999999999999999999 0 R ",
]
# Fragments a hostile or broken producer puts into the XML of a DOCX.
XML_FRAGMENTS = [
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b"&e;",
    b"<w:p>" * 2000,
    b"<w:r><w:t>" + b"\xff\xfe" * 50 + b"</w:t></w:r>",
    b'<w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">x</w:t></w:r></w:p>',
    b"<![CDATA[" + b"]" * 100,
    b"\x00\x01\x02",
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b"</w:body></w:document>",
]


# Mutations leave the first bytes alone (the "%PDF-1.x" or "PK" signature): a file without its
# signature is refused by type sniffing at once, and the point is to reach the readers.
KEEP = 8


def _places(start: int, stop: int) -> st.SearchStrategy[int]:
    """Positions in [start, stop], spread over the file (hypothesis favours small integers)."""
    span = max(stop - start, 0) + 1
    return st.integers(0, 2**31 - 1).map(lambda r: start + r % span)


def _one_of(options: list) -> st.SearchStrategy:
    """Pick evenly (sampled_from favours the first option while generating)."""
    return st.integers(0, 2**31 - 1).map(lambda r: options[r % len(options)])


@st.composite
def byte_mutations(draw, data: bytes) -> tuple[str, bytes]:
    """Flip bytes, truncate, or insert fragments or random bytes at drawn places."""
    kind = draw(_one_of(["flip", "truncate", "insert", "delete"]))
    buf = bytearray(data)
    if kind == "flip":
        for _ in range(draw(st.integers(1, 40))):
            buf[draw(_places(KEEP, len(buf) - 1))] = draw(st.integers(0, 255))
    elif kind == "truncate":
        buf = buf[: draw(_places(KEEP, len(buf) - 1))]
    elif kind == "insert":
        fragments = PDF_FRAGMENTS + XML_FRAGMENTS
        piece = draw(st.one_of(_one_of(fragments), st.binary(min_size=1, max_size=512)))
        at = draw(_places(KEEP, len(buf)))
        buf[at:at] = piece * draw(st.integers(1, 4))
    else:
        at = draw(_places(KEEP, len(buf) - 1))
        del buf[at : at + draw(st.integers(1, 4096))]
    return kind, bytes(buf)


@st.composite
def zip_mutations(draw, data: bytes) -> tuple[str, bytes]:
    """Rebuild the DOCX package with one entry dropped, damaged, swapped or duplicated."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = [(info.filename, package.read(info)) for info in package.infolist()]
    names = [n for n, _ in entries]
    target = draw(
        st.one_of(
            _one_of(["word/document.xml", "[Content_Types].xml", "_rels/.rels"]),
            _one_of(names),
        )
    )
    kind = draw(_one_of(["drop", "truncate", "flip", "inject", "replace", "duplicate"]))
    out: list[tuple[str, bytes]] = []
    for name, content in entries:
        if name != target:
            out.append((name, content))
            continue
        if kind == "drop":
            continue
        if kind == "truncate":
            content = content[: draw(_places(0, max(len(content) - 1, 0)))]
        elif kind == "flip" and content:
            buf = bytearray(content)
            for _ in range(draw(st.integers(1, 20))):
                buf[draw(_places(0, len(buf) - 1))] = draw(st.integers(0, 255))
            content = bytes(buf)
        elif kind == "inject":
            at = draw(_places(0, len(content)))
            content = content[:at] + draw(_one_of(XML_FRAGMENTS)) + content[at:]
        elif kind == "replace":
            content = draw(st.binary(max_size=256))
        elif kind == "duplicate":
            out.append((name, content))
        out.append((name, content))
    compression = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as package, warnings.catch_warnings():
        # Duplicate names are what a hostile producer sends; zipfile warns and writes them.
        warnings.simplefilter("ignore", UserWarning)
        for name, content in out:
            package.writestr(name, content)
    return f"zip-{kind}", buf.getvalue()


@pytest.fixture
def upload_settings(app, tmp_path) -> Settings:
    """Upload settings from the app's configuration, with a folder of the test's own."""
    settings = Settings.from_config(app.config)
    settings.upload_folder = tmp_path / "uploads"
    return settings


def _run(settings: Settings, data: bytes, name: str, how: str) -> None:
    event(f"mutation: {how}")
    try:
        prepared = prepare(1, data, name, JD, settings)
    except ResumeError as exc:
        event(f"outcome: {type(exc).__name__}")
        assert status_for(exc) in DOCUMENTED, (type(exc).__name__, exc)
    else:
        event("outcome: prepared")
        assert prepared.pending.is_file()
        prepared.pending.unlink()
    pending = Path(settings.upload_folder) / PENDING_DIR
    left = list(pending.iterdir()) if pending.exists() else []
    assert left == [], "an incoming file was left behind"


@pytest.mark.slow
@FUZZ_SETTINGS
@given(data=st.data())
def test_mutated_pdfs_end_in_an_analysis_or_a_documented_4xx(upload_settings, data):
    seed = data.draw(_one_of(PDF_SEEDS))
    how, mutated = data.draw(byte_mutations(seed))
    _run(upload_settings, mutated, "resume.pdf", how)


@pytest.mark.slow
@FUZZ_SETTINGS
@given(data=st.data())
def test_mutated_docx_end_in_an_analysis_or_a_documented_4xx(upload_settings, data):
    seed = data.draw(_one_of(DOCX_SEEDS))
    how, mutated = data.draw(st.one_of(zip_mutations(seed), byte_mutations(seed)))
    _run(upload_settings, mutated, "resume.docx", how)
