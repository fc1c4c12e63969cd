"""Django admin phrases that our catalogue words differently in Russian.

Django's Russian puts the model's name, in the nominative, where Russian grammar needs the
accusative ("Выберите заявка на заём для изменения"). Our catalogue (LOCALE_PATHS wins over
Django's own) rewords these so that any model name fits: "Выберите запись для изменения: заявка
на заём". Listed here so that `makemessages` keeps them in the catalogue.
"""

from django.utils.translation import gettext_noop

REWORDED = (
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Changed {fields} for {name} “{object}”."),
)
