"""Turn an uploaded resume file (PDF or DOCX) into plain text, safely.

The parsing itself runs in a short-lived child process with memory and CPU limits and a
wall-clock timeout, so a hostile or broken file can neither hang nor kill the caller (a web
worker with the embedding model loaded). Children come from a forkserver that has the
extraction code preloaded, which keeps the per-call cost low without forking a process
that holds torch's threads and gigabytes of address space.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import zipfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from config import (
    DEFAULT_EXTRACT_MEMORY_MB,
    DEFAULT_EXTRACT_TIMEOUT,
    DEFAULT_MAX_RESUME_CHARS,
    DEFAULT_MAX_RESUME_PAGES,
)
from resume.errors import (
    EmptyFile,
    MissingFile,
    ReadFailed,
    ReadTimedOut,
    UnsupportedFileType,
    error_from_kind,
)
from resume.layout import Line, from_plain

__all__ = ["Extracted", "sniff_kind", "extract_document", "extract_text", "warm_up"]

_WORKER_MODULE = "resume._extract_worker"
# "zygote" (our own preloaded fork server, the default), or a multiprocessing start method
# ("forkserver", "fork", "spawn"), kept for the isolation benchmark.
_START_METHOD = os.environ.get("RESUME_EXTRACT_START_METHOD", "zygote")
_ctx_lock = threading.Lock()
_ctx: Any = None
_fork_server: Any = None


@dataclass
class Extracted:
    """A document's text and its line model (None when the reader gave no layout)."""

    text: str
    lines: list[Line] | None


def _describe(data: bytes) -> str:
    """Name what a file's first bytes look like, for error messages."""
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head:
        return "a PDF"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "a ZIP archive"
    if data.startswith(b"MZ"):
        return "a Windows executable"
    if data.startswith(b"\x7fELF"):
        return "an ELF executable"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "a legacy Office (.doc) file"
    if data.startswith(b"{\\rtf"):
        return "an RTF document"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "a PNG image"
    if data[:3] == b"\xff\xd8\xff":
        return "a JPEG image"
    if data[:4] in (b"GIF8",):
        return "a GIF image"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "binary data of an unknown type"
    return "plain text"


def _is_docx_zip(data: bytes) -> bool:
    """Tell whether bytes are a ZIP holding the two parts every Word document has."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    # zipfile raises NotImplementedError for an entry needing a newer ZIP version.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False
    return "[Content_Types].xml" in names and "word/document.xml" in names


def sniff_kind(data: bytes, filename: str) -> str:
    """Return "pdf" or "docx" when both the content and the extension agree, else raise."""
    ext = os.path.splitext(filename or "")[1].lower()
    if not data:
        raise EmptyFile("The file is empty.")
    if ext not in (".pdf", ".docx"):
        shown = ext or "no extension"
        raise UnsupportedFileType(
            f"Only PDF (.pdf) and Word (.docx) resumes are accepted; got a file with {shown}.",
        )
    # Some producers put junk (a BOM, an HTTP header) before the marker; readers accept 1 KB.
    is_pdf = b"%PDF-" in data[:1024]
    if ext == ".pdf":
        if is_pdf:
            return "pdf"
        found = _describe(data)
        if found == "a ZIP archive" and _is_docx_zip(data):
            found = "a Word document"
        raise UnsupportedFileType(f"The file is named .pdf but its content is {found}, not a PDF.")
    if _is_docx_zip(data):
        return "docx"
    found = _describe(data)
    if found == "a ZIP archive":
        found = "a ZIP archive without a Word document in it"
    raise UnsupportedFileType(
        f"The file is named .docx but its content is {found}, not a Word document."
    )


def _context() -> Any:
    """Return the multiprocessing context used for extraction children, set up once."""
    global _ctx
    with _ctx_lock:
        if _ctx is None:
            ctx = multiprocessing.get_context(_START_METHOD)
            if _START_METHOD == "forkserver":
                # Preloading makes each child a cheap fork of a process that already
                # imported pdfplumber and lxml, instead of a fresh interpreter.
                ctx.set_forkserver_preload([_WORKER_MODULE])
            _ctx = ctx
        return _ctx


def _child_main(conn: Connection, job: dict[str, Any]) -> None:
    """Run one extraction in the child and send back the worker's reply dictionary."""
    from resume import _extract_worker

    _extract_worker.run_child(conn, job)


def _death_message(exitcode: int | None) -> str:
    """Explain why a child ended without answering."""
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        if sig == signal.SIGXCPU:
            return "The file took too long to read; it may be damaged or built to stall readers."
        if sig in (signal.SIGKILL, signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT):
            return "The file could not be read; it may be damaged or built to crash readers."
    return "The file could not be read; it may be damaged."


def extract_text(
    path: str | os.PathLike[str],
    kind: str,
    *,
    max_pages: int = DEFAULT_MAX_RESUME_PAGES,
    max_chars: int = DEFAULT_MAX_RESUME_CHARS,
    timeout: float = DEFAULT_EXTRACT_TIMEOUT,
    memory_mb: int = DEFAULT_EXTRACT_MEMORY_MB,
) -> str:
    """Extract normalised plain text from a PDF or DOCX in an isolated, resource-limited child.

    The limits default to config.py's; the service passes the configured values.
    """
    return extract_document(
        path, kind, max_pages=max_pages, max_chars=max_chars, timeout=timeout, memory_mb=memory_mb
    ).text


def extract_document(
    path: str | os.PathLike[str],
    kind: str,
    *,
    max_pages: int = DEFAULT_MAX_RESUME_PAGES,
    max_chars: int = DEFAULT_MAX_RESUME_CHARS,
    timeout: float = DEFAULT_EXTRACT_TIMEOUT,
    memory_mb: int = DEFAULT_EXTRACT_MEMORY_MB,
) -> Extracted:
    """Extract text and its line model from a PDF or DOCX in an isolated, limited child."""
    if kind not in ("pdf", "docx"):
        raise ValueError(f"kind must be 'pdf' or 'docx', not {kind!r}")
    # The child may run in another working directory.
    path_str = os.path.abspath(os.fspath(path))
    if not os.path.isfile(path_str):
        raise MissingFile("The uploaded file could not be found for reading.")
    job = {
        "path": path_str,
        "kind": kind,
        "max_pages": max_pages,
        "max_chars": max_chars,
        # The CPU limit is the wall-clock timeout in whole seconds, at least one.
        "cpu_seconds": max(1, int(timeout + 0.999)),
        "memory_mb": memory_mb,
    }
    if _START_METHOD == "zygote":
        reply = _run_in_fork_server(job, timeout)
    else:
        reply = _run_in_multiprocessing(job, timeout)
    if reply.get("ok"):
        # The line model crosses the boundary as plain dicts; a malformed one is dropped.
        return Extracted(str(reply["text"]), from_plain(reply.get("lines")))
    raise error_from_kind(str(reply["error"]), str(reply["message"]))


_TOO_SLOW = "The file took too long to read; it may be damaged or built to stall readers."


def _run_in_fork_server(job: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run one extraction in a child of the preloaded fork server."""
    global _fork_server
    from resume._extract_zygote import ChildFailed, ForkServer

    with _ctx_lock:
        if _fork_server is None:
            _fork_server = ForkServer()
        server = _fork_server
    try:
        return server.run(job, timeout)
    except ChildFailed as exc:
        if exc.timed_out:
            raise ReadTimedOut(_TOO_SLOW) from None
        raise ReadFailed(
            "The file could not be read; it may be damaged or built to exhaust readers."
        ) from None
    except OSError:
        raise ReadFailed("The file could not be read right now; try again.") from None


def _run_in_multiprocessing(job: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run one extraction in a multiprocessing child (fork, spawn or forkserver)."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child_main,
        args=(sender, job),
        daemon=True,
    )
    started = False
    try:
        proc.start()
        started = True
        sender.close()
        if not receiver.poll(timeout):
            raise ReadTimedOut(_TOO_SLOW)
        try:
            return receiver.recv()
        except (EOFError, OSError):
            proc.join(2)
            raise ReadFailed(_death_message(proc.exitcode)) from None
    finally:
        if started:
            if proc.is_alive():
                proc.kill()
            proc.join(2)
            proc.close()
        else:
            sender.close()
        receiver.close()


def warm_up() -> None:
    """Start the extraction fork server now, so the first upload does not pay for it."""
    global _fork_server
    if _START_METHOD != "zygote":
        return
    from resume._extract_zygote import ForkServer

    with _ctx_lock:
        if _fork_server is None:
            _fork_server = ForkServer()
        server = _fork_server
    server.start()


def extract_text_in_process(
    path: str | os.PathLike[str],
    kind: str,
    *,
    max_pages: int = DEFAULT_MAX_RESUME_PAGES,
    max_chars: int = DEFAULT_MAX_RESUME_CHARS,
) -> str:
    """Extract text in the calling process, without isolation (benchmarks and debugging only)."""
    return extract_document_in_process(path, kind, max_pages=max_pages, max_chars=max_chars).text


def extract_document_in_process(
    path: str | os.PathLike[str],
    kind: str,
    *,
    max_pages: int = DEFAULT_MAX_RESUME_PAGES,
    max_chars: int = DEFAULT_MAX_RESUME_CHARS,
) -> Extracted:
    """Extract text and line model in the calling process (benchmarks and debugging only)."""
    from resume import _extract_worker

    reply = _extract_worker.extract_document(os.fspath(path), kind, max_pages, max_chars)
    return Extracted(reply["text"], from_plain(reply["lines"]))
