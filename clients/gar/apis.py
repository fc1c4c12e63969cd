from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clients.gar.directory import DirectoryUnavailable
from clients.gar.errors import GarErrorCode
from clients.gar.providers import get_directory
from leadcore.api.envelope import ok
from leadcore.api.errors import DomainError, Problem, error_statuses_register
from leadcore.api.schema import enveloped, errors
from modeleditor.fieldmap import DIRECTORY_PARTS

error_statuses_register({GarErrorCode.ADDRESS_DIRECTORY_UNAVAILABLE: 503})


class AddressLookupApi(APIView):
    """The best matching addresses for a free-text query, with the FIAS id to send in a lead."""

    class InputSerializer(serializers.Serializer):
        query = serializers.RegexField(r"\S", max_length=300, help_text="Free text; blank is refused.")
        count = serializers.IntegerField(min_value=1, max_value=20, default=10)

    OutputSerializer = extend_schema_serializer(component_name="FiasAddress")(
        type(
            "OutputSerializer",
            (serializers.Serializer,),
            {
                "fiasId": serializers.CharField(),
                "fiasLevel": serializers.IntegerField(),
                **{name: serializers.CharField() for name in DIRECTORY_PARTS},
            },
        )
    )

    @extend_schema(
        parameters=[
            InputSerializer,
            # A blank `count=` means the default, as DRF reads query parameters.
            OpenApiParameter(
                "count",
                {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 20}, {"type": "string", "maxLength": 0}]},
                OpenApiParameter.QUERY,
                default=10,
            ),
        ],
        responses={200: enveloped("AddressLookup", OutputSerializer(many=True)), **errors(400, 401, 503)},
    )
    def get(self, request: Request) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        try:
            found = get_directory().suggest(params.validated_data["query"], params.validated_data["count"])
        except DirectoryUnavailable:
            problem = Problem(GarErrorCode.ADDRESS_DIRECTORY_UNAVAILABLE, None, "The address directory is unavailable.")
            raise DomainError([problem]) from None
        return ok(self.OutputSerializer([a.as_lookup() for a in found], many=True).data)
