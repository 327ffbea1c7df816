"""Serve the built web client (web/dist) at `/`, leaving every `/api/...` route to the API."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, send_from_directory
from werkzeug.routing import PathConverter

DEFAULT_DIST = Path(__file__).resolve().parent / "web" / "dist"

# Tokens live in JavaScript, so the page may run only the bundled scripts: no inline code,
# no other origin, no framing, no plugins.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Vite names every file under assets/ by its content hash: a new build has new names.
ASSET_CACHE = "public, max-age=31536000, immutable"
NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Web client not built</title></head>
<body><h1>The web client is not built</h1>
<p>Install Node.js 20.19 or newer and run <code>make web</code> (or <code>make run</code>),
or <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>.</p>
<p>The API is served as usual: see <a href="/api/docs">/api/docs</a>.</p></body></html>"""

spa_bp = Blueprint("spa", __name__)


class ClientPathConverter(PathConverter):
    """A path that is not under api/, so unknown API URLs keep their JSON 404 and 405."""

    regex = r"(?!api(?:/|$))[^/].*?"


def _dist() -> Path:
    return Path(current_app.config.get("WEB_DIST") or DEFAULT_DIST)


def _html_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _index() -> Response:
    dist = _dist()
    if not (dist / "index.html").is_file():
        return _html_headers(Response(NOT_BUILT, 404, mimetype="text/html"))
    return _html_headers(send_from_directory(dist, "index.html", max_age=0))


@spa_bp.get("/")
def index():
    """Serve the client's page."""
    return _index()


@spa_bp.get("/<client:path>")
def client_path(path: str):
    """Serve a built file, or the client's page for a client-side route."""
    dist = _dist()
    target = dist / path
    # send_from_directory refuses paths that escape dist; is_file keeps directories out.
    if path != "index.html" and target.is_file() and dist.resolve() in target.resolve().parents:
        response = send_from_directory(dist, path)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if path.startswith("assets/"):
            response.headers["Cache-Control"] = ASSET_CACHE
        return response
    if path.startswith("assets/"):
        # A missing hashed file is an old page asking for a replaced build: not the page.
        abort(404)
    return _index()


def register_spa(app: Flask) -> None:
    """Serve the web client from the app; call after the API blueprints."""
    app.url_map.converters["client"] = ClientPathConverter
    app.register_blueprint(spa_bp)
