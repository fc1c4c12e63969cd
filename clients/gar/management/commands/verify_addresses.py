from collections import Counter

from django.core.management.base import BaseCommand

from clients.gar.services import VerifyOutcome, address_verify
from clients.models import Address, AddressVerification


class Command(BaseCommand):
    help = "Complete addresses stored unverified (directory unreachable at intake) from the address directory."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="look at most this many addresses")

    def handle(self, *args, limit, **options):
        pending = Address.objects.filter(verification=AddressVerification.UNVERIFIED, fias_id__isnull=False)
        total = pending.count()
        outcomes: Counter[VerifyOutcome] = Counter()
        for address in pending.order_by("pk")[:limit].iterator():
            outcome = address_verify(address=address)
            outcomes[outcome] += 1
            if outcome in (VerifyOutcome.NOT_FOUND, VerifyOutcome.MISMATCH):
                self.stdout.write(f"address {address.pk} (client {address.client_id}): {outcome}, left unverified")
            if outcome == VerifyOutcome.UNREACHABLE:
                # Every further look-up would wait out the same timeouts; the next run picks up here.
                break
        verified = outcomes[VerifyOutcome.VERIFIED]
        self.stdout.write(
            f"verified {verified}, not found {outcomes[VerifyOutcome.NOT_FOUND]}, "
            f"mismatch {outcomes[VerifyOutcome.MISMATCH]}, "
            f"directory unreachable {outcomes[VerifyOutcome.UNREACHABLE]}; "
            f"{total - verified} of {total} still unverified"
        )
