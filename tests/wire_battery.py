"""A battery of hostile requests against a running server, below and at the routes' edges.

Awkward JSON (nested 100,000 deep, 5,000-digit numbers, NaN, lone surrogates, NUL, Latin-1 and
UTF-16 bytes, duplicate keys, 5 MB strings) under four content types at every JSON route; broken
query strings and path ids; forged, oversized and malformed tokens; hostile upload names, fields
and parts; and raw HTTP (broken multipart and chunked framing, conflicting lengths, oversized
request lines and headers, odd methods, traversal to static files). Every answer must be a
response (not a dropped connection), never a 5xx, and every error must be JSON.
"""

from __future__ import annotations

import itertools
import json
import socket
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from tests import hostile

JSON_ROUTES = [
    "/api/interview/answer",
    "/api/interview/questions",
    "/api/interview/sessions",
    "/api/login",
    "/api/register",
    "/api/resume/fit",
    "/api/update_profile",
    "/api/refresh",
]
GET_ROUTES = [
    "/api/resume/search",
    "/api/interview/history",
    "/api/interview/questions",
    "/api/interview/sessions",
    "/api/mastery",
    "/api/profile",
    "/api/report",
    "/api/resume/analysis",
]
_FIELDS = [
    "answer",
    "question_id",
    "full_name",
    "job_description",
    "username",
    "email",
    "password",
    "question",
    "topic",
    "bio",
]
BODIES: dict[str, bytes] = {
    "deep-array": b"[" * 100_000 + b"]" * 100_000,
    "deep-object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "huge-integer": b'{"x": ' + b"9" * 5000 + b"}",
    "nan": b'{"answer": NaN, "question_id": Infinity}',
    "lone-surrogates": json.dumps({f: "\\ud800x" for f in _FIELDS})
    .replace("\\\\ud800", "\\ud800")
    .encode(),
    "nul": json.dumps({f: "a\u0000b" for f in _FIELDS}).encode(),
    "latin-1": b'{"answer": "caf\xe9", "full_name": "Ren\xe9"}',
    "bom": b'\xef\xbb\xbf{"answer": "x"}',
    "utf-16": '{"answer": "x"}'.encode("utf-16"),
    "duplicate-keys": b'{"answer":"a","answer":{"x":1}}',
    "array": b"[1,2,3]",
    "string": b'"hello"',
    "null": b"null",
    "empty": b"",
    "truncated": b'{"answer": "abc',
    "5-mb-strings": json.dumps(
        {f: "a" * 5_000_000 for f in ("answer", "job_description")}
    ).encode(),
    "wrong-types": b'{"answer": 1, "question_id": [], "skills": "python", "years_of_experience":'
    b' "ten", "session_id": {"$gt": 0}, "count": 1e308, "kind": null}',
    "extreme-numbers": b'{"years_of_experience": -1e308, "count": -5, "question_count": 1e20,'
    b' "k": 1e400}',
}
CONTENT_TYPES = [
    "application/json",
    "text/plain",
    "application/json; charset=latin-1",
    "application/x-www-form-urlencoded",
]
QUERIES = [
    "q=%ff%fe",
    "q=%",
    "q=%zz",
    "q=" + "a" * 3000,
    "k=99999999999999999999999",
    "k=-1",
    "k=1e3",
    "k=NaN",
    "q=%00",
    "page=0",
    "page=-1&per_page=100000",
    "per_page=1e9",
    "topic=%ud800",
    "kind=%c0%80",
    "count=0",
    "count=%00",
    "difficulty=../../etc",
    "seed=-99999999999999999999999999",
    "q=a&q=b&k=1&k=2",
    "q[]=1",
    "q[$ne]=1",
]
SESSION_IDS = [
    "0",
    "-1",
    "9" * 26,
    "1e5",
    "%00",
    "%ff",
    "..%2f..%2fetc",
    "a" * 3000,
    "1.5",
    "%EF%BC%91",
]
UPLOAD_NAMES = [
    "../../etc/passwd.pdf",
    "a\x00b.pdf",
    "x" * 5000 + ".pdf",
    "résumé.pdf",
    "CON.pdf",
    ".pdf",
    "",
    "a.PDF",
    "a.pdf.exe",
    "a.docx",
    "..",
    "/",
    "a\r\nX-Injected: 1.pdf",
]
JOB = "We need a Go and Python engineer with PostgreSQL."


@dataclass
class Battery:
    """The requests tried and the answers that broke the rules."""

    url: str
    tried: int = 0
    bad: list[str] = field(default_factory=list)

    def check(self, label: str, send: Callable[[], requests.Response]) -> int:
        """Send one request; record it as bad unless it is a JSON error or a success below 500."""
        self.tried += 1
        try:
            response = send()
        except requests.RequestException as exc:
            self.bad.append(f"{label}: no response ({type(exc).__name__})")
            return 0
        kind = response.headers.get("Content-Type", "")
        if response.status_code >= 500 or (response.status_code >= 400 and "json" not in kind):
            self.bad.append(f"{label}: {response.status_code} {kind} {response.text[:120]!r}")
        return response.status_code

    def raw(self, label: str, request: bytes) -> None:
        """Send raw bytes on a new connection; record it unless the answer is a non-5xx JSON."""
        self.tried += 1
        host, port = self.url.split("//")[1].split(":")
        with socket.create_connection((host, int(port)), timeout=30) as sock:
            sock.sendall(request)
            sock.shutdown(socket.SHUT_WR)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1]) if lines[0].startswith(b"HTTP/") else 0
        json_body = any(
            line.lower().startswith(b"content-type: application/json") for line in lines
        )
        if status == 0 or status >= 500 or (status >= 400 and not json_body):
            self.bad.append(f"raw {label}: {status} {answer[:160]!r}")
        if b"root:x:" in body or b"def create_app" in body:
            self.bad.append(f"raw {label}: leaked a file: {body[:160]!r}")


def _raw_requests(host: str, auth: str) -> dict[str, bytes]:
    def req(line: str, headers: str = "", body: bytes = b"") -> bytes:
        return f"{line}\r\nHost: {host}\r\n{headers}Connection: close\r\n\r\n".encode() + body

    multipart = f"Authorization: {auth}\r\nContent-Type: multipart/form-data; "
    upload = "POST /api/upload_resume HTTP/1.1"
    login = "POST /api/login HTTP/1.1"
    json_type = "Content-Type: application/json\r\n"
    chunked = json_type + "Transfer-Encoding: chunked\r\n"
    part = (
        b'--XX\r\nContent-Disposition: form-data; name="resume"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.4 abc"
    )
    return {
        "empty boundary": req(upload, multipart + "boundary=\r\nContent-Length: 10\r\n", b"0" * 10),
        "no boundary": req(upload, multipart[:-2] + "\r\nContent-Length: 10\r\n", b"0" * 10),
        "nameless part": req(
            upload,
            multipart + "boundary=XX\r\nContent-Length: 40\r\n",
            b"--XX\r\nContent-Disposition: form-data\r\n\r\n".ljust(40, b"x"),
        ),
        "unterminated part": req(
            upload, multipart + f"boundary=XX\r\nContent-Length: {len(part)}\r\n", part
        ),
        "chunked json": req(login, chunked, b'5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n'),
        "bad chunk size": req(login, chunked, b"zz\r\nabc\r\n0\r\n\r\n"),
        "chunk without terminator": req(login, chunked, b"3\r\nabcdef\r\n0\r\n\r\n"),
        "length and chunked": req(login, chunked + "Content-Length: 4\r\n", b"0\r\n\r\n"),
        "negative length": req(login, json_type + "Content-Length: -5\r\n", b"{}"),
        "huge length": req(upload, multipart + "boundary=XX\r\nContent-Length: 99999999999\r\n"),
        "short body": req(login, json_type + "Content-Length: 100\r\n", b'{"username":'),
        "gzip body": req(
            login, json_type + "Content-Encoding: gzip\r\nContent-Length: 10\r\n", b"\x1f\x8b" * 5
        ),
        "http/1.0": f"GET /api/profile HTTP/1.0\r\nAuthorization: {auth}\r\n\r\n".encode(),
        "no host": b"GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n",
        "unknown method": req("FOO /api/profile HTTP/1.1"),
        "put": req("PUT /api/profile HTTP/1.1", f"Authorization: {auth}\r\nContent-Length: 0\r\n"),
        "long request line": req(f"GET /api/resume/search?q={'a' * 20000} HTTP/1.1"),
        "200 headers": req(
            "GET /api/profile HTTP/1.1", "".join(f"X-H{i}: v\r\n" for i in range(200))
        ),
        "latin-1 token": req("GET /api/profile HTTP/1.1").replace(
            b"Connection", b"Authorization: Bearer \xe9\xff\r\nConnection"
        ),
        "control character in token": req(
            "GET /api/profile HTTP/1.1", "Authorization: Bearer \x7f\r\n"
        ),
        "unknown http version": req("GET /api/profile HTTP/9.9"),
        "utf-8 path": req("GET /api/\u00e9\u00e9 HTTP/1.1"),
        "absolute uri": req("GET http://evil.example/api/health HTTP/1.1"),
        "dot segments": req("GET /api/../api/profile HTTP/1.1", f"Authorization: {auth}\r\n"),
        "static traversal": req("GET /assets/..%2f..%2f..%2fetc%2fpasswd HTTP/1.1"),
        "encoded traversal": req("GET /..%2f..%2fapp.py HTTP/1.1"),
        "upload folder": req("GET /uploads/ HTTP/1.1"),
    }


def run(url: str, new_user: Callable[[str], dict[str, str]]) -> Battery:
    """Send the whole battery to the server at url; return what was tried and what broke."""
    battery = Battery(url)
    session = requests.Session()
    auth = new_user("wirebattery")["Authorization"]

    def send(method: str, path: str, **kwargs) -> Callable[[], requests.Response]:
        kwargs.setdefault("headers", {"Authorization": auth})
        return lambda: session.request(method, url + path, timeout=60, **kwargs)

    for path, (name, body), kind in itertools.product(JSON_ROUTES, BODIES.items(), CONTENT_TYPES):
        headers = {"Authorization": auth, "Content-Type": kind}
        battery.check(f"POST {path} {name} {kind}", send("POST", path, data=body, headers=headers))
    for path, query in itertools.product(GET_ROUTES, QUERIES):
        battery.check(f"GET {path}?{query[:30]}", send("GET", f"{path}?{query}"))
    for sid, finish in itertools.product(SESSION_IDS, (False, True)):
        method, path = ("POST", f"/{sid}/finish") if finish else ("GET", f"/{sid}")
        battery.check(
            f"{method} session {sid[:20]}", send(method, "/api/interview/sessions" + path)
        )
    tokens = [
        "Bearer",
        "Bearer ",
        "Bearer a.b.c",
        "Bearer " + "a" * 100_000,
        "Basic Zm9vOmJhcg==",
        "bearer " + auth.split()[1],
        auth + " extra",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
    ]
    for token, path in itertools.product(tokens, ["/api/profile", "/api/mastery"]):
        battery.check(f"token {token[:24]!r}", send("GET", path, headers={"Authorization": token}))
    pdf = hostile.text_pdf(["Wire Battery", "SKILLS", "Go, Python, PostgreSQL"])
    for name in UPLOAD_NAMES:
        files = {"resume": (name, pdf, "application/pdf")}
        battery.check(
            f"upload named {name[:24]!r}",
            send("POST", "/api/upload_resume", files=files, data={"job_description": JOB}),
        )
    fields: list[dict] = [
        {},
        {"job_description": ""},
        {"job_description": "\x00" * 100},
        {"job_description": "a" * 2_000_000},
        {"job_description": b"\xed\xa0\x80 \xff\xfe"},
    ]
    parts: list[dict | None] = [
        None,
        {"resume": ("a.pdf", b"", "application/pdf")},
        {"resume": ("a.pdf", pdf, "text/html")},
        {"other": ("a.pdf", pdf, "application/pdf")},
        {"resume": ("a.pdf", pdf[:200], "application/pdf")},
    ]
    for form, files in itertools.product(fields, parts):
        battery.check(
            f"upload fields {list(form)} parts {list(files or {})}",
            send("POST", "/api/upload_resume", files=files, data=form),
        )
    twice = [("resume", ("a.pdf", pdf, "application/pdf")), ("resume", ("b.pdf", pdf, "x/y"))]
    battery.check(
        "upload with two resumes",
        send("POST", "/api/upload_resume", files=twice, data=[("job_description", JOB)] * 2),
    )
    host = url.split("//")[1]
    for label, request in _raw_requests(host, auth).items():
        battery.raw(label, request)
    # Logging out revokes the token: last, with a fresh account after each success.
    for name, body in BODIES.items():
        headers = {"Authorization": auth, "Content-Type": "application/json"}
        status = battery.check(
            f"logout {name}", send("POST", "/api/logout", data=body, headers=headers)
        )
        if status == 200:
            auth = new_user(f"wire{len(battery.bad)}{name[:6]}".replace("-", ""))["Authorization"]
    battery.check("profile afterwards", send("GET", "/api/profile"))
    return battery
