from clients.models.addresses import Address
from clients.models.backoffice import ClientMerge, NotDuplicate
from clients.models.choices import (
    AddressKind,
    AddressVerification,
    Channel,
    ClientKind,
    ContractStatus,
    LoanApplicationStatus,
    PeriodUnit,
)
from clients.models.lending import Contract, Goods, LeadDebt, LoanApplication
from clients.models.organisation import CreditProduct, LegalEntity, Manager
from clients.models.parties import Client, IdentityDocument, Relative

__all__ = [
    "Address",
    "AddressKind",
    "AddressVerification",
    "Channel",
    "Client",
    "ClientKind",
    "ClientMerge",
    "Contract",
    "ContractStatus",
    "CreditProduct",
    "Goods",
    "IdentityDocument",
    "LeadDebt",
    "LegalEntity",
    "LoanApplication",
    "LoanApplicationStatus",
    "Manager",
    "NotDuplicate",
    "PeriodUnit",
    "Relative",
]
