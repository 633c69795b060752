from decimal import Decimal

from common.csv_export import csv_response, escape_cell


def test_cells_that_a_spreadsheet_would_run_are_escaped():
    assert escape_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert escape_cell("+44 1604 000000") == "'+44 1604 000000"
    assert escape_cell("-1+1") == "'-1+1"
    assert escape_cell("@SUM(A1)") == "'@SUM(A1)"


def test_numbers_and_ordinary_text_are_left_alone():
    assert escape_cell(Decimal("-250.00")) == "-250.00"
    assert escape_cell(-3) == "-3"
    assert escape_cell("African Caribbean Forum") == "African Caribbean Forum"
    assert escape_cell(None) == ""
    assert escape_cell(True) == "Yes"


def test_csv_response_is_a_download_with_header_and_escaped_rows():
    response = csv_response("groups.csv", ["Name", "Note"], [["Forum", "=1+1"]])
    assert response["Content-Disposition"] == 'attachment; filename="groups.csv"'
    assert response.getvalue().decode().splitlines() == ["Name,Note", "Forum,'=1+1"]


def test_every_csv_download_streams():
    response = csv_response("groups.csv", ["Name"], [["@x"], ["y"]])
    assert response.streaming
    assert b"".join(response.streaming_content).decode().splitlines() == ["Name", "'@x", "y"]


def test_full_width_formula_signs_and_leading_tab_or_carriage_return_are_escaped():
    for cell in ('＝HYPERLINK("http://x")', "＋1+1", "－1+1", "＠SUM(A1)", "\t=1+1", "\r=1+1", "\tanything"):
        assert escape_cell(cell) == "'" + cell
    response = csv_response("groups.csv", ["Name"], [["＝1+1"]])
    assert response.getvalue().decode().splitlines() == ["Name", "'＝1+1"]
