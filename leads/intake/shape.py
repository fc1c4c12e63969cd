"""The lead contract as a DRF serializer tree (shared/lead-schema.md), built once per process.

Property names are the lending core's, so integrators' payloads work unchanged. Every property is
optional here: what is required is decided by the Model Editor's rules, checked afterwards.
"""

from rest_framework import serializers

from clients import validators
from clients.models import Channel, PeriodUnit
from leads.intake.fields import (
    CardNumber,
    Choice,
    Count,
    Date,
    Digits,
    Flag,
    Id,
    IpAddress,
    Money,
    Pattern,
    Phone,
    RegistrationNumber,
    SubdivisionCode,
    Text,
    items,
)


class Shape(serializers.Serializer):
    """A nested object of the lead: optional as a whole, unknown properties ignored."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


class PassportIn(Shape):
    seria = Text(max_length=25)
    no = Text(max_length=25)
    issueDate = Date()
    closeDate = Date()
    manager = Text(max_length=255)
    subdivisionCode = SubdivisionCode()
    extraNumber = Text(max_length=50)
    complementaryDocTypeId = Id()


class AddressIn(Shape):
    countryId = Id()
    fiasId = serializers.UUIDField(required=False, format="hex_verbose")
    fullAddressText = Text(max_length=1000)
    fiasChain = serializers.JSONField(required=False)
    fiasChainText = Text(max_length=4000)
    postalCode = Pattern(regex=r"[0-9A-Za-z \-]{3,10}", message="Not a postal code.")
    regionName = Text(max_length=255)
    localityName = Text(max_length=255)
    streetName = Text(max_length=255)
    houseNo = Text(max_length=50)
    blockNo = Text(max_length=50)
    buildingNo = Text(max_length=50)
    apartmentNo = Text(max_length=50)
    housingType = Text(max_length=100)
    metroStation = Text(max_length=100)
    oldAddressText = Text(max_length=1000)
    regDate = Date()
    telephone = Phone()
    timeZone = Text(max_length=50)
    attributes = serializers.DictField(child=Text(max_length=1000), required=False)


class AdditionalAddressIn(AddressIn):
    position = Count(max_value=127)
    purposeId = Id()


class RelativeIn(Shape):
    lastName = Text(max_length=50)
    firstName = Text(max_length=50)
    patronymic = Text(max_length=50)
    kinshipTypeId = Id()
    birthDate = Date()
    telephone = Phone()
    email = serializers.EmailField(required=False, max_length=254)
    address = Text(max_length=1000)
    workPlace = Text(max_length=255)
    rnn = Text(max_length=20)
    resident = Flag()
    verified = Flag()
    comment = Text(max_length=2000)
    passport = PassportIn()


class LeadDebtIn(Shape):
    arrears = Flag()
    bankName = Text(max_length=255)
    contractNumber = Text(max_length=100)
    creditAmount = Money()
    creditBankId = Id()
    creditName = Text(max_length=255)
    interestRate = Money(max_digits=7, decimal_places=3)
    lastPaymentDate = Date()
    monthlyPayment = Money()
    paymentFrequency = Text(max_length=50)
    remainingDebt = Money()
    requisites = Text(max_length=2000)


class GoodsIn(Shape):
    id = Id()
    name = Text(max_length=255)
    article = Text(max_length=100)
    description = Text(max_length=2000)
    amount = Money()
    quantity = Count(min_value=1)


class ExtraFieldIn(Shape):
    id = Id()
    name = Text(max_length=255)
    value = Text(max_length=2000)


class LeadProperties(serializers.Serializer):
    """Every property of the lead that is kept and read back: all of the contract but the CVC."""

    clientId = Id()
    channel = Choice(Channel.choices)
    naturalPerson = Flag()
    firstName = Text(max_length=50)
    lastName = Text(max_length=50)
    patronymic = Text(max_length=50)
    title = Text(max_length=255)
    registrationNumber = RegistrationNumber()
    sexId = Id()
    birthDate = Date()
    birthPlace = Text(max_length=255)
    birthCountryId = Id()
    mobilePhone = Phone(max_length=50)
    mobilePhoneCheck = Flag()
    email = serializers.EmailField(required=False, max_length=254)
    inn = Digits(lengths=(10, 12), checksum=validators.inn_is_valid)
    snils = Digits(lengths=(11,), checksum=validators.snils_is_valid)
    passport = PassportIn()
    addressData = AddressIn()
    registrationAddressData = AddressIn()
    addresses = items(AdditionalAddressIn(), 10)
    relatives = items(RelativeIn(), 20)
    leadDebts = items(LeadDebtIn(), 50)
    goods = items(GoodsIn(), 100)
    extraFields = items(ExtraFieldIn(), 200)
    managerId = Id()
    subdivisionId = Id()
    creditProductId = Id()
    amount = Money(positive=True)
    period = Count(min_value=1)
    periodUnit = Choice(PeriodUnit.choices)
    gettingMoneyMethodId = Id()
    howYouKnowId = Id()
    storeCode = Text(max_length=100)
    storeTypeId = Id()
    orderCode = Text(max_length=100)
    referralLink = Text(max_length=255)
    deviceTypeId = Id()
    ipAddress = IpAddress()
    macAddress = Pattern(regex=r"[0-9A-Fa-f]{2}([:\-]?[0-9A-Fa-f]{2}){5}", message="Not a MAC address.", max_length=50)
    ipAndRegionMatch = Flag()
    ipAndRegAddressMatch = Flag()
    denialReasonId = Id()
    approvedByScorista = Flag()
    rosfinmonitoringCheck = Flag()
    ufmsCheck = Flag()
    employerTitle = Text(max_length=255)
    employerInn = Digits(lengths=(10, 12), checksum=validators.inn_is_valid)
    meanIncome = Money()
    averageMonthlyCost = Money()
    monthlyCreditPayment = Money()
    childrenCount = Count()
    adultChildrenCount = Count()
    dependentsCount = Count()
    activeCreditsCount = Count()
    closedCreditsCount = Count()
    activeCreditsAmount = Money()
    activeDelinquencyAmount = Money()
    delinquencyCount = Count()
    payedDelinquencyCount = Count()
    writtenDelinquencyCount = Count()
    cardNumber = CardNumber()
    cardHolder = Text(max_length=100)
    validThruMonth = Pattern(regex=r"0[1-9]|1[0-2]", message="Month must be 01–12.")
    validThruYear = Pattern(regex=r"[0-9]{2}", message="Year must be two digits (YY).")


class LeadIn(LeadProperties):
    cardCvc = Pattern(regex=r"[0-9]{3,4}", message="CVC must be 3 or 4 digits.")


LEAD_IN = LeadIn()
