"""The FIAS ids this process has looked up in the embedded directory, kept until the directory changes.

Every lead with a FIAS address reads its object and chain: a round trip and the building of the
address, about 8 % of a lead's CPU in the server process and 8 % in its database (README,
Benchmarks). The same ids come back: a returning client, the neighbours of a block of flats, the
houses a partner shop's customers live in. The answers are kept with the Model Editor's version,
which every change of the directory moves (`clients.gar.services`), so each process drops them on
its first request after an import. An API request's opening statement has already read that
version: asking costs no query. Only found addresses are kept; an unknown id is read again each
time, as it may be imported.
"""

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings

from clients.gar.directory import DirectoryAddress
from modeleditor.cache import config_snapshot

_lock = threading.Lock()
_kept: OrderedDict[uuid.UUID, DirectoryAddress] = OrderedDict()
_kept_version: int | None = None


def kept_lookup(fias_id: str, read: Callable[[str], DirectoryAddress | None]) -> DirectoryAddress | None:
    """`read(fias_id)`, or its answer kept from an earlier call under the same directory version.
    `GAR_LOOKUP_CACHE_SIZE` answers are kept at most, the least recently asked dropped first."""
    global _kept_version
    size = settings.GAR_LOOKUP_CACHE_SIZE
    if size <= 0:
        return read(fias_id)
    try:
        key = uuid.UUID(fias_id)
    except ValueError:
        return read(fias_id)  # no such id: the read answers it
    version = config_snapshot().version
    with _lock:
        if _kept_version != version:
            _kept.clear()
            _kept_version = version
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    found = read(fias_id)
    if found is not None:
        with _lock:
            # Another thread may have seen a newer version meanwhile: then this answer may be stale.
            if _kept_version == version:
                _kept[key] = found
                while len(_kept) > size:
                    _kept.popitem(last=False)
    return found
