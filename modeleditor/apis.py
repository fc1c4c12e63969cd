"""The Model Editor's API: the rules integrators must satisfy, and the reference lists."""

from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.views import APIView

from leadcore.api.envelope import ok
from modeleditor.choices import ChangeSource
from modeleditor.selectors import lookup_items, lookup_lists, required_rules
from modeleditor.services import required_rules_set

MODEL_EDITOR_PERMISSION = "modeleditor.use_model_editor"


class RequiredRulesApi(APIView):
    def get(self, request):
        return ok(required_rules())


class RequiredRulesUpdateApi(APIView):
    """Sets rules of one target for scripted deployments; the same service as the editor screen."""

    class InputSerializer(serializers.Serializer):
        fields = serializers.DictField(child=serializers.BooleanField(), allow_empty=False)

    def patch(self, request, target: str):
        if not request.user.has_perm(MODEL_EDITOR_PERMISSION):
            raise PermissionDenied("The Model Editor permission is required.")
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        required_rules_set(
            target=target,
            required=serializer.validated_data["fields"],
            changed_by=request.user,
            source=ChangeSource.API,
        )
        return ok(required_rules()[target])


class LookupListsApi(APIView):
    def get(self, request):
        return ok(lookup_lists())


class LookupItemsApi(APIView):
    def get(self, request, list_code: str):
        items = lookup_items(list_code)
        if items is None:
            raise NotFound(f"There is no reference list {list_code}.")
        return ok(items)
