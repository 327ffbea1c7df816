"""Request parsing: JSON bodies into pydantic models, failures into the one error shape."""

from __future__ import annotations

from typing import Any, TypeVar

from flask import request
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import BadRequest

from api.errors import APIError

M = TypeVar("M", bound=BaseModel)


def _field_message(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "is not a field you can set"
    if error["type"] == "missing":
        return "is required"
    message = error["msg"]
    # pydantic prefixes messages raised by our own validators.
    return message.removeprefix("Value error, ")


def validation_error(exc: ValidationError, lead: str = "Some fields are invalid") -> APIError:
    """Translate a pydantic ValidationError into a 422 naming each field at fault."""
    errors: dict[str, str] = {}
    unknown: list[str] = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"]) or "body"
        if error["type"] == "extra_forbidden":
            unknown.append(field)
        errors.setdefault(field, _field_message(error))
    if unknown:
        message = "These fields are unknown or cannot be changed: " + ", ".join(unknown) + "."
    else:
        message = f"{lead}: " + ", ".join(errors) + "."
    return APIError(422, message, errors)


def _bad_text(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (a "\ud800" escape): no database can store it.
        return True
    return False


def has_bad_text(value: Any) -> bool:
    """Tell whether any string inside a JSON value holds NUL or an unpaired surrogate."""
    # Iterative: a body may nest as deep as the decoder allows.
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _bad_text(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def json_object() -> dict:
    """Return the request's JSON object, or raise 415/400/422 in the error shape."""
    if not request.is_json:
        raise APIError(415, "Send a JSON body with Content-Type: application/json.")
    try:
        data = request.get_json()
    except (BadRequest, RecursionError):
        # RecursionError: nesting deeper than the JSON decoder can follow.
        raise APIError(400, "The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise APIError(422, "The JSON body must be an object.", {"body": "must be a JSON object"})
    # No database stores NUL or a lone surrogate in text (PostgreSQL refuses NUL); no real
    # value needs either.
    bad = [str(k) for k, v in data.items() if has_bad_text(k) or has_bad_text(v)]
    if bad:
        raise APIError(
            422,
            "Text values must not contain NUL characters or lone surrogates.",
            {field: "must not contain NUL characters or lone surrogates" for field in bad},
        )
    return data


def parse_json(model: type[M], *, optional: bool = False) -> M:
    """Validate the JSON body against a model; an empty body is allowed when optional."""
    if optional and not request.get_data(cache=True).strip():
        return model()
    try:
        return model.model_validate(json_object())
    except ValidationError as exc:
        raise validation_error(exc) from None
