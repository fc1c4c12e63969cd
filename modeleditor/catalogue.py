"""Which lead properties feed which target, and where each one lands in the database.

The Model Editor must not import the apps that own those records, so a record is named by its
model label ("clients.Client") and a field by its ORM lookup; both are resolved only when the
editor counts the records that lack a field.
"""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modeleditor.choices import EXTRA_FIELD_PREFIX, FieldType, Target

T = FieldType


@dataclass(frozen=True)
class Scope:
    """The records of a target: a model and the filter that selects the target's kind."""

    model: str
    where: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FieldSpec:
    """A lead property of a target: its JSON path, and the column it lands in.

    `column` is a lookup on `model` (the target's own model when empty); `owner` links a row of
    that model back to the target's record; `where` selects the rows meant (an address kind).
    An array is filled when the target's record has at least one such row.
    """

    path: str
    label: str  # lazy: shown in the language of the screen
    type: str
    column: str
    model: str = ""
    owner: str = "pk"
    where: tuple[tuple[str, str], ...] = ()


SCOPES = {
    Target.CLIENT_PERSON: Scope("clients.Client", (("kind", "person"),)),
    Target.CLIENT_COMPANY: Scope("clients.Client", (("kind", "company"),)),
    Target.LOAN_APPLICATION: Scope("clients.LoanApplication"),
    Target.CONTRACT: Scope("clients.Contract"),
}

# Fields no rule can make optional: every lead needs them to become a client at all.
LOCKED = {
    Target.CLIENT_PERSON: frozenset({"firstName", "mobilePhone"}),
    Target.CLIENT_COMPANY: frozenset({"firstName", "mobilePhone", "title"}),
    Target.LOAN_APPLICATION: frozenset(),
    Target.CONTRACT: frozenset(),
}


def _address(prefix: str, label: str, kind: str) -> list[FieldSpec]:
    parts = [
        ("countryId", _("country"), T.REFERENCE, "country"),
        ("fiasId", _("FIAS id"), T.STRING, "fias_id"),
        ("fullAddressText", _("full address"), T.STRING, "full_address_text"),
        ("fiasChain", _("FIAS chain"), T.OBJECT, "fias_chain"),
        ("postalCode", _("postal code"), T.STRING, "postal_code"),
        ("regionName", _("region"), T.STRING, "region_name"),
        ("localityName", _("locality"), T.STRING, "locality_name"),
        ("streetName", _("street"), T.STRING, "street_name"),
        ("houseNo", _("house"), T.STRING, "house_no"),
        ("blockNo", _("block"), T.STRING, "block_no"),
        ("buildingNo", _("building"), T.STRING, "building_no"),
        ("apartmentNo", _("flat"), T.STRING, "apartment_no"),
        ("housingType", _("kind of housing"), T.STRING, "housing_type"),
        ("metroStation", _("metro station"), T.STRING, "metro_station"),
        ("oldAddressText", _("old address text"), T.STRING, "old_address_text"),
        ("regDate", _("registered since"), T.DATE, "reg_date"),
        ("telephone", _("telephone"), T.STRING, "telephone"),
        ("timeZone", _("time zone"), T.STRING, "time_zone"),
        ("attributes", _("attributes"), T.OBJECT, "attributes"),
    ]
    return [
        FieldSpec(
            f"{prefix}.{key}",
            format_lazy("{}: {}", label, name),
            type_,
            column,
            "clients.Address",
            "client_id",
            (("kind", kind),),
        )
        for key, name, type_, column in parts
    ]


def _client(*, company: bool) -> list[FieldSpec]:
    fields = [
        FieldSpec("naturalPerson", _("private person"), T.BOOLEAN, "kind"),
        FieldSpec("firstName", _("first name"), T.STRING, "first_name"),
        FieldSpec("lastName", _("last name"), T.STRING, "last_name"),
        FieldSpec("patronymic", _("patronymic"), T.STRING, "patronymic"),
    ]
    if company:
        fields.append(FieldSpec("title", _("company name"), T.STRING, "title"))
    fields += [
        FieldSpec("registrationNumber", _("OGRN / OGRNIP"), T.STRING, "registration_number"),
        FieldSpec("sexId", _("sex"), T.REFERENCE, "sex"),
        FieldSpec("birthDate", _("date of birth"), T.DATE, "birth_date"),
        FieldSpec("birthPlace", _("place of birth"), T.STRING, "birth_place"),
        FieldSpec("birthCountryId", _("country of birth"), T.REFERENCE, "birth_country"),
        FieldSpec("mobilePhone", _("mobile phone"), T.STRING, "mobile_phone"),
        FieldSpec("email", _("e-mail"), T.STRING, "email"),
        FieldSpec("inn", _("INN"), T.STRING, "inn"),
        FieldSpec("snils", _("SNILS"), T.STRING, "snils"),
        FieldSpec("employerTitle", _("employer"), T.STRING, "employer_title"),
        FieldSpec("employerInn", _("employer INN"), T.STRING, "employer_inn"),
        FieldSpec("meanIncome", _("average monthly income"), T.DECIMAL, "mean_income"),
        FieldSpec("averageMonthlyCost", _("average monthly expenses"), T.DECIMAL, "average_monthly_cost"),
        FieldSpec("childrenCount", _("children"), T.INTEGER, "children_count"),
        FieldSpec("adultChildrenCount", _("adult children"), T.INTEGER, "adult_children_count"),
        FieldSpec("dependentsCount", _("dependants"), T.INTEGER, "dependents_count"),
    ]
    if not company:
        passport = [
            ("seria", _("series"), T.STRING, "series"),
            ("no", _("number"), T.STRING, "number"),
            ("issueDate", _("issue date"), T.DATE, "issue_date"),
            ("closeDate", _("expiry date"), T.DATE, "close_date"),
            ("manager", _("issued by"), T.STRING, "issued_by"),
            ("subdivisionCode", _("issuing unit code"), T.STRING, "subdivision_code"),
            ("extraNumber", _("additional number"), T.STRING, "extra_number"),
            ("complementaryDocTypeId", _("document type"), T.REFERENCE, "document_type"),
        ]
        fields += [
            FieldSpec(
                f"passport.{key}",
                format_lazy("{}: {}", _("passport"), name),
                type_,
                column,
                "clients.IdentityDocument",
                "client_id",
            )
            for key, name, type_, column in passport
        ]
    fields += _address("addressData", _("actual address"), "actual")
    fields += _address("registrationAddressData", _("registration address"), "registration")
    fields += [
        FieldSpec(
            "addresses",
            _("further addresses"),
            T.ARRAY,
            "pk",
            "clients.Address",
            "client_id",
            (("kind", "additional"),),
        ),
        FieldSpec("relatives", _("relatives"), T.ARRAY, "pk", "clients.Relative", "client_id"),
    ]
    return fields


def _money_terms(manager_column: str) -> list[FieldSpec]:
    return [
        FieldSpec("managerId", _("loan officer"), T.INTEGER, manager_column),
        FieldSpec("creditProductId", _("credit product"), T.INTEGER, "credit_product"),
        FieldSpec("amount", _("amount"), T.DECIMAL, "amount"),
        FieldSpec("period", _("period"), T.INTEGER, "period"),
        FieldSpec("periodUnit", _("period unit"), T.STRING, "period_unit"),
    ]


def _loan_application() -> list[FieldSpec]:
    return [
        FieldSpec("channel", _("channel"), T.STRING, "channel"),
        *_money_terms("manager"),
        FieldSpec("subdivisionId", _("subdivision"), T.REFERENCE, "subdivision"),
        FieldSpec("howYouKnowId", _("how the applicant heard of us"), T.REFERENCE, "how_you_know"),
        FieldSpec("storeCode", _("shop code"), T.STRING, "store_code"),
        FieldSpec("storeTypeId", _("shop category"), T.REFERENCE, "store_type"),
        FieldSpec("orderCode", _("order code"), T.STRING, "order_code"),
        FieldSpec("referralLink", _("referral link"), T.STRING, "referral_link"),
        FieldSpec("monthlyCreditPayment", _("monthly payments on current loans"), T.DECIMAL, "monthly_credit_payment"),
        FieldSpec("activeCreditsCount", _("open loans"), T.INTEGER, "active_credits_count"),
        FieldSpec("closedCreditsCount", _("repaid loans"), T.INTEGER, "closed_credits_count"),
        FieldSpec("activeCreditsAmount", _("current debt"), T.DECIMAL, "active_credits_amount"),
        FieldSpec("activeDelinquencyAmount", _("current overdue amount"), T.DECIMAL, "active_delinquency_amount"),
        FieldSpec("delinquencyCount", _("overdue episodes"), T.INTEGER, "delinquency_count"),
        FieldSpec("payedDelinquencyCount", _("settled overdue episodes"), T.INTEGER, "payed_delinquency_count"),
        FieldSpec("writtenDelinquencyCount", _("written-off overdue episodes"), T.INTEGER, "written_delinquency_count"),
        FieldSpec("leadDebts", _("loans elsewhere"), T.ARRAY, "pk", "clients.LeadDebt", "application_id"),
        FieldSpec("goods", _("goods"), T.ARRAY, "pk", "clients.Goods", "application_id"),
    ]


def _contract() -> list[FieldSpec]:
    # A contract keeps the manager's legal entity, not the manager.
    return [
        *_money_terms("legal_entity"),
        FieldSpec("gettingMoneyMethodId", _("payout method"), T.REFERENCE, "getting_money_method"),
        FieldSpec("cardNumber", _("card number"), T.STRING, "card_number_masked"),
        FieldSpec("cardHolder", _("card holder"), T.STRING, "card_holder"),
        FieldSpec("validThruMonth", _("card expiry month"), T.STRING, "valid_thru_month"),
        FieldSpec("validThruYear", _("card expiry year"), T.STRING, "valid_thru_year"),
    ]


CATALOGUE: dict[str, tuple[FieldSpec, ...]] = {
    Target.CLIENT_PERSON: tuple(_client(company=False)),
    Target.CLIENT_COMPANY: tuple(_client(company=True)),
    Target.LOAN_APPLICATION: tuple(_loan_application()),
    Target.CONTRACT: tuple(_contract()),
}


def extra_field_path(target: str, name: str) -> str:
    """The rule path of an extra field: `extraFields[client.NAME]`, the name as integrators send it."""
    return f"extraFields[{EXTRA_FIELD_PREFIX[target]}{name}]"
