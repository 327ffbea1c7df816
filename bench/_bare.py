"""The floor for profile throughput: a bare Flask route returning a fixed JSON body."""

from __future__ import annotations

import json
import os

from flask import Flask, jsonify

app = Flask(__name__)
app.json.sort_keys = False
# The body the real GET /api/profile returned, handed over by bench/throughput.py.
BODY = json.loads(os.environ.get("BARE_BODY", '{"user": {}}'))


@app.get("/api/profile")
def profile():
    """Return the same JSON the real route returns, without auth, database or validation."""
    return jsonify(BODY)
