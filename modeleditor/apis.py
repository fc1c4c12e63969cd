"""The Model Editor's API: the rules integrators must satisfy, and the reference lists."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from leadcore.api.envelope import ok
from leadcore.api.errors import not_found, permission_denied
from leadcore.api.inputs import api_user
from leadcore.api.schema import enveloped, errors
from modeleditor.choices import ChangeSource, Target
from modeleditor.models import MODEL_EDITOR_PERMISSION, ReferenceList
from modeleditor.selectors import lookup_items, lookup_lists, required_rules
from modeleditor.services import required_rules_set


class TargetRulesOut(serializers.Serializer):
    # The stubs see `Field.required` (a bool) here; DRF's metaclass takes declared fields off the class.
    required = serializers.ListField(  # type: ignore[assignment]
        child=serializers.CharField(), help_text="JSON paths a lead must carry."
    )
    locked = serializers.ListField(child=serializers.CharField(), help_text="Required paths no one can relax.")


class LookupListOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class LookupItemOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class RequiredRulesApi(APIView):
    @extend_schema(
        operation_id="model_editor_rules",
        responses=enveloped(
            "RequiredRulesOut", inline_serializer("RulesByTarget", {t: TargetRulesOut() for t in Target.values})
        ),
    )
    def get(self, request: Request) -> Response:
        return ok(required_rules())


class RequiredRulesUpdateApi(APIView):
    """Sets rules of one target for scripted deployments; the same service as the editor screen."""

    class InputSerializer(serializers.Serializer):
        rules = serializers.DictField(
            child=serializers.BooleanField(), allow_empty=False, help_text="JSON path → required."
        )

    @extend_schema(
        operation_id="model_editor_rules_update",
        parameters=[OpenApiParameter("target", str, OpenApiParameter.PATH, enum=Target.values)],
        request=InputSerializer,
        responses={200: enveloped("TargetRulesEnvelope", TargetRulesOut()), **errors(400, 403)},
    )
    def patch(self, request: Request, target: str) -> Response:
        if not request.user.has_perm(MODEL_EDITOR_PERMISSION):
            raise permission_denied("The Model Editor permission is required.")
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        required_rules_set(
            target=target,
            required=serializer.validated_data["rules"],
            changed_by=api_user(request),
            source=ChangeSource.API,
        )
        return ok(required_rules()[target])


class LookupListsApi(APIView):
    @extend_schema(operation_id="lookup_lists", responses=enveloped("LookupListsOut", LookupListOut(many=True)))
    def get(self, request: Request) -> Response:
        return ok(lookup_lists())


class LookupItemsApi(APIView):
    @extend_schema(
        operation_id="lookup_items",
        parameters=[OpenApiParameter("list_code", str, OpenApiParameter.PATH, enum=ReferenceList.values)],
        responses={200: enveloped("LookupItemsOut", LookupItemOut(many=True)), **errors(404)},
    )
    def get(self, request: Request, list_code: str) -> Response:
        items = lookup_items(list_code)
        if items is None:
            raise not_found(f"There is no reference list {list_code}.")
        return ok(items)
