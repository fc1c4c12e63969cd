from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModelEditorConfig(AppConfig):
    name = "modeleditor"
    verbose_name = _("Model Editor")
