"""CSV downloads of tables.

Spreadsheet programs run a cell that starts with =, +, - or @ (or a tab or carriage return) as a
formula, so a comment or an organisation name could run code on an officer's machine. Such cells
are prefixed with an apostrophe, which spreadsheets show as text (OWASP "CSV injection"). Some
spreadsheets (Excel in East Asian locales, LibreOffice with width-folding) also read the full-width
forms ＝＋－＠ as formula signs, so those count too.
"""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.http import HttpResponse, StreamingHttpResponse

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


class _Echo:
    def write(self, value):
        return value


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence], *, stream: bool = False
) -> HttpResponse:
    """A CSV download of `rows` under `header`, every cell escaped. `stream=True` for large tables."""
    disposition = f'attachment; filename="{filename}"'
    if stream:
        writer = csv.writer(_Echo())
        lines = (writer.writerow([escape_cell(c) for c in row]) for row in _with_header(header, rows))
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        for row in _with_header(header, rows):
            writer.writerow([escape_cell(c) for c in row])
    response["Content-Disposition"] = disposition
    return response


def _with_header(header, rows):
    yield list(header)
    yield from rows
