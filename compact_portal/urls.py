"""URL map. Each app owns its paths in full (e.g. organisations serves /organisations/ and
/eligibility/), so the map here only says which apps exist and where the open-data API lives."""

from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path
from django.views.generic import TemplateView


def health(request):
    # For the load balancer and docker-compose healthcheck: the process answers; no database hit.
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", TemplateView.as_view(template_name="pages/home.html"), name="home"),
    path("about/", TemplateView.as_view(template_name="pages/about.html"), name="about"),
    path("accessibility/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path("healthz", health, name="health"),
    path("admin/", admin.site.urls),
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
