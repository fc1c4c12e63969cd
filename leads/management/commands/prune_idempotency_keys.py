from django.core.management.base import BaseCommand

from leads.idempotency import idempotency_keys_prune


class Command(BaseCommand):
    help = "Delete Idempotency-Keys older than IDEMPOTENCY_KEY_TTL (run it daily, from cron or a timer)."

    def handle(self, *args, **options):
        deleted = idempotency_keys_prune()
        self.stdout.write(f"Deleted {deleted} expired idempotency key(s).")
