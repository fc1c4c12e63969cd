"""Output shapes of the lead endpoints (the input tree itself is leads/intake/shape.py)."""

from rest_framework import serializers

from leads.intake.shape import LeadProperties
from leads.models import ClientMatch, Lead

# The `status` of every stored lead: its conversion into records is one transaction with it.
CONVERTED = "CONVERTED"


class LeadOut(LeadProperties):
    """The lead as the contract knows it (card masked, no CVC) plus what it became and what was ignored."""

    id = serializers.IntegerField()
    clientId = serializers.IntegerField(allow_null=True, help_text="Null when the client is not the reader's.")
    loanApplicationId = serializers.IntegerField(allow_null=True)
    contractId = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(
        choices=[CONVERTED], help_text="Always CONVERTED: a lead that could not be converted is not stored."
    )
    clientMatch = serializers.ChoiceField(
        choices=ClientMatch.choices, allow_null=True, help_text="Null when the client is not the reader's."
    )
    createdAt = serializers.DateTimeField()
    ignoredProperties = serializers.ListField(child=serializers.CharField())

    def to_representation(self, lead: Lead) -> dict:
        # A lead matched to a client known through another integrator stays linked to it, but its
        # sender learns neither that client's id nor that there was a match.
        readable = getattr(lead, "client_readable", False)
        return {
            **lead.payload,
            "id": lead.pk,
            "clientId": lead.client_id if readable else None,
            "loanApplicationId": lead.loan_application_id,
            "contractId": lead.contract_id,
            "status": CONVERTED,
            "clientMatch": lead.client_match if readable else None,
            "createdAt": lead.created_at.isoformat(),
            "ignoredProperties": lead.ignored_properties,
        }


class LeadValidationOut(serializers.Serializer):
    valid = serializers.BooleanField()
    matchedClientId = serializers.IntegerField(allow_null=True)
    clientMatch = serializers.ChoiceField(choices=ClientMatch.choices, allow_null=True)
