from django.core.management.base import BaseCommand

from clients.services.demo import demo_setup


class Command(BaseCommand):
    help = "Create the demo legal entity, manager 1010812, an admin and an operator user (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument("--admin-password", default="admin")
        parser.add_argument("--operator-username", default="operator")
        parser.add_argument("--operator-password", default="operator")

    def handle(self, *args, **options):
        demo = demo_setup(
            admin_username=options["admin_username"],
            admin_password=options["admin_password"],
            operator_username=options["operator_username"],
            operator_password=options["operator_password"],
        )
        self.stdout.write(f"Legal entity: {demo.legal_entity} (id {demo.legal_entity.pk})")
        self.stdout.write(f"Manager: {demo.manager.pk}")
        for role, created in (("admin", demo.admin_created), ("operator", demo.operator_created)):
            state = "created" if created else "already there"
            self.stdout.write(f"{role.capitalize()} user {options[role + '_username']!r}: {state}")
