"""Output shapes of clients and their records, in the lead contract's property names."""

from django.utils.text import capfirst
from rest_framework import serializers

from clients.models import (
    Address,
    Client,
    ClientKind,
    Contract,
    Goods,
    IdentityDocument,
    LeadDebt,
    LoanApplication,
    Relative,
)
from modeleditor.fieldmap import PASSPORT


def _sources(**names: str) -> dict:
    """Meta.extra_kwargs naming each output property's model field, so the property keeps the
    field's type and nullability in the schema (a declared field would lose them)."""
    return {name: {"source": source} for name, source in names.items()}


class DocumentOut(serializers.ModelSerializer):
    class Meta:
        model = IdentityDocument
        fields = ["id", "seria", "no", "issueDate", "closeDate", "manager", "subdivisionCode", "extraNumber",
                  "complementaryDocTypeId"]  # fmt: skip
        extra_kwargs = _sources(
            seria="series",
            no="number",
            issueDate="issue_date",
            closeDate="close_date",
            manager="issued_by",
            subdivisionCode="subdivision_code",
            extraNumber="extra_number",
            complementaryDocTypeId="document_type",
        )


class AddressOut(serializers.ModelSerializer):
    class Meta:
        model = Address
        fields = ["id", "kind", "position", "purposeId", "countryId", "fiasId", "fullAddressText", "fiasChain",
                  "postalCode", "regionName", "localityName", "streetName", "houseNo", "blockNo", "buildingNo",
                  "apartmentNo", "housingType", "metroStation", "oldAddressText", "regDate", "telephone",
                  "timeZone", "attributes", "verification"]  # fmt: skip
        extra_kwargs = _sources(
            countryId="country",
            fiasId="fias_id",
            fullAddressText="full_address_text",
            fiasChain="fias_chain",
            postalCode="postal_code",
            regionName="region_name",
            localityName="locality_name",
            streetName="street_name",
            houseNo="house_no",
            blockNo="block_no",
            buildingNo="building_no",
            apartmentNo="apartment_no",
            housingType="housing_type",
            metroStation="metro_station",
            oldAddressText="old_address_text",
            regDate="reg_date",
            timeZone="time_zone",
            purposeId="purpose",
        )


class ContractPassport(serializers.JSONField):
    """A relative's passport in the contract's names, each value as text, as integrators have read it."""

    def to_representation(self, value):
        return {
            name: str(value[field]) for name, field in PASSPORT.fields().items() if value.get(field) not in (None, "")
        }


class RelativeOut(serializers.ModelSerializer):
    # Stored under IdentityDocument's field names; read back in the contract's.
    passport = ContractPassport(
        allow_null=True, required=False, label=capfirst(Relative._meta.get_field("passport").verbose_name)
    )

    class Meta:
        model = Relative
        fields = ["id", "lastName", "firstName", "patronymic", "kinshipTypeId", "birthDate", "telephone", "email",
                  "address", "workPlace", "rnn", "resident", "verified", "comment", "passport"]  # fmt: skip
        extra_kwargs = _sources(
            lastName="last_name",
            firstName="first_name",
            kinshipTypeId="kinship",
            birthDate="birth_date",
            workPlace="work_place",
        )


class ClientOut(serializers.ModelSerializer):
    naturalPerson = serializers.SerializerMethodField()
    documents = DocumentOut(many=True)
    addresses = AddressOut(many=True)
    relatives = RelativeOut(many=True)

    class Meta:
        model = Client
        fields = ["id", "naturalPerson", "lastName", "firstName", "patronymic", "title", "registrationNumber",
                  "sexId", "birthDate", "birthPlace", "birthCountryId", "mobilePhone", "email", "inn", "snils",
                  "employerTitle", "employerInn", "meanIncome", "averageMonthlyCost", "childrenCount",
                  "adultChildrenCount", "dependentsCount", "legalEntityId", "documents", "addresses",
                  "relatives", "extraFields", "createdAt"]  # fmt: skip
        extra_kwargs = _sources(
            meanIncome="mean_income",
            averageMonthlyCost="average_monthly_cost",
            lastName="last_name",
            firstName="first_name",
            registrationNumber="registration_number",
            sexId="sex",
            birthDate="birth_date",
            birthPlace="birth_place",
            birthCountryId="birth_country",
            mobilePhone="mobile_phone",
            employerTitle="employer_title",
            employerInn="employer_inn",
            childrenCount="children_count",
            adultChildrenCount="adult_children_count",
            dependentsCount="dependents_count",
            legalEntityId="legal_entity",
            extraFields="extra_fields",
            createdAt="created_at",
        )

    def get_naturalPerson(self, client: Client) -> bool:
        return client.kind == ClientKind.PERSON


class LeadDebtOut(serializers.ModelSerializer):
    class Meta:
        model = LeadDebt
        fields = ["id", "arrears", "bankName", "contractNumber", "creditAmount", "creditBankId", "creditName",
                  "interestRate", "lastPaymentDate", "monthlyPayment", "paymentFrequency", "remainingDebt",
                  "requisites"]  # fmt: skip
        extra_kwargs = _sources(
            creditAmount="credit_amount",
            interestRate="interest_rate",
            monthlyPayment="monthly_payment",
            remainingDebt="remaining_debt",
            bankName="bank_name",
            contractNumber="contract_number",
            creditBankId="credit_bank_id",
            creditName="credit_name",
            lastPaymentDate="last_payment_date",
            paymentFrequency="payment_frequency",
        )


class GoodsOut(serializers.ModelSerializer):
    class Meta:
        model = Goods
        fields = ["id", "name", "article", "description", "amount", "quantity"]
        extra_kwargs = _sources(id="catalogue_id")


class LoanApplicationOut(serializers.ModelSerializer):
    leadDebts = LeadDebtOut(source="debts", many=True)
    goods = GoodsOut(many=True)
    clientId = serializers.SerializerMethodField()
    contractId = serializers.SerializerMethodField()

    class Meta:
        model = LoanApplication
        fields = ["id", "clientId", "status", "channel", "creditProductId", "amount", "period", "periodUnit",
                  "managerId", "legalEntityId", "subdivisionId", "howYouKnowId", "storeCode", "storeTypeId",
                  "orderCode", "referralLink", "monthlyCreditPayment", "activeCreditsCount", "closedCreditsCount",
                  "activeCreditsAmount", "activeDelinquencyAmount", "delinquencyCount", "payedDelinquencyCount",
                  "writtenDelinquencyCount", "leadDebts", "goods", "extraFields", "contractId",
                  "denialReasonId", "createdAt"]  # fmt: skip
        extra_kwargs = _sources(
            monthlyCreditPayment="monthly_credit_payment",
            activeCreditsAmount="active_credits_amount",
            activeDelinquencyAmount="active_delinquency_amount",
            clientId="client",
            creditProductId="credit_product",
            periodUnit="period_unit",
            managerId="manager",
            legalEntityId="legal_entity",
            subdivisionId="subdivision",
            howYouKnowId="how_you_know",
            storeCode="store_code",
            storeTypeId="store_type",
            orderCode="order_code",
            referralLink="referral_link",
            activeCreditsCount="active_credits_count",
            closedCreditsCount="closed_credits_count",
            delinquencyCount="delinquency_count",
            payedDelinquencyCount="payed_delinquency_count",
            writtenDelinquencyCount="written_delinquency_count",
            extraFields="extra_fields",
            denialReasonId="denial_reason",
            createdAt="created_at",
        )

    def get_clientId(self, application: LoanApplication) -> int | None:
        return _readable_client_id(application)

    def get_contractId(self, application: LoanApplication) -> int | None:
        contract = getattr(application, "contract", None)
        return contract.pk if contract else None


class ContractOut(serializers.ModelSerializer):
    clientId = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = ["id", "number", "status", "loanApplicationId", "clientId", "legalEntityId", "creditProductId",
                  "amount", "period", "periodUnit", "gettingMoneyMethodId", "cardNumber", "cardHolder",
                  "validThruMonth", "validThruYear", "extraFields", "createdAt"]  # fmt: skip
        extra_kwargs = _sources(
            loanApplicationId="application",
            legalEntityId="legal_entity",
            creditProductId="credit_product",
            periodUnit="period_unit",
            gettingMoneyMethodId="getting_money_method",
            cardNumber="card_number_masked",
            cardHolder="card_holder",
            validThruMonth="valid_thru_month",
            validThruYear="valid_thru_year",
            extraFields="extra_fields",
            createdAt="created_at",
        )

    def get_clientId(self, contract: Contract) -> int | None:
        return _readable_client_id(contract)


def _readable_client_id(record: LoanApplication | Contract) -> int | None:
    """The client's id only for a reader who may read that client (see `with_client_readable`)."""
    return record.client_id if getattr(record, "client_readable", False) else None
