"""Remove what a file says about who made it, before anyone else can download it.

A confidential complainant is identified as surely by a PDF's Author, a Word file's "last modified
by" or a photo's GPS position as by their name on the form. Every upload (complaint files, evidence,
consultation documents) goes through `clean_file`, and only the cleaned copy is kept. A file that
cannot be cleaned is refused (`CannotClean`), never stored as it came.

What is removed, by type:
- PDF (pikepdf): the Info dictionary (Author, Creator, Producer, Title…), every XMP metadata stream
  (the document's and any page's or image's), application private data (PieceInfo) and the author
  of each comment (annotation /T); photos inside lose their EXIF, XMP and IPTC segments, their
  image data untouched. Saving rewrites the file, so earlier revisions go too.
- Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp), which are zip files: the
  document properties (docProps/core.xml, app.xml, custom.xml; meta.xml) are replaced by empty ones;
  the authors of comments and tracked changes are blanked in every part; pictures inside are cleaned
  as images below.
- Images (Pillow): EXIF (Artist, camera owner, GPS), XMP, IPTC, comments, text chunks and colour
  profiles are dropped by redrawing the pixels into a new image. The EXIF orientation is applied
  to the pixels first, so a photo still stands the right way up.
- Plain text has nowhere to hide metadata and is kept as it is.
"""

import io
import re
import zipfile

import pikepdf
from PIL import Image, ImageOps, ImageSequence

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
JPEG = "image/jpeg"
PNG = "image/png"
GIF = "image/gif"
WEBP = "image/webp"
TEXT = "text/plain"

OFFICE_OPEN_XML = {DOCX, XLSX, PPTX}
OPEN_DOCUMENT = {ODT, ODS, ODP}
IMAGES = {JPEG: "JPEG", PNG: "PNG", GIF: "GIF", WEBP: "WEBP"}
# The types clean_file can clean; anything else cannot be accepted.
CLEANABLE = {PDF, TEXT, *OFFICE_OPEN_XML, *OPEN_DOCUMENT, *IMAGES}

# Limits on what a small upload may unpack to, so that a "zip bomb" or a huge image cannot take the
# server's memory: far beyond any real document or photo.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 60-megapixel photo, summed over an animation's frames

CORRUPT = "damaged"
LOCKED = "password protected"


class CannotClean(Exception):
    """The file could not be opened to be cleaned. `reason` is CORRUPT or LOCKED."""

    def __init__(self, reason: str = CORRUPT):
        super().__init__(reason)
        self.reason = reason


def clean_file(data: bytes, content_type: str) -> bytes:
    """`data` without the metadata that could identify who made it. Raises CannotClean."""
    if content_type == TEXT:
        return data
    try:
        if content_type == PDF:
            return _clean_pdf(data)
        if content_type in OFFICE_OPEN_XML or content_type in OPEN_DOCUMENT:
            return _clean_zip_document(data, open_document=content_type in OPEN_DOCUMENT)
        if content_type in IMAGES:
            return _clean_image(data, IMAGES[content_type])
    except CannotClean:
        raise
    except pikepdf.PasswordError:
        raise CannotClean(LOCKED) from None
    except Exception as exc:  # a damaged file can fail in any library in any way
        raise CannotClean(CORRUPT) from exc
    raise CannotClean(CORRUPT)


# What an image may still say after cleaning: how to show it, nothing about who made it.
_HARMLESS_IMAGE_INFO = frozenset(
    "jfif jfif_version jfif_unit jfif_density dpi loop duration background transparency version "
    "progressive progression adobe adobe_transform interlace".split()
)


def holds_metadata(data: bytes, content_type: str) -> bool:
    """Whether cleaning would remove anything: for files stored before uploads were cleaned. Images
    are looked at rather than cleaned again, since redrawing a JPEG loses a little each time."""
    if content_type == TEXT:
        return False
    if content_type in IMAGES:
        return _image_holds_metadata(data)
    try:
        return clean_file(data, content_type) != data
    except CannotClean:
        return True


def _image_holds_metadata(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as image:
            info = dict(image.info)
            if info.get("extension", (b"",))[0][:11] == b"NETSCAPE2.0":
                del info["extension"]  # a GIF's "play in a loop"
            return bool(image.getexif()) or any(key not in _HARMLESS_IMAGE_INFO for key in info)
    except Exception:
        return True  # cannot be read: let the cleaning say why


# PDF --------------------------------------------------------------------------------------------

# Keys whose values say who made or changed something. /T on a widget is a form field's name, which
# the form needs; on any other annotation (a comment, a highlight) it is its author.
_PDF_PRIVATE_KEYS = ("/Metadata", "/PieceInfo")


def _drop_private_keys(obj) -> None:
    for key in _PDF_PRIVATE_KEYS:
        if key in obj:
            del obj[key]


def _clean_pdf(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if pdf.is_encrypted and not pdf.allow.modify_other:
            # Opened without a password but locked against changes: removing the lock would be
            # changing someone else's document; ask for an unlocked copy instead.
            raise CannotClean(LOCKED)
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                _drop_private_keys(obj)
        for obj in pdf.objects:
            # Photos inside a PDF (a phone's scan) keep their EXIF: strip it without re-encoding.
            if (
                isinstance(obj, pikepdf.Stream)
                and obj.get("/Subtype") == "/Image"
                and obj.get("/Filter") == "/DCTDecode"
            ):
                raw = obj.read_raw_bytes()
                stripped = strip_jpeg_segments(raw)
                if stripped != raw:
                    obj.write(stripped, filter=pikepdf.Name.DCTDecode)
        for page in pdf.pages:
            _drop_private_keys(page.obj)
            for annotation in page.obj.get("/Annots", []):
                if isinstance(annotation, pikepdf.Dictionary):
                    _drop_private_keys(annotation)
                    if annotation.get("/Subtype") != "/Widget" and "/T" in annotation:
                        del annotation["/T"]
        out = io.BytesIO()
        # Saved afresh (no incremental update), unencrypted, without a new Info dictionary.
        pdf.save(out, fix_metadata_version=False, encryption=False, deterministic_id=True)
    return out.getvalue()


# JPEG markers kept: APP0 (JFIF), APP2 only for a colour profile, APP14 (Adobe: how to read CMYK).
# Dropped: APP1 (EXIF, XMP), APP13 (IPTC), other application segments and comments (COM).
_APP2, _APP14, _COM = 0xE2, 0xEE, 0xFE


def strip_jpeg_segments(data: bytes) -> bytes:
    """The JPEG without its metadata segments, the image data untouched (no re-encoding)."""
    if not data.startswith(b"\xff\xd8"):
        raise CannotClean(CORRUPT)
    out, i = bytearray(b"\xff\xd8"), 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise CannotClean(CORRUPT)
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[i:]
            return bytes(out)
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        segment = data[i : i + 2 + length]
        colour_profile = marker == _APP2 and segment[4:16] == b"ICC_PROFILE\0"
        application = 0xE1 <= marker <= 0xEF and marker != _APP14 and not colour_profile
        if not (application or marker == _COM):
            out += segment
        i += 2 + length
    raise CannotClean(CORRUPT)


# Office Open XML and OpenDocument -------------------------------------------------------------------

_EMPTY_PARTS = {
    "docProps/core.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        b' xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
    ),
    "docProps/app.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
    ),
    "docProps/custom.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
    ),
    "meta.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' office:version="1.2"><office:meta/></office:document-meta>'
    ),
}
# Names of people inside the document's own parts: authors and initials of comments and tracked
# changes (Word's w:author, w15:author, w:initials; PowerPoint's comment authors; Excel's threaded
# comment people), <dc:creator> on OpenDocument comments and changes, and Excel's <author> list.
_AUTHOR_ATTRIBUTES = re.compile(
    rb'(\s(?:[A-Za-z0-9]+:)?(?:author|initials|userId|providerId)\s*=\s*)("[^"]*"|\'[^\']*\')'
)
_PEOPLE_ATTRIBUTES = re.compile(rb'(\s(?:name|initials|displayName)\s*=\s*)("[^"]*"|\'[^\']*\')')
_AUTHOR_ELEMENTS = re.compile(rb"(<(dc:creator|author|cp:lastModifiedBy)(?:\s[^>]*)?>)[^<]*(</\2>)")
# Parts that list people only: every name attribute there is a person's.
_PEOPLE_PARTS = re.compile(r"^(ppt/commentAuthors\.xml|ppt/authors\.xml|xl/persons/[^/]+\.xml|word/people\.xml)$")
_PICTURE = re.compile(r"\.(jpe?g|png|gif|webp)$", re.IGNORECASE)


def _clean_part(name: str, data: bytes) -> bytes:
    if name in _EMPTY_PARTS:
        return _EMPTY_PARTS[name]
    if name.endswith((".xml", ".rels")) or name.endswith(".vml"):
        data = _AUTHOR_ATTRIBUTES.sub(rb'\1""', data)
        data = _AUTHOR_ELEMENTS.sub(rb"\1\3", data)
        if _PEOPLE_PARTS.match(name):
            data = _PEOPLE_ATTRIBUTES.sub(rb'\1""', data)
        return data
    match = _PICTURE.search(name)
    # A picture already clean is kept as it is: redrawing a JPEG loses a little each time.
    if match and _image_holds_metadata(data):
        kind = match.group(1).lower()
        return _clean_image(data, {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}[kind])
    return data


def _clean_zip_document(data: bytes, *, open_document: bool) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        if sum(info.file_size for info in source.infolist()) > MAX_UNPACKED_BYTES:
            raise CannotClean(CORRUPT)
        for info in source.infolist():
            if info.is_dir():
                continue
            content = _clean_part(info.filename, source.read(info))
            # A fresh entry: no original timestamps, comments or extra fields (which can hold the
            # owner's user id). OpenDocument needs "mimetype" first and uncompressed, as it came.
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stored = open_document and info.filename == "mimetype"
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


# Images ------------------------------------------------------------------------------------------


def _redrawn(frame: Image.Image) -> Image.Image:
    """The same pixels in a new image, which carries no metadata at all."""
    if frame.mode not in ("1", "L", "LA", "RGB", "RGBA", "CMYK", "I;16", "I", "F"):
        frame = frame.convert("RGBA")
    return Image.frombytes(frame.mode, frame.size, frame.tobytes())


def _clean_image(data: bytes, image_format: str) -> bytes:
    out = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        if image.format != image_format:
            raise CannotClean(CORRUPT)
        if image.width * image.height * getattr(image, "n_frames", 1) > MAX_PIXELS:
            raise CannotClean(CORRUPT)
        image.load()
        frames = [
            (_redrawn(ImageOps.exif_transpose(f.copy())), f.info.get("duration")) for f in ImageSequence.Iterator(image)
        ]
        loop = image.info.get("loop")
    first, *rest = [frame for frame, _ in frames]
    options: dict = {}
    if image_format == "JPEG":
        first = first.convert("RGB") if first.mode not in ("L", "RGB", "CMYK") else first
        options = {"quality": 92}
    elif image_format == "WEBP":
        options = {"quality": 90}
    if rest and image_format in ("GIF", "WEBP", "PNG"):
        options.update(save_all=True, append_images=rest)
        durations = [duration or 100 for _, duration in frames]
        options["duration"] = durations
        if loop is not None:
            options["loop"] = loop
    first.save(out, format=image_format, **options)
    return out.getvalue()
