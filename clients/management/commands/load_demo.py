from django.core.management.base import BaseCommand

from clients.services.demo import demo_setup


class Command(BaseCommand):
    help = "Create the demo legal entity, manager 1010812 and an admin user (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument("--admin-password", default="admin")

    def handle(self, *args, **options):
        demo = demo_setup(admin_username=options["admin_username"], admin_password=options["admin_password"])
        self.stdout.write(f"Legal entity: {demo.legal_entity} (id {demo.legal_entity.pk})")
        self.stdout.write(f"Manager: {demo.manager.pk}")
        state = "created" if demo.admin_created else "already there"
        self.stdout.write(f"Admin user {options['admin_username']!r}: {state}")
