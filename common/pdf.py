"""What WeasyPrint may read while it draws a PDF: `data:` URIs and the portal's own static files.

Its default fetcher follows any URL in the document: `file:///etc/passwd`, the cloud metadata
address, or the portal itself over HTTP (a request to the same few workers, which can stall them).
Text people typed is escaped, but a PDF must not depend on that alone. This fetcher reads a URL
whose path lies under STATIC_URL from the static files on disk (whatever host or scheme the base URL
gave it), decodes `data:` URIs, and refuses everything else; WeasyPrint then leaves that resource out.
"""

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse


class StaticFilesOnly(URLFetcher):
    def __init__(self):
        super().__init__(allowed_protocols=["data"], allow_redirects=False)

    def fetch(self, url, headers=None):
        if url.lower().startswith("data:"):
            return super().fetch(url, headers)
        path = static_file_for(url)
        if path is None:
            raise ValueError(f"PDFs may only use the portal's own static files, not {url[:100]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def static_file_for(url: str) -> Path | None:
    """The static file a URL names, or None when it names anything else."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https", "file", ""):
        return None
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    path = posixpath.normpath(unquote(parts.path))
    if not path.startswith(prefix):
        return None
    relative = path[len(prefix) :]
    if not relative or relative.startswith("/") or ".." in relative.split("/"):
        return None
    found = finders.find(relative)
    candidates = [Path(found)] if isinstance(found, str) else []
    if settings.STATIC_ROOT:
        candidates.append(Path(settings.STATIC_ROOT) / relative)
    for candidate in candidates:
        resolved = candidate.resolve()
        if resolved.is_file() and _inside_static_dirs(resolved):
            return resolved
    return None


def _inside_static_dirs(path: Path) -> bool:
    roots = [Path(d if isinstance(d, str | Path) else d[1]).resolve() for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    for finder in finders.get_finders():  # the project's static folders and each app's
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location).resolve())
    return any(path.is_relative_to(root) for root in roots)


def url_fetcher() -> StaticFilesOnly:
    """The fetcher every PDF in the portal is drawn with."""
    return StaticFilesOnly()
