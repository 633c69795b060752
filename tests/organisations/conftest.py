import pytest

from organisations.reference import load_reference_data


@pytest.fixture
def reference_data(db):
    """The 19 ONS 2021 ethnic groups and the service areas, as `make run` loads them."""
    load_reference_data()
