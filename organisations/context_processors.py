from django.utils.functional import SimpleLazyObject

from .roles import roles_for


def portal_roles(request):
    # Lazy: pages that never show role-dependent parts make no queries for it.
    return {"portal_roles": SimpleLazyObject(lambda: roles_for(getattr(request, "user", None)))}
