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


@pytest.fixture
def api_schema(app):
    loaded = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    loaded.config.generation.update(modes=MODES)
    return loaded


schema = schemathesis.pytest.from_fixture("api_schema")


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
def test_every_operation_conforms(case, auth):
    CASES[case.meta.generation.mode.value if case.meta else "explicit"] += 1
    OPERATIONS.add(case.operation.label)
    # Logging out would revoke the shared token halfway through; it is tested on its own.
    headers = {} if case.path == "/api/logout" else auth
    case.call_and_validate(
        headers={**headers, **(case.headers or {})},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
