"""Response headers the portal sets on every dynamic page."""

from django.utils.cache import patch_cache_control


class NoStoreMiddleware:
    """`Cache-Control: no-store, private` on every response the portal builds, so no browser, proxy
    or shared computer keeps a copy of a page or download that shows personal or confidential data.

    Deciding page by page which ones show such data is what went wrong before (a complaint's page
    and its files were marked, its CSV was not), so the rule is the other way round: everything is
    no-store unless a view says it is the same for everyone (`Cache-Control: public`), and even
    then not for a signed-in person, whose pages carry their name. Static files are served by
    WhiteNoise before this middleware runs and keep their long-lived caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        declared_public = "public" in response.get("Cache-Control", "")
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or not declared_public:
            if response.has_header("Cache-Control"):
                del response["Cache-Control"]
            patch_cache_control(response, no_store=True, private=True)
        return response
