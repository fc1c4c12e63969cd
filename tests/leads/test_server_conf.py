"""The production server's settings (`gunicorn.conf.py`) as a worker applies them."""

import gc
import runpy
from pathlib import Path

from gunicorn import util

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_it_keeps_what_a_worker_loaded_out_of_the_collectors_walks():
    """A worker's first full collection walked all of Django and the apps: one ~50 ms pause in
    the middle of a request (measured). Frozen once loaded, they are never walked."""
    conf = runpy.run_path(str(CONF))
    write_error = util.write_error
    gc.unfreeze()
    try:
        conf["post_worker_init"](None)

        assert gc.get_freeze_count() > 0
        assert util.write_error is not write_error
    finally:
        gc.unfreeze()
        util.write_error = write_error
