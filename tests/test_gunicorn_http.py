"""HTTP-level hostile input against gunicorn: unread bodies, malformed framing, oversized heads."""

from __future__ import annotations

import contextlib
import json
import os
import socket

import pytest

from tests import wire_battery
from tests.servers import private_database, register, running_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A gunicorn with the service's settings (on PostgreSQL in the PostgreSQL pass)."""
    base = tmp_path_factory.mktemp("gunicorn_http")
    with contextlib.ExitStack() as stack:
        settings = {}
        if os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"):
            settings["DATABASE_URL"] = stack.enter_context(private_database("wire"))
        url, _proc = stack.enter_context(running_server(base, **settings))
        yield {
            "url": url,
            "port": int(url.rsplit(":", 1)[1]),
            "auth": register(url, "wire")["Authorization"],
        }


def _read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Read one HTTP response with a Content-Length body; return status, headers, body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before a full response head: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in lines[1:])}
    while len(body) < int(headers.get("content-length", 0)):
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(lines[0].split()[1]), headers, body


def _exchange(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        return _read_response(sock)


def _post(auth: str, content_type: str, body: bytes, path: str = "/api/interview/answer") -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: test\r\nAuthorization: {auth}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def _closed_by_server(sock: socket.socket) -> bool:
    sock.settimeout(10)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True


@pytest.mark.parametrize("size", [1_000, 200_000], ids=["small", "beyond-gunicorns-drain"])
def test_an_answer_that_leaves_the_body_unread_closes_the_connection(server, size):
    # A 415 is decided from the headers: the app never reads the body.
    body = json.dumps({"question_id": "x", "answer": "a" * size}).encode()
    with socket.create_connection(("127.0.0.1", server["port"]), timeout=30) as sock:
        sock.sendall(_post(server["auth"], "text/plain", body))
        status, headers, payload = _read_response(sock)
        assert status == 415
        assert json.loads(payload)["success"] is False
        # Announced, so a client does not send its next request into a dropped connection.
        assert headers["connection"] == "close"
        assert _closed_by_server(sock)


def test_a_body_the_app_reads_keeps_the_connection_alive(server):
    body = json.dumps({"question_id": "no-such-question", "answer": "a" * 200_000}).encode()
    with socket.create_connection(("127.0.0.1", server["port"]), timeout=30) as sock:
        for _ in range(2):  # the second request travels on the same connection
            sock.sendall(_post(server["auth"], "application/json", body))
            status, headers, payload = _read_response(sock)
            assert status in (404, 422), payload
            assert headers["connection"] == "keep-alive"


@pytest.mark.parametrize(
    "chunks",
    [b"zz\r\nabc\r\n0\r\n\r\n", b"3\r\nabcdef\r\n0\r\n\r\n"],
    ids=["bad-size", "missing-terminator"],
)
def test_a_malformed_chunked_body_is_a_400_in_the_error_shape(server, chunks):
    request = (
        b"POST /api/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + chunks
    )
    status, headers, payload = _exchange(server["port"], request)
    assert status == 400
    assert headers["content-type"] == "application/json"
    assert json.loads(payload)["success"] is False


@pytest.mark.parametrize(
    ("head", "status"),
    [
        ("GET /api/resume/search?q=" + "a" * 9000 + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        (
            "GET /api/profile HTTP/1.1\r\nHost: t\r\n"
            + "".join(f"X-Filler-{i}: v\r\n" for i in range(200))
            + "\r\n",
            431,
        ),
        ("GET /api/profile HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer \x7f\r\n\r\n", 400),
        ("GET /api/profile HTTP/9.9\r\nHost: t\r\n\r\n", 400),
    ],
    ids=["uri-too-long", "too-many-headers", "control-character-in-header", "bad-version"],
)
def test_gunicorns_own_refusals_are_json_in_the_error_shape(server, head, status):
    got, headers, payload = _exchange(server["port"], head.encode("latin-1"))
    assert got == status
    assert headers["content-type"] == "application/json"
    body = json.loads(payload)
    assert body["success"] is False
    assert body["message"]


def test_a_battery_of_hostile_requests_gets_only_answers_below_500_and_json_errors(server):
    battery = wire_battery.run(server["url"], lambda name: register(server["url"], name))
    print(f"wire battery: {battery.tried} requests")
    assert battery.tried > 800
    assert battery.bad == []
