"""Read by gunicorn from the working directory (or `-c gunicorn.conf.py`)."""


def post_worker_init(worker):
    from leadcore.gunicorn_errors import install

    install()
