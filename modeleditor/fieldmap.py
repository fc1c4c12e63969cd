"""The field map: every property of the lead contract, where it lands, and what the Model Editor offers.

One table, read by every layer that speaks the contract's names: the intake shape
(`leads/intake/shape.py`) and its fast path (`leads/intake/fast.py`), the mapping onto records
(`leads/intake/mapping.py`), reference checks (`leads/intake/references.py`), the required-field
catalogue (`modeleditor/catalogue.py`), the system-required fields (`modeleditor/models.py`,
`leads/intake/required.py`), the address parts the directory fills (`clients/gar/`), the read
serializers (`clients/serializers.py`) and the lead's page (`leads/admin/sections.py`: labels,
reference ids, money).

It is data only (strings), so the Model Editor can read it without importing the apps that own
the records: models are named by label, fields by name. Adding a property to the contract is one
line here, plus the model field and its migration.
"""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from modeleditor.choices import Target
from modeleditor.fieldkinds import APPLICATION, CLIENTS, COMPANY, CONTRACT, PERSON, TERMS, Kind, Prop, Record, Shape


def _p(name: str, kind: str, field: str = "", label: StrOrPromise = "", **options) -> Prop:
    return Prop(name, kind, field, label=label, **options)


K = Kind
PASSPORT = Shape(
    "Passport",
    (
        _p("seria", K.TEXT, "series", _("series"), size=25),
        _p("no", K.TEXT, "number", _("number"), size=25),
        _p("issueDate", K.DATE, "issue_date", _("issue date")),
        _p("closeDate", K.DATE, "close_date", _("expiry date")),
        _p("manager", K.TEXT, "issued_by", _("issued by"), size=255),
        _p("subdivisionCode", K.SUBDIVISION_CODE, "subdivision_code", _("issuing unit code")),
        _p("extraNumber", K.TEXT, "extra_number", _("additional number"), size=50),
        _p("complementaryDocTypeId", K.REFERENCE, "document_type_id", _("document type"), reference="document_type"),
    ),
)
_ADDRESS_PROPS = (
    _p("countryId", K.REFERENCE, "country_id", _("country"), reference="country"),
    _p("fiasId", K.UUID, "fias_id", _("FIAS id")),
    _p("fullAddressText", K.TEXT, "full_address_text", _("full address"), size=1000, directory=True),
    _p("fiasChain", K.JSON, "fias_chain", _("FIAS chain")),
    # Stored inside fias_chain when no chain object came with it.
    _p("fiasChainText", K.TEXT, size=4000),
    _p("postalCode", K.POSTAL_CODE, "postal_code", _("postal code"), directory=True),
    _p("regionName", K.TEXT, "region_name", _("region"), size=255, directory=True),
    _p("localityName", K.TEXT, "locality_name", _("locality"), size=255, directory=True),
    _p("streetName", K.TEXT, "street_name", _("street"), size=255, directory=True),
    _p("houseNo", K.TEXT, "house_no", _("house"), size=50, directory=True),
    _p("blockNo", K.TEXT, "block_no", _("block"), size=50, directory=True),
    _p("buildingNo", K.TEXT, "building_no", _("building"), size=50, directory=True),
    _p("apartmentNo", K.TEXT, "apartment_no", _("flat"), size=50, directory=True),
    _p("housingType", K.TEXT, "housing_type", _("kind of housing"), size=100),
    _p("metroStation", K.TEXT, "metro_station", _("metro station"), size=100),
    _p("oldAddressText", K.TEXT, "old_address_text", _("old address text"), size=1000),
    _p("regDate", K.DATE, "reg_date", _("registered since")),
    _p("telephone", K.PHONE, "telephone", _("telephone")),
    _p("timeZone", K.TEXT, "time_zone", _("time zone"), size=50, directory=True),
    _p("attributes", K.ATTRIBUTES, "attributes", _("attributes")),
)
ADDRESS = Shape("Address", _ADDRESS_PROPS)
ADDITIONAL_ADDRESS = Shape(
    "AdditionalAddress",
    (
        *_ADDRESS_PROPS,
        _p("position", K.COUNT, "position", size=127),
        _p("purposeId", K.REFERENCE, "purpose_id", reference="address_purpose"),
    ),
)
RELATIVE = Shape(
    "Relative",
    (
        _p("lastName", K.TEXT, "last_name", size=50),
        _p("firstName", K.TEXT, "first_name", size=50),
        _p("patronymic", K.TEXT, "patronymic", size=50),
        _p("kinshipTypeId", K.REFERENCE, "kinship_id", reference="kinship"),
        _p("birthDate", K.DATE, "birth_date"),
        _p("telephone", K.PHONE, "telephone"),
        _p("email", K.EMAIL, "email"),
        _p("address", K.TEXT, "address", size=1000),
        _p("workPlace", K.TEXT, "work_place", size=255),
        _p("rnn", K.TEXT, "rnn", size=20),
        _p("resident", K.FLAG, "resident"),
        _p("verified", K.FLAG, "verified"),
        _p("comment", K.TEXT, "comment", size=2000),
        _p("passport", K.OBJECT, shape=PASSPORT),
    ),
)
DEBT = Shape(
    "LeadDebt",
    (
        _p("arrears", K.FLAG, "arrears"),
        _p("bankName", K.TEXT, "bank_name", size=255),
        _p("contractNumber", K.TEXT, "contract_number", size=100),
        _p("creditAmount", K.MONEY, "credit_amount"),
        _p("creditBankId", K.ID, "credit_bank_id"),
        _p("creditName", K.TEXT, "credit_name", size=255),
        _p("interestRate", K.RATE, "interest_rate"),
        _p("lastPaymentDate", K.DATE, "last_payment_date"),
        _p("monthlyPayment", K.MONEY, "monthly_payment"),
        _p("paymentFrequency", K.TEXT, "payment_frequency", size=50),
        _p("remainingDebt", K.MONEY, "remaining_debt"),
        _p("requisites", K.TEXT, "requisites", size=2000),
    ),
)
GOODS = Shape(
    "Goods",
    (
        _p("id", K.ID, "catalogue_id"),
        _p("name", K.TEXT, "name", size=255),
        _p("article", K.TEXT, "article", size=100),
        _p("description", K.TEXT, "description", size=2000),
        _p("amount", K.MONEY, "amount"),
        _p("quantity", K.POSITIVE_COUNT, "quantity"),
    ),
)
EXTRA_FIELD = Shape(
    "ExtraField",
    (
        _p("id", K.ID),
        _p("name", K.TEXT, size=255),
        _p("value", K.TEXT, size=2000),
    ),
)

C, A, T, L = Record.CLIENT, Record.APPLICATION, Record.CONTRACT, Record.LEAD


def _client(name: str, kind: str, field: str, label: StrOrPromise, targets=CLIENTS, **options) -> Prop:
    return Prop(name, kind, field, to=(C,), label=label, targets=targets, **options)


def _application(name: str, kind: str, field: str, label: StrOrPromise, targets=APPLICATION, **options) -> Prop:
    return Prop(name, kind, field, to=(A,), label=label, targets=targets, **options)


def _lead(name: str, kind: str, field: str, **options) -> Prop:
    return Prop(name, kind, field, to=(L,), **options)


def _related(name: str, kind: str, label: StrOrPromise, targets, shape: Shape, rows: str, size=None, where=()) -> Prop:
    """A nested object or array, kept in rows of another model: `rows` is "app.Model.owner_field"."""
    model, owner = rows.rsplit(".", 1)
    return Prop(name, kind, label=label, targets=targets, shape=shape, model=model, owner=owner, size=size, where=where)


def _address(name: str, label: StrOrPromise, kind: str) -> Prop:
    return _related(name, K.OBJECT, label, CLIENTS, ADDRESS, "clients.Address.client_id", where=(("kind", kind),))


LEAD = Shape(
    "Lead",
    (
        _p("clientId", K.ID),
        _p("channel", K.CHANNEL, "channel", _("channel"), to=(A, L), targets=APPLICATION),
        _p(
            "naturalPerson",
            K.FLAG,
            label=_("private person"),
            targets=CLIENTS,
            columns=tuple((t, "kind") for t in CLIENTS),
        ),
        _client("firstName", K.TEXT, "first_name", _("first name"), size=50, system=CLIENTS),
        _client("lastName", K.TEXT, "last_name", _("last name"), size=50),
        _client("patronymic", K.TEXT, "patronymic", _("patronymic"), size=50),
        # Stored for a person too (a sole trader's business name), asked of a company only.
        _client("title", K.TEXT, "title", _("company name"), COMPANY, size=255, system=COMPANY),
        _client("registrationNumber", K.OGRN, "registration_number", _("OGRN / OGRNIP")),
        _client("sexId", K.REFERENCE, "sex_id", _("sex"), reference="sex"),
        _client("birthDate", K.DATE, "birth_date", _("date of birth")),
        _client("birthPlace", K.TEXT, "birth_place", _("place of birth"), size=255),
        _client("birthCountryId", K.REFERENCE, "birth_country_id", _("country of birth"), reference="country"),
        _client("mobilePhone", K.PHONE, "mobile_phone", _("mobile phone"), size=50, system=CLIENTS),
        _lead("mobilePhoneCheck", K.FLAG, "mobile_phone_check"),
        _client("email", K.EMAIL, "email", _("e-mail")),
        _client("inn", K.INN, "inn", _("INN")),
        _client("snils", K.SNILS, "snils", _("SNILS")),
        _related("passport", K.OBJECT, _("passport"), PERSON, PASSPORT, "clients.IdentityDocument.client_id"),
        _address("addressData", _("actual address"), "actual"),
        _address("registrationAddressData", _("registration address"), "registration"),
        _related(
            "addresses",
            K.ARRAY,
            _("further addresses"),
            CLIENTS,
            ADDITIONAL_ADDRESS,
            "clients.Address.client_id",
            size=10,
            where=(("kind", "additional"),),
        ),
        _related("relatives", K.ARRAY, _("relatives"), CLIENTS, RELATIVE, "clients.Relative.client_id", size=20),
        _related(
            "leadDebts", K.ARRAY, _("loans elsewhere"), APPLICATION, DEBT, "clients.LeadDebt.application_id", size=50
        ),
        _related("goods", K.ARRAY, _("goods"), APPLICATION, GOODS, "clients.Goods.application_id", size=100),
        _p("extraFields", K.ARRAY, size=200, shape=EXTRA_FIELD),
        # The services take the manager from the lead; a contract keeps the manager's legal entity.
        _p(
            "managerId",
            K.ID,
            label=_("loan officer"),
            targets=TERMS,
            columns=((Target.LOAN_APPLICATION, "manager"), (Target.CONTRACT, "legal_entity")),
        ),
        _application("subdivisionId", K.REFERENCE, "subdivision_id", _("subdivision"), reference="subdivision"),
        # The loan terms are written to the application; the draft contract copies them.
        _application("creditProductId", K.ID, "credit_product_id", _("credit product"), targets=TERMS),
        _application("amount", K.POSITIVE_MONEY, "amount", _("amount"), targets=TERMS),
        _application("period", K.POSITIVE_COUNT, "period", _("period"), targets=TERMS),
        _application("periodUnit", K.PERIOD_UNIT, "period_unit", _("period unit"), targets=TERMS),
        Prop(
            "gettingMoneyMethodId",
            K.REFERENCE,
            "getting_money_method_id",
            to=(T,),
            label=_("payout method"),
            targets=CONTRACT,
            reference="getting_money_method",
        ),
        _application(
            "howYouKnowId", K.REFERENCE, "how_you_know_id", _("how the applicant heard of us"), reference="how_you_know"
        ),
        _application("storeCode", K.TEXT, "store_code", _("shop code"), size=100),
        _application("storeTypeId", K.REFERENCE, "store_type_id", _("shop category"), reference="store_type"),
        _application("orderCode", K.TEXT, "order_code", _("order code"), size=100),
        _application("referralLink", K.TEXT, "referral_link", _("referral link"), size=255),
        _lead("deviceTypeId", K.REFERENCE, "device_type_id", reference="device_type"),
        _lead("ipAddress", K.IP, "ip_address"),
        _lead("macAddress", K.MAC, "mac_address"),
        _lead("ipAndRegionMatch", K.FLAG, "ip_and_region_match"),
        _lead("ipAndRegAddressMatch", K.FLAG, "ip_and_reg_address_match"),
        _lead("denialReasonId", K.REFERENCE, "denial_reason_id", reference="denial_reason"),
        _lead("approvedByScorista", K.FLAG, "approved_by_scorista"),
        _lead("rosfinmonitoringCheck", K.FLAG, "rosfinmonitoring_check"),
        _lead("ufmsCheck", K.FLAG, "ufms_check"),
        _client("employerTitle", K.TEXT, "employer_title", _("employer"), size=255),
        _client("employerInn", K.INN, "employer_inn", _("employer INN")),
        _client("meanIncome", K.MONEY, "mean_income", _("average monthly income")),
        _client("averageMonthlyCost", K.MONEY, "average_monthly_cost", _("average monthly expenses")),
        _application("monthlyCreditPayment", K.MONEY, "monthly_credit_payment", _("monthly payments on current loans")),
        _client("childrenCount", K.COUNT, "children_count", _("children")),
        _client("adultChildrenCount", K.COUNT, "adult_children_count", _("adult children")),
        _client("dependentsCount", K.COUNT, "dependents_count", _("dependants")),
        _application("activeCreditsCount", K.COUNT, "active_credits_count", _("open loans")),
        _application("closedCreditsCount", K.COUNT, "closed_credits_count", _("repaid loans")),
        _application("activeCreditsAmount", K.MONEY, "active_credits_amount", _("current debt")),
        _application("activeDelinquencyAmount", K.MONEY, "active_delinquency_amount", _("current overdue amount")),
        _application("delinquencyCount", K.COUNT, "delinquency_count", _("overdue episodes")),
        _application("payedDelinquencyCount", K.COUNT, "payed_delinquency_count", _("settled overdue episodes")),
        _application(
            "writtenDelinquencyCount", K.COUNT, "written_delinquency_count", _("written-off overdue episodes")
        ),
        # Stored masked only, by the intake mapping.
        _p(
            "cardNumber",
            K.CARD_NUMBER,
            label=_("card number"),
            targets=CONTRACT,
            columns=((Target.CONTRACT, "card_number_masked"),),
        ),
        Prop("cardHolder", K.TEXT, "card_holder", to=(T,), size=100, label=_("card holder"), targets=CONTRACT),
        Prop(
            "validThruMonth", K.CARD_MONTH, "valid_thru_month", to=(T,), label=_("card expiry month"), targets=CONTRACT
        ),
        Prop("validThruYear", K.CARD_YEAR, "valid_thru_year", to=(T,), label=_("card expiry year"), targets=CONTRACT),
        # Checked and never stored.
        _p("cardCvc", K.CARD_CVC),
    ),
)


def record_fields(record: str) -> dict[str, str]:
    """Contract name -> model field of the top-level properties the intake mapping writes to `record`."""
    return {p.name: p.field for p in LEAD.props if record in p.to}


def columns(target: str) -> dict[str, str]:
    """Contract name -> the column of the target's own record of each top-level property it holds."""
    return {
        p.name: dict(p.columns).get(target, p.field or "pk")
        for p in LEAD.props
        if target in p.targets and p.kind not in (Kind.OBJECT, Kind.ARRAY)
    }


def system_required(target: str) -> tuple[str, ...]:
    """The paths of a target no rule can make optional: every lead needs them to become a client."""
    return tuple(p.name for p in LEAD.props if target in p.system)


def _every_prop() -> Iterator[Prop]:
    """Every property of the contract, the top level's first, then each nested object's in turn."""
    shapes, seen = [LEAD], set()
    while shapes:
        shape = shapes.pop(0)
        if shape.name in seen:
            continue
        seen.add(shape.name)
        yield from shape.props
        shapes.extend(prop.shape for prop in shape.props if prop.shape is not None)


def names_of_kind(*kinds: str) -> frozenset[str]:
    """The names of the contract's properties of these kinds, at any depth."""
    return frozenset(prop.name for prop in _every_prop() if prop.kind in kinds)


def labels() -> dict[str, StrOrPromise]:
    """Contract name -> label of every labelled property, at any depth; a name used at several
    depths keeps its top-most label (a relative's `firstName` reads as the client's)."""
    found: dict[str, StrOrPromise] = {}
    for prop in _every_prop():
        if prop.label:
            found.setdefault(prop.name, prop.label)
    return found


def references(shape: Shape) -> dict[str, str]:
    """Contract name -> reference list of the reference ids of an object."""
    return {p.name: p.reference for p in shape.props if p.reference}


DIRECTORY_PARTS = tuple(p.name for p in ADDRESS.props if p.directory)
"""The address properties the directory fills from a FIAS object, in the contract's names."""
