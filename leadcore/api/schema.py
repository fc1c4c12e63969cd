"""OpenAPI descriptions of the envelope, so the schema shows what clients really receive."""

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers


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
