"""Domain errors of the resume pipeline: what went wrong, in one human sentence, no HTTP.

The API layer (api/errors.py) maps each class to a status in one table; nothing here knows
one. Classes are looked up through the MRO there, so a subclass maps like its base unless the
table names it.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ResumeError",
    "UnsupportedFileType",
    "UnreadableFile",
    "EmptyFile",
    "MissingFile",
    "EncryptedFile",
    "DamagedFile",
    "HostileFile",
    "NoTextFound",
    "ReadTimedOut",
    "ReadFailed",
    "ResumeTooLong",
    "TooManyPages",
    "TextTooLong",
    "error_kind",
    "error_from_kind",
]


class ResumeError(Exception):
    """A resume that cannot be used; `message` is one sentence to show the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the message, so the error survives crossing a process boundary."""
        return (type(self), (self.message,))


class UnsupportedFileType(ResumeError):
    """The file is not a PDF or DOCX by both its extension and its content."""


class UnreadableFile(ResumeError):
    """A PDF or DOCX that cannot be turned into usable text."""


class EmptyFile(UnreadableFile):
    """The upload has no bytes at all."""


class MissingFile(UnreadableFile):
    """The stored upload is gone before it could be read."""


class EncryptedFile(UnreadableFile):
    """The PDF is password-protected."""


class DamagedFile(UnreadableFile):
    """The file's syntax is broken, or a reader failed on it."""


class HostileFile(UnreadableFile):
    """The file is built to exhaust readers: a ZIP bomb, entity declarations, a looping tree."""


class NoTextFound(UnreadableFile):
    """The file has no text layer (a scanned image) or too little text to be a resume."""


class ReadTimedOut(UnreadableFile):
    """Reading the file took longer than the time limit."""


class ReadFailed(UnreadableFile):
    """The isolated reader died or could not be reached (memory limit, crash, no fork server)."""


class ResumeTooLong(ResumeError):
    """A readable resume over one of the size limits."""


class TooManyPages(ResumeTooLong):
    """The PDF has more pages than the page cap (or none at all)."""


class TextTooLong(ResumeTooLong):
    """The extracted text is longer than the text cap."""


_KINDS: dict[str, type[ResumeError]] = {
    cls.__name__: cls
    for cls in (
        ResumeError,
        UnsupportedFileType,
        UnreadableFile,
        EmptyFile,
        MissingFile,
        EncryptedFile,
        DamagedFile,
        HostileFile,
        NoTextFound,
        ReadTimedOut,
        ReadFailed,
        ResumeTooLong,
        TooManyPages,
        TextTooLong,
    )
}


def error_kind(error: ResumeError) -> str:
    """Name an error's class, for sending it over a pipe as plain data."""
    return type(error).__name__


def error_from_kind(kind: str, message: str) -> ResumeError:
    """Rebuild an error sent as plain data; an unknown kind is an unreadable file."""
    return _KINDS.get(kind, UnreadableFile)(message)
