import pytest

from ingest.metadata import (detect_kind, detect_local_authority, detect_publication_date,
                             detect_visit_dates, make_title)

LETTER = ("Ofsted\nPiccadilly Gate\n26 October 2022\nJane Doe Director of People Medway Council\nDear Jane\n"
          "Monitoring visit to Medway children’s services\nThis letter summarises the findings of the monitoring "
          "visit to Medway children’s services on 21 and 22 September 2022.")
REPORT = ("Inspection of Norfolk local authority children’s services\nInspection dates: 7 to 18 November 2022\n"
          "Lead inspector: Margaret Burke\nJudgement Grade\nOverall effectiveness Good")
OLD = ("1\nLondon Borough of Hackney\nInspection of services for children in need of help and protection, "
       "children looked after and care leavers\nInspection date: 4 July 2016–28 July 2016\n"
       "Report published: 20 September 2016\nChildren’s services in the London Borough of Hackney are good")
# a council's news page: the first "visit ... on" is not followed by a date, and the days are ordinals
NEWS = ("Children's Services: Latest visit from Ofsted An update on our progress\nLatest monitoring visit from "
        "Ofsted\nOn 21st and 22nd September 2022 Ofsted undertook their fifth monitoring visit to Medway.")


@pytest.mark.parametrize("text, kind, authority, published, visits", [
    (LETTER, "monitoring visit", "Medway", "2022-10-26", ("2022-09-21", "2022-09-22")),
    (REPORT, "full inspection", "Norfolk", None, ("2022-11-07", "2022-11-18")),
    (OLD, "full inspection", "Hackney", "2016-09-20", ("2016-07-04", "2016-07-28")),
    (NEWS, "council news", None, None, ("2022-09-21", "2022-09-22")),
])
def test_fields_read_from_the_text(text, kind, authority, published, visits):
    assert detect_kind([text]) == kind
    assert detect_local_authority([text]) == authority
    assert detect_publication_date([text]) == published
    assert detect_visit_dates([text]) == visits


def test_no_guess_when_the_text_does_not_say():
    text = "Minutes of a meeting about playground equipment. Nothing else is known."
    assert detect_kind([text]) is None
    assert detect_local_authority([text]) is None
    assert detect_publication_date([text]) is None
    assert detect_visit_dates([text]) == ()
    assert make_title(None, None, None, "minutes") == "minutes"


def test_a_council_mentioned_once_in_an_address_is_not_the_subject():
    assert detect_local_authority(["Dear Sir, our office in Kent wrote to you about the weather."]) is None


def test_title_is_built_from_the_fields():
    assert make_title("focused visit", "Medway", "2025-06-02", "x") == "Medway focused visit, June 2025"


@pytest.mark.parametrize("text, authority", [
    ("Dear Mr Weir\nFocused visit to Newcastle local authority children’s services\nThis letter summarises ...",
     "Newcastle upon Tyne"),  # the letter's own short name
    ("Dear Pauline\nFocused visit to the Royal Borough of Kingston-upon-Thames local authority children’s services",
     "Kingston upon Thames"),  # hyphenated
    ("1\nNorth Somerset\nInspection of children’s social care services\nInspection dates: 2 March 2020",
     "North Somerset"),  # named once, alone on the cover
])
def test_the_council_as_reports_write_it(text, authority):
    assert detect_local_authority([text]) == authority
