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
        # One line: `make run` takes the last word of each line as the token.
        revoked = f" (its earlier token is revoked: {issued.revoked})" if issued.revoked else ""
        self.stdout.write(f"API token for {name}{revoked}, shown this once: {issued.key}")
