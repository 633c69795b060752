"""CSV downloads of tables.

Spreadsheet programs run a cell that starts with =, +, - or @ (or a tab or carriage return) as a
formula, so a comment or an organisation name could run code on an officer's machine. Such cells
are prefixed with an apostrophe, which spreadsheets show as text (OWASP "CSV injection"). Some
spreadsheets (Excel in East Asian locales, LibreOffice with width-folding) also read the full-width
forms ＝＋－＠ as formula signs, so those count too.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.http import StreamingHttpResponse

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def escape_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        # Numbers (including negative amounts) are numbers, not formulas.
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


# Rows a download reads from the database at a time (`queryset.iterator(chunk_size=CHUNK)`).
CHUNK = 1000

# Rows are written into a buffer and sent once it holds about this much: one chunk per row would
# make the server do a write per row, and one chunk for the whole table would hold it in memory.
CHUNK_CHARS = 64 * 1024


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    """A CSV download of `rows` under `header`, every cell escaped, sent as it is written.

    Nothing is read from `rows` until the server sends the response, and only a chunk's worth of
    text is held at a time, so a caller that passes a generator over `queryset.iterator()` keeps
    memory flat however many rows there are. Every CSV download streams.
    """
    response = StreamingHttpResponse(_chunks(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _chunks(header, rows):
    buffer = io.StringIO()
    writerow = csv.writer(buffer).writerow
    escape = escape_cell
    writerow([escape(cell) for cell in header])
    for row in rows:
        writerow([escape(cell) for cell in row])
        if buffer.tell() >= CHUNK_CHARS:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()
