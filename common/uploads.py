"""What an uploaded file really is, read from its first bytes (the `filetype` package's magic
numbers), never from its name: evidence, complaint files and consultation documents all ask here."""

import codecs

import filetype

SAMPLE_BYTES = 64 * 1024
TEXT = "text/plain"


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
