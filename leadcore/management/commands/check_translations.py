"""Fails when a back-office string has no Russian translation, or the compiled catalogue is stale.

With --update it first rewrites the catalogue from the sources (new strings added untranslated,
vanished ones dropped) and compiles it, so a translator only fills in the listed msgstr lines.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from leadcore.translations import LANGUAGE, MAKEMESSAGES, problems


class Command(BaseCommand):
    help = "Checks that every gettext string has a Russian translation and that django.mo matches django.po."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="regenerate django.po and django.mo first")

    def handle(self, *args, update: bool = False, **options):
        try:
            if update:
                call_command(*MAKEMESSAGES, verbosity=0)
                call_command("compilemessages", "-l", LANGUAGE, "-i", ".venv", verbosity=0)
            found = problems()
        except RuntimeError as missing_tool:
            raise CommandError(str(missing_tool)) from missing_tool
        if found:
            raise CommandError("The Russian catalogue is incomplete:\n" + "\n".join(found))
        self.stdout.write("The Russian catalogue is complete and compiled.")
