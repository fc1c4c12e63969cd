from django.core.management.base import BaseCommand

from leadcore.api.tokens import api_token_issue


class Command(BaseCommand):
    help = (
        "Issue a new API token for the API user NAME (created if need be), revoking its earlier ones. "
        "The token is shown this once, as the last word printed."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, *args, name: str, **options):
        issued = api_token_issue(username=name)
        if issued.revoked:
            self.stdout.write(f"The earlier token of {name} was revoked ({issued.revoked}).")
        self.stdout.write(f"API token for {name} (shown once, keep it): {issued.key}")
