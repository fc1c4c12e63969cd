"""Output shapes of the lead endpoints (the input tree itself is leads/intake/shape.py)."""

from rest_framework import serializers

from leads.intake.shape import LeadIn
from leads.models import Lead


class LeadOut(LeadIn):
    """The lead as the contract knows it (card masked, no CVC) plus what it became and what was ignored."""

    id = serializers.IntegerField()
    loanApplicationId = serializers.IntegerField()
    contractId = serializers.IntegerField()
    status = serializers.CharField()
    clientMatch = serializers.ChoiceField(choices=["matched", "created", "linked"])
    createdAt = serializers.DateTimeField()
    ignoredProperties = serializers.ListField(child=serializers.CharField())

    def to_representation(self, lead: Lead) -> dict:
        return {
            **lead.payload,
            "id": lead.pk,
            "clientId": lead.client_id,
            "loanApplicationId": lead.loan_application_id,
            "contractId": lead.contract_id,
            "status": lead.status,
            "clientMatch": lead.client_match,
            "createdAt": lead.created_at.isoformat(),
            "ignoredProperties": lead.ignored_properties,
        }


class LeadValidationOut(serializers.Serializer):
    valid = serializers.BooleanField()
    matchedClientId = serializers.IntegerField(allow_null=True)
    clientMatch = serializers.ChoiceField(choices=["matched", "created", "linked"])
