"""One error shape for every failure: {"success": false, "message": ..., "errors": {...}}."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, jsonify
from werkzeug.exceptions import HTTPException

from interview import errors as interview_errors
from resume import errors as resume_errors
from services import errors as service_errors

# One human sentence per status, used when nothing more specific was said.
DEFAULT_MESSAGES = {
    400: "The request is malformed.",
    401: "Authentication is required.",
    403: "You are not allowed to do that.",
    404: "The requested resource was not found.",
    405: "This method is not allowed on this URL.",
    409: "The request conflicts with existing data.",
    413: "The upload is too large.",
    415: "The content type is not supported.",
    422: "The request contains invalid data.",
    429: "Too many requests; slow down and try again later.",
    500: "Something went wrong on our side; please try again.",
    503: "The service is not ready; please try again shortly.",
    507: "The server has no storage space left; please try again later.",
}
# Seconds a client should wait before retrying a 503 (a database restart takes a few).
RETRY_AFTER_SECONDS = 5


class APIError(Exception):
    """An error that becomes a JSON response in the one error shape."""

    def __init__(
        self, status: int, message: str | None = None, errors: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message or DEFAULT_MESSAGES.get(status, "The request failed.")
        self.errors = errors


# The one table from domain errors to statuses; looked up through the MRO, most specific
# first, so a subclass maps like its base unless it is named here.
STATUS_OF: dict[type[Exception], int] = {
    service_errors.NotFound: 404,
    service_errors.Conflict: 409,
    service_errors.InvalidInput: 422,
    service_errors.Unavailable: 503,
    service_errors.StorageFull: 507,
    service_errors.DomainError: 422,
    resume_errors.UnsupportedFileType: 415,
    resume_errors.ResumeError: 422,
    interview_errors.UnknownQuestionError: 404,
    interview_errors.InterviewError: 422,
}
# Resume errors are about the uploaded file: they name the form field `resume`.
FIELD_OF: dict[type[Exception], str] = {resume_errors.ResumeError: "resume"}


def _lookup(table: dict[type[Exception], Any], exc: BaseException) -> Any:
    for cls in type(exc).__mro__:
        if cls in table:
            return table[cls]
    return None


def status_for(exc: BaseException) -> int:
    """Return the HTTP status a domain error answers with (500 for anything unmapped)."""
    return _lookup(STATUS_OF, exc) or 500


def domain_error_response(exc: Exception):
    """Build the JSON error response for a domain error from the table."""
    message = getattr(exc, "message", None) or str(exc)
    errors = getattr(exc, "errors", None)
    # Interview errors name their own field (answer, question, reference_answer, ...).
    field = _lookup(FIELD_OF, exc) or getattr(exc, "field", None)
    if field is not None and not errors:
        errors = {field: message}
    return error_response(status_for(exc), message, errors)


def error_response(status: int, message: str | None = None, errors: dict | None = None):
    """Build the JSON error response for a status."""
    body: dict = {"success": False, "message": message or DEFAULT_MESSAGES.get(status, "Error.")}
    if errors:
        body["errors"] = errors
    return jsonify(body), status


def _http_message(exc: HTTPException) -> str:
    status = exc.code or 500
    if status == 413:
        return "The upload is larger than the allowed maximum size."
    if status == 429:
        return f"Too many requests: the limit is {exc.description}. Try again later."
    return DEFAULT_MESSAGES.get(status, exc.name + ".")


def register_error_handlers(app: Flask) -> None:
    """Turn every exception into the one JSON error shape."""

    @app.errorhandler(APIError)
    def _api_error(exc: APIError):
        return error_response(exc.status, exc.message, exc.errors)

    for domain in (
        service_errors.DomainError,
        resume_errors.ResumeError,
        interview_errors.InterviewError,
    ):
        app.register_error_handler(domain, domain_error_response)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        response, status = error_response(exc.code or 500, _http_message(exc))
        if exc.code == 405 and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        # Keep Flask-Limiter's Retry-After and friends on the 429 it raised.
        if exc.response is not None:
            for name in ("Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"):
                if name in exc.response.headers:
                    response.headers[name] = exc.response.headers[name]
        return response, status

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        # A full disk or a lost database is not a bug: it gets its own status and sentence.
        translated = service_errors.infrastructure_error(exc)
        if translated is None:
            current_app.logger.exception("unhandled error")
            return error_response(500)
        current_app.logger.warning("%s: %s", type(translated).__name__, exc)
        response, status = domain_error_response(translated)
        if status == 503:
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response, status
