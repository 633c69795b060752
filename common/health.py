"""The health check, answered before any other middleware."""

from django.http import HttpResponse

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answer `/healthz` first, before the HTTPS redirect and the allowed-host check.

    The container healthcheck and a load balancer call it over plain HTTP on the container's own
    address (127.0.0.1), which is neither HTTPS nor one of ALLOWED_HOSTS: behind SecurityMiddleware it
    got a 301 to https:// and never passed. It says only that the process answers and reads nothing,
    so answering it to any host over any scheme reveals nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return HttpResponse("ok", content_type="text/plain")
        return self.get_response(request)
