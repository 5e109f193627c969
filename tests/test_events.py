"""Disruption events: the merge rule over hand-made statements, the tables a run
writes, and `pknews events`.

Statements are rows of the ``disruptions`` table as docs/schema.md and the issue 13
contract describe them, joined with their article's facts; the CLI tests write real
Parquet tables into tmp_path and read them back through the command.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.events import update_events
from pipeline.events.merge import MergeRule, build_events, events_from_frame, statement_from_row
from pipeline.events.present import STOP_COLUMNS
from pipeline.events.schema import EVENT_REPORTS, EVENTS
from pipeline.tables.disruptions import SCHEMA as DISRUPTIONS
from tests.conftest import pknews

PAKISTAN = {"name": "Pakistan", "scope": "national", "province": None, "latitude": 30.0, "longitude": 70.0}
QUETTA = {"name": "Quetta", "scope": "city", "province": "Balochistan", "latitude": 30.19, "longitude": 67.01}
LAHORE = {"name": "Lahore", "scope": "city", "province": "Punjab", "latitude": 31.55, "longitude": 74.34}
KARACHI = {"name": "Karachi", "scope": "city", "province": "Sindh", "latitude": 24.86, "longitude": 67.01}
BALOCHISTAN = {"name": "Balochistan", "scope": "province", "province": "Balochistan",
               "latitude": 28.5, "longitude": 65.0}


def statement(article: str, kind: str, status: str, published: date, *, index: int = 0, site: str | None = None,
              hour: int = 9, platforms=(), networks=(), areas=(PAKISTAN,), start=None, start_precision="day",
              end=None, end_precision="day", ordered_by=(), reasons=(), text: str | None = None) -> dict:
    """One statement row joined with its article's facts (site, url, published ...)."""
    return {
        "article_id": article, "statement_index": index, "start_char": 0, "end_char": 10,
        "text": text or f"{kind} {status} ({article})", "trigger": "blocked", "kind": kind, "status": status,
        "platforms": list(platforms), "networks": list(networks), "areas": list(areas),
        "start_date": start, "start_precision": start_precision if start else None,
        "end_date": end, "end_precision": end_precision if end else None,
        "ordered_by": list(ordered_by), "reasons": list(reasons), "quote": None,
        "site": site or article.split("-")[0], "url": f"https://{article.split('-')[0]}.example/{article}",
        "published": published,
        "published_at": datetime(published.year, published.month, published.day, hour, tzinfo=timezone.utc),
        "fetched_at": None,
    }


def merge(rows: list[dict], rule: MergeRule | None = None):
    statements = [statement_from_row(r) for r in rows]
    return build_events(statements, rule) if rule else build_events(statements)


def only(rows: list[dict]) -> dict:
    result = merge(rows)
    assert len(result.events) == 1, [(e["kind"], e["start_date"], e["reports"]) for e in result.events]
    return result.events[0]


D = date(2024, 2, 17)


# -- the merge -----------------------------------------------------------------

def test_three_sites_with_different_wording_give_one_event():
    event = only([
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"], text="X was blocked on Saturday."),
        statement("tribune-1", "platform-block", "occurred", D, hour=11, platforms=["X"],
                  text="Users could not reach X across the country."),
        statement("geo-1", "platform-block", "ongoing", D + timedelta(days=1), platforms=["X"], start=D,
                  text="X remains inaccessible since Saturday."),
    ])
    assert event["sites"] == ["dawn", "geo", "tribune"] and event["reports"] == 3
    assert event["articles"] == ["dawn-1", "tribune-1", "geo-1"]  # in the order they came out
    assert (event["start_date"], event["end_date"], event["status"]) == (D, None, "ongoing")
    assert event["confidence"] == 1.0  # three sites, an explicit date, reported occurrence


def test_announcement_the_day_before_and_restoration_two_days_later_give_one_event_with_start_and_end():
    day = date(2024, 7, 16)
    event = only([
        statement("dawn-a", "mobile-network", "announced", day - timedelta(days=1), networks=["mobile-voice"],
                  areas=[KARACHI], start=day, end=day + timedelta(days=1), ordered_by=["Ministry of Interior"],
                  reasons=["religious-procession"]),
        statement("geo-b", "mobile-data", "occurred", day, networks=["mobile-data"], areas=[KARACHI]),
        statement("tribune-c", "mobile-network", "restored", day + timedelta(days=2),
                  networks=["mobile-voice", "sms"], areas=[KARACHI], end=day + timedelta(days=2)),
    ])
    assert (event["start_date"], event["end_date"], event["status"]) == (day, day + timedelta(days=2), "ended")
    assert (event["announced_start"], event["announced_end"]) == (day, day + timedelta(days=1))
    assert event["ordered_by"] == ["Ministry of Interior"] and event["reasons"] == ["religious-procession"]


def test_a_restored_plan_without_a_report_during_it_starts_when_announced():
    day = date(2024, 7, 16)
    event = only([
        statement("dawn-a", "mobile-data", "announced", day - timedelta(days=1), networks=["mobile-data"],
                  areas=[QUETTA], start=day),
        statement("geo-b", "mobile-data", "restored", day + timedelta(days=1), networks=["mobile-data"],
                  areas=[QUETTA]),
    ])
    assert (event["start_date"], event["end_date"], event["status"]) == (day, day + timedelta(days=1), "ended")


def test_a_denial_alone_is_a_denied_event():
    event = only([statement("dawn-d", "throttling", "denied", D, networks=["internet"],
                            ordered_by=[], text="The PTA denied slowing down the internet.")])
    assert event["status"] == "denied" and event["start_date"] is None
    assert event["confidence"] < 0.5


def test_a_denial_during_a_block_is_one_of_its_reports():
    event = only([
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"]),
        statement("geo-2", "platform-block", "denied", D + timedelta(days=2), platforms=["X"]),
    ])
    assert event["status"] == "ongoing" and event["reports"] == 2


def test_a_plan_called_off_is_a_called_off_event():
    day = date(2024, 2, 8)
    event = only([
        statement("dawn-p", "mobile-data", "announced", day - timedelta(days=5), networks=["mobile-data"], start=day,
                  reasons=["election"]),
        statement("geo-q", "mobile-data", "ruled-out", day - timedelta(days=2), networks=["mobile-data"], start=day),
    ])
    assert event["status"] == "called-off" and event["announced_start"] == day and event["start_date"] is None


def test_a_plan_alone_is_announced():
    event = only([statement("dawn-p", "platform-block", "announced", D, platforms=["TikTok"],
                            start=D + timedelta(days=3))])
    assert event["status"] == "announced" and event["announced_start"] == D + timedelta(days=3)


def test_a_block_reported_for_months_is_one_event_until_restored():
    rows = [
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"]),
        statement("geo-2", "platform-block", "ongoing", date(2024, 2, 21), platforms=["X"], start=D,
                  text="X is down for the fourth day."),
        statement("dawn-3", "platform-block", "ongoing", date(2024, 6, 3), platforms=["X"],
                  text="X remains blocked."),
        statement("tribune-4", "platform-block", "ongoing", date(2024, 11, 20), platforms=["X"],
                  start=date(2024, 2, 1), start_precision="month", text="X, blocked since February, ..."),
        statement("geo-5", "platform-block", "restored", date(2025, 5, 9), platforms=["X"],
                  text="X is accessible again."),
        # after the restoration: a new block is a new event
        statement("dawn-6", "platform-block", "ongoing", date(2025, 9, 1), platforms=["X"]),
    ]
    result = merge(rows)
    assert len(result.events) == 2
    first = result.events[0]
    assert (first["start_date"], first["end_date"], first["status"]) == (D, date(2025, 5, 9), "ended")
    assert first["reports"] == 5


def test_a_lasting_block_takes_every_later_statement_about_it():
    rows = [
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"]),
        statement("geo-2", "platform-block", "ongoing", D + timedelta(days=3), platforms=["X"]),
        statement("photonews-3", "platform-block", "occurred", date(2024, 6, 17), platforms=["X"],
                  text="Four months after X was blocked, sellers say they lost sales."),
        statement("drm-4", "platform-block", "announced", date(2024, 5, 9), platforms=["X"], areas=[],
                  start=date(2024, 5, 16), text="The court directed the government to restore X within a week."),
        statement("drm-4", "platform-block", "occurred", date(2024, 5, 9), index=1, platforms=["X"], areas=[],
                  start=D, text="The letter did not say why X was blocked on February 17."),
    ]
    event = only(rows)
    assert (event["reports"], event["status"], event["start_date"]) == (5, "ongoing", D)


def test_a_partial_restoration_the_day_it_is_reported_going_on_does_not_end_it():
    day4 = D + timedelta(days=3)
    rows = [
        statement("photonews-1", "platform-block", "ongoing", day4, platforms=["X"], start=D + timedelta(days=1),
                  text="The outage continued for the fourth consecutive day."),
        statement("photonews-1", "platform-block", "restored", day4, index=1, platforms=["X"], areas=[],
                  text="A partial restoration was noted for some users."),
    ]
    event = only(rows)
    assert (event["status"], event["end_date"]) == ("ongoing", None)
    later = statement("dawn-2", "platform-block", "restored", D + timedelta(days=30), platforms=["X"],
                      end=D + timedelta(days=29))
    event = only(rows + [later])
    assert (event["status"], event["end_date"], event["reports"]) == ("ended", D + timedelta(days=29), 3)


def test_a_short_cut_mentioned_later_in_the_past_tense_is_over():
    dec17 = date(2023, 12, 17)
    rows = [statement("dawn-1", "platform-block", "ongoing", dec17, platforms=["X", "YouTube"]),
            statement("drm-2", "platform-block", "occurred", date(2024, 1, 7), platforms=["X"], start=dec17,
                      text="On December 17 the same platforms were disrupted.")]
    event = only(rows)
    assert (event["status"], event["start_date"], event["end_date"]) == ("ended", dec17, None)
    assert only(rows[:1])["status"] == "ongoing"  # nothing said it was over


def test_an_open_slowdown_takes_a_report_that_it_goes_on_within_its_reach_and_the_gap():
    aug19 = date(2024, 8, 19)
    def rows(days_later: int) -> list[dict]:
        return [statement("photonews-1", "throttling", "occurred", aug19, networks=["internet"], areas=(KARACHI,)),
                statement("drm-2", "throttling", "ongoing", aug19 + timedelta(days=days_later),
                          networks=["internet"], areas=(), text="Their association said speeds had dropped sharply.")]
    assert only(rows(9))["reports"] == 2  # 7 days of reach, then the 3 days any two windows may lie apart
    assert len(merge(rows(11)).events) == 2


def test_a_report_of_a_long_block_does_not_join_it_with_a_slowdown_of_the_internet():
    feb17, aug19 = date(2024, 2, 17), date(2024, 8, 19)
    rows = [statement("dawn-1", "platform-block", "occurred", feb17, platforms=["X"]),
            statement("dawn-2", "platform-block", "ongoing", feb17 + timedelta(days=3), platforms=["X"]),
            statement("photonews-3", "throttling", "occurred", aug19, networks=["internet"], areas=(KARACHI,)),
            # a year on: blocked since February 17, so its window spans the slowdown too
            statement("drm-4", "platform-block", "ongoing", date(2025, 2, 17), platforms=["X"], start=feb17)]
    events = merge(rows).events
    assert sorted(e["kind"] for e in events) == ["platform-block", "throttling"]
    assert next(e for e in events if e["kind"] == "platform-block")["reports"] == 3


def test_a_plan_never_joins_two_events_into_one():
    election = date(2024, 2, 8)
    result = merge([
        statement("photonews-1", "mobile-data", "occurred", election, networks=["mobile-data"], start=election),
        statement("photonews-1", "mobile-data", "restored", election, index=1, networks=["mobile-data"], areas=[]),
        statement("dawn-2", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[QUETTA], start=D),
        # a court asks about the election-day cut weeks later (a detector may read "asked" as a plan)
        statement("dawn-3", "mobile-data", "announced", date(2024, 3, 19), networks=["mobile-data"], start=election,
                  text="The court asked on what basis mobile services were suspended on February 8."),
    ])
    assert [(e["start_date"], e["reports"]) for e in result.events] == [(election, 3), (D, 1)]


def test_two_events_on_the_same_day_stay_apart():
    result = merge([
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"], areas=[PAKISTAN]),
        statement("geo-1", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[QUETTA]),
        statement("dawn-2", "platform-block", "ongoing", D + timedelta(days=1), platforms=["X"]),
        statement("geo-2", "mobile-data", "restored", D + timedelta(days=1), networks=["mobile-data"], areas=[QUETTA]),
    ])
    assert sorted((e["kind"], e["reports"], e["status"]) for e in result.events) == [
        ("mobile-data", 2, "ended"), ("platform-block", 2, "ongoing")]


def test_muharram_suspensions_of_different_years_stay_apart():
    rows = []
    for year, ashura in ((2023, date(2023, 7, 28)), (2024, date(2024, 7, 17))):
        rows += [
            statement(f"dawn-{year}a", "mobile-network", "occurred", ashura, networks=["mobile-voice"],
                      areas=[KARACHI], reasons=["religious-procession"]),
            statement(f"geo-{year}b", "mobile-network", "ongoing", ashura + timedelta(days=1),
                      networks=["mobile-voice"], areas=[KARACHI], text="Mobile service remains suspended."),
        ]
    result = merge(rows)
    assert [(e["start_date"], e["reports"]) for e in result.events] == [(date(2023, 7, 28), 2), (date(2024, 7, 17), 2)]


def test_a_later_suspension_of_a_short_network_cut_is_a_new_event():
    result = merge([
        statement("dawn-1", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[QUETTA]),
        statement("dawn-2", "mobile-data", "ongoing", D + timedelta(days=40), networks=["mobile-data"], areas=[QUETTA]),
    ])
    assert len(result.events) == 2


def test_a_province_contains_its_cities_and_not_others():
    result = merge([
        statement("dawn-1", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[BALOCHISTAN]),
        statement("geo-1", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[QUETTA]),
        statement("tribune-1", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[LAHORE]),
    ])
    assert sorted(tuple(a["name"] for a in e["areas"]) for e in result.events) == [
        ("Balochistan", "Quetta"), ("Lahore",)]


def test_a_nationwide_report_joins_the_cities_reported_before_it():
    result = merge([
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"], areas=[KARACHI]),
        statement("geo-1", "platform-block", "occurred", D, hour=10, platforms=["X"], areas=[LAHORE]),
        statement("tribune-1", "platform-block", "occurred", D, hour=12, platforms=["X"], areas=[PAKISTAN]),
    ])
    assert len(result.events) == 1
    assert [a["name"] for a in result.events[0]["areas"]] == ["Pakistan", "Karachi", "Lahore"]
    karachi_first = merge([statement("dawn-1", "platform-block", "occurred", D, platforms=["X"], areas=[KARACHI])])
    assert result.events[0]["event_id"] == karachi_first.events[0]["event_id"]  # the first founded keeps its id


def test_a_demand_attaches_but_does_not_create():
    demand = statement("dawn-9", "platform-block", "demanded", D + timedelta(days=1), platforms=["X", "Bluesky"],
                       text="Users demanded that X be restored.")
    alone = merge([demand])
    assert alone.events == [] and alone.unattached == 1
    event = only([statement("geo-1", "platform-block", "occurred", D, platforms=["X"]), demand])
    assert event["reports"] == 2 and event["platforms"] == ["X"]  # a demand changes no fact
    assert event["sites"] == ["dawn", "geo"]


def test_a_hypothetical_alone_creates_nothing():
    assert merge([statement("dawn-1", "platform-block", "hypothetical", D, platforms=["YouTube"])]).events == []


def test_a_passing_mention_of_a_past_event_makes_that_event():
    jan7 = date(2024, 1, 7)
    result = merge([
        statement("drm-1", "platform-block", "occurred", jan7, index=0, platforms=["X", "Facebook", "Instagram",
                                                                                 "YouTube"], start=jan7),
        statement("drm-1", "platform-block", "ongoing", jan7, index=1, platforms=["X"]),
        statement("drm-1", "platform-block", "occurred", jan7, index=2, platforms=["X", "Facebook"],
                  start=date(2023, 12, 17), text="On December 17 the same platforms were disrupted."),
        statement("dawn-9", "network-shutdown", "occurred", date(2024, 5, 1), networks=["internet"],
                  start=date(2024, 1, 1), start_precision="year", text="as during the 2024 elections"),
    ])
    by_start = {e["start_date"]: e for e in result.events}
    assert set(by_start) == {date(2023, 12, 17), jan7, date(2024, 1, 1)}
    assert by_start[date(2023, 12, 17)]["status"] == "ended"  # known only from a later mention
    assert by_start[date(2023, 12, 17)]["end_date"] is None
    assert by_start[jan7]["status"] == "ongoing" and by_start[jan7]["reports"] == 2
    assert by_start[date(2024, 1, 1)]["start_precision"] == "year"


def test_event_ids_are_stable_when_a_later_report_is_added():
    rows = [
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"]),
        statement("geo-1", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[QUETTA]),
    ]
    before = {e["kind"]: e for e in merge(rows).events}
    later = statement("tribune-7", "platform-block", "ongoing", D + timedelta(days=3), platforms=["X"])
    after = {e["kind"]: e for e in merge(rows + [later]).events}
    assert {k: e["event_id"] for k, e in before.items()} == {k: e["event_id"] for k, e in after.items()}
    assert after["platform-block"]["reports"] == 2
    assert all(e["event_id"].startswith("ev-") and len(e["event_id"]) == 15 for e in after.values())


def test_the_same_statements_in_any_order_give_the_same_events():
    rows = [
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"]),
        statement("geo-1", "mobile-data", "occurred", D, networks=["mobile-data"], areas=[QUETTA]),
        statement("geo-2", "mobile-data", "restored", D + timedelta(days=1), networks=["mobile-data"], areas=[QUETTA]),
        statement("tribune-1", "platform-block", "denied", D + timedelta(days=2), platforms=["X"]),
        statement("tribune-1", "platform-block", "demanded", D + timedelta(days=2), index=1, platforms=["X"]),
        statement("dawn-5", "platform-block", "announced", D + timedelta(days=30), platforms=["TikTok"]),
    ]
    expected = merge(rows)
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        frame = pd.DataFrame(shuffled)  # through pandas, as a reader of the tables gets them
        again = events_from_frame(frame.sample(frac=1, random_state=seed))
        assert again.events == expected.events and again.reports == expected.reports


def test_a_coarse_date_does_not_stretch_an_event_over_its_year():
    jan7 = date(2024, 1, 7)
    result = merge([
        statement("drm-1", "platform-block", "occurred", jan7, platforms=["X"], start=jan7),
        statement("drm-1", "platform-block", "ongoing", jan7, index=1, platforms=["X"], start=date(2024, 1, 1),
                  start_precision="year", text="... ahead of the 2024 elections"),
        statement("dawn-2", "platform-block", "occurred", D, platforms=["X"], start=D),
    ])
    assert [(e["start_date"], e["reports"]) for e in result.events] == [(jan7, 2), (D, 1)]


def test_a_statement_with_no_date_anywhere_is_counted_not_placed():
    row = statement("dawn-1", "platform-block", "occurred", D, platforms=["X"])
    row.update(published=None, published_at=None)
    result = merge([row])
    assert result.events == [] and result.undated == 1


ISLAMABAD = {"name": "Islamabad", "scope": "city", "province": "Islamabad Capital Territory",
             "latitude": 33.72, "longitude": 73.04}
RAWALPINDI = {"name": "Rawalpindi", "scope": "city", "province": "Punjab", "latitude": 33.6, "longitude": 73.05}
GILGIT = {"name": "Gilgit", "scope": "city", "province": "Gilgit-Baltistan", "latitude": 35.92, "longitude": 74.31}
HUNZA = {"name": "Hunza", "scope": "district", "province": "Gilgit-Baltistan", "latitude": 36.32, "longitude": 74.65}
PUNJAB = {"name": "Punjab", "scope": "province", "province": "Punjab", "latitude": 31.0, "longitude": 72.5}


def test_a_restoration_in_one_city_does_not_end_a_nationwide_block():
    result = merge([
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"], start=D),
        statement("dawn-2", "platform-block", "ongoing", D + timedelta(days=3), platforms=["X"]),
        statement("drm-1", "platform-block", "restored", D + timedelta(days=4), platforms=["X"], areas=[ISLAMABAD],
                  end=D + timedelta(days=4), text="X was restored in some sectors of Islamabad."),
    ])
    assert [(e["status"], e["end_date"], e["reports"]) for e in result.events] == [("ongoing", None, 3)]


def test_a_restoration_ends_an_event_only_where_it_covers_its_places():
    day = date(2024, 11, 24)
    twin_cities = [
        statement("drm-1", "mobile-data", "occurred", day, networks=["mobile-data"], areas=[ISLAMABAD, RAWALPINDI],
                  start=day),
        statement("drm-1", "mobile-data", "restored", day, index=1, networks=["mobile-data"], areas=[ISLAMABAD],
                  text="Services were partially restored in some sectors of Islamabad."),
    ]
    assert only(twin_cities)["status"] == "ongoing"  # Rawalpindi is in another province: not restored
    gilgit = [
        statement("dawn-1", "network-shutdown", "occurred", day, networks=["internet"], areas=[GILGIT, HUNZA],
                  start=day),
        statement("dawn-1", "network-shutdown", "restored", day, index=1, networks=["internet"], areas=[GILGIT],
                  text="Services were restored in Gilgit city by the evening."),
    ]
    assert (only(gilgit)["status"], only(gilgit)["end_date"]) == ("ended", day)  # one region's main town
    other_platform = [
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X", "YouTube"], start=D),
        statement("dawn-2", "platform-block", "restored", D, hour=20, platforms=["YouTube"], end=D),
    ]
    assert only(other_platform)["status"] == "ongoing"  # X is not restored


def test_a_lasting_block_does_not_take_a_later_statement_that_names_nothing_it_blocks():
    result = merge([
        statement("dawn-1", "platform-block", "occurred", D, platforms=["X"], start=D),
        statement("dawn-2", "platform-block", "ongoing", D + timedelta(days=30), platforms=["X"], start=D),
        statement("drm-1", "app-ban", "restored", D + timedelta(days=200), areas=[ISLAMABAD],
                  end=D + timedelta(days=200), text="Services were partially restored in Islamabad."),
    ])
    x_block = next(e for e in result.events if e["platforms"] == ["X"])
    assert (x_block["status"], x_block["reports"], len(result.events)) == ("ongoing", 2, 2)


def test_an_undated_statement_joins_the_past_event_its_article_speaks_of_without_extending_it():
    polls = date(2024, 2, 8)
    hearing = date(2024, 3, 19)
    event = only([
        statement("photonews-1", "mobile-network", "occurred", polls, networks=["mobile-voice"], start=polls),
        statement("photonews-1", "mobile-network", "restored", polls, index=1, hour=22, networks=["mobile-voice"]),
        statement("dawn-1", "mobile-network", "occurred", hearing, networks=["mobile-voice"], start=polls,
                  text="The court asked why services were suspended on February 8."),
        statement("dawn-1", "mobile-network", "occurred", hearing, index=1, networks=["mobile-voice"],
                  areas=[RAWALPINDI], text="A voter from Rawalpindi argued that the shutdown kept him from voting."),
        statement("dawn-1", "mobile-network", "restored", hearing, index=2, networks=["mobile-voice"], areas=[],
                  text="The bench asked when services were suspended and restored."),
        statement("dawn-1", "mobile-network", "ongoing", hearing, index=3, networks=["mobile-voice"], areas=[],
                  text="\"Every time there is a vote, the network goes down,\" the petitioner said."),
    ])
    assert (event["start_date"], event["end_date"], event["status"], event["reports"]) == (polls, polls, "ended", 6)


def test_a_plan_called_off_in_one_province_stays_apart_from_a_cut_in_another():
    plan, day = date(2024, 7, 13), date(2024, 7, 16)
    result = merge([
        statement("dawn-1", "mobile-network", "announced", date(2024, 7, 12), networks=["mobile-voice"],
                  areas=[KARACHI], start=day),
        statement("dawn-2", "mobile-data", "announced", plan, networks=["mobile-data"], areas=[PUNJAB], start=day,
                  end=day + timedelta(days=1)),
        statement("drm-1", "mobile-data", "ruled-out", date(2024, 7, 15), networks=["mobile-data"], areas=[PUNJAB]),
        statement("photonews-1", "mobile-network", "occurred", day, networks=["mobile-voice", "mobile-data"],
                  areas=[KARACHI, PUNJAB], start=day,
                  text="Services were suspended in Karachi, while Punjab ran normally."),
    ])
    by_status = {e["status"]: e for e in result.events}
    assert set(by_status) == {"ongoing", "called-off"}
    assert by_status["ongoing"]["start_date"] == day and by_status["called-off"]["reports"] == 2


def test_a_slowing_of_a_website_is_part_of_its_block():
    event = only([
        statement("dawn-1", "website-block", "occurred", D, platforms=["Wikipedia"], text="Wikipedia was blocked."),
        statement("dawn-1", "throttling", "occurred", D, index=1, areas=[],
                  text="The regulator had first degraded the site's services for 48 hours."),
    ])
    assert (event["kind"], event["reports"]) == ("website-block", 2)


def test_a_statement_dated_by_its_year_joins_only_an_event_of_what_it_names():
    order_day = date(2023, 9, 12)
    result = merge([
        statement("drm-1", "app-ban", "announced", order_day, areas=[], text="The court ordered the app blocked."),
        statement("drm-2", "platform-block", "occurred", date(2024, 4, 17), platforms=["X"],
                  start=date(2023, 1, 1), start_precision="year", text="URLs on X were blocked over the past year."),
    ])
    assert sorted((e["status"], e["start_date"]) for e in result.events) == [
        ("announced", None), ("ongoing", date(2023, 1, 1))]


def test_a_court_order_joins_the_block_that_follows_it_within_a_week():
    order_day, block_day = date(2023, 9, 12), date(2023, 9, 20)
    event = only([
        statement("drm-1", "app-ban", "announced", order_day, platforms=["Bigo Live"],
                  ordered_by=["Lahore High Court"], text="The court directed the PTA to block Bigo Live."),
        statement("photonews-1", "app-ban", "occurred", block_day, platforms=["Bigo Live"]),
    ])
    assert (event["status"], event["start_date"], event["ordered_by"]) == ("ongoing", block_day,
                                                                           ["Lahore High Court"])
    apart = merge([
        statement("drm-1", "app-ban", "announced", order_day, platforms=["Bigo Live"]),
        statement("photonews-1", "app-ban", "occurred", block_day + timedelta(days=30), platforms=["Bigo Live"]),
    ])
    assert len(apart.events) == 2

# -- the tables ----------------------------------------------------------------

ARTICLE_FACTS = pa.schema([
    ("article_id", pa.string()), ("url", pa.string()), ("site", pa.string()), ("published", pa.date32()),
    ("published_at", pa.timestamp("us", tz="UTC")), ("fetched_at", pa.timestamp("us", tz="UTC")),
    ("is_latest", pa.bool_()),
])

HISTORY = [
    statement("dawn-1", "platform-block", "occurred", D, platforms=["X"], ordered_by=["PTA"],
              text="X was blocked across Pakistan on Saturday."),
    statement("geo-1", "platform-block", "ongoing", D + timedelta(days=3), platforms=["X"], start=D,
              text="X remained inaccessible for the fourth day."),
    statement("geo-1", "mobile-data", "occurred", D + timedelta(days=3), index=1, networks=["mobile-data"],
              areas=[QUETTA], reasons=["security-operation"], text="Mobile data was suspended in Quetta."),
    statement("tribune-1", "mobile-data", "restored", D + timedelta(days=4), networks=["mobile-data"],
              areas=[QUETTA], text="Mobile data was restored in Quetta."),
]


def write_data(root, rows: list[dict], stale: list[dict] = ()) -> None:
    """A data folder with a disruptions and an articles fragment; ``stale`` rows belong
    to a replaced article version (is_latest false)."""
    for name, schema, keep in (("disruptions", DISRUPTIONS, DISRUPTIONS.names),
                               ("articles", ARTICLE_FACTS, ARTICLE_FACTS.names)):
        folder = root / "parquet" / name
        folder.mkdir(parents=True, exist_ok=True)
        table_rows = [{k: r.get(k) for k in keep} | {"is_latest": True} for r in rows]
        table_rows += [{k: r.get(k) for k in keep} | {"is_latest": False} for r in stale]
        if name == "articles":
            table_rows = list({(r["article_id"], r["is_latest"]): r for r in table_rows}.values())
        pq.write_table(pa.Table.from_pylist(table_rows, schema=schema), folder / "part-test-00001.parquet")


def test_update_events_writes_both_tables_from_the_latest_versions(tmp_path):
    old = statement("dawn-1", "website-block", "occurred", D, platforms=["example.org"])
    write_data(tmp_path, HISTORY, stale=[old])
    result = update_events(tmp_path / "parquet")
    assert result["error"] is None and (result["events"], result["reports"], result["statements"]) == (2, 4, 4)
    events = pq.read_table(tmp_path / "parquet" / "events")
    reports = pq.read_table(tmp_path / "parquet" / "event_reports")
    assert events.schema.equals(EVENTS) and reports.schema.equals(EVENT_REPORTS)
    assert sorted(events.column("kind").to_pylist()) == ["mobile-data", "platform-block"]
    assert set(reports.column("url").to_pylist()) == {r["url"] for r in HISTORY}
    # a second run gives the same tables, as one file each
    update_events(tmp_path / "parquet")
    assert pq.read_table(tmp_path / "parquet" / "events").equals(events)
    assert [p.name for p in (tmp_path / "parquet" / "events").iterdir()] == ["part-events.parquet"]


def test_update_events_without_statements_writes_empty_tables(tmp_path):
    result = update_events(tmp_path / "parquet")
    assert (result["events"], result["error"]) == (0, None)
    assert pq.read_table(tmp_path / "parquet" / "events").schema.equals(EVENTS)
    assert pq.read_table(tmp_path / "parquet" / "event_reports").num_rows == 0


def test_a_failure_of_the_events_step_is_returned_not_raised(tmp_path):
    folder = tmp_path / "parquet" / "disruptions"
    folder.mkdir(parents=True)
    (folder / "part-bad-00001.parquet").write_bytes(b"not parquet")
    result = update_events(tmp_path / "parquet")
    assert result["error"] and "events" not in result


@pytest.fixture
def no_crawl(monkeypatch):
    """A night over no site: the crawl has nothing to do (and Twisted's reactor, which
    runs once per process, is left to the crawl tests)."""
    import pipeline.nightly

    monkeypatch.setattr(pipeline.nightly, "run_crawl", lambda sites, *args, **kwargs: {})


def test_the_nightly_updates_the_events_and_reports_their_number(tmp_path, no_crawl):
    from pipeline.config import DataDir
    from pipeline.nightly import run_nightly

    write_data(tmp_path, HISTORY)
    out = io.StringIO()
    assert run_nightly([], DataDir(tmp_path), out=out) == 0
    assert ", 2 events -> " in out.getvalue()
    report = json.loads(next((tmp_path / "runs").glob("*.json")).read_text())
    assert (report["disruption_events"]["events"], report["disruption_events"]["error"]) == (2, None)


def test_a_failed_events_step_is_recorded_and_the_night_kept(tmp_path, no_crawl):
    from pipeline.config import DataDir
    from pipeline.nightly import EXIT_PARTIAL, run_nightly

    write_data(tmp_path, HISTORY)
    (tmp_path / "parquet" / "events").write_text("a file where the events folder goes")
    out = io.StringIO()
    assert run_nightly([], DataDir(tmp_path), out=out) == EXIT_PARTIAL
    assert "events not updated" in out.getvalue() and "events step failed: " in out.getvalue()
    report = json.loads(next((tmp_path / "runs").glob("*.json")).read_text())
    assert report["disruption_events"]["error"]
    assert pq.read_table(tmp_path / "parquet" / "articles").num_rows == 3


# -- pknews events -------------------------------------------------------------

@pytest.fixture
def data(tmp_path):
    write_data(tmp_path, HISTORY)
    update_events(tmp_path / "parquet")
    return tmp_path


def events_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["events", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def event_ids(data) -> dict[str, str]:
    table = pq.read_table(data / "parquet" / "events").to_pylist()
    return {e["kind"]: e["event_id"] for e in table}


def test_events_lists_a_readable_table(data, capsys):
    code, out, _ = events_cli(capsys, "--data", str(data))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["event", "kind", "what", "where", "when", "status", "reports", "sites"]
    assert lines[-1] == "2 event(s)"
    assert any("platform-block" in line and "X" in line and "2024-02-17 - open" in line for line in lines)
    assert any("Quetta" in line and "2024-02-20 - 2024-02-21" in line and "ended" in line for line in lines)


def test_events_formats_and_filters(data, capsys, tmp_path):
    code, out, _ = events_cli(capsys, "--data", str(data), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2 and list(rows[0]) == EVENTS.names
    assert {r["areas"] for r in rows} == {"Pakistan", "Quetta"}

    _, out, _ = events_cli(capsys, "--data", str(data), "--format", "json", "--platform", "x")
    listed = json.loads(out)
    assert [e["kind"] for e in listed] == ["platform-block"] and listed[0]["start_date"] == "2024-02-17"
    assert listed[0]["areas"][0]["scope"] == "national"

    for option, value, kinds in (("--kind", "network", ["mobile-data"]), ("--kind", "platform-block", ["platform-block"]),
                                 ("--area", "Balochistan", ["mobile-data"]), ("--since", "2024-02-21", ["mobile-data"]),
                                 ("--since", "2024-02-22", []),
                                 ("--since", "2024-01-01", ["platform-block", "mobile-data"]),
                                 ("--platform", "mobile-data", ["mobile-data"]), ("--area", "Sindh", [])):
        _, out, _ = events_cli(capsys, "--data", str(data), "--format", "json", option, value)
        assert [e["kind"] for e in json.loads(out)] == kinds, (option, value)

    target = tmp_path / "events.parquet"
    code, _, err = events_cli(capsys, "--data", str(data), "--format", "parquet", "--out", str(target))
    assert code == 0 and "2 event(s)" in err
    assert pq.read_table(target).schema.equals(EVENTS)
    code, _, err = events_cli(capsys, "--data", str(data), "--format", "parquet")
    assert code == 2 and "--out" in err


def test_events_in_stop_columns(data, capsys):
    code, out, _ = events_cli(capsys, "--data", str(data), "--stop-columns")
    rows = {r["shutdown_type"]: r for r in csv.DictReader(io.StringIO(out))}
    assert code == 0 and list(next(iter(rows.values()))) == list(STOP_COLUMNS)
    platform, network = rows["service-based"], rows["full shutdown"]
    assert (platform["twitter_affected"], platform["facebook_affected"]) == ("yes", "no")
    assert (platform["geo_scope"], platform["ordered_by"], platform["end_date"]) == ("national", "PTA", "")
    assert "https://dawn.example/dawn-1" in platform["info_source_link"]
    assert (network["region"], network["geo_scope"], network["area_name"]) == ("Balochistan", "city", "Quetta")
    assert (network["affected_network"], network["duration"], network["shutdown_status"]) == ("mobile", "2", "ended")
    _, same, _ = events_cli(capsys, "--data", str(data), "--format", "stop-csv")
    assert same == out


def test_events_show_prints_the_timeline(data, capsys):
    code, out, _ = events_cli(capsys, "--data", str(data), "show", event_ids(data)["mobile-data"])
    assert code == 0
    assert "Mobile data was suspended in Quetta." in out and "Mobile data was restored in Quetta." in out
    assert "https://tribune.example/tribune-1" in out
    assert out.index("2024-02-20") < out.index("2024-02-21")
    assert "reasons: security-operation" in out


def test_events_errors_are_clear(data, tmp_path, capsys):
    code, _, err = events_cli(capsys, "--data", str(data), "show", "ev-000000000000")
    assert code == 1 and "no event 'ev-000000000000'" in err
    code, _, err = events_cli(capsys, "--data", str(tmp_path / "nowhere"))
    assert code == 2 and "no data folder" in err
    (tmp_path / "empty").mkdir()
    code, _, err = events_cli(capsys, "--data", str(tmp_path / "empty"))
    assert code == 2 and "no events table" in err
    code, _, err = events_cli(capsys, "--data", str(data), "show")
    assert code == 2 and "EVENT_ID" in err


def test_no_events_is_said_plainly(tmp_path, capsys):
    update_events(tmp_path / "parquet")
    code, out, _ = events_cli(capsys, "--data", str(tmp_path))
    assert code == 0 and out.strip() == "no events"
    _, out, _ = events_cli(capsys, "--data", str(tmp_path), "--format", "csv")
    assert out.strip() == ",".join(EVENTS.names)


@pytest.mark.e2e
def test_events_command_in_a_subprocess(data):
    result = pknews("events", "--data", str(data), "--format", "json", "--kind", "mobile-data")
    assert result.returncode == 0, result.stderr
    (event,) = json.loads(result.stdout)
    shown = pknews("events", "show", event["event_id"], "--data", str(data))
    assert shown.returncode == 0 and "Mobile data was restored in Quetta." in shown.stdout


def test_a_dated_restoration_is_not_undone_by_its_own_articles_background():
    restored_on = date(2025, 5, 8)
    rows = [
        statement("dawn-1", "platform-block", "ongoing", D, platforms=["X"], start=D),
        statement("photonews-2", "platform-block", "ongoing", D + timedelta(days=3), platforms=["X"], start=D),
        statement("dawn-9", "platform-block", "restored", restored_on, platforms=["X"], end=restored_on,
                  text="X became accessible in Pakistan on Thursday, 15 months after it was blocked."),
        statement("dawn-9", "platform-block", "ongoing", restored_on, index=1, platforms=["X"], areas=[], start=D,
                  text="The platform had been blocked since February 17, 2024."),
    ]
    event = only(rows)
    assert (event["status"], event["start_date"], event["end_date"]) == ("ended", D, restored_on)
