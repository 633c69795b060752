"""JSON-safe copies of what selectors return, for JSON APIs and the stored annual review dataset.

Money and shares become exact decimal text ("1234.50", "72.5"), never JSON numbers, so nobody
downstream reads them back as binary floats; dates become ISO text. Anything else that `json.dumps`
cannot write, or would write differently after a round trip, is refused rather than guessed at.
"""

from datetime import date
from decimal import Decimal


def json_safe(value):
    """A copy fit for `json.dumps`: dicts and lists (and tuples, as lists) copied through; Decimals
    as text; dates (and date-times) as ISO text; None, booleans, ints and text unchanged. Floats
    (a few selectors, e.g. complaint figures, give shares as floats) become the shortest decimal
    text that reads back as the same float: 0.9091 → "0.9091", 12.0 → "12".
    Raises TypeError on anything else."""
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON-safe: {value!r}")
