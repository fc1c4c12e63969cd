"""HTTP endpoints of lead intake. Parsing and authentication here; everything else in services."""

import re

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from leadcore.api.envelope import ok
from leadcore.api.errors import ApiErrorCode, DomainError, Problem, not_found
from leadcore.api.inputs import api_user, json_object
from leadcore.api.schema import enveloped, errors
from leads import selectors
from leads.idempotency import lead_create_once
from leads.intake.shape import LeadIn
from leads.serializers import LeadOut, LeadValidationOut
from leads.services import lead_create

MAX_FIND_IDS = 100
# Numbers separated by commas, spaces around them and empty items allowed ("1, 2,").
FIND_IDS = re.compile(r"^[ ,]*[0-9]{1,18}(?: *,[ ,]*[0-9]{1,18})*[ ,]*$")
FIND_IDS_SCHEMA = {"type": "string", "pattern": FIND_IDS.pattern}


class LeadCreateApi(APIView):
    @extend_schema(
        operation_id="lead_create",
        request=LeadIn,
        parameters=[OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER, required=False)],
        responses={
            200: enveloped("LeadCreated", serializers.IntegerField(help_text="The new lead's id.")),
            **errors(400, 401, 409, 413, 422, 503),
        },
    )
    def post(self, request: Request) -> Response:
        payload, user = json_object(request), api_user(request)
        lead_id = lead_create_once(
            user=user,
            # From META: `request.headers` would parse every header of the request for this one.
            key=request.META.get("HTTP_IDEMPOTENCY_KEY", ""),
            payload=payload,
            create=lambda claim: lead_create(payload=payload, api_user=user, idempotency_key=claim),
        )
        return ok(lead_id)


class LeadValidateApi(APIView):
    @extend_schema(
        operation_id="lead_validate",
        request=LeadIn,
        responses={200: enveloped("LeadValidation", LeadValidationOut()), **errors(400, 401)},
    )
    def post(self, request: Request) -> Response:
        preview = selectors.lead_preview(payload=json_object(request), user=api_user(request))
        return ok(LeadValidationOut(preview).data)


class LeadDetailApi(APIView):
    @extend_schema(operation_id="lead_get", responses={200: enveloped("LeadEnvelope", LeadOut()), **errors(401, 404)})
    def get(self, request: Request, lead_id: int) -> Response:
        lead = selectors.lead_get(user=api_user(request), lead_id=lead_id)
        if lead is None:
            raise not_found("No such lead.")
        return ok(LeadOut(lead).data)


class LeadFindApi(APIView):
    @extend_schema(
        operation_id="lead_find",
        parameters=[
            OpenApiParameter("lead_ids", {"type": "string", "pattern": FIND_IDS.pattern}, OpenApiParameter.PATH)
        ],
        responses={200: enveloped("LeadList", LeadOut(many=True)), **errors(400, 401)},
    )
    def get(self, request: Request, lead_ids: str) -> Response:
        if not FIND_IDS.fullmatch(lead_ids):
            raise DomainError([Problem(ApiErrorCode.INVALID_FORMAT, None, "Ids must be comma-separated numbers.")])
        parts = [p.strip() for p in lead_ids.split(",") if p.strip()]
        if len(parts) > MAX_FIND_IDS:
            raise DomainError([Problem(ApiErrorCode.TOO_MANY_ITEMS, None, f"At most {MAX_FIND_IDS} ids at once.")])
        leads = selectors.leads_find(user=api_user(request), lead_ids=[int(p) for p in parts])
        return ok(LeadOut(leads, many=True).data)


@extend_schema_view(post=extend_schema(operation_id="core_lead_create", description="The lending core's path."))
class CoreLeadCreateApi(LeadCreateApi):
    """`POST /bs-core/main/leads`: the same intake at the path integrations of the lending core call."""
