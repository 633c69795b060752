"""CSV downloads are sent as they are written: nothing is read before the server sends the
response, and no more than a chunk of text is held at a time, however many rows there are."""

import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common.csv_export import CHUNK_CHARS, csv_response


class _Gate:
    """Rows that refuse to be read before the response is being sent, and count how many were read."""

    def __init__(self, count: int):
        self.count = count
        self.open = False
        self.read = 0

    def __iter__(self):
        for n in range(self.count):
            if not self.open:
                raise AssertionError("the rows were read before the response was sent")
            self.read += 1
            yield [n, f"=formula {n}", "a comment long enough to fill the chunks " * 2]


def test_no_row_is_read_until_the_response_is_sent():
    rows = _Gate(3)
    response = csv_response("big.csv", ["Number", "Formula", "Text"], iter(rows))
    assert isinstance(response, StreamingHttpResponse)
    assert rows.read == 0
    rows.open = True
    body = response.getvalue().decode()
    assert list(csv.reader(io.StringIO(body)))[1][:2] == ["0", "'=formula 0"]
    assert rows.read == 3


def test_a_large_download_is_sent_in_bounded_chunks_read_as_it_goes():
    rows = _Gate(50_000)
    rows.open = True
    chunks = iter(csv_response("big.csv", ["Number", "Formula", "Text"], iter(rows)))
    first = next(chunks)
    # The first chunk went out after a few hundred rows, not after reading the whole table.
    assert rows.read < 2_000
    sizes = [len(first)] + [len(chunk) for chunk in chunks]
    assert rows.read == 50_000
    assert len(sizes) > 50
    # A chunk is at most its threshold plus one row: memory does not grow with the table.
    assert max(sizes) < CHUNK_CHARS + 500


def test_escaping_is_unchanged_when_streamed():
    response = csv_response("groups.csv", ["Name", "=Header"], [["Forum", "+44 1604"], [None, True], ["-1", -1]])
    assert response.getvalue().decode().splitlines() == ["Name,'=Header", "Forum,'+44 1604", ",Yes", "'-1,-1"]


@pytest.mark.django_db
def test_the_directory_csv_queries_organisations_only_while_it_is_sent(world, client):
    with CaptureQueriesContext(connection) as before_sending:
        response = client.get(reverse("organisations:directory-csv"))
    assert response.streaming
    assert not any("organisations_organisation" in q["sql"] for q in before_sending.captured_queries)
    with CaptureQueriesContext(connection) as while_sending:
        rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert any("organisations_organisation" in q["sql"] for q in while_sending.captured_queries)
    assert "African Caribbean Forum" in [row[0] for row in rows]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona, url_name",
    [
        ("anonymous", "funding:award-csv"),
        ("anonymous", "consultations:list-csv"),
        ("anonymous", "representation:appointments-csv"),
        ("officer", "complaints:queue-csv"),
        ("steering_member", "complaints:compact-csv"),
        ("officer", "undertakings:return-list-csv"),
    ],
)
def test_every_listed_download_streams(world, client_for, persona, url_name):
    response = client_for(world.users[persona]).get(reverse(url_name))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert response.getvalue().decode().splitlines()[0]
