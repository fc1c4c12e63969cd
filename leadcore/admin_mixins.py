"""Admin building blocks shared by the apps' back-office screens."""


class ReadOnlyAdminMixin:
    """A record of what happened (a lead, a merge, a rule change): shown, never added, edited or deleted."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
