"""Settings every page may print."""

from django.conf import settings


def contacts(request):
    # The team's addresses come from the deployment (CONTACT_EMAIL, ACCESSIBILITY_EMAIL), never a
    # placeholder in a template that a council would have to find and edit.
    return {"contact_email": settings.CONTACT_EMAIL, "accessibility_email": settings.ACCESSIBILITY_EMAIL}
