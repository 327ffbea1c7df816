"""Generated values for every query parameter, form field and JSON field: never a 5xx.

Each answer must be a 2xx or a status the OpenAPI document lists for that operation, in the one
error shape. The fields come from the document itself, so a new field is fuzzed without edits.
"""

from __future__ import annotations

import io
from functools import cache
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import hostile

# Every operation of the API; test_every_operation_is_fuzzed keeps this list complete.
OPERATIONS = [
    ("post", "/api/register"),
    ("post", "/api/login"),
    ("post", "/api/refresh"),
    ("post", "/api/logout"),
    ("get", "/api/profile"),
    ("post", "/api/update_profile"),
    ("post", "/api/upload_resume"),
    ("get", "/api/resume/analysis"),
    ("post", "/api/resume/fit"),
    ("get", "/api/resume/search"),
    ("delete", "/api/resume"),
    ("get", "/api/health"),
    ("get", "/api/interview/questions"),
    ("post", "/api/interview/questions"),
    ("post", "/api/interview/answer"),
    ("get", "/api/mastery"),
    ("get", "/api/interview/history"),
    ("post", "/api/interview/sessions"),
    ("get", "/api/interview/sessions"),
    ("get", "/api/interview/sessions/{session_id}"),
    ("post", "/api/interview/sessions/{session_id}/finish"),
    ("get", "/api/report"),
]

# Text as a hostile client sends it: controls, NUL, odd digits ('²'), right-to-left marks.
TEXT = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", " ", "\x00", "\x01\x02", "²", "٣", "-1", "0", "21", "1e3", "5 ", "null", "🙂" * 3]
)
# Path parameters: real-looking ids, huge ones, and text that is no id at all.
PATH_VALUE = st.integers(min_value=-5, max_value=2**70).map(str) | TEXT.filter(
    lambda s: s and "/" not in s and "?" not in s and "#" not in s
)
# Text that is blank once control and format characters are removed.
INVISIBLE = st.text(st.sampled_from("\x00\x01\x1f\x7f\u200b\u2028 \t\n"), min_size=1, max_size=6)
# JSON strings may also carry lone surrogates (a "\ud800" escape).
JSON_TEXT = TEXT | st.text(st.characters(), max_size=10)
JSON_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | JSON_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(JSON_TEXT, inner, max_size=3),
    max_leaves=6,
)


@cache
def _pdf() -> bytes:
    return hostile.text_pdf(["Jane Doe", "SKILLS", "Python, SQL", "EXPERIENCE", "2019 - 2023"])


def _resolve(spec: dict, schema: dict) -> dict:
    if "$ref" in schema:
        return spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _json_bodies(spec: dict, schema: dict):
    fields = sorted(_resolve(spec, schema).get("properties", {}))
    objects = st.fixed_dictionaries({}, optional={f: JSON_VALUE for f in fields})
    with_extra = st.tuples(objects, JSON_TEXT, JSON_VALUE).map(lambda t: {**t[0], t[1]: t[2]})
    return objects | with_extra | JSON_VALUE


def _forms(spec: dict, schema: dict):
    fields = {}
    for name, prop in _resolve(spec, schema)["properties"].items():
        if prop.get("format") == "binary":
            content = st.just(_pdf()) | st.binary(max_size=64) | st.just(b"%PDF-1.4\n")
            fields[name] = st.tuples(content, TEXT.filter(lambda s: "\n" not in s) | st.just(""))
        else:
            fields[name] = TEXT | INVISIBLE | st.just("Python developer, 3+ years of SQL")
    return st.fixed_dictionaries({}, optional=fields)


def _request(client, spec, method, path, headers, data):
    operation = spec["paths"][path][method]
    kwargs: dict = {"headers": headers}
    for p in operation.get("parameters", []):
        if p["in"] == "path":
            value = quote(data.draw(PATH_VALUE), safe="")
            path = path.replace("{" + p["name"] + "}", value)
    params = [p for p in operation.get("parameters", []) if p["in"] == "query"]
    if params:
        kwargs["query_string"] = data.draw(
            st.fixed_dictionaries({}, optional={p["name"]: TEXT for p in params})
        )
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        kwargs["json"] = data.draw(_json_bodies(spec, content["application/json"]["schema"]))
    if "multipart/form-data" in content:
        form = data.draw(_forms(spec, content["multipart/form-data"]["schema"]))
        kwargs["data"] = {
            k: (io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v for k, v in form.items()
        }
        kwargs["content_type"] = "multipart/form-data"
    return client.open(path, method=method.upper(), **kwargs)


def _upload(client, headers, jd: str):
    return client.post(
        "/api/upload_resume",
        headers=headers,
        data={"resume": (io.BytesIO(_pdf()), "cv.pdf"), "job_description": jd},
        content_type="multipart/form-data",
    )


@pytest.fixture(scope="module")
def spec(app):
    return app.test_client().get("/api/openapi.json").get_json()


def test_every_operation_is_fuzzed(spec):
    documented = {(m, p) for p, item in spec["paths"].items() for m in item}
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_generated_inputs_get_a_documented_answer(client, spec, register, method, path):
    user = register()
    token = user["refresh_token"] if path == "/api/refresh" else user["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    if path.startswith("/api/resume"):
        # With a stored resume the search, fit and analysis routes run their whole path.
        assert _upload(client, headers, "Backend engineer, Python").status_code == 200
    if "{session_id}" in path:
        # A session of the caller's exists, so small generated ids reach a real one.
        body = {"kind": "technical", "count": 2}
        created = client.post("/api/interview/sessions", headers=headers, json=body)
        assert created.status_code == 201
    documented = {int(s) for s in spec["paths"][path][method]["responses"]}
    # Uploads run extraction and the model: fewer examples keep the whole file under a minute.
    examples = 25 if path == "/api/upload_resume" else 40

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def check(data):
        response = _request(client, spec, method, path, headers, data)
        assert response.status_code < 500, response.get_data(as_text=True)[:300]
        assert response.status_code < 300 or response.status_code in documented, (
            response.status_code,
            response.get_data(as_text=True)[:300],
        )
        # Only a route documented with another media type (the PDF report) answers non-JSON.
        ok = spec["paths"][path][method]["responses"].get(str(response.status_code), {})
        assert response.is_json or response.mimetype in ok.get("content", {})
        if response.status_code >= 400:
            body = response.get_json()
            assert body["success"] is False and body["message"]

    check()


@pytest.mark.parametrize("jd", ["\x00", "\x00 \x00", "\x01", "\u200b\u200b", " \x7f\n"])
def test_a_job_description_blank_without_control_characters_is_422(client, auth, jd):
    upload = _upload(client, auth, jd)
    assert upload.status_code == 422
    assert "job_description" in upload.get_json()["errors"]
    assert _upload(client, auth, "Backend engineer, Python").status_code == 200
    fit = client.post("/api/resume/fit", headers=auth, json={"job_description": jd})
    assert fit.status_code == 422
    assert "job_description" in fit.get_json()["errors"]


@pytest.mark.parametrize("k", ["²", "٣", "+3", " 3", "3.0", "1e1", "0x3", "99999999999999999999"])
def test_search_k_must_be_plain_digits(client, auth, k):
    assert _upload(client, auth, "Backend engineer, Python").status_code == 200
    response = client.get("/api/resume/search", headers=auth, query_string={"q": "python", "k": k})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"k": "must be an integer from 1 to 20"}


def test_lone_surrogates_in_json_are_422(client, auth):
    response = client.post(
        "/api/update_profile",
        headers={**auth, "Content-Type": "application/json"},
        data=b'{"full_name": "Jane \\ud800 Doe"}',
    )
    assert response.status_code == 422
    profile = client.get("/api/profile", headers=auth).get_json()["user"]
    assert profile["full_name"] == "John Doe"
