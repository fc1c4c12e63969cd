"""OpenAPI descriptions of the envelope, so the schema shows what clients really receive."""

from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

if TYPE_CHECKING:
    # drf_spectacular.generators reads the API settings, which name this module's hook.
    from drf_spectacular.generators import SchemaGenerator


def enveloped(name: str, data: serializers.Field) -> serializers.Serializer:
    return inline_serializer(
        name=name,
        fields={
            "status": serializers.ChoiceField(choices=["ok"]),
            "timestamp": serializers.IntegerField(help_text="Server time, unix milliseconds."),
            "data": data,
        },
    )


ERROR_ENVELOPE = inline_serializer(
    name="ErrorEnvelope",
    fields={
        "status": serializers.ChoiceField(choices=["error"]),
        "timestamp": serializers.IntegerField(),
        "data": serializers.JSONField(allow_null=True),
        "errors": inline_serializer(
            name="Problem",
            many=True,
            fields={
                "code": serializers.CharField(),
                "field": serializers.CharField(allow_null=True, help_text="JSON path, e.g. relatives[1].telephone"),
                "message": serializers.CharField(),
            },
        ),
    },
)


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    return {status: OpenApiResponse(ERROR_ENVELOPE) for status in statuses}


# Answers any operation can give, whatever its view does: the authentication, the throttle and
# the database (or the address directory) sit in front of every endpoint.
EVERY_OPERATION = {
    "401": "No valid token.",
    "429": "Too many requests (RATE_LIMITED); retry after the Retry-After header's seconds.",
    "503": "The database or a directory it needs is unreachable for now; retry later.",
}
# What the JSON body parser answers before the view runs.
WITH_A_BODY = {
    "400": "The request breaks the contract; every problem is listed.",
    "413": "The body is larger than API_MAX_BODY_BYTES.",
    "415": "The body is not JSON.",
}


def document_common_errors(result: dict[str, Any], generator: "SchemaGenerator", **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular hook: list on every operation the error answers it shares with all others."""
    reference = {"$ref": "#/components/schemas/ErrorEnvelope"}
    for operations in result["paths"].values():
        for operation in operations.values():
            common = {**EVERY_OPERATION, **(WITH_A_BODY if "requestBody" in operation else {})}
            for status, description in common.items():
                operation["responses"].setdefault(
                    status, {"content": {"application/json": {"schema": reference}}, "description": description}
                )
    return result
