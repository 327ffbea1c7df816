"""What gunicorn answers on the service's behalf, made to keep the service's promises.

Three gaps between gunicorn's HTTP handling and the API's contract (one JSON error shape, never
a 500 for bad input, no connection dropped after announcing keep-alive), closed from the
worker (gunicorn_worker.py) so that the Flask app stays server-agnostic:

- A request the app answers without reading its body (a 401, 413 or 415 raised before the
  body is parsed) left gunicorn to drain the rest before the next request on the connection.
  gunicorn gives up after 64 KiB or 5 s and drops the connection it had just answered with
  "Connection: keep-alive", so a client's next request on it fails with no answer (seen with
  a 200 KB body: requests raised RemoteDisconnected). Such a response now says
  "Connection: close" and the connection ends cleanly.
- A malformed chunked body raised gunicorn's own parse error out of the app's read, past
  werkzeug (which turns only OSError and ValueError into a 400) into a 500. It now reaches
  the app as an OSError, which werkzeug answers as a client error (400).
- gunicorn's own refusals (request line or headers too large, an invalid header) were HTML
  pages; they are now the service's JSON error shape with the same status.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from gunicorn import util
from gunicorn.http.errors import ParseException

# The sentence for a refusal that gunicorn gives no message for (its 500s).
SERVER_ERROR = "Something went wrong on our side; please try again."


class GuardedBody:
    """A request body as the app reads it: counted, and malformed framing as an OSError."""

    def __init__(self, body: Any) -> None:
        self._body = body
        self.bytes_read = 0
        self.at_end = False

    def _call(self, method: Callable[[int | None], bytes], size: int | None) -> bytes:
        try:
            data = method(size)
        except ParseException as exc:
            raise OSError(f"malformed request body: {exc}") from exc
        self.bytes_read += len(data)
        if not data and size != 0:
            self.at_end = True
        return data

    def read(self, size: int | None = None) -> bytes:
        """Read up to size bytes (all that is left without one)."""
        data = self._call(self._body.read, size)
        if size is None or size < 0:
            self.at_end = True
        return data

    def readline(self, size: int | None = None) -> bytes:
        """Read one line, of at most size bytes."""
        return self._call(self._body.readline, size)

    def readlines(self, hint: int | None = None) -> list[bytes]:
        """Read the remaining lines."""
        lines = []
        while line := self.readline():
            lines.append(line)
        return lines

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def left_unread(self, environ: dict[str, Any]) -> bool:
        """Tell whether the app answered without reading the whole body."""
        if self.at_end:
            return False
        length = environ.get("CONTENT_LENGTH")
        if length:
            try:
                return self.bytes_read < int(length)
            except ValueError:
                return True
        return "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class BodyGuard:
    """A WSGI app whose responses close the connection when they leave the body unread."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]):
        body = GuardedBody(environ["wsgi.input"])
        environ["wsgi.input"] = body

        def start(status: str, headers: list, exc_info: Any = None) -> Any:
            # gunicorn drops a "Connection" header from the app (hop-by-hop), so its own
            # response object is told; start_response is that object's bound method.
            response = getattr(start_response, "__self__", None)
            if response is not None and body.left_unread(environ):
                response.must_close = True
            return start_response(status, headers, exc_info)

        return self.app(environ, start)


def write_json_error(sock: Any, status: int, reason: str, message: str) -> None:
    """Send gunicorn's refusal of a request in the service's JSON error shape, then close."""
    body = json.dumps({"success": False, "message": message or SERVER_ERROR}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)
