from leadcore.api.routing import slash_optional
from leads import apis

# The lending core's own path for creating a lead.
urlpatterns = slash_optional("leads", apis.CoreLeadCreateApi.as_view(), "core-lead-create")
