"""The one check every upload passes (evidence, complaint files, consultation documents).

1. What the file is comes from its first bytes (the `filetype` package's magic numbers), never from
   its name; it must be one of the types the caller accepts.
2. A name that claims another type is refused, saying what the content really is ("annual-report.pdf
   is not a PDF: its content is a web page"), and so is a name ending in a type nobody may upload
   here (.hta, .bat, .js, .html, .svg…), whatever is inside.
3. Hidden details that could identify who made the file are removed (common.metadata); a file that
   cannot be cleaned is refused, never kept as it came.
4. The stored and downloaded name ends in the extension of what the file is: text is `.txt` or `.csv`.
"""

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from . import metadata
from .metadata import CannotClean

SAMPLE_BYTES = 64 * 1024
TEXT = "text/plain"
CSV = "text/csv"
OLD_WORD = "application/msword"
OLD_EXCEL = "application/vnd.ms-excel"
OLD_POWERPOINT = "application/vnd.ms-powerpoint"


@dataclass(frozen=True)
class Kind:
    extension: str
    label: str  # "a PDF": what we call it in a sentence
    noun: str  # "PDF": "Upload the PDF itself."


KINDS = {
    metadata.PDF: Kind("pdf", "a PDF", "PDF"),
    metadata.DOCX: Kind("docx", "a Word document", "Word document"),
    metadata.XLSX: Kind("xlsx", "an Excel spreadsheet", "Excel spreadsheet"),
    metadata.PPTX: Kind("pptx", "a PowerPoint presentation", "PowerPoint presentation"),
    metadata.ODT: Kind("odt", "an OpenDocument text document", "OpenDocument text document"),
    metadata.ODS: Kind("ods", "an OpenDocument spreadsheet", "OpenDocument spreadsheet"),
    metadata.ODP: Kind("odp", "an OpenDocument presentation", "OpenDocument presentation"),
    metadata.JPEG: Kind("jpg", "a JPEG image", "JPEG image"),
    metadata.PNG: Kind("png", "a PNG image", "PNG image"),
    metadata.GIF: Kind("gif", "a GIF image", "GIF image"),
    metadata.WEBP: Kind("webp", "a WebP image", "WebP image"),
    TEXT: Kind("txt", "plain text", "text file"),
    CSV: Kind("csv", "plain text", "CSV file"),
    OLD_WORD: Kind("doc", "an older Word document (.doc)", "Word document"),
    OLD_EXCEL: Kind("xls", "an older Excel spreadsheet (.xls)", "Excel spreadsheet"),
    OLD_POWERPOINT: Kind("ppt", "an older PowerPoint presentation (.ppt)", "PowerPoint presentation"),
    "image/heic": Kind("heic", "a HEIC photo", "HEIC photo"),
}
# What a name's ending claims the file is.
CLAIMS = {kind.extension: mime for mime, kind in KINDS.items()} | {
    "jpeg": metadata.JPEG,
    "jpe": metadata.JPEG,
    "jfif": metadata.JPEG,
    "text": TEXT,
    "heif": "image/heic",
}
# Endings Windows (or a browser) would run or render, and archives that could hold them: refused
# whatever the content, because the person opening the file sees the name, not the content.
REFUSED_ENDINGS = frozenset(
    "hta htm html xhtml shtml mht mhtml svg svgz xml xsl js mjs jse vbs vbe wsf wsh wsc ps1 psm1 psd1 bat cmd com "
    "exe msi msp scr pif cpl dll ocx sys lnk url reg inf scf chm hlp jar class py pyw pl rb sh php asp aspx jsp "
    "application gadget msc appref-ms iso img vhd vhdx zip rar 7z gz tar cab docm dotm xlsm xltm xlam pptm potm "
    "ppam sldm rtf swf".split()
)
# Content we recognise but do not accept, named so the person knows what they sent.
OTHER_CONTENT = {
    "application/x-msdownload": "a Windows program",
    "application/x-executable": "a program",
    "application/zip": "a zip archive",
    "application/x-rar-compressed": "a compressed archive",
    "application/x-7z-compressed": "a compressed archive",
    "application/gzip": "a compressed archive",
    "application/rtf": "a rich text (.rtf) document",
    "image/bmp": "a bitmap image",
    "image/tiff": "a TIFF image",
}

NAME_CLAIMS_OTHER_TYPE = "{name} is not {claimed}: its content is {actual}. Upload the {noun} itself."
ENDING_REFUSED = "{name} is a .{ending} file, which cannot be uploaded here. {accepted}"
OLD_OFFICE_FORMAT = (
    "{name} is in an older Office format, which we cannot check. Save it as a .{modern} file or a PDF and upload that."
)
CANNOT_OPEN = "{name} could not be opened: it may be damaged. Save it again and upload the new copy."
PASSWORD_PROTECTED = "{name} is protected by a password. Upload a copy without a password."
MODERN = {OLD_WORD: "docx", OLD_EXCEL: "xlsx", OLD_POWERPOINT: "pptx"}
# Word, Excel and PowerPoint files before 2007 are OLE compound files; their properties (author,
# company, last saved by) cannot be removed here, so they are refused with a way forward.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLD_OFFICE = "application/x-ole-storage"


@dataclass(frozen=True)
class AcceptedFile:
    """An upload that passed the check: its cleaned content, what it is, and the name to show."""

    content: bytes
    content_type: str
    name: str

    @property
    def extension(self) -> str:
        return KINDS[self.content_type].extension

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    def as_file(self) -> ContentFile:
        return ContentFile(self.content, name=self.name)


def accept_upload(upload, *, accepted, not_accepted: str, field: str = "file") -> AcceptedFile:
    """Check `upload` against the types in `accepted` (MIME types; "text/plain" lets in text, stored
    as .txt, or as .csv when the name says so) and return its cleaned copy. Refusals are a
    ValidationError on `field`; `not_accepted` is the caller's sentence listing what it accepts."""
    accepted = set(accepted)
    name = _base_name(upload.name)
    stem, ending = _split(name)
    claimed = CLAIMS.get(ending)
    if ending in REFUSED_ENDINGS:
        raise _refused(field, ENDING_REFUSED.format(name=name, ending=ending, accepted=not_accepted))

    detected = sniff_type(upload, accepted - {CSV}, text=TEXT in accepted or CSV in accepted)
    if detected == TEXT and claimed == CSV:
        detected = CSV
    actual_type, actual = describe_content(upload)
    if detected is None and actual_type in (OLD_OFFICE, *MODERN):
        modern = MODERN.get(claimed, "docx") if claimed is not None else "docx"
        raise _refused(field, OLD_OFFICE_FORMAT.format(name=name, modern=modern))
    if claimed is not None and _plain(claimed) != _plain(detected):
        if _plain(claimed) != _plain(actual_type) and actual_type is not None:
            claim = KINDS[claimed]
            message = NAME_CLAIMS_OTHER_TYPE.format(name=name, claimed=claim.label, actual=actual, noun=claim.noun)
            raise _refused(field, message)
    if detected is None:
        raise _refused(field, not_accepted)

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        cleaned = metadata.clean_file(data, TEXT if detected == CSV else detected)
    except CannotClean as exc:
        message = PASSWORD_PROTECTED if exc.reason == metadata.LOCKED else CANNOT_OPEN
        raise _refused(field, message.format(name=name)) from None
    if claimed is None and ending:
        stem = f"{stem}.{ending}"  # "Minutes v2.final" keeps its dots; the real type comes last
    return AcceptedFile(content=cleaned, content_type=detected, name=f"{stem}.{KINDS[detected].extension}")


def safe_download_name(name: str, content_type: str) -> str:
    """The name to download a stored file under: the stored name, with the ending of what the file
    is (files stored before names were checked may end in anything)."""
    kind = KINDS.get(content_type)
    stem, ending = _split(_base_name(name))
    if kind is None:
        return f"{stem}.bin"
    if ending and ending != kind.extension and CLAIMS.get(ending) != content_type:
        stem = f"{stem}.{ending}" if ending not in REFUSED_ENDINGS and ending not in CLAIMS else stem
    return f"{stem}.{kind.extension}"


def _plain(content_type: str | None) -> str | None:
    """CSV is text as far as content goes: only the name tells them apart."""
    return TEXT if content_type == CSV else content_type


def _refused(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _base_name(raw: str) -> str:
    name = PurePosixPath((raw or "").replace("\\", "/")).name
    # Control characters and quotes have no place in a name shown on a page or in a header.
    name = re.sub(r"[\x00-\x1f\x7f\"<>|:*?]", "", name).strip(" .")
    return name[:200] or "file"


def _split(name: str) -> tuple[str, str]:
    if "." not in name:
        return name, ""
    stem, ending = name.rsplit(".", 1)
    return (stem or "file"), ending.lower()


def describe_content(upload) -> tuple[str | None, str]:
    """What the file really is: (a MIME type or None, in words for a refusal message)."""
    upload.seek(0)
    head = upload.read(SAMPLE_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        if kind.mime in KINDS:
            return kind.mime, KINDS[kind.mime].label
        if kind.mime in OTHER_CONTENT:
            return kind.mime, OTHER_CONTENT[kind.mime]
    if head.startswith(OLE_SIGNATURE):
        return OLD_OFFICE, "an older Office document"
    if looks_like_text(head):
        lowered = head[:4096].lower()
        if b"<svg" in lowered:
            return "image/svg+xml", "an SVG drawing"
        if any(tag in lowered for tag in (b"<html", b"<!doctype html", b"<script", b"<body", b"<iframe")):
            return "text/html", "a web page"
        return TEXT, "plain text"
    return None, "a kind of file we do not accept"


def sniff_type(upload, allowed, *, text: bool = False) -> str | None:
    """The MIME type of `upload` when it is one of `allowed`; with `text`, UTF-8 text without control
    characters counts as "text/plain". None otherwise. The file is left at its start."""
    upload.seek(0)
    head = upload.read(SAMPLE_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None and kind.mime in allowed:
        return kind.mime
    # Short signatures match ordinary words too ("BM" is a bitmap, so "BME Forum minutes" would be
    # one): text that decodes cleanly is text, whatever a signature says.
    return TEXT if text and looks_like_text(head) else None


def looks_like_text(sample: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        # final=False: the sample may end part-way through a character.
        decoded = decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return bool(decoded) and all(ch.isprintable() or ch in "\t\r\n\f" or ch == "\ufeff" for ch in decoded)
