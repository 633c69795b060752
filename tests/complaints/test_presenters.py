"""complaints.presenters: what each side of a complaint is shown of the complainant.

The confidentiality rule lives here (`hides_complainant`): the body complained about never sees who
raised a confidential complaint; the complainant and the steering group do. Pages, CSV files and
emails all ask these functions; `test_confidentiality.py` checks those outputs end to end.
"""

from complaints.models import ComplainantKind, Party
from complaints.presenters import WITHHELD, complainant_label, complainant_rows, hides_complainant, present

from .factories import add_complainant_file, raise_complaint


def test_only_the_body_complained_about_is_kept_from_a_confidential_complainant(world):
    complaint = raise_complaint(world, confidential=True)
    assert hides_complainant(complaint, Party.RESPONDENT)
    assert not hides_complainant(complaint, Party.STEERING) and not hides_complainant(complaint, Party.COMPLAINANT)
    assert complainant_label(complaint, Party.RESPONDENT) == WITHHELD
    assert complainant_label(complaint, Party.STEERING) == "African Caribbean Forum"


def test_an_open_complaint_names_its_complainant_to_every_side(world):
    complaint = raise_complaint(world, confidential=False)
    for side in (Party.RESPONDENT, Party.STEERING, Party.COMPLAINANT):
        assert complainant_label(complaint, side) == "African Caribbean Forum"


def test_an_anonymous_complaint_is_anonymous_to_everyone(world):
    complaint = raise_complaint(world, kind=ComplainantKind.ANONYMOUS, user=None, confidential=False)
    assert complainant_label(complaint, Party.STEERING) == "Anonymous"


def test_the_rows_and_the_files_shown_to_the_body_carry_no_name_of_a_confidential_complainant(world):
    complaint = raise_complaint(world, confidential=True)
    add_complainant_file(complaint, world, name="forum-minutes-grace-member.txt")
    rows = " ".join(f"{key} {value}" for key, value in complainant_rows(complaint, Party.RESPONDENT))
    assert "African Caribbean Forum" not in rows and "Grace Member" not in rows
    view = present(complaint, Party.RESPONDENT)
    shown = " ".join(str(value) for file in view.files for value in vars(file).values())
    assert "grace-member" not in shown and "Grace Member" not in shown
    assert view.complainant == WITHHELD
