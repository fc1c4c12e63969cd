from django.core.management.base import BaseCommand, CommandError

from leadcore.errors import DomainError
from modeleditor.choices import ChangeSource, Target
from modeleditor.services import required_rules_set


class Command(BaseCommand):
    help = "Makes one lead field required (on) or optional (off) for a target, e.g. client_person passport.issueDate on"

    def add_arguments(self, parser):
        parser.add_argument("target", choices=Target.values)
        parser.add_argument("path", help="JSON path of the lead field, e.g. passport.issueDate")
        parser.add_argument("state", choices=["on", "off"])

    def handle(self, *args, target: str, path: str, state: str, **options):
        is_required = state == "on"
        try:
            changes = required_rules_set(
                target=target, required={path: is_required}, changed_by=None, source=ChangeSource.COMMAND
            )
        except DomainError as exc:
            raise CommandError(" ".join(p.message for p in exc.problems)) from None
        word = "required" if is_required else "optional"
        if changes:
            self.stdout.write(self.style.SUCCESS(f"{path} is now {word} for {target}."))
        else:
            self.stdout.write(f"{path} was already {word} for {target}.")
