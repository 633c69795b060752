"""How django-axes counts failed sign-ins (settings AXES_*).

The email is one account whatever its letter case or surrounding spaces (sign-in looks it up with
`iexact`), so axes must count it the same way: otherwise "Olu@…", "OLU@…" and "olu@…" each got five
guesses of their own. Failures are counted twice, per account and per address, and either count
locks. A successful sign-in clears only the failures that this account made from this address: a
success at an address must not wipe another account's count (an attacker signing in to their own
account between guesses), nor the whole address's.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt

from common.ratelimit import client_address


def client_ip_for_lockout(request) -> str | None:
    """The address django-axes counts and records: the rate limiters' client address when it is an IP
    address, else None. Axes stores it in an IP column (PostgreSQL's inet), which refuses the
    limiters' "unknown" for a request with no address (a sign-in made by a script or a test)."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def normalise_email(value) -> str:
    return str(value or "").strip().lower()


def username_for_lockout(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: the account a sign-in attempt is for, as the lock-out counts it."""
    if credentials:
        return normalise_email(credentials.get("username"))
    return normalise_email(getattr(request, "POST", {}).get("username"))


class AccountLockoutHandler(AxesDatabaseHandler):
    def reset_user_attempts(self, request, credentials=None) -> int:
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        ).delete()
        return count
