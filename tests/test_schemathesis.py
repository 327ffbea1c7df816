"""Property-based contract test: every operation, real token, no 5xx, responses match the schema.

Both of schemathesis' generation modes run: positive (data the document allows) and negative
(data it forbids, which must be refused with a documented 4xx). The cases tried per mode are
counted and printed at the end of the run (tests/conftest.py).
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

MODES = list(GenerationMode)
# Cases sent, by generation mode and by operation; read by the terminal summary.
CASES: Counter[str] = Counter()
OPERATIONS: set[str] = set()


def _document() -> dict:
    """Return the service's OpenAPI document, from an app made only to render it."""
    from app import create_app
    from config import TestConfig

    with create_app(TestConfig()).test_client() as client:
        return client.get("/api/openapi.json").get_json()


# Loaded at collection, not through schemathesis' lazy fixture loader, which pytest 9 breaks
# (it sets the removed `Node._nodeid`). Requests go to the test's own app (`app=` below).
schema = schemathesis.openapi.from_dict(_document())
schema.config.generation.update(modes=MODES)


@pytest.fixture(scope="module", autouse=True)
def _both_modes_ran():
    yield
    # Run as a whole (not one operation picked by -k), both modes must have produced cases.
    if len(OPERATIONS) > 10:
        assert all(CASES[mode.value] > 0 for mode in MODES), CASES


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_conforms(case, app, auth):
    CASES[case.meta.generation.mode.value if case.meta else "explicit"] += 1
    OPERATIONS.add(case.operation.label)
    # Logging out would revoke the shared token halfway through; it is tested on its own.
    headers = {} if case.path == "/api/logout" else auth
    case.call_and_validate(
        app=app,
        headers={**headers, **(case.headers or {})},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
