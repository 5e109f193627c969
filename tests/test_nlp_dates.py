"""Dates: spans, durations and resolution against the publication datetime (Asia/Karachi)."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from extract.nlp import analyze_texts
from extract.nlp.dates import is_duration, resolve

PKT = ZoneInfo("Asia/Karachi")
WED = datetime(2024, 2, 21, 12, tzinfo=PKT)  # Wednesday 21 February 2024
SUN = datetime(2024, 1, 7, 21, tzinfo=PKT)  # Sunday 7 January 2024


def dates(nlp, text, pub):
    (mentions, _, _), = analyze_texts(nlp, [(text, pub)])
    return [(m.text, m.value, m.attrs.get("granularity")) for m in mentions if m.kind == "date"]


@pytest.mark.parametrize("text,pub,value,gran", [
    ("Saturday", WED, "2024-02-17", "day"),
    ("Sunday evening", SUN, "2024-01-07", "part-of-day"),
    ("December 17, 2023", WED, "2023-12-17", "day"),
    ("Dec 17", WED, "2023-12-17", "day"),
    ("February 8", WED, "2024-02-08", "day"),
    ("17 December 2023", WED, "2023-12-17", "day"),
    ("last month", WED, "2024-01", "month"),
    ("last week", WED, "2024-W07", "week"),
    ("this year", WED, "2024", "year"),
    ("December 2023", WED, "2023-12", "month"),
    ("yesterday", WED, "2024-02-20", "day"),
    ("last night", WED, "2024-02-20", "part-of-day"),
    ("three days ago", WED, "2024-02-18", "day"),
    ("last Sunday", SUN, "2023-12-31", "day"),
    ("10 pm", SUN, "2024-01-07T22:00", "time"),
    # relative expressions with a unit, fiscal years, two-digit decades (real pages, issue 11)
    ("15 months back", WED, "2022-11", "month"),
    ("a day earlier", WED, "2024-02-20", "day"),
    ("two weeks before", WED, "2024-W06", "week"),
    ("last November", WED, "2023-11", "month"),
    ("last February", WED, "2023-02", "month"),
    ("next March", WED, "2024-03", "month"),
    ("this March", WED, "2024-03", "month"),
    ("2005-06", WED, "2005", "year"),
    ("the '90s", WED, "1990s", "decade"),
    ("the 30s", WED, "1930s", "decade"),
    ("the 10s", WED, "2010s", "decade"),
])
def test_resolve(text, pub, value, gran):
    v, g, _ = resolve(text, pub)
    assert (v, g) == (value, gran)


def test_no_base_no_clock():
    assert resolve("Saturday", None)[0] is None
    assert resolve("last month", None)[0] is None
    assert resolve("December 17, 2023", None)[0] == "2023-12-17"


def test_future_tense_weekday(nlp):
    got = dates(nlp, "The hearing will be held on Friday.", WED)
    assert got == [("Friday", "2024-02-23", "day")]
    got = dates(nlp, "The hearing was held on Friday.", WED)
    assert got == [("Friday", "2024-02-16", "day")]


def test_publication_time_converted_to_karachi(nlp):
    # 20:30 UTC on Tuesday is 01:30 on Wednesday in Karachi
    pub = datetime(2024, 2, 20, 20, 30, tzinfo=timezone.utc)
    assert dates(nlp, "The block began on Saturday.", pub) == [("Saturday", "2024-02-17", "day")]


def test_article_dates_in_context(nlp):
    text = ("Social media stayed down for the fourth consecutive day. The blockage began Saturday, "
            "after the February 8 election; X had been slow for 24 hours.")
    got = dates(nlp, text, WED)
    assert got == [("Saturday", "2024-02-17", "day"), ("February 8", "2024-02-08", "day")]


@pytest.mark.parametrize("text", [
    "Officials may restore access soon.",
    "May users complained about speeds.",
    "The outage entered its fourth consecutive day.",
    "Services were suspended for 24 hours.",
    "It lasted three days.",
    "Five of 10 users were affected.",
])
def test_not_dates(nlp, text):
    assert dates(nlp, text, WED) == []


def test_may_as_a_month(nlp):
    assert dates(nlp, "The ban was lifted in May.", datetime(2025, 6, 1, tzinfo=PKT)) == [("May", "2025-05", "month")]


def test_is_duration():
    assert is_duration("the fourth consecutive day")
    assert is_duration("24 hours")
    assert is_duration("a month")
    assert not is_duration("last month")
    assert not is_duration("three days ago")


def test_decades(nlp):
    assert resolve("the 1980s", WED)[:2] == ("1980s", "decade")
    assert dates(nlp, "The media faces its worst period since the 1990s.", WED) == [("the 1990s", "1990s", "decade")]


def test_hijri_dates_take_the_nearest_year(nlp):
    got = dates(nlp, "Mobile service will be suspended on the 9th and 10th of Muharram.", WED)
    assert got == [("9th", "2024-07-16", "day"), ("10th of Muharram", "2024-07-17", "day")]


# ------------------------------------------------------------------ real-page lessons (issue 11)
MON_NIGHT = datetime(2018, 8, 27, 23, 15, tzinfo=PKT)  # Monday 27 August 2018


def test_relative_phrases_found_in_text(nlp):
    got = dates(nlp, "The law was passed 15 months back. Protests began a day earlier, and again last November.", WED)
    assert ("15 months back", "2022-11", "month") in got
    assert ("a day earlier", "2024-02-20", "day") in got
    assert ("last November", "2023-11", "month") in got
    assert ("earlier this year", "2024", "year") in dates(nlp, "The ban was imposed earlier this year.", WED)


def test_future_months_and_days_go_forward(nlp):
    # a schedule in the future: the month or weekday ahead, never the past one
    assert ("January", "2025-01", "month") in dates(nlp, "The final will be held in January.", WED.replace(year=2024, month=11))
    assert ("Tuesday", "2018-08-28", "day") in dates(
        nlp, "Babar said that a final decision would be announced on Tuesday.", MON_NIGHT)
    assert ("Tuesday", "2018-08-28", "day") in dates(
        nlp, "An Indian delegation is scheduled to visit Pakistan on Tuesday.", MON_NIGHT)
    assert ("Saturday", "2024-02-24", "day") in dates(
        nlp, "Both teams are expected to produce a close game on Saturday.", WED)


def test_bare_month_takes_the_year_named_after_it(nlp):
    got = dates(nlp, "The toll fell from 224 killed in May and June last year.", MON_NIGHT)
    assert ("May", "2017-05", "month") in got and ("June", "2017-06", "month") in got


def test_month_and_day_take_the_year_named_after_them(nlp):
    got = dates(nlp, "On February 17 last year, the platform went dark.", MON_NIGHT)
    assert ("February 17", "2017-02-17", "day") in got


def test_older_years_only_after_a_preposition(nlp):
    got = dates(nlp, "The party was founded in 1905 and banned after 1921.", WED)
    assert ("1905", "1905", "year") in got and ("1921", "1921", "year") in got
    got = dates(nlp, "Telegraph lines were cut as early as 1915, and as many as 1900 people wrote in.", WED)
    assert ("1915", "1915", "year") in got and not [g for g in got if g[0] == "1900"]


def test_islamic_calendar_days_resolve_in_pakistan(nlp):
    # Pakistan marked the 9th of Muharram on 8 August 2022 and on 16 July 2024
    sunday = datetime(2022, 8, 7, 9, tzinfo=timezone.utc)
    got = dates(nlp, "Cellular services will remain suspended on 9th and 10th Muharram, officials said.", sunday)
    assert ("9th", "2022-08-08", "day") in got and ("10th Muharram", "2022-08-09", "day") in got
    tuesday = datetime(2024, 7, 16, 9, tzinfo=timezone.utc)
    got = dates(nlp, "Services were suspended as mourners marked the 9th of Muharram, and will be on Ashura.", tuesday)
    assert ("9th of Muharram", "2024-07-16", "day") in got and ("Ashura", "2024-07-17", "day") in got
    assert not any("Eid" in text for text, _, _ in dates(nlp, "Offices close for Eid on Monday.", tuesday))


@pytest.mark.parametrize("text, expr, value, granularity", [
    ("Martial law lasted from 1958-1972 in all but name.", "1958-1972", "1958", "year"),
    ("Growth slowed in 2007–2008, the bank said.", "2007–2008", "2007", "year"),
    ("Exports rose in April-June, the bureau said.", "April-June", "2024-04", "month"),
])
def test_a_range_is_one_date_its_start(nlp, text, expr, value, granularity):
    (ms, _, _), = analyze_texts(nlp, [(text, datetime(2024, 9, 1, tzinfo=timezone.utc))])
    assert [(m.text, m.value, m.attrs["granularity"]) for m in ms if m.kind == "date"] == [(expr, value, granularity)]


@pytest.mark.parametrize("text, expected", [
    # "later"/"after" count from the time the story last named, however old
    ("The appeal was dismissed in February 2006. Almost a month later, the high court dismissed it too. "
     "Six months later, the bench rejected the appeal.",
     [("February 2006", "2006-02", "month"), ("Almost a month later", "2006-03", "month"),
      ("Six months later", "2006-09", "month")]),
    ("The raid took place on July 30, 2013. A month earlier, he gave an interview.",
     [("July 30, 2013", "2013-07-30", "day"), ("A month earlier", "2013-06", "month")]),
    # "after"/"before" with a complement count from what it names: no date
    ("Mobile data was cut on May 2. It returned three days after it was suspended, a day before Ashura.",
     [("May 2", "2023-05-02", "day"), ("Ashura", "2024-07-17", "day")]),
    ("The team reached Karachi on Monday. The next morning they trained, and they left the day after.",
     [("Monday", "2024-02-19", "day"), ("next morning", "2024-02-20", "part-of-day"),
      ("the day after", "2024-02-21", "day")]),
    # "ago" counts from the writing whatever was named before; "later" with nothing before is no date
    ("The appeal was dismissed in February 2006. A couple of months ago, he was freed.",
     [("February 2006", "2006-02", "month"), ("A couple of months ago", "2023-12", "month")]),
    ("Two days later the match was abandoned.", []),
    # a year only anchors years: "a month later" after "in 2006" is no date
    ("He was arrested in 2006. A month later he escaped. Two years later he was caught.",
     [("2006", "2006", "year"), ("Two years later", "2008", "year")]),
    # "next year" stays counted from the writing
    ("The appeal was dismissed in February 2006. Elections will be held next year.",
     [("February 2006", "2006-02", "month"), ("next year", "2025", "year")]),
])
def test_later_and_earlier_count_from_the_time_the_story_named(nlp, text, expected):
    assert dates(nlp, text, WED) == expected


def test_named_and_prefixed_years(nlp):
    got = dates(nlp, "After 9/11 the post-1970 order ended, and by mid-2015 trade recovered.", WED)
    assert got == [("9/11", "2001-09-11", "day"), ("post-1970", "1970", "year"), ("mid-2015", "2015", "year")]
