"""The one way a view refuses someone a permission function said no to: `deny_unless(can_…(user, obj))`
answers 403. (Records a person may not know exist answer 404 instead, through each app's
`get_<obj>_for_user` helpers in its permissions.py.)"""

from django.core.exceptions import PermissionDenied


def deny_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
