"""OpenAPI 3 document generated from the routes' pydantic models, and the Swagger UI page."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Flask, current_app, jsonify, send_from_directory
from pydantic import BaseModel
from swagger_ui_bundle import swagger_ui_path

from api.schemas import ErrorOut

docs_bp = Blueprint("docs", __name__)

REF = "#/components/schemas/{model}"
STATUS_TEXT = {
    200: "OK",
    201: "Created",
    400: "Malformed request",
    401: "Missing, expired, revoked or invalid token",
    404: "Not found",
    409: "Conflict",
    413: "Upload too large",
    415: "Unsupported content type",
    422: "Invalid data",
    429: "Rate limit reached",
    503: "Not ready: the database is unreachable or busy",
    507: "No storage space left on the server",
}


def _to_openapi30(node: Any) -> Any:
    """Rewrite pydantic's JSON Schema nulls into OpenAPI 3.0 `nullable`."""
    if isinstance(node, list):
        return [_to_openapi30(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _to_openapi30(v) for k, v in node.items()}
    variants = node.get("anyOf")
    if isinstance(variants, list) and {"type": "null"} in variants:
        rest = [v for v in variants if v != {"type": "null"}]
        node.pop("anyOf")
        base = rest[0] if len(rest) == 1 else {"anyOf": rest}
        if "$ref" in base:
            base = {"allOf": [base]}
        node = {**base, **node, "nullable": True}
    return node


def _schema(model: type[BaseModel], components: dict[str, Any], mode: str) -> dict[str, str]:
    schema = model.model_json_schema(ref_template=REF, mode=mode)  # type: ignore[arg-type]
    for name, sub in schema.pop("$defs", {}).items():
        components[name] = _to_openapi30(sub)
    components[model.__name__] = _to_openapi30(schema)
    return {"$ref": REF.format(model=model.__name__)}


def _parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    schema = _to_openapi30(model.model_json_schema(mode="validation"))
    required = set(schema.get("required", []))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": prop}
        for name, prop in schema["properties"].items()
    ]


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


# A Flask rule's variable part: <name> or <converter:name> or <converter(args):name>.
RULE_VARIABLE = re.compile(r"<(?:([A-Za-z_]\w*)(?:\([^)]*\))?:)?([A-Za-z_]\w*)>")
# Flask's converters as OpenAPI schemas (path parameters); anything else is a string.
CONVERTER_SCHEMAS = {"int": {"type": "integer", "minimum": 0}}


def _path_parameters(rule) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": CONVERTER_SCHEMAS.get(converter or "", {"type": "string"}),
        }
        for converter, name in RULE_VARIABLE.findall(rule.rule)
    ]


def _operation(meta: dict[str, Any], components: dict[str, Any], rule) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": meta["summary"], "tags": [meta["tag"]], "responses": {}}
    if meta["auth"]:
        op["security"] = [{"bearerAuth": []}]
    parameters = _path_parameters(rule)
    if meta["query"] is not None:
        parameters += _parameters(meta["query"])
    if parameters:
        op["parameters"] = parameters
    if meta["body"] is not None:
        op["requestBody"] = {
            "required": not meta["body_optional"],
            **_json(_schema(meta["body"], components, "validation")),
        }
    if meta["form"] is not None:
        op["requestBody"] = {
            "required": True,
            "content": {
                "multipart/form-data": {"schema": _schema(meta["form"], components, "validation")}
            },
        }
    for status, model in meta["responses"].items():
        if model is None:
            binary = {"schema": {"type": "string", "format": "binary"}}
            content = {"content": {meta["media_type"]: binary}}
            op["responses"][str(status)] = {"description": STATUS_TEXT.get(status, "OK"), **content}
            continue
        op["responses"][str(status)] = {
            "description": STATUS_TEXT.get(status, "OK"),
            **_json(_schema(model, components, "serialization")),
        }
    error_ref = _schema(ErrorOut, components, "serialization")
    statuses = set(meta["errors"]) | ({401} if meta["auth"] else set())
    if meta["body"] is not None:
        statuses |= {400, 415, 422}
    if meta["query"] is not None:
        statuses |= {422}
    if meta["form"] is not None:
        statuses |= {413, 415, 422}
    # Every route may be rate limited, meet a database that is down or restarting (503), or a
    # full disk while it writes a file, rebuilds an index or writes to SQLite (507).
    statuses |= {429, 503, 507}
    for status in sorted(statuses):
        if str(status) not in op["responses"]:
            op["responses"][str(status)] = {"description": STATUS_TEXT[status], **_json(error_ref)}
    return op


def build_spec(app: Flask) -> dict[str, Any]:
    """Build the OpenAPI 3.0 document from the registered routes."""
    components: dict[str, Any] = {}
    paths: dict[str, dict[str, Any]] = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        meta = getattr(app.view_functions[rule.endpoint], "_openapi", None)
        if meta is None:
            continue
        path = RULE_VARIABLE.sub(r"{\2}", rule.rule)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            paths.setdefault(path, {})[method.lower()] = _operation(meta, components, rule)
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Interview-prep profile and resume API",
            "version": "1.0.0",
            "description": "Accounts, profile, resume upload and analysis, job fit, resume search.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": dict(sorted(components.items())),
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            },
        },
    }


@docs_bp.get("/api/openapi.json")
def openapi_json():
    """Serve the OpenAPI document."""
    spec = current_app.extensions.get("openapi_spec")
    if spec is None:
        spec = current_app.extensions["openapi_spec"] = build_spec(current_app)
    return jsonify(spec)


DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API docs</title>
<link rel="stylesheet" href="/api/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/static/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui",
  persistAuthorization: true});
</script></body></html>"""


@docs_bp.get("/api/docs")
def docs_page():
    """Serve the interactive API documentation."""
    return DOCS_PAGE, 200, {"Content-Type": "text/html; charset=utf-8"}


@docs_bp.get("/api/docs/static/<path:filename>")
def docs_static(filename: str):
    """Serve Swagger UI's bundled assets (shipped in a PyPI package, no CDN)."""
    return send_from_directory(str(swagger_ui_path), filename)
