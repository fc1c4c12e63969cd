from clients.selectors.records import client_get, contract_get, loan_application_get

__all__ = ["client_get", "contract_get", "loan_application_get"]
