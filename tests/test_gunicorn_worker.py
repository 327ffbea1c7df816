"""The connection table the balanced gunicorn worker shares with its siblings."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pytest

import gunicorn_worker as gw


@pytest.fixture(autouse=True)
def _empty_table():
    saved = dict(gw._OWNERS)
    gw._OWNERS.clear()
    yield
    gw._OWNERS.clear()
    gw._OWNERS.update(saved)
    for slot in range(gw.SLOTS):
        gw._HELD[slot] = -1


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_each_live_worker_gets_its_own_slot_starting_at_zero_connections():
    first, second = SimpleNamespace(pid=None), SimpleNamespace(pid=None)
    assert gw._take_slot(first) == 0
    assert gw._take_slot(second) == 1
    assert [gw._HELD[0], gw._HELD[1], gw._HELD[2]] == [0, 0, -1]


def test_a_dead_workers_slot_is_cleared_and_given_to_its_replacement():
    dead, alive = SimpleNamespace(pid=None), SimpleNamespace(pid=None)
    assert gw._take_slot(dead) == 0
    assert gw._take_slot(alive) == 1
    dead.pid = _dead_pid()  # forked, then killed
    gw._HELD[0] = 7  # the count it left behind when it was killed
    replacement = SimpleNamespace(pid=None)
    assert gw._take_slot(replacement) == 0
    assert gw._HELD[0] == 0
    assert gw._OWNERS[1] is alive


def test_no_slot_is_given_once_the_table_is_full():
    for _ in range(gw.SLOTS):
        assert gw._take_slot(SimpleNamespace(pid=None)) is not None
    assert gw._take_slot(SimpleNamespace(pid=None)) is None
