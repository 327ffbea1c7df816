"""Behind a reverse proxy: per-address rate limits key on the client, not on the proxy."""

from __future__ import annotations

from app import create_app
from config import TestConfig


def _remote_addr(app, headers: dict[str, str]) -> str:
    seen: dict[str, str] = {}

    def capture(environ, start_response):
        seen["addr"] = environ["REMOTE_ADDR"]
        start_response("204 No Content", [])
        return [b""]

    # Ask the outermost WSGI layer, with the Flask app itself replaced by the probe.
    layer = app.wsgi_app
    if hasattr(layer, "app"):
        layer.app = capture
    else:
        layer = capture
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "REMOTE_ADDR": "10.0.0.2",
        "wsgi.url_scheme": "http",
        "SERVER_NAME": "x",
        "SERVER_PORT": "80",
        **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()},
    }
    layer(environ, lambda *_: None)
    return seen["addr"]


def test_trusted_proxy_hands_on_the_client_address(app, tmp_path):
    config = TestConfig()
    config.TRUSTED_PROXIES = 1
    config.INSTANCE_DIR = config.UPLOAD_FOLDER = config.DATA_DIR = str(tmp_path)
    behind = create_app(config)
    forwarded = {"X-Forwarded-For": "203.0.113.7"}
    assert _remote_addr(behind, forwarded) == "203.0.113.7"
    # Without a trusted proxy a client cannot pick its own address with the header.
    config.TRUSTED_PROXIES = 0
    direct = create_app(config)
    assert _remote_addr(direct, forwarded) == "10.0.0.2"
