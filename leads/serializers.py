"""Input and output shapes of the lead endpoints (the input tree itself is leads/intake/shape.py)."""

from rest_framework import serializers

from leads.models import Lead


class EnvelopeError(serializers.Serializer):
    code = serializers.CharField()
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class LeadCreatedOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=["ok"])
    timestamp = serializers.IntegerField(help_text="Server time, unix milliseconds.")
    data = serializers.IntegerField(help_text="The new lead's id.")


class ErrorOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=["error"])
    timestamp = serializers.IntegerField()
    data = serializers.JSONField(allow_null=True)
    errors = EnvelopeError(many=True)


class LeadOut(serializers.Serializer):
    """The lead as sent (card masked, no CVC) plus what it became."""

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
        }


class LeadValidationOut(serializers.Serializer):
    valid = serializers.BooleanField()
    matchedClientId = serializers.IntegerField(allow_null=True)
    clientMatch = serializers.ChoiceField(choices=["matched", "created", "linked"])
