from django.core.management.base import BaseCommand, CommandError

from clients.gar.services import gar_import


class Command(BaseCommand):
    help = (
        "Import an official GAR (FIAS) XML export into the embedded address directory: a folder or a zip "
        "with the root reference files and one folder per region. Idempotent; keeps current records only."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="export folder, one region's folder, or gar_xml.zip")
        parser.add_argument(
            "--region", action="append", dest="regions", help="region code to import (repeatable); default: all"
        )

    def handle(self, *args, path, regions, **options):
        try:
            report = gar_import(path=path, regions=regions, progress=self.stdout.write)
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"GAR export {report.version or '(no version.txt)'} imported: {report.rows_read} rows read "
                f"in {report.seconds:.1f}s ({report.rows_per_second:,.0f} rows/s)"
            )
        )
