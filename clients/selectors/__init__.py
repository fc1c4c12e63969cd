from clients.selectors.records import (
    client_get,
    clients_visible_to,
    contract_get,
    loan_application_get,
    with_client_readable,
)

__all__ = ["client_get", "clients_visible_to", "contract_get", "loan_application_get", "with_client_readable"]
