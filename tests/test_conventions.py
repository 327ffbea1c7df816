"""The API's conventions: one error shape, CORS, health, OpenAPI, concurrent registrations."""

from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from openapi_spec_validator import validate
from sqlalchemy import func, select

from api.errors import status_for
from app import create_app
from config import TestConfig
from extensions import limiter
from resume import errors as resume_errors
from services import errors as service_errors
from tests.conftest import PASSWORD


def _is_error_shape(response, status: int) -> None:
    assert response.status_code == status
    assert response.is_json, response.data[:200]
    body = response.get_json()
    assert body["success"] is False
    assert isinstance(body["message"], str) and body["message"].endswith(".")
    assert "Traceback" not in body["message"]


def test_unknown_route_and_wrong_method_use_the_error_shape(client):
    _is_error_shape(client.get("/api/nope"), 404)
    # Paths outside /api belong to the web client (spa.py; tests/test_spa.py).
    _is_error_shape(client.get("/api/nothing/here"), 404)
    wrong = client.get("/api/register")
    _is_error_shape(wrong, 405)
    assert "POST" in wrong.headers["Allow"]


def test_oversized_body_is_413_in_the_error_shape(app, client, auth):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = client.post(
        "/api/update_profile",
        headers={**auth, "Content-Type": "application/json"},
        data=b"[" + b"1," * (limit // 2) + b"1]",
    )
    _is_error_shape(response, 413)


def test_unexpected_errors_are_500_without_internals(tmp_path):
    config = TestConfig()
    config.INSTANCE_DIR = config.UPLOAD_FOLDER = config.DATA_DIR = str(tmp_path)
    fresh = create_app(config)
    limiter.enabled = False

    @fresh.get("/api/_boom_for_test")
    def boom():
        raise RuntimeError("secret internal detail")

    response = fresh.test_client().get("/api/_boom_for_test")
    _is_error_shape(response, 500)
    assert "secret" not in response.get_data(as_text=True)


def test_health_reports_database_and_model(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["model"] in {"not_loaded", "loading", "ready"}


def test_cors_allows_configured_origin_with_preflight(app, client):
    origin = app.config["CORS_ORIGINS"][0]
    preflight = client.options(
        "/api/profile",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "Authorization",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == origin
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    actual = client.get("/api/health", headers={"Origin": origin})
    assert actual.headers["Access-Control-Allow-Origin"] == origin


def test_cors_ignores_other_origins(client):
    response = client.options(
        "/api/profile",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "Access-Control-Allow-Origin" not in response.headers
    assert (
        "Access-Control-Allow-Origin"
        not in client.get("/api/health", headers={"Origin": "https://evil.example"}).headers
    )


def test_openapi_document_is_valid_and_complete(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    validate(spec)
    operations = {(path, method) for path, item in spec["paths"].items() for method in item}
    for expected in [
        ("/api/register", "post"),
        ("/api/login", "post"),
        ("/api/refresh", "post"),
        ("/api/logout", "post"),
        ("/api/profile", "get"),
        ("/api/update_profile", "post"),
        ("/api/upload_resume", "post"),
        ("/api/resume/analysis", "get"),
        ("/api/resume/search", "get"),
        ("/api/resume/fit", "post"),
        ("/api/resume", "delete"),
        ("/api/health", "get"),
    ]:
        assert expected in operations
    props = spec["components"]["schemas"]["ProfileUpdateIn"]["properties"]
    assert props["experience_years"]["maximum"] == 70


def test_docs_page_serves_swagger_ui(client):
    page = client.get("/api/docs")
    assert page.status_code == 200 and b"swagger-ui" in page.data
    asset = client.get("/api/docs/static/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.data) > 100_000


def test_fifty_concurrent_registrations(app):
    from models import User, db

    def register(i: int) -> int:
        with app.test_client() as c:
            name = "racer" if i % 5 == 0 else f"racer{i}"
            return c.post(
                "/api/register",
                json={"username": name, "email": f"{name}@example.com", "password": PASSWORD},
            ).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(register, range(50)))
    assert statuses.count(201) == 41  # 40 distinct names plus one winner of "racer"
    assert statuses.count(409) == 9
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(User)).scalar() == 41
        db.session.remove()


@pytest.mark.parametrize("path", ["/api/profile", "/api/resume/analysis", "/api/resume/search?q=x"])
def test_protected_routes_need_a_token(client, path):
    _is_error_shape(client.get(path), 401)


def test_hostile_json_bodies_get_4xx(client, auth):
    deep = client.post(
        "/api/update_profile",
        headers={**auth, "Content-Type": "application/json"},
        data="[" * 100_000 + "]" * 100_000,
    )
    _is_error_shape(deep, 400)
    deep_login = client.post(
        "/api/login", headers={"Content-Type": "application/json"}, data="{" * 50_000
    )
    assert deep_login.status_code == 400
    nested_ok_depth = client.post("/api/update_profile", headers=auth, json={"skills": [[[["x"]]]]})
    _is_error_shape(nested_ok_depth, 422)
    for body in ({"full_name": "a\x00b"}, {"skills": ["ok", "b\x00d"]}):
        response = client.post("/api/update_profile", headers=auth, json=body)
        _is_error_shape(response, 422)
    assert client.get("/api/profile", headers=auth).get_json()["user"]["full_name"] == "John Doe"
    nul_login = client.post("/api/login", json={"username": "x\x00y", "password": "whatever-pass"})
    _is_error_shape(nul_login, 422)


def test_openapi_nullability_matches_what_updates_accept(client, auth):
    spec = client.get("/api/openapi.json").get_json()
    props = spec["components"]["schemas"]["ProfileUpdateIn"]["properties"]
    nullable = {name for name, prop in props.items() if prop.get("nullable")}
    assert nullable == {"full_name", "phone"}
    for field, value in {"full_name": None, "phone": None}.items():
        response = client.post("/api/update_profile", headers=auth, json={field: value})
        assert response.status_code == 200, field
    for field in ("experience_years", "skills"):
        assert "default" not in props[field]
        response = client.post("/api/update_profile", headers=auth, json={field: None})
        assert response.status_code == 422 and field in response.get_json()["errors"]


def test_openapi_declares_the_query_and_form_the_views_validate(client):
    paths = client.get("/api/openapi.json").get_json()["paths"]
    search = paths["/api/resume/search"]["get"]
    params = {p["name"]: p for p in search["parameters"]}
    assert params["q"]["required"] is True and params["k"]["required"] is False
    assert (params["k"]["schema"]["minimum"], params["k"]["schema"]["maximum"]) == (1, 20)
    assert "422" in search["responses"]
    upload = paths["/api/upload_resume"]["post"]
    assert set(upload["requestBody"]["content"]) == {"multipart/form-data"}
    assert {"413", "415", "422"} <= set(upload["responses"])
    assert paths["/api/logout"]["post"]["requestBody"]["required"] is False


def _imports(path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_dependencies_point_inward():
    root = Path(__file__).resolve().parents[1]
    outward = {
        "services": {"flask", "werkzeug", "flask_jwt_extended", "api"},
        "resume": {"flask", "werkzeug", "api", "services", "rag"},
        "rag": {"flask", "werkzeug", "api", "services"},
    }
    found = {
        str(path.relative_to(root)): sorted(_imports(path) & banned)
        for layer, banned in outward.items()
        for path in (root / layer).rglob("*.py")
        if _imports(path) & banned
    }
    assert found == {}
    assert not _imports(root / "models.py") & {"api", "services", "resume", "rag"}


# Failures of the server's own resources, not of the request: the only 5xx in the table.
SERVER_SIDE = {service_errors.Unavailable: 503, service_errors.StorageFull: 507}


def test_every_domain_error_has_a_status_in_the_one_table():
    for module in (resume_errors, service_errors):
        for value in vars(module).values():
            if not (isinstance(value, type) and issubclass(value, Exception)):
                continue
            if value.__module__ != module.__name__:
                continue  # imported, e.g. the SQLAlchemy errors infrastructure_error reads
            status = status_for(value.__new__(value))
            if value in SERVER_SIDE:
                assert status == SERVER_SIDE[value], value
            else:
                assert 400 <= status < 500, value
