"""common.metadata.clean_file: the name hidden in each place a file can hide it is gone afterwards,
read back with the tools that would find it (pikepdf, Pillow, zipfile), and the file still opens."""

import io
import zipfile

import pikepdf
import pytest
from PIL import Image

from common import metadata
from tests.common import samples

TYPES = {
    "minutes.pdf": metadata.PDF,
    "letter.docx": metadata.DOCX,
    "figures.xlsx": metadata.XLSX,
    "notes.odt": metadata.ODT,
    "photo.jpg": metadata.JPEG,
    "chart.png": metadata.PNG,
    "animation.gif": metadata.GIF,
    "picture.webp": metadata.WEBP,
}


@pytest.mark.parametrize("name", list(samples.BUILDERS))
def test_the_name_is_nowhere_in_the_cleaned_file(name):
    data = samples.BUILDERS[name]()
    assert samples.holds_name(data)
    cleaned = metadata.clean_file(data, TYPES[name])
    assert not samples.holds_name(cleaned)


def test_a_pdf_keeps_its_pages_and_comments_but_not_who_wrote_them():
    cleaned = metadata.clean_file(samples.pdf_bytes(), metadata.PDF)
    assert samples.NAME not in samples.pdf_details(cleaned)
    with pikepdf.open(io.BytesIO(cleaned)) as pdf:
        assert len(pdf.pages) == 1 and "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        (comment,) = pdf.pages[0].Annots
        assert str(comment.Contents) == "Check this" and "/T" not in comment


def test_office_properties_are_emptied_and_the_document_kept():
    cleaned = metadata.clean_file(samples.docx_bytes(), metadata.DOCX)
    with zipfile.ZipFile(io.BytesIO(cleaned)) as docx:
        assert "creator" not in docx.read("docProps/core.xml").decode().replace("coreProperties", "")
        assert b"Company" not in docx.read("docProps/app.xml")
        assert b"property" not in docx.read("docProps/custom.xml")
        assert b'w:author=""' in docx.read("word/document.xml")
        assert b"Added later." in docx.read("word/document.xml")


def test_opendocument_meta_is_emptied_and_mimetype_stays_first_and_uncompressed():
    cleaned = metadata.clean_file(samples.odt_bytes(), metadata.ODT)
    with zipfile.ZipFile(io.BytesIO(cleaned)) as odt:
        first = odt.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert b"initial-creator" not in odt.read("meta.xml")
        assert b"<dc:creator></dc:creator>" in odt.read("content.xml")


def test_a_photo_loses_its_exif_and_gps_but_keeps_its_pixels():
    cleaned = metadata.clean_file(samples.jpeg_bytes(), metadata.JPEG)
    with Image.open(io.BytesIO(cleaned)) as photo:
        assert not photo.getexif() and not photo.getexif().get_ifd(0x8825)
        assert "comment" not in photo.info and not photo.getxmp()
        assert photo.size == (40, 20) and photo.getpixel((5, 10))[0] > 200


def test_an_animation_keeps_its_frames():
    cleaned = metadata.clean_file(samples.gif_bytes(), metadata.GIF)
    with Image.open(io.BytesIO(cleaned)) as gif:
        assert gif.n_frames == 2 and "comment" not in gif.info


@pytest.mark.parametrize(
    "data, content_type, reason",
    [
        (samples.encrypted_pdf_bytes(), metadata.PDF, metadata.LOCKED),
        (samples.broken_pdf_bytes(), metadata.PDF, metadata.CORRUPT),
        (b"PK\x03\x04 not really a zip", metadata.DOCX, metadata.CORRUPT),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, metadata.PNG, metadata.CORRUPT),
        (samples.png_bytes(), metadata.JPEG, metadata.CORRUPT),  # not what it was said to be
    ],
)
def test_a_file_that_cannot_be_cleaned_says_why(data, content_type, reason):
    with pytest.raises(metadata.CannotClean) as caught:
        metadata.clean_file(data, content_type)
    assert caught.value.reason == reason


def test_plain_text_is_kept_as_it_is():
    assert metadata.clean_file(b"Notes by Helen Carter", metadata.TEXT) == b"Notes by Helen Carter"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    monkeypatch.setattr(metadata, "MAX_UNPACKED_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", b"\0" * (2 * 1024 * 1024))
    with pytest.raises(metadata.CannotClean):
        metadata.clean_file(buffer.getvalue(), metadata.DOCX)


def test_an_image_too_large_to_redraw_is_refused(monkeypatch):
    monkeypatch.setattr(metadata, "MAX_PIXELS", 100)
    with pytest.raises(metadata.CannotClean):
        metadata.clean_file(samples.jpeg_bytes(), metadata.JPEG)


def test_a_photo_inside_a_pdf_loses_its_exif_and_keeps_its_picture():
    original = samples.pdf_bytes()
    with pikepdf.open(io.BytesIO(original)) as pdf:
        assert samples.NAME_BYTES in pdf.pages[0].Resources.XObject.Im1.read_raw_bytes()
    cleaned = metadata.clean_file(original, metadata.PDF)
    with pikepdf.open(io.BytesIO(cleaned)) as pdf:
        photo = pdf.pages[0].Resources.XObject.Im1
        data = photo.read_raw_bytes()
        assert samples.NAME_BYTES not in data and photo.Filter == "/DCTDecode"
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (40, 20) and not image.getexif() and "comment" not in image.info


def test_jpeg_segments_are_stripped_without_touching_the_image_data():
    photo = samples.jpeg_bytes()
    stripped = metadata.strip_jpeg_segments(photo)
    scan = photo.index(b"\xff\xda")
    assert stripped.endswith(photo[scan:]) and samples.NAME_BYTES not in stripped


@pytest.mark.parametrize("name", list(samples.BUILDERS))
def test_a_cleaned_file_holds_nothing_more_to_clean(name):
    data = samples.BUILDERS[name]()
    assert metadata.holds_metadata(data, TYPES[name])
    assert not metadata.holds_metadata(metadata.clean_file(data, TYPES[name]), TYPES[name])


def test_a_spreadsheet_saved_by_a_real_library_still_opens_once_cleaned():
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.properties.creator = workbook.properties.lastModifiedBy = samples.NAME
    workbook.active["A1"] = "Grants awarded"
    saved = io.BytesIO()
    workbook.save(saved)
    cleaned = metadata.clean_file(saved.getvalue(), metadata.XLSX)
    assert not samples.holds_name(cleaned)
    assert openpyxl.load_workbook(io.BytesIO(cleaned)).active["A1"].value == "Grants awarded"
