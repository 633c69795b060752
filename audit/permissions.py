from organisations.roles import roles_for


def can_view_change_history(user) -> bool:
    # The steering group watches everything (design.md §4); site admins run the service.
    roles = roles_for(user)
    return roles.is_steering or roles.is_site_admin
