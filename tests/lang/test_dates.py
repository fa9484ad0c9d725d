"""Dates as readers write them, at the precision the seed states."""

from __future__ import annotations

import pytest

from corpus_browser.lang.dates import as_datetime, month_heading, reader_date, year_of
from corpus_browser.site.listings import time_tag


@pytest.mark.parametrize(("date", "shown", "month"), [
    ("2016-08-23", "August 23, 2016", "August 2016"),
    ("2016-08-03", "August 3, 2016", "August 2016"),
    ("2016-11", "November 2016", "November 2016"),
    ("2016", "2016", None),
])
def test_reader_date_keeps_the_precision_stated(date, shown, month):
    assert reader_date(date) == shown
    assert month_heading(date) == month
    assert year_of(date) == "2016"
    assert time_tag(date) == f'<time datetime="{date}">{shown}</time>'


def test_as_datetime_is_the_first_moment_of_the_date_in_utc():
    assert as_datetime("2016").isoformat() == "2016-01-01T00:00:00+00:00"
    assert as_datetime("2016-08-23").isoformat() == "2016-08-23T00:00:00+00:00"


@pytest.mark.parametrize("bad", ["", "16-08-23", "2016-8", "August 2016", '2016"><script>'])
def test_anything_but_a_contract_date_is_refused(bad):
    with pytest.raises(ValueError):
        reader_date(bad)
    with pytest.raises(ValueError):
        time_tag(bad)
