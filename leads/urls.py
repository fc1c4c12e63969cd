from leadcore.api.routing import slash_optional
from leads import apis

urlpatterns = [
    *slash_optional("leads", apis.LeadCreateApi.as_view(), "lead-create"),
    *slash_optional("leads/validate", apis.LeadValidateApi.as_view(), "lead-validate"),
    *slash_optional("leads/find/<str:lead_ids>", apis.LeadFindApi.as_view(), "lead-find"),
    *slash_optional("leads/<int:lead_id>", apis.LeadDetailApi.as_view(), "lead-detail"),
]
