"""Domain errors of the use cases: plain exceptions with a meaning; api/errors.py gives statuses."""

from __future__ import annotations


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
