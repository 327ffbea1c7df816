"""The route contract: one declaration validates the request, serialises the answer, documents both.

    @bp.post("/things")
    @jwt_required()
    @operation("Create a thing", tag="things", body=ThingIn, response=ThingOut, status=201)
    def create_thing(body: ThingIn):
        return {"thing": ...}          # data (dict, model or ORM-backed), never a Response

A route that answers with a file instead of JSON declares `media_type` (and optionally
`download_name`) in place of `response`; its view returns the bytes.

`body`, `query` and `form` name pydantic models; the view receives the validated instances as
keyword arguments of the same names (plus the URL's path arguments). The view returns data, or
`(data, status)` for a status declared in `responses`; the decorator validates it against that
status's model and serialises it (declared fields in declaration order, then extras).
api/openapi.py builds the document from the same declaration.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Response, request
from pydantic import BaseModel, ValidationError

from api.errors import APIError
from api.validation import parse_json, validation_error

M = TypeVar("M", bound=BaseModel)
JSON = "application/json"


def parse_query(model: type[M]) -> M:
    """Validate the query string against a model (first value of each repeated name)."""
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as exc:
        raise validation_error(exc, "Some query parameters are invalid") from None


def parse_form(model: type[M]) -> M:
    """Validate a multipart form, its text fields and file parts together, against a model."""
    if request.mimetype != "multipart/form-data":
        raise APIError(415, "Send the form as multipart/form-data.")
    fields: dict[str, Any] = {**request.form.to_dict(), **request.files.to_dict()}
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise validation_error(exc) from None


def serialise(model: type[BaseModel], data: Any) -> str:
    """Return data as the JSON text the response model declares."""
    if not isinstance(data, model):
        try:
            data = model.model_validate(data, from_attributes=True)
        except ValidationError as exc:
            _raise_hidden_failure(exc)
            # The attribute reads again: whatever failed has passed, validate once more.
            data = model.model_validate(data, from_attributes=True)
    # pydantic writes the JSON itself (in Rust): no intermediate dict for json.dumps to walk.
    return data.model_dump_json()


def _raise_hidden_failure(exc: ValidationError) -> None:
    # pydantic turns an exception raised while reading an attribute into a validation error.
    # An ORM object expired by a commit reloads on that read: when the database has gone away
    # meanwhile, read the attribute again here so its own error (a 503) is raised, not a 500.
    failed = [e for e in exc.errors(include_url=False) if e["type"] == "get_attribute_error"]
    if not failed:
        raise exc
    for error in failed:
        getattr(error["input"], str(error["loc"][-1]))


def operation(
    summary: str,
    *,
    tag: str,
    response: type[BaseModel] | None = None,
    media_type: str | None = None,
    download_name: str | None = None,
    status: int = 200,
    responses: dict[int, type[BaseModel]] | None = None,
    body: type[BaseModel] | None = None,
    body_optional: bool = False,
    query: type[BaseModel] | None = None,
    form: type[BaseModel] | None = None,
    auth: str | None = "access",
    errors: tuple[int, ...] = (),
) -> Callable:
    """Declare a route's request and response models: validate, serialise and document them."""
    if (response is None) == (media_type is None):
        raise TypeError("declare either a response model or a media_type")
    answers = {status: response, **(responses or {})}

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def handle(**path_args: Any):
            kwargs = dict(path_args)
            if body is not None:
                kwargs["body"] = parse_json(body, optional=body_optional)
            if query is not None:
                kwargs["query"] = parse_query(query)
            if form is not None:
                kwargs["form"] = parse_form(form)
            result = view(**kwargs)
            if media_type is not None:
                sent = Response(result, status=status, mimetype=media_type)
                if download_name:
                    sent.headers["Content-Disposition"] = f'inline; filename="{download_name}"'
                return sent
            code = status
            if isinstance(result, tuple):
                result, code = result
            return Response(serialise(answers[code], result), status=code, mimetype=JSON)

        handle._openapi = {  # type: ignore[attr-defined]
            "summary": summary,
            "tag": tag,
            "responses": answers,
            "media_type": media_type,
            "body": body,
            "body_optional": body_optional,
            "query": query,
            "form": form,
            "auth": auth,
            "errors": errors,
        }
        return handle

    return decorate
