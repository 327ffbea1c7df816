"""gunicorn's threaded worker, taking its share of connections from a shared listening socket.

With one listening socket shared by every worker, each new connection wakes them all and the
first to call accept() wins it. A worker already serving does not stop: it loops and accepts
the whole burst a load generator or a proxy opens at once, while its siblings idle (seen in 6
of 9 wrk runs of bench/accept_spread.py: all 8 connections on one worker, at a third of the
request rate). Kept-alive connections then stay where they landed.

Each worker publishes how many connections it holds in a small table shared by the workers
(an anonymous shared mapping made in the master before it forks them). A worker holding two or
more connections beyond its least busy sibling steps back from the socket for a moment, so that
sibling, woken by the same connection, accepts it (as nginx's accept_disabled, but relative to
the siblings: when every worker holds as many, nobody waits). The first connection after a
pause is always taken, so a sibling too busy to accept delays a connection by one pause at
most. With reuse_port (a socket per worker, spread by the kernel) or one worker it accepts
as gunicorn's own does.

It also answers HTTP-level trouble as the service would (gunicorn_http.py): a response that
leaves the request body unread closes the connection, a malformed body is a 400, and
gunicorn's own refusals are JSON.
"""

from __future__ import annotations

import mmap
import os
import time

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

from gunicorn_http import BodyGuard, write_json_error

# Pause per connection held beyond the least busy sibling's, and its cap: long enough for a
# sibling woken by the same connection to get its GIL and accept (Python's switch interval is
# 5 ms), short next to a request's time.
PAUSE_STEP_S = 0.002
PAUSE_MAX_S = 0.02
# Connections held per worker slot (-1: no live worker). Made at import, in the master.
SLOTS = 64
_HELD = memoryview(mmap.mmap(-1, SLOTS * 4)).cast("i")
for _slot in range(SLOTS):
    _HELD[_slot] = -1
# Master only: the worker each slot was last given to.
_OWNERS: dict[int, ThreadWorker] = {}


def _gone(worker: ThreadWorker) -> bool:
    pid = worker.pid
    if pid is None:  # being forked right now
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        pass
    return False


def _take_slot(worker: ThreadWorker) -> int | None:
    """Give a new worker the first slot no live worker holds, clearing dead workers' slots."""
    for slot, owner in list(_OWNERS.items()):
        if _gone(owner):
            del _OWNERS[slot]
            _HELD[slot] = -1
    for slot in range(SLOTS):
        if slot not in _OWNERS:
            _OWNERS[slot] = worker
            _HELD[slot] = 0
            return slot
    return None


class BalancedThreadWorker(ThreadWorker):
    """A gthread worker that lets a less busy sibling accept from the shared socket first."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # runs in the master, before the fork
        self._resume_at = 0.0
        self._owed = False
        balancing = self.cfg.workers > 1 and not self.cfg.reuse_port
        self._slot = _take_slot(self) if balancing else None

    def init_process(self) -> None:
        """Answer gunicorn's own refusals in JSON, then start serving (never returns)."""
        # Only gunicorn's handle_error calls util.write_error; this process is the worker's.
        util.write_error = write_json_error
        super().init_process()

    def load_wsgi(self) -> None:
        """Load the app behind the request-body guard."""
        super().load_wsgi()
        self.wsgi = BodyGuard(self.wsgi)

    def run(self) -> None:
        """Serve, and give the slot back on the way out."""
        try:
            super().run()
        finally:
            if self._slot is not None:
                _HELD[self._slot] = -1

    def _least_sibling(self) -> int | None:
        counts = [c for i, c in enumerate(_HELD) if c >= 0 and i != self._slot]
        return min(counts) if counts else None

    def accept(self, listener) -> None:
        """Accept one connection, or pause accepting while a sibling holds fewer."""
        if self._slot is not None:
            least = self._least_sibling()
            beyond = self.nr_conns - least if least is not None else 0
            if beyond >= 2:
                now = time.monotonic()
                # One connection queued when a pause ends is taken: the siblings had it.
                if self._owed and now <= self._resume_at + PAUSE_STEP_S:
                    self._owed = False
                else:
                    self._resume_at = now + min(beyond * PAUSE_STEP_S, PAUSE_MAX_S)
                    self._owed = True
                    super().set_accept_enabled(False)
                    return
        super().accept(listener)

    def set_accept_enabled(self, enabled: bool) -> None:
        """Turn accepting on or off; it stays off until a pause ends."""
        super().set_accept_enabled(enabled and time.monotonic() >= self._resume_at)

    def wait_for_and_dispatch_events(self, timeout: float) -> None:
        """Wait for events, no longer than the end of a pause; publish the connections held.

        Every accept and close runs in this dispatch, so publishing after it keeps the table
        current.
        """
        left = self._resume_at - time.monotonic()
        if left > 0 and not self._accepting:
            timeout = min(timeout, left)
        super().wait_for_and_dispatch_events(timeout)
        if self._slot is not None:
            _HELD[self._slot] = self.nr_conns
