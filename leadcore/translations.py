"""The Russian catalogue of the back office: where it lives, how it is rebuilt, what makes it complete."""

import gettext
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings

LANGUAGE = "ru"
# Sources that are not the product's: the virtualenv, tests, collected static files, screenshots.
IGNORED = (".venv/*", "tests/*", "static/*", "test-artifacts/*", "docs/*")
MAKEMESSAGES = ["makemessages", "-l", LANGUAGE, "--no-location", "--no-obsolete"] + [
    arg for pattern in IGNORED for arg in ("-i", pattern)
]


def catalogue_dir(root: Path | None = None) -> Path:
    return (root or Path(settings.BASE_DIR)) / "locale" / LANGUAGE / "LC_MESSAGES"


def _needs_gettext() -> None:
    for tool in ("xgettext", "msgmerge", "msgfmt", "msgattrib"):
        if not shutil.which(tool):
            raise RuntimeError(f"GNU gettext is missing ({tool}): apt-get install gettext")


def _run(*args: str, cwd: Path) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


def problems() -> list[str]:
    """What keeps the committed catalogue from being complete and compiled, in words; [] when it is."""
    _needs_gettext()
    base = Path(settings.BASE_DIR)
    found = []
    with tempfile.TemporaryDirectory() as temp:
        # Extract from a copy, so that checking never rewrites the working tree.
        copy = Path(temp) / "src"
        shutil.copytree(
            base,
            copy,
            ignore=shutil.ignore_patterns(
                ".git", ".venv", "static", "test-artifacts", "docs", "*.sqlite3", "__pycache__"
            ),
        )
        _run(sys.executable, "manage.py", *MAKEMESSAGES, cwd=copy)
        fresh = catalogue_dir(copy) / "django.po"
        for flag, what in (("--untranslated", "untranslated"), ("--only-fuzzy", "fuzzy")):
            listed = _run("msgattrib", flag, "--no-obsolete", "--no-location", str(fresh), cwd=copy)
            found += [f"{what}: {msgid}" for msgid in _msgids(listed)]
        compiled = Path(temp) / "django.mo"
        _run("msgfmt", "--check-format", "-o", str(compiled), str(catalogue_dir(base) / "django.po"), cwd=base)
        if _catalog(compiled) != _catalog(catalogue_dir(base) / "django.mo"):
            found.append("django.mo is older than django.po: run `make messages`")
    return found


def _msgids(po_text: str) -> list[str]:
    """The msgids of a catalogue's entries, continuation lines joined; the header (empty msgid) left out."""
    msgids, current = [], None
    for line in po_text.splitlines():
        if line.startswith("msgid "):
            current = [line[6:]]
        elif current is not None and line.startswith('"'):
            current.append(line)
        elif current is not None:
            text = "".join(part.strip('"') for part in current)
            if text:
                msgids.append(f'"{text}"')
            current = None
    return msgids


def _catalog(mo: Path) -> dict:
    if not mo.is_file():
        return {}
    with mo.open("rb") as handle:
        # The parsed catalogue has no public accessor; typeshed leaves the private attribute out.
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
