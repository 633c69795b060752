"""URL map. Each app owns its paths in full (e.g. organisations serves /organisations/ and
/eligibility/), so the map here only says which apps exist and where the open-data API lives."""

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseServerError
from django.template import loader
from django.urls import include, path
from django.views.generic import TemplateView

from common.views import home

from .openapi import openapi_document

# /healthz is answered by common.health.HealthCheckMiddleware, ahead of the HTTPS redirect.


def server_error(request):
    # Django's own handler renders 500.html with no context processors, so the contact address would
    # be blank; this passes it in and nothing else (the request may be what failed).
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"contact_email": settings.CONTACT_EMAIL}))


handler500 = server_error


urlpatterns = [
    path("", home, name="home"),
    path("about/", TemplateView.as_view(template_name="pages/about.html"), name="about"),
    path("accessibility/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path("glossary/", TemplateView.as_view(template_name="pages/glossary.html"), name="glossary"),
    path("admin/", admin.site.urls),
    # Assembled from every app's openapi.py, so served by the project, not by any one app.
    path("api/v1/openapi.json", openapi_document, name="api-openapi"),
    path("accounts/", include("accounts.urls")),
    path("", include("organisations.urls")),
    path("", include("undertakings.urls")),
    path("", include("funding.urls")),
    path("", include("consultations.urls")),
    path("", include("representation.urls")),
    path("", include("complaints.urls")),
    path("", include("reviews.urls")),
    path("", include("audit.urls")),
]

admin.site.site_header = "Compact compliance portal administration"
admin.site.site_title = "Compact portal admin"
