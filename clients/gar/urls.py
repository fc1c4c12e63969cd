from django.urls import re_path

from clients.gar import apis

# With and without the trailing slash: integrators' clients do not follow redirects.
urlpatterns = [
    re_path(r"^addresses/fias/?$", apis.AddressLookupApi.as_view(), name="address-fias-lookup"),
]
