from django.urls import path

from modeleditor.apis import LookupItemsApi, LookupListsApi, RequiredRulesApi, RequiredRulesUpdateApi

urlpatterns = [
    path("model-editor/rules", RequiredRulesApi.as_view(), name="model-editor-rules"),
    path("model-editor/rules/<str:target>", RequiredRulesUpdateApi.as_view(), name="model-editor-rules-target"),
    path("lookups", LookupListsApi.as_view(), name="lookup-lists"),
    path("lookups/<str:list_code>", LookupItemsApi.as_view(), name="lookup-items"),
]
