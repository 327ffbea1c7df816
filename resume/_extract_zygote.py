"""A small fork server for extraction children, and the client side that talks to it.

multiprocessing's own forkserver re-imports the caller's ``__main__`` in every child, which
is slow and, for a script that imports torch at the top, blows the child's memory limit. This
server is a separate, single-threaded interpreter that has imported only the extraction code;
for each request it forks a child that runs one extraction under resource limits and answers
on a socket handed over with the request. The caller can kill a child by pid at any time.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

_HEADER = struct.Struct("!I")
_PROJECT_ROOT = str(Path(__file__).resolve().parents[1])


class ChildFailed(Exception):
    """The child died or went silent before answering."""

    def __init__(self, timed_out: bool) -> None:
        super().__init__("timed out" if timed_out else "child died")
        self.timed_out = timed_out


# ---------------------------------------------------------------- server side


def serve(control_fd: int) -> None:
    """Fork one child per request received on the control socket, until the caller goes."""
    from resume import _extract_worker  # noqa: F401  (preload: children inherit the imports)

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    control = socket.socket(fileno=control_fd)
    while True:
        try:
            msg, fds, _flags, _addr = socket.recv_fds(control, 65536, 1)
        except InterruptedError:
            continue
        except OSError:
            return
        if not msg:
            return  # the caller closed its end or died
        if not fds:
            continue
        pid = os.fork()
        if pid == 0:
            control.close()
            _child(fds[0], json.loads(msg))
        os.close(fds[0])


def _child(fd: int, job: dict) -> None:
    """Run one extraction job in a forked child and exit without returning."""
    code = 0
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        conn = socket.socket(fileno=fd)
        conn.sendall(_HEADER.pack(os.getpid()))
        from resume import _extract_worker

        reply = _extract_worker.run_job(**job)
        data = json.dumps(reply).encode("utf-8")
        conn.sendall(_HEADER.pack(len(data)) + data)
        conn.close()
    except BaseException:  # noqa: BLE001  (a child must never fall back into the server loop)
        code = 1
    finally:
        os._exit(code)


def main() -> None:
    """Entry point of the fork-server process: serve on the fd given as the first argument."""
    serve(int(sys.argv[1]))


# ---------------------------------------------------------------- client side


class ForkServer:
    """Client handle for one fork-server process, started on first use, per caller process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._control: socket.socket | None = None
        self._owner = 0
        # A fork taken while another thread held the lock must not inherit it locked.
        os.register_at_fork(after_in_child=self._reset_lock)

    def _reset_lock(self) -> None:
        """Give a freshly forked process its own unlocked lock."""
        self._lock = threading.Lock()

    def _discard(self) -> None:
        """Drop the current server: close our end and kill it if it is ours and still running."""
        if self._owner == os.getpid():
            if self._control is not None:
                self._control.close()
            if self._proc is not None and self._proc.poll() is None:
                self._proc.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._proc.wait(2)
        elif self._control is not None:
            # Inherited across a fork: the server is the parent's; only our fd copy goes.
            self._control.close()
        self._control = None
        self._proc = None

    def _ensure(self) -> socket.socket:
        """Return the control socket, (re)starting the server if needed; call under the lock."""
        # After a fork (gunicorn workers) the inherited server belongs to the parent, so the
        # owner is checked before anything touches the process handle.
        usable = (
            self._owner == os.getpid()
            and self._control is not None
            and self._proc is not None
            and self._proc.poll() is None
        )
        if not usable:
            self._discard()
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            env = dict(os.environ)
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (_PROJECT_ROOT, env.get("PYTHONPATH", "")) if p
            )
            self._proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from resume._extract_zygote import main; main()",
                    str(theirs.fileno()),
                ],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                env=env,
                close_fds=True,
                start_new_session=True,
            )
            theirs.close()
            # A healthy server reads at once; a stuck one must not block the caller.
            ours.settimeout(5)
            self._control = ours
            self._owner = os.getpid()
        return self._control

    def start(self) -> None:
        """Start the server process if it is not running."""
        with self._lock:
            self._ensure()

    def run(self, job: dict, timeout: float) -> dict:
        """Run a job in a fresh child; return its reply or raise ChildFailed."""
        deadline = time.monotonic() + timeout
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            payload = json.dumps(job).encode("utf-8")
            with self._lock:
                for attempt in range(2):
                    control = self._ensure()
                    try:
                        socket.send_fds(control, [payload], [theirs.fileno()])
                        break
                    except OSError:
                        if attempt:
                            raise
                        self._discard()  # the server died or is stuck; start another once
            theirs.close()
            pid_bytes = _recv_exact(mine, _HEADER.size, deadline)
            if pid_bytes is None:
                raise ChildFailed(timed_out=time.monotonic() >= deadline)
            (pid,) = _HEADER.unpack(pid_bytes)
            head = _recv_exact(mine, _HEADER.size, deadline)
            body = _recv_exact(mine, _HEADER.unpack(head)[0], deadline) if head else None
            if body is None:
                timed_out = time.monotonic() >= deadline
                if timed_out:
                    # Still running: it is our child's child and has not answered, so it exists.
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                raise ChildFailed(timed_out=timed_out)
            return json.loads(body)
        finally:
            mine.close()
            if theirs.fileno() != -1:
                theirs.close()


def _recv_exact(sock: socket.socket, n: int, deadline: float) -> bytes | None:
    """Read exactly n bytes before the deadline; None on EOF or timeout."""
    buf = bytearray()
    while len(buf) < n:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(min(n - len(buf), 1 << 20))
        except TimeoutError:
            return None
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


if __name__ == "__main__":
    main()
