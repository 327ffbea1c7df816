"""gunicorn settings, overridable through the environment (PORT, WEB_CONCURRENCY, ...)."""

import ctypes
import ctypes.util
import os
import random
import select
import threading

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
# Workers = cores (2 here). Uploads are CPU-bound (extraction, embedding) and every worker holds
# its own model (about 300 MiB with ONNX, 650 MiB with torch): more workers than cores add
# memory and contention, not throughput (bench/api_bench.py: 2 clients on 2 workers 1.45x
# one client).
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Two threads per worker: an upload holds its thread for seconds, and with one thread every read
# routed to that worker would wait behind it (bench/load.py mixes both). More threads only add
# GIL contention on CPU-bound requests: `bench.load --threads 4` served 1,096 requests in 60 s
# against 1,165 with 2, with the same read latency. The bare-route ratio (bench/throughput.py)
# is measured with these same settings for both sides.
threads = int(os.environ.get("GUNICORN_THREADS", "2"))


# A listening socket per worker (SO_REUSEPORT): the kernel spreads new connections over the
# workers by their addresses. With gunicorn's one shared socket, the worker that wakes first
# accepts a burst of connections whole: wrk's 8 keep-alive connections all landed on one worker
# in 5 of 10 runs, leaving the other core idle (GET /api/profile about 700 against 1,900 req/s);
# with a socket per worker every run split them (2-6 each; 1,230-1,620 req/s). The catch: a
# worker that exits (recycled, or killed) takes the connections queued on its own socket with
# it, reset, unless the kernel moves them to a sibling socket (net.ipv4.tcp_migrate_req=1,
# Linux 5.14+). So GUNICORN_REUSE_PORT=auto (the default) turns it on only where that sysctl is
# 1 (deploy/compose.yaml sets it); 1 forces it on, 0 off. A retiring worker also takes what is
# queued on its socket and closes it before draining (post_request).
def _reuse_port(setting: str) -> bool:
    if setting in ("0", "1"):
        return setting == "1"
    try:
        with open("/proc/sys/net/ipv4/tcp_migrate_req") as fh:
            return fh.read().strip() == "1"
    except OSError:
        return False


reuse_port = _reuse_port(os.environ.get("GUNICORN_REUSE_PORT", "auto").strip().lower())
# Where the socket is shared, gunicorn_worker.BalancedThreadWorker (gthread, threads above)
# spreads connections instead: a worker holding two or more connections beyond its least busy
# sibling steps back from the socket for a few milliseconds so that sibling accepts first.
# One worker took all of wrk's 8 connections in 1 of 21 runs (gthread: 6 of 9, at a third of
# the rate; bench/accept_spread.py); bench.load's 50 users served as many requests with either
# (1,500-1,700 in 60 s, gthread 1,556).
worker_class = "gunicorn_worker.BalancedThreadWorker"
# No preload: loading torch and the model in the master before fork is unsafe with its thread
# pools and the extraction fork server, and with workers recycled by uploads (below) rather than
# by requests a worker restart is rare, so its warm-up no longer costs throughput.
preload_app = False
# Uploads extract, parse and embed within one request; leave room beyond the extraction limit.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# Recycle a worker after a number of uploads, not of requests: resident memory creeps up with
# uploads (bench/api_bench.py: about 510 MiB ready, 780 MiB after 32 uploads), while reads do
# not grow it. gunicorn's own max_requests counted every request: under a read load of a few
# hundred req/s each worker was replaced every few seconds and the new one spent them loading
# the model and the occupation vectors - GET /api/profile ran at 0.04 x a bare Flask route
# (bench/throughput.py; py-spy showed 30% of the worker in the warm-up). Jitter keeps the
# workers from restarting together.
max_requests = 0
max_uploads = int(os.environ.get("GUNICORN_MAX_UPLOADS", "100"))
UPLOAD_PATHS = ("/api/upload_resume",)
accesslog = "-"
errorlog = "-"


# glibc gives each thread that allocates its own malloc arena (up to 8 per core), and each keeps
# the memory its thread freed: the request threads, ONNX Runtime's pool and the warm-up thread.
# Capping them at 2 lowered a worker's peak RSS after 17 uploads and 40 searches from 429 to
# 405-421 MiB (`python -m bench.worker_memory default MALLOC_ARENAS=0`, one run each);
# requests rarely allocate in parallel, so no speed is lost. MALLOC_ARENA_MAX in the
# environment does the same, but only if set before the master starts.
MALLOC_ARENAS = int(os.environ.get("MALLOC_ARENAS", "2"))
_M_ARENA_MAX = -8  # from glibc's malloc.h


def when_ready(server):
    """Say where the workers listen: with reuse_port the master's own "Listening at" is empty."""
    if reuse_port:
        server.log.info("Workers listen at %s, each on its own socket (reuse_port)", bind)


def post_fork(server, worker):
    """Cap glibc's malloc arenas in the new worker (see MALLOC_ARENAS)."""
    libc_name = ctypes.util.find_library("c")
    if MALLOC_ARENAS > 0 and libc_name:
        try:
            ctypes.CDLL(libc_name).mallopt(_M_ARENA_MAX, MALLOC_ARENAS)
        except (OSError, AttributeError):
            # Not glibc (musl, macOS): its allocator has no arenas to cap.
            worker.log.info("mallopt is not available; malloc arenas are not capped")


def post_worker_init(worker):
    """Warm each worker as it starts (model, extraction server), so no first upload waits."""
    from app import recover_files
    from rag import embeddings
    from resume import extract, fit

    # Staged-file recovery runs here and in requests that write, never on reads.
    try:
        # The balanced worker serves the app behind gunicorn_http.BodyGuard.
        recover_files(getattr(worker.wsgi, "app", worker.wsgi))
    except Exception:
        worker.log.exception("staged-file recovery failed; uploads will finish it")
    extract.warm_up()

    def warm() -> None:
        embeddings.get_model()
        fit.warm_up(embeddings.embed_texts)

    threading.Thread(target=warm, name="model-warmup", daemon=True).start()


def post_request(worker, req, environ, resp):
    """Count this worker's uploads; after its share, let it finish in-flight work and exit."""
    if max_uploads <= 0 or req.path not in UPLOAD_PATHS:
        return
    if not hasattr(worker, "uploads_left"):
        worker.uploads_left = max_uploads + random.randint(0, max(max_uploads // 10, 0))
    worker.uploads_left -= 1
    if worker.uploads_left <= 0:
        worker.log.info("worker %s recycled after %s uploads", worker.pid, max_uploads)
        if reuse_port and hasattr(worker, "method_queue"):
            # Its own socket would keep taking new connections while it drains, and the kernel
            # resets those when it exits. The poller belongs to the worker's main thread.
            worker.method_queue.defer(_close_listeners, worker)
        worker.alive = False


def _close_listeners(worker):
    """Stop a gthread worker accepting for good: serve what is queued, close its sockets."""
    worker.worker_connections = 0  # its loop never turns accepting back on
    worker.set_accept_enabled(False)
    for listener in worker.sockets:
        # Closing a socket resets the connections queued on it: take them first (the drain
        # serves them); only one arriving between the last accept and the close can be lost.
        while select.select([listener], [], [], 0)[0]:
            queued = worker.nr_conns
            worker.accept(listener)
            if worker.nr_conns == queued:
                break
        listener.close()
