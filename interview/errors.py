"""Domain errors of the interview core; the API layer maps them to HTTP statuses."""

from __future__ import annotations


class InterviewError(Exception):
    """Base class of every error the interview core raises on bad input."""

    field: str | None = None

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field


class InvalidAnswerError(InterviewError):
    """An answer that cannot be scored: empty, or longer than the documented maximum."""

    field = "answer"


class EmptyAnswerError(InvalidAnswerError):
    """The answer has no words to score."""


class AnswerTooLongError(InvalidAnswerError):
    """The answer is longer than scoring.MAX_ANSWER_CHARS."""


class InvalidQuestionError(InterviewError):
    """A custom question or reference answer that cannot be practised (empty or too long)."""


class UnknownQuestionError(InterviewError):
    """No bank question has the given id."""

    field = "question_id"


class BankError(InterviewError):
    """The shipped question bank does not follow BANK_SCHEMA.md."""
