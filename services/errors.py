"""Domain errors of the use cases: plain exceptions with a meaning; api/errors.py gives statuses."""

from __future__ import annotations

import errno

from sqlalchemy.exc import InterfaceError, OperationalError


class DomainError(Exception):
    """A failure the caller can act on, told in one human sentence and per field."""

    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors


class NotFound(DomainError):
    """The thing asked for does not exist (for this user)."""


class NoResume(NotFound):
    """The user has not uploaded a resume yet."""

    def __init__(self) -> None:
        super().__init__("You have not uploaded a resume yet.")


class Conflict(DomainError):
    """The request conflicts with data that already exists."""


class InvalidInput(DomainError):
    """A value given by the caller breaks a rule; `field` names it."""

    def __init__(self, field: str, message: str, detail: str) -> None:
        super().__init__(message, {field: detail})
        self.field = field


class InvalidJobDescription(InvalidInput):
    """The job description is missing, blank or too long."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__("job_description", message, detail)


class Unavailable(DomainError):
    """The database cannot be reached or is too busy; the same request may work shortly."""

    def __init__(self) -> None:
        super().__init__("The database is unreachable or busy right now; please try again shortly.")


class StorageFull(DomainError):
    """No space is left where the service keeps files; nothing was changed."""

    def __init__(self) -> None:
        super().__init__(
            "The server has no storage space left to save this; nothing was changed. "
            "Please try again later."
        )


def infrastructure_error(exc: BaseException) -> DomainError | None:
    """Return the domain error a failure of the disk or the database stands for, or None."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull()
    if isinstance(exc, OperationalError | InterfaceError):
        # SQLite reports its own full disk as an operational error of the database.
        if "disk is full" in str(exc.orig):
            return StorageFull()
        # A dropped connection, a server shutting down or restarting, a lock wait timed out:
        # pool_pre_ping and a fresh session per request recover once it answers again.
        return Unavailable()
    return None
