"""common.permissions.deny_unless: the one way a view turns a permission function's "no" into a 403."""

import pytest
from django.core.exceptions import PermissionDenied

from common.permissions import deny_unless


def test_a_yes_lets_the_view_go_on():
    assert deny_unless(True) is None


def test_a_no_answers_403():
    with pytest.raises(PermissionDenied):
        deny_unless(False)
