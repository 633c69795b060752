from organisations.roles import roles_for


def can_view_change_history(user) -> bool:
    # The steering group watches everything in its Compact (design.md §4); site admins run the service.
    roles = roles_for(user)
    return roles.is_steering or roles.is_site_admin


def compacts_in_view(user) -> frozenset[int] | None:
    """The Compacts whose records' history this person may read; None means all (site admins)."""
    roles = roles_for(user)
    return None if roles.is_site_admin else roles.steering_compacts
