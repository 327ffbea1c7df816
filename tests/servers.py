"""Real processes for end-to-end tests: gunicorn, a private PostgreSQL cluster or database, Redis.

Nothing here touches the machine's own PostgreSQL or Redis servers beyond creating and dropping
one private database: a test that stops or kills a server starts its own first.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests import hostile

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
JD = "Backend engineer with 3+ years of Python, PostgreSQL and Docker."
MACHINE_POSTGRES = "postgresql://postgres@127.0.0.1:5432"
MACHINE_REDIS = "redis://127.0.0.1:6379"
# Hosts that share a database must sign tokens with the same keys.
SHARED_SECRETS = {"SECRET_KEY": "s" * 40, "JWT_SECRET_KEY": "j" * 40}


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resume(marker: str, skill: str) -> bytes:
    """Return a small real PDF resume whose every section names the marker."""
    return hostile.text_pdf(
        [
            f"{marker} Person",
            "EXPERIENCE",
            f"Engineer at {marker} Corp",
            "Jan 2019 - Present",
            f"Built {marker} systems in {skill} and Python on PostgreSQL.",
            "SKILLS",
            f"{skill}, Python, PostgreSQL",
            "EDUCATION",
            f"{marker} University - BSc, 2014 - 2018",
        ]
    )


def server_env(base: Path, port: int, **settings: str) -> dict[str, str]:
    """Return the environment of a server keeping everything under base unless overridden."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{base / 'app.db'}",
        "UPLOAD_FOLDER": str(base / "uploads"),
        "DATA_DIR": str(base / "data"),
        "INSTANCE_DIR": str(base),
        "RATELIMIT_ENABLED": "0",
        "PORT": str(port),
        "HF_HUB_OFFLINE": "1",
        **settings,
    }
    env.pop("TEST_DATABASE_URL", None)
    return env


def migrate(env: dict[str, str]) -> None:
    """Create the schema the environment's DATABASE_URL names, through the real migrations."""
    subprocess.run([BIN / "flask", "--app", "app", "db", "upgrade"], cwd=ROOT, env=env, check=True)


@contextlib.contextmanager
def running_server(base: Path, *, upgrade: bool = True, **settings: str):
    """Run gunicorn with its state in base (settings override); yield its URL and process."""
    base.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = server_env(base, port, **settings)
    if upgrade:
        migrate(env)
    with open(base / "gunicorn.log", "w") as log:
        proc = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "app:create_app()"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_ready(url, proc)
            yield url, proc
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def wait_ready(url: str, proc: subprocess.Popen, seconds: float = 180) -> None:
    """Wait until the server answers healthy, with its model loaded, several times in a row."""
    deadline = time.monotonic() + seconds
    ready = 0
    while time.monotonic() < deadline:
        assert proc.poll() is None, "gunicorn exited"
        try:
            body = requests.get(f"{url}/api/health", timeout=2).json()
            # Several answers in a row, so every worker is likely to be warm.
            ready = ready + 1 if body["model"] == "ready" else 0
            if ready >= 6:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise AssertionError("gunicorn did not become ready")


def workers(master_pid: int) -> list[int]:
    """Return the pids of a gunicorn master's workers."""
    out = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout
    return sorted(int(p) for p in out.split())


def established_by_pid(pids: list[int], port: int) -> dict[int, int]:
    """Count each process's established TCP connections on the server's port (from /proc)."""
    inodes: dict[str, int] = {}
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes[target[8:-1]] = pid
    counts = dict.fromkeys(pids, 0)
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as fh:
            for row in list(fh)[1:]:
                fields = row.split()
                local_port = int(fields[1].rsplit(":", 1)[1], 16)
                # State 01 is ESTABLISHED; field 9 the socket's inode.
                if local_port == port and fields[3] == "01" and fields[9] in inodes:
                    counts[inodes[fields[9]]] += 1
    return counts


def register(url: str, name: str) -> dict[str, str]:
    """Register a user through the server; return its Authorization header."""
    body = {"username": name, "email": f"{name}@example.com", "password": "a-long-password"}
    response = requests.post(f"{url}/api/register", json=body, timeout=60)
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def upload(url: str, headers: dict, content: bytes, name: str) -> requests.Response:
    """Upload a resume with the standard job description."""
    return requests.post(
        f"{url}/api/upload_resume",
        headers=headers,
        files={"resume": (name, content, "application/octet-stream")},
        data={"job_description": JD},
        timeout=120,
    )


def assert_error_shape(response: requests.Response, status: int) -> dict:
    """Assert the response is the one JSON error shape with this status; return its body."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["success"] is False
    assert isinstance(body["message"], str) and body["message"]
    return body


# ------------------------------------------------------------------ PostgreSQL


def machine_postgres_or_skip() -> None:
    """Skip the test when the machine's PostgreSQL does not answer."""
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(f"{MACHINE_POSTGRES}/postgres", connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL on 127.0.0.1:5432: {exc}")


@contextlib.contextmanager
def private_database(prefix: str) -> Iterator[str]:
    """Create a database of our own on the machine's PostgreSQL; yield its URL, then drop it."""
    import psycopg

    machine_postgres_or_skip()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{MACHINE_POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{MACHINE_POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{MACHINE_POSTGRES}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


class PrivateCluster:
    """A PostgreSQL cluster of our own (initdb in a temp dir, trust auth, a free port)."""

    def __init__(self) -> None:
        """Find the binaries and prepare a data directory the server may own."""
        bindir = _postgres_bin()
        if bindir is None:
            pytest.skip("PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are not installed")
        self.bin = bindir
        self.port = free_port()
        # PostgreSQL refuses to run as root: as root, the cluster belongs to `postgres`.
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.run_as and not (shutil.which("runuser") and _has_user("postgres")):
            pytest.skip("running as root needs runuser and a `postgres` user for the cluster")
        self.dir = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        if self.run_as:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.run_as, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        """Create the cluster."""
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        """Stop the server, disconnecting every client (a fast shutdown)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete the cluster."""
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    """Yield a started private PostgreSQL cluster; remove it afterwards."""
    cluster = PrivateCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


# ----------------------------------------------------------------------- Redis


class PrivateRedis:
    """A redis-server of our own on a free port, without persistence."""

    def __init__(self) -> None:
        """Find redis-server and choose a port."""
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.binary = binary
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        import redis

        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.exceptions.ConnectionError):
                if client.ping():
                    return
            time.sleep(0.1)
        raise AssertionError("private redis-server did not start")

    def kill(self) -> None:
        """Kill the server at once (SIGKILL)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def dbsize(self) -> int:
        """Return the number of keys the server holds."""
        import redis

        return int(redis.Redis(port=self.port).dbsize())


@contextlib.contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    """Yield a started private Redis; kill it afterwards."""
    server = PrivateRedis()
    try:
        server.start()
        yield server
    finally:
        server.kill()
