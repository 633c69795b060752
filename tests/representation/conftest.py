import pytest

from organisations.reference import load_reference_data


@pytest.fixture(autouse=True)
def _reference_data(db):
    load_reference_data()
