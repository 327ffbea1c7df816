"""gunicorn settings, overridable through the environment (PORT, WEB_CONCURRENCY, ...)."""

import os
import threading

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Uploads extract, parse and embed within one request; leave room beyond the extraction limit.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# Recycle workers now and then: resident memory creeps up with uploads (bench/api_bench.py:
# about 510 MiB ready, 780 MiB after 32 uploads); jitter keeps workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"


def post_worker_init(worker):
    """Warm each worker as it starts (model, extraction server), so no first upload waits."""
    from app import recover_files
    from rag import embeddings
    from resume import extract, fit

    # Staged-file recovery runs here and in requests that write, never on reads.
    try:
        recover_files(worker.wsgi)
    except Exception:
        worker.log.exception("staged-file recovery failed; uploads will finish it")
    extract.warm_up()

    def warm() -> None:
        embeddings.get_model()
        fit.warm_up(embeddings.embed_texts)

    threading.Thread(target=warm, name="model-warmup", daemon=True).start()
