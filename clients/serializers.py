"""Output shapes of clients and their records, in the lead contract's property names."""

from rest_framework import serializers

from clients.models import (
    Address,
    Client,
    Contract,
    Goods,
    IdentityDocument,
    LeadDebt,
    LoanApplication,
    Relative,
)


class DocumentOut(serializers.ModelSerializer):
    seria = serializers.CharField(source="series")
    no = serializers.CharField(source="number")
    issueDate = serializers.DateField(source="issue_date")
    closeDate = serializers.DateField(source="close_date")
    manager = serializers.CharField(source="issued_by")
    subdivisionCode = serializers.CharField(source="subdivision_code")
    extraNumber = serializers.CharField(source="extra_number")
    complementaryDocTypeId = serializers.IntegerField(source="document_type_id")

    class Meta:
        model = IdentityDocument
        fields = ["id", "seria", "no", "issueDate", "closeDate", "manager", "subdivisionCode", "extraNumber",
                  "complementaryDocTypeId"]  # fmt: skip


class AddressOut(serializers.ModelSerializer):
    countryId = serializers.IntegerField(source="country_id")
    fiasId = serializers.UUIDField(source="fias_id")
    fullAddressText = serializers.CharField(source="full_address_text")
    fiasChain = serializers.JSONField(source="fias_chain")
    postalCode = serializers.CharField(source="postal_code")
    regionName = serializers.CharField(source="region_name")
    localityName = serializers.CharField(source="locality_name")
    streetName = serializers.CharField(source="street_name")
    houseNo = serializers.CharField(source="house_no")
    blockNo = serializers.CharField(source="block_no")
    buildingNo = serializers.CharField(source="building_no")
    apartmentNo = serializers.CharField(source="apartment_no")
    housingType = serializers.CharField(source="housing_type")
    metroStation = serializers.CharField(source="metro_station")
    oldAddressText = serializers.CharField(source="old_address_text")
    regDate = serializers.DateField(source="reg_date")
    timeZone = serializers.CharField(source="time_zone")
    purposeId = serializers.IntegerField(source="purpose_id")

    class Meta:
        model = Address
        fields = ["id", "kind", "position", "purposeId", "countryId", "fiasId", "fullAddressText", "fiasChain",
                  "postalCode", "regionName", "localityName", "streetName", "houseNo", "blockNo", "buildingNo",
                  "apartmentNo", "housingType", "metroStation", "oldAddressText", "regDate", "telephone",
                  "timeZone", "attributes", "verification"]  # fmt: skip


class RelativeOut(serializers.ModelSerializer):
    lastName = serializers.CharField(source="last_name")
    firstName = serializers.CharField(source="first_name")
    kinshipTypeId = serializers.IntegerField(source="kinship_id")
    birthDate = serializers.DateField(source="birth_date")
    workPlace = serializers.CharField(source="work_place")

    class Meta:
        model = Relative
        fields = ["id", "lastName", "firstName", "patronymic", "kinshipTypeId", "birthDate", "telephone", "email",
                  "address", "workPlace", "rnn", "resident", "verified", "comment", "passport"]  # fmt: skip


class ClientOut(serializers.ModelSerializer):
    naturalPerson = serializers.SerializerMethodField()
    lastName = serializers.CharField(source="last_name")
    firstName = serializers.CharField(source="first_name")
    registrationNumber = serializers.CharField(source="registration_number")
    sexId = serializers.IntegerField(source="sex_id")
    birthDate = serializers.DateField(source="birth_date")
    birthPlace = serializers.CharField(source="birth_place")
    birthCountryId = serializers.IntegerField(source="birth_country_id")
    mobilePhone = serializers.CharField(source="mobile_phone")
    employerTitle = serializers.CharField(source="employer_title")
    employerInn = serializers.CharField(source="employer_inn")
    meanIncome = serializers.DecimalField(source="mean_income", max_digits=14, decimal_places=2, coerce_to_string=False)
    averageMonthlyCost = serializers.DecimalField(
        source="average_monthly_cost", max_digits=14, decimal_places=2, coerce_to_string=False
    )
    childrenCount = serializers.IntegerField(source="children_count")
    adultChildrenCount = serializers.IntegerField(source="adult_children_count")
    dependentsCount = serializers.IntegerField(source="dependents_count")
    legalEntityId = serializers.IntegerField(source="legal_entity_id")
    documents = DocumentOut(many=True)
    addresses = AddressOut(many=True)
    relatives = RelativeOut(many=True)
    extraFields = serializers.JSONField(source="extra_fields")
    createdAt = serializers.DateTimeField(source="created_at")

    class Meta:
        model = Client
        fields = ["id", "naturalPerson", "lastName", "firstName", "patronymic", "title", "registrationNumber",
                  "sexId", "birthDate", "birthPlace", "birthCountryId", "mobilePhone", "email", "inn", "snils",
                  "employerTitle", "employerInn", "meanIncome", "averageMonthlyCost", "childrenCount",
                  "adultChildrenCount", "dependentsCount", "legalEntityId", "documents", "addresses",
                  "relatives", "extraFields", "createdAt"]  # fmt: skip

    def get_naturalPerson(self, client: Client) -> bool:
        return client.kind == "person"


def _money(source: str | None = None) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=False, source=source)


class LeadDebtOut(serializers.ModelSerializer):
    bankName = serializers.CharField(source="bank_name")
    contractNumber = serializers.CharField(source="contract_number")
    creditAmount = _money("credit_amount")
    creditBankId = serializers.IntegerField(source="credit_bank_id")
    creditName = serializers.CharField(source="credit_name")
    interestRate = serializers.DecimalField(
        source="interest_rate", max_digits=7, decimal_places=3, coerce_to_string=False
    )
    lastPaymentDate = serializers.DateField(source="last_payment_date")
    monthlyPayment = _money("monthly_payment")
    paymentFrequency = serializers.CharField(source="payment_frequency")
    remainingDebt = _money("remaining_debt")

    class Meta:
        model = LeadDebt
        fields = ["id", "arrears", "bankName", "contractNumber", "creditAmount", "creditBankId", "creditName",
                  "interestRate", "lastPaymentDate", "monthlyPayment", "paymentFrequency", "remainingDebt",
                  "requisites"]  # fmt: skip


class GoodsOut(serializers.ModelSerializer):
    id = serializers.IntegerField(source="catalogue_id")
    amount = _money()

    class Meta:
        model = Goods
        fields = ["id", "name", "article", "description", "amount", "quantity"]


class LoanApplicationOut(serializers.ModelSerializer):
    clientId = serializers.IntegerField(source="client_id")
    creditProductId = serializers.IntegerField(source="credit_product_id")
    amount = _money()
    periodUnit = serializers.CharField(source="period_unit")
    managerId = serializers.IntegerField(source="manager_id")
    legalEntityId = serializers.IntegerField(source="legal_entity_id")
    subdivisionId = serializers.IntegerField(source="subdivision_id")
    howYouKnowId = serializers.IntegerField(source="how_you_know_id")
    storeCode = serializers.CharField(source="store_code")
    storeTypeId = serializers.IntegerField(source="store_type_id")
    orderCode = serializers.CharField(source="order_code")
    referralLink = serializers.CharField(source="referral_link")
    monthlyCreditPayment = _money("monthly_credit_payment")
    activeCreditsCount = serializers.IntegerField(source="active_credits_count")
    closedCreditsCount = serializers.IntegerField(source="closed_credits_count")
    activeCreditsAmount = _money("active_credits_amount")
    activeDelinquencyAmount = _money("active_delinquency_amount")
    delinquencyCount = serializers.IntegerField(source="delinquency_count")
    payedDelinquencyCount = serializers.IntegerField(source="payed_delinquency_count")
    writtenDelinquencyCount = serializers.IntegerField(source="written_delinquency_count")
    leadDebts = LeadDebtOut(source="debts", many=True)
    goods = GoodsOut(many=True)
    extraFields = serializers.JSONField(source="extra_fields")
    contractId = serializers.SerializerMethodField()
    denialReasonId = serializers.IntegerField(source="denial_reason_id")
    createdAt = serializers.DateTimeField(source="created_at")

    class Meta:
        model = LoanApplication
        fields = ["id", "clientId", "status", "channel", "creditProductId", "amount", "period", "periodUnit",
                  "managerId", "legalEntityId", "subdivisionId", "howYouKnowId", "storeCode", "storeTypeId",
                  "orderCode", "referralLink", "monthlyCreditPayment", "activeCreditsCount", "closedCreditsCount",
                  "activeCreditsAmount", "activeDelinquencyAmount", "delinquencyCount", "payedDelinquencyCount",
                  "writtenDelinquencyCount", "leadDebts", "goods", "extraFields", "contractId",
                  "denialReasonId", "createdAt"]  # fmt: skip

    def get_contractId(self, application: LoanApplication) -> int | None:
        contract = getattr(application, "contract", None)
        return contract.pk if contract else None


class ContractOut(serializers.ModelSerializer):
    loanApplicationId = serializers.IntegerField(source="application_id")
    clientId = serializers.IntegerField(source="client_id")
    legalEntityId = serializers.IntegerField(source="legal_entity_id")
    creditProductId = serializers.IntegerField(source="credit_product_id")
    amount = _money()
    periodUnit = serializers.CharField(source="period_unit")
    gettingMoneyMethodId = serializers.IntegerField(source="getting_money_method_id")
    cardNumber = serializers.CharField(source="card_number_masked")
    cardHolder = serializers.CharField(source="card_holder")
    validThruMonth = serializers.CharField(source="valid_thru_month")
    validThruYear = serializers.CharField(source="valid_thru_year")
    extraFields = serializers.JSONField(source="extra_fields")
    createdAt = serializers.DateTimeField(source="created_at")

    class Meta:
        model = Contract
        fields = ["id", "number", "status", "loanApplicationId", "clientId", "legalEntityId", "creditProductId",
                  "amount", "period", "periodUnit", "gettingMoneyMethodId", "cardNumber", "cardHolder",
                  "validThruMonth", "validThruYear", "extraFields", "createdAt"]  # fmt: skip
