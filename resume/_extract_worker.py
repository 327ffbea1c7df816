"""Code that runs inside the extraction child: limits, dispatch, error mapping.

Imported (and preloaded into the forkserver) so that each child starts with pdfplumber and
lxml already in memory.
"""

from __future__ import annotations

import contextlib
import logging
import resource
import sys
from multiprocessing.connection import Connection

import pdfminer.pdfparser  # noqa: F401  (preloaded for the forkserver)
import pdfplumber  # noqa: F401  (preloaded for the forkserver)
from lxml import etree  # noqa: F401  (preloaded for the forkserver)

from resume._extract_common import MIN_MEANINGFUL_CHARS, meaningful_chars
from resume._extract_docx import read_docx
from resume._extract_pdf import read_pdf
from resume.errors import (
    DamagedFile,
    HostileFile,
    NoTextFound,
    ResumeError,
    TextTooLong,
    UnsupportedFileType,
    error_kind,
)
from resume.layout import to_plain


def _current_vm_bytes() -> int:
    """Return this process's current virtual memory size, or 0 if unknown."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        return pages * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _apply_limits(cpu_seconds: int, memory_mb: int) -> None:
    """Cap this process's CPU time, address space, core and file sizes."""
    # The budget is on top of what the preloaded interpreter already maps, so the same
    # memory_mb means the same headroom whatever the start method.
    limit = _current_vm_bytes() + memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 2))
    # A crash leaves no core file behind, and the parsers have no business writing files.
    for which in (resource.RLIMIT_CORE, resource.RLIMIT_FSIZE):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(which, (0, 0))
    # Deep object graphs in hostile PDFs are met with RecursionError, not a C stack overflow.
    sys.setrecursionlimit(2000)
    # pdfminer warns on every malformed object; the caller gets one clear error instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


def extract(path: str, kind: str, max_pages: int, max_chars: int) -> str:
    """Extract and check text from a file of a known kind; raise a ResumeError when unusable."""
    return extract_document(path, kind, max_pages, max_chars)["text"]


def extract_document(path: str, kind: str, max_pages: int, max_chars: int) -> dict:
    """Return {"text", "lines"}: checked text and its line model as plain dicts."""
    if kind == "pdf":
        text, lines = read_pdf(path, max_pages)
    elif kind == "docx":
        text, lines = read_docx(path)
    else:
        raise UnsupportedFileType("Only PDF and Word (.docx) files can be read.")
    if meaningful_chars(text) < MIN_MEANINGFUL_CHARS:
        what = "PDF" if kind == "pdf" else "document"
        raise NoTextFound(
            f"The {what} has no text layer (it may be a scanned image); "
            "upload a file with selectable text.",
        )
    if len(text) > max_chars:
        # DOCX has no page count to cap; a wall of text would stall embedding instead. Checked
        # here, so no more than the cap ever crosses the pipe.
        raise TextTooLong(
            f"The resume holds {len(text):,} characters of text; the limit is {max_chars:,}."
        )
    return {"text": text, "lines": to_plain(lines)}


def run_job(
    path: str, kind: str, max_pages: int, max_chars: int, cpu_seconds: int, memory_mb: int
) -> dict:
    """Apply limits, extract, and return {"ok": True, "text"} or {"ok": False, error, message}."""
    _apply_limits(cpu_seconds, memory_mb)
    error: ResumeError
    try:
        return {"ok": True, **extract_document(path, kind, max_pages, max_chars)}
    except ResumeError as exc:
        error = exc
    except MemoryError:
        error = HostileFile("The file needs too much memory to read; it may be built to do so.")
    except RecursionError:
        error = HostileFile("The file's structure is nested too deeply to read.")
    except Exception:  # noqa: BLE001  (any parser failure on bad input is the file's fault)
        what = "PDF" if kind == "pdf" else "Word document"
        error = DamagedFile(f"The {what} is damaged or not readable.")
    # The error crosses a pipe as plain data: its kind by name, and its sentence.
    return {"ok": False, "error": error_kind(error), "message": error.message}


def run_child(conn: Connection, job: dict) -> None:
    """Run one job in a multiprocessing child and send the reply over conn."""
    try:
        conn.send(run_job(**job))
    finally:
        conn.close()
