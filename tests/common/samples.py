"""Real files that carry a person's name in their hidden details, one builder a place a name can hide,
and the ways to read those details back (pikepdf, Pillow, zipfile) to prove the name is gone."""

import io
import zipfile

import pikepdf
from PIL import Image, PngImagePlugin

NAME = "Helen Carter"
NAME_BYTES = NAME.encode()
GPS_LATITUDE = (52.0, 14.0, 30.11)

XMP = f"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator><rdf:Seq><rdf:li>{NAME}</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def pdf_bytes(*, text: str = "Notes of the meeting") -> bytes:
    """A one-page PDF naming Helen Carter as Author and Creator (Info) and dc:creator (XMP), with a
    comment she wrote."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    content = pdf.make_stream(f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode())
    page = pdf.pages[0]
    page.obj["/Contents"] = content
    page.obj["/Annots"] = pdf.make_indirect(
        pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Text,
                    Rect=[10, 10, 30, 30],
                    T=pikepdf.String(NAME),
                    Contents=pikepdf.String("Check this"),
                )
            ]
        )
    )
    pdf.docinfo["/Author"] = NAME
    pdf.docinfo["/Creator"] = f"Word for {NAME}"
    pdf.docinfo["/Title"] = "Minutes"
    pdf.Root.Metadata = pdf.make_stream(XMP.encode(), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
    # A photo inside (as a phone's scanning app makes), its EXIF naming her and where it was taken.
    photo = pdf.make_stream(
        jpeg_bytes(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=40,
        Height=20,
        ColorSpace=pikepdf.Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=pikepdf.Name.DCTDecode,
    )
    page.obj["/Resources"] = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=photo))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def encrypted_pdf_bytes() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = NAME
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="owner-secret", user="user-secret"))
    return out.getvalue()


def broken_pdf_bytes() -> bytes:
    return b"%PDF-1.7\n" + NAME_BYTES + b"\n" + b"\x00\xff" * 200


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
</Types>"""
_CORE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Minutes</dc:title><dc:creator>{NAME}</dc:creator>
<cp:lastModifiedBy>{NAME}</cp:lastModifiedBy></cp:coreProperties>"""
_APP = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>Microsoft Office Word</Application><Company>{NAME} Consulting</Company><Manager>{NAME}</Manager>
</Properties>"""
_CUSTOM = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
 xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Owner"><vt:lpwstr>{NAME}</vt:lpwstr></property>
</Properties>"""
_WORD_BODY = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>The council did not reply.</w:t></w:r></w:p>
<w:p><w:ins w:id="1" w:author="{NAME}" w:date="2026-01-01T00:00:00Z"><w:r><w:t>Added later.</w:t></w:r></w:ins></w:p>
</w:body></w:document>"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
</Relationships>"""


def docx_bytes() -> bytes:
    """A Word document whose core properties (dc:creator, cp:lastModifiedBy), app properties
    (Company, Manager), custom properties and a tracked change name Helen Carter, with a photo inside
    that carries her name and position in its EXIF."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("word/document.xml", _WORD_BODY)
        z.writestr(
            "word/comments.xml",
            f'<w:comments xmlns:w="x"><w:comment w:id="0" w:author="{NAME}" w:initials="HC"/></w:comments>',
        )
        z.writestr("word/media/image1.jpeg", jpeg_bytes())
        z.writestr("docProps/core.xml", _CORE)
        z.writestr("docProps/app.xml", _APP)
        z.writestr("docProps/custom.xml", _CUSTOM)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.replace("word/document.xml", "xl/workbook.xml"))
        z.writestr("_rels/.rels", _ROOT_RELS.replace("word/document.xml", "xl/workbook.xml"))
        z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
        z.writestr("xl/comments1.xml", f"<comments><authors><author>{NAME}</author></authors></comments>")
        z.writestr("docProps/core.xml", _CORE)
        z.writestr("docProps/app.xml", _APP)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    """An OpenDocument text whose meta.xml names Helen Carter as initial creator and creator, with a
    comment she wrote."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        z.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<office:body><office:text><text:p>The council did not reply."
            f"<office:annotation><dc:creator>{NAME}</dc:creator><text:p>Check</text:p></office:annotation>"
            "</text:p></office:text></office:body></office:document-content>",
        )
        z.writestr(
            "meta.xml",
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<office:meta><meta:initial-creator>{NAME}</meta:initial-creator><dc:creator>{NAME}</dc:creator>"
            "</office:meta></office:document-meta>",
        )
    return buffer.getvalue()


def _exif_with_name(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    exif[0xA430] = NAME  # CameraOwnerName (an EXIF IFD tag, written in the main IFD here too)
    exif[0x8298] = f"Copyright {NAME}"
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: GPS_LATITUDE, 3: "W", 4: (0.0, 53.0, 0.0)})
    return exif


def jpeg_bytes(*, orientation: int = 1, size=(40, 20)) -> bytes:
    """A photo with Helen Carter as EXIF Artist and owner, a GPS position, an XMP packet and a
    comment naming her. The left half is red, the right half blue, so orientation can be checked."""
    image = Image.new("RGB", size, "blue")
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    out = io.BytesIO()
    image.save(out, "JPEG", exif=_exif_with_name(orientation), xmp=XMP.encode(), comment=f"Taken by {NAME}")
    return out.getvalue()


def png_bytes() -> bytes:
    """A PNG with Helen Carter in a text chunk (Author), a compressed text chunk, XMP and EXIF."""
    image = Image.new("RGBA", (20, 20), (0, 128, 0, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME)
    info.add_text("Comment", f"by {NAME}", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=_exif_with_name())
    return out.getvalue()


def gif_bytes() -> bytes:
    frames = [Image.new("RGB", (10, 10), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], comment=f"by {NAME}", duration=200, loop=0)
    return out.getvalue()


def webp_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(out, "WEBP", exif=_exif_with_name(), xmp=XMP.encode())
    return out.getvalue()


# One file of each cleanable type, each carrying the name, by the name it is uploaded under.
BUILDERS = {
    "minutes.pdf": pdf_bytes,
    "letter.docx": docx_bytes,
    "figures.xlsx": xlsx_bytes,
    "notes.odt": odt_bytes,
    "photo.jpg": jpeg_bytes,
    "chart.png": png_bytes,
    "animation.gif": gif_bytes,
    "picture.webp": webp_bytes,
}


# Reading the hidden details back ----------------------------------------------------------------


def pdf_details(data: bytes) -> str:
    """Everything a reader of the PDF's properties could see: Info, XMP, annotation authors."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        parts = [repr(dict(pdf.docinfo))]
        with pdf.open_metadata() as xmp:
            parts.append(str(xmp))
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                parts.append(str(annot.get("/T", "")))
    return "\n".join(parts)


def image_details(data: bytes) -> str:
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        gps = exif.get_ifd(0x8825)
        return repr(
            {
                "info": {k: v for k, v in image.info.items()},
                "exif": dict(exif),
                "gps": dict(gps),
                "xmp": image.getxmp() if hasattr(image, "getxmp") else {},
            }
        )


def zip_details(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(name).decode("utf-8", "replace") for name in z.namelist() if name.endswith(".xml"))


def holds_name(data: bytes) -> bool:
    """Whether the name is anywhere in the file: raw bytes, and inside any compressed zip part."""
    if NAME_BYTES in data or NAME.encode("utf-16-be") in data or NAME.encode("utf-16-le") in data:
        return True
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(holds_name(z.read(name)) for name in z.namelist())
    if data.startswith(b"%PDF"):
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream) and NAME_BYTES in _stream_bytes(obj):
                    return True
    return False


def _stream_bytes(stream) -> bytes:
    """The stream decoded where pikepdf can (compressed text), raw where it cannot (a JPEG)."""
    try:
        return stream.read_bytes() + stream.read_raw_bytes()
    except pikepdf.PdfError:
        return stream.read_raw_bytes()
