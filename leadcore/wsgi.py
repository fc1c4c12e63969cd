import os

import django

from leadcore.handler import PathRoutedWSGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leadcore.settings")

# As django.core.wsgi.get_wsgi_application, with the handler that spares the API the back
# office's middleware (leadcore/handler.py).
django.setup(set_prefix=False)
application = PathRoutedWSGIHandler()
