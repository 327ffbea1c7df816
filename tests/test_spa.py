"""The web client served by Flask: its page, hashed assets, client routes, and /api left alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import create_app
from config import TestConfig
from spa import CSP, DEFAULT_DIST

INDEX = (
    '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script>'
    '</head><body><div id="root"></div></body></html>'
)


def _app(dist: Path):
    config = TestConfig()
    config.WEB_DIST = str(dist)
    return create_app(config)


@pytest.fixture
def dist(tmp_path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "assets" / "index-abc123.js").write_text("console.log('client')")
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("outside dist")
    return root


@pytest.fixture
def web(dist):
    return _app(dist).test_client()


def test_root_serves_the_page_with_a_strict_policy(web):
    response = web.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.get_data(as_text=True) == INDEX
    assert response.headers["Cache-Control"] == "no-cache"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/profile", "/analysis", "/practice/session/3", "/index.html"])
def test_client_routes_fall_back_to_the_page(web, path):
    response = web.get(path)
    assert response.status_code == 200
    assert response.get_data(as_text=True) == INDEX
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["Cache-Control"] == "no-cache"


def test_hashed_assets_are_cached_for_a_year(web):
    response = web.get("/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "console.log('client')"
    assert "javascript" in response.mimetype
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_other_built_files_are_served_without_the_long_cache(web):
    response = web.get("/favicon.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert "immutable" not in response.headers.get("Cache-Control", "")


def test_a_missing_asset_is_a_json_404_not_the_page(web):
    response = web.get("/assets/index-old999.js")
    assert response.status_code == 404
    assert response.get_json()["success"] is False


@pytest.mark.parametrize("method", ["get", "post", "put", "delete", "patch"])
@pytest.mark.parametrize("path", ["/api/nope", "/api", "/api/", "/api/profile/extra"])
def test_unknown_api_paths_keep_the_json_404(web, method, path):
    response = getattr(web, method)(path)
    assert response.status_code == 404
    assert response.is_json
    assert response.get_json() == {
        "success": False,
        "message": "The requested resource was not found.",
    }
    assert "Content-Security-Policy" not in response.headers


def test_api_routes_are_untouched(web):
    assert web.get("/api/health").is_json
    assert web.get("/api/openapi.json").get_json()["paths"]["/api/profile"]
    response = web.get("/api/profile")
    assert response.status_code == 401
    assert response.get_json()["success"] is False
    # The method check of a real API route still answers 405, not the page.
    assert web.put("/api/login").status_code == 405


@pytest.mark.parametrize(
    "path", ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt", "/..%2fsecret.txt"]
)
def test_files_outside_dist_are_never_served(web, path):
    response = web.get(path)
    assert b"outside dist" not in response.get_data()


def test_a_post_to_a_client_route_is_refused_in_the_error_shape(web):
    response = web.post("/profile")
    assert response.status_code == 405
    assert response.get_json()["success"] is False


def test_without_a_build_the_page_says_how_to_get_the_client(tmp_path):
    web = _app(tmp_path / "missing").test_client()
    response = web.get("/profile")
    assert response.status_code == 404
    text = response.get_data(as_text=True)
    assert "make web" in text and "/api/docs" in text
    assert "<script" not in text
    assert web.get("/api/health").is_json


def test_the_real_build_has_no_inline_script():
    index = DEFAULT_DIST / "index.html"
    if not index.exists():
        pytest.skip("web/dist is not built (make web)")
    html = index.read_text()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts, "the page loads its bundle"
    for attributes, body in scripts:
        assert 'src="/assets/' in attributes
        assert body.strip() == ""
    assert "style=" not in html and "<style" not in html
