"""gunicorn's threaded worker, taking its share of connections from a shared listening socket.

With one listening socket shared by every worker, each new connection wakes them all and the
first to call accept() wins it. A worker already serving does not stop: it loops and accepts
the whole burst a load generator or a proxy opens at once, while its siblings idle (seen in 5
of 10 wrk runs: all 8 connections on one worker). Kept-alive connections then stay where they
landed. This worker does what nginx's accept_disabled does: one holding a connection per
thread or more steps back from the socket for a moment, longer the more it holds, so a less
busy sibling takes the next connection. The first connection after a pause is always taken,
so nothing waits longer than a pause when every worker is busy. With reuse_port (a socket
per worker, spread by the kernel) or a single worker it accepts as gunicorn's does.
"""

from __future__ import annotations

import time

from gunicorn.workers.gthread import ThreadWorker

# Pause per connection held beyond one per thread, and its cap: long enough for a sibling
# woken by the same connection to get the GIL and accept it (Python's switch interval is
# 5 ms), short next to a request's time when every worker is busy.
PAUSE_STEP_S = 0.002
PAUSE_MAX_S = 0.02


class BalancedThreadWorker(ThreadWorker):
    """A gthread worker that lets a less busy sibling accept from the shared socket first."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._resume_at = 0.0
        self._owed = False
        self._balancing = self.cfg.workers > 1 and not self.cfg.reuse_port

    def accept(self, listener) -> None:
        """Accept one connection, or pause accepting while this worker holds its share."""
        held_beyond = self.nr_conns - self.cfg.threads + 1
        if self._balancing and held_beyond > 0:
            now = time.monotonic()
            # One connection queued when a pause ends is taken: the siblings had their chance.
            if self._owed and now <= self._resume_at + PAUSE_STEP_S:
                self._owed = False
            else:
                self._resume_at = now + min(held_beyond * PAUSE_STEP_S, PAUSE_MAX_S)
                self._owed = True
                super().set_accept_enabled(False)
                return
        super().accept(listener)

    def set_accept_enabled(self, enabled: bool) -> None:
        """Turn accepting on or off; it stays off until a pause ends."""
        super().set_accept_enabled(enabled and time.monotonic() >= self._resume_at)

    def wait_for_and_dispatch_events(self, timeout: float) -> None:
        """Wait for events, no longer than the end of a pause, then end it if due."""
        left = self._resume_at - time.monotonic()
        if left > 0 and not self._accepting:
            timeout = min(timeout, left)
        super().wait_for_and_dispatch_events(timeout)
