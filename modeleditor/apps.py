from django.apps import AppConfig


class ModelEditorConfig(AppConfig):
    name = "modeleditor"
    verbose_name = "Model Editor"
