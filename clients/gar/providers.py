"""The address directory provider in use, chosen by `ADDRESS_DIRECTORY`."""

from django.conf import settings

from clients.gar.dadata import dadata_directory
from clients.gar.directory import AddressDirectory
from clients.gar.embedded import EmbeddedDirectory


def get_directory() -> AddressDirectory:
    if settings.ADDRESS_DIRECTORY == "dadata":
        return dadata_directory(
            base_url=settings.DADATA_BASE_URL,
            api_key=settings.DADATA_API_KEY,
            timeout=settings.DADATA_TIMEOUT_SECONDS,
            retries=settings.DADATA_RETRIES,
            backoff=settings.DADATA_BACKOFF_SECONDS,
        )
    if settings.ADDRESS_DIRECTORY == "embedded":
        return EmbeddedDirectory()
    raise ValueError(f"ADDRESS_DIRECTORY must be 'embedded' or 'dadata', not {settings.ADDRESS_DIRECTORY!r}")
