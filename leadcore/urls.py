from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

api_v1 = [
    path("", include("leads.urls")),
    path("", include("clients.urls")),
    path("", include("clients.gar.urls")),
    path("", include("modeleditor.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(api_v1)),
    # The lending core's paths, which our users' integrations already call.
    path("bs-core/main/", include("leads.urls_core")),
    path("bs-core/main/", include("clients.gar.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/docs/",
        # The split view serves its start-up script as a file, so the CSP needs no inline script.
        login_required(SpectacularSwaggerSplitView.as_view(url_name="schema"), login_url="admin:login"),
        name="swagger-ui",
    ),
]

handler400 = "leadcore.api.handlers.bad_request"
handler403 = "leadcore.api.handlers.permission_denied"
handler404 = "leadcore.api.handlers.page_not_found"
handler500 = "leadcore.api.handlers.server_error"
