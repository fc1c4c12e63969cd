from django.core.management.base import BaseCommand

from leadcore.api.tokens import api_token_get_or_create


class Command(BaseCommand):
    help = "Create (or reuse) an API user NAME and print its token as the last word."

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, *args, name: str, **options):
        token = api_token_get_or_create(username=name)
        self.stdout.write(f"API token for {name}: {token.key}")
