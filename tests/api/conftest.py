from tests.leads.conftest import demo_manager, gar_sample  # noqa: F401
