"""Production settings of gunicorn, read from the working directory (or `-c gunicorn.conf.py`).

The reasoning is in README.md (Production). Command-line flags override these, as the
side-by-side benchmark's `-w 2 -k sync` does.
"""

import os

# A lead is CPU work in Python between short database round trips, behind a proxy that buffers
# slow clients: sync workers, one request each, and no GIL shared between requests. Two per core
# plus one keeps a core busy while another worker waits on PostgreSQL. WEB_CONCURRENCY overrides;
# each worker keeps one PostgreSQL connection (CONN_MAX_AGE), so workers × servers must stay
# below the database's max_connections.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
worker_class = "sync"

# 30 s: `leads.idempotency.STALE_AFTER` counts on no request living longer than this.
timeout = 30
graceful_timeout = 30
# No keepalive: gunicorn's sync workers close the connection after each response whatever it
# says (only threaded and async workers keep connections); the proxy opens one per request.

# Insurance against slow growth (a library's cache, fragmentation): a worker is replaced after
# this many requests, at a random point of the jitter so that workers do not restart together.
# Memory measured flat over 20,000 leads (README, Benchmarks), so this is rare.
max_requests = 20_000
max_requests_jitter = 2_000

# The heartbeat file on a RAM disk: a slow or full disk must not make the arbiter kill workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


def post_worker_init(worker):
    import gc

    from leadcore.gunicorn_errors import install

    install()
    # Called once the worker has loaded the application. What it loaded (Django, the apps, the
    # URLconf) lives as long as the worker; frozen, it stays out of the collector's generations,
    # so the worker's first full collection no longer walks it: that was one ~50 ms pause in the
    # middle of a request (measured in-process, with gc.callbacks).
    gc.freeze()
