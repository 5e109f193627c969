"""Platforms: canonical names, aliases, and X only in a platform context."""

from datetime import datetime, timezone

import pytest

from extract.nlp import analyze_texts


def platforms(nlp, text):
    (mentions, _, _), = analyze_texts(nlp, [(text, datetime(2024, 3, 1, tzinfo=timezone.utc))])
    return [m.value for m in mentions if m.kind == "platform"]


@pytest.mark.parametrize("text", [
    "Access to X remained blocked on Monday.",
    "X (formerly Twitter) was disrupted.",
    "X, formerly Twitter, was disrupted.",
    "Users could not reach X/Twitter.",
    "Twitter was inaccessible for the fourth day.",
    "He shared the video on X.",
    "Facebook, X and YouTube were restricted.",
    "The party's X account posted a video.",
])
def test_x_in_platform_context(nlp, text):
    assert platforms(nlp, text).count("X") >= 1


@pytest.mark.parametrize("text", [
    "Section X of the act allows the government to block content.",
    "The hospital's X-ray machine was broken.",
    "Mr X, a resident, said the shops were closed.",
    "Options:\nX. Never used a VPN\nY. Used one",
    "The treaty's Article X was debated in parliament.",
    "Brand X sold more phones than its rivals.",
])
def test_x_is_not_a_letter(nlp, text):
    assert "X" not in platforms(nlp, text)


def test_aliases_to_canonical(nlp):
    got = platforms(nlp, "He tweeted that WhatsApp, Whatsapp groups, Youtube and TikTok were slow; VPNs and a virtual private network helped.")
    assert got == ["X", "WhatsApp", "WhatsApp", "YouTube", "TikTok", "VPN", "VPN"]


def test_networks_and_operators(nlp):
    got = platforms(nlp, "Mobile data and broadband were cut; PTCL, Jazz, Zong, Telenor and Ufone said 3G/4G services would return.")
    assert set(got) == {"mobile internet", "broadband", "PTCL", "Jazz", "Zong", "Telenor", "Ufone"}
    assert "mobile network" in platforms(nlp, "Mobile phone services were suspended on polling day.")


def test_signal_and_threads_need_context(nlp):
    assert platforms(nlp, "Signal strength was weak in the valley.") == []
    assert platforms(nlp, "Threads of the story remain unclear.") == []
    assert platforms(nlp, "Users switched to Signal and Telegram.") == ["Signal", "Telegram"]
    assert "Threads" in platforms(nlp, "Sign-ups on Bluesky and Threads surged.")


def test_google_services_and_category(nlp):
    (mentions, _, _), = analyze_texts(nlp, [("Gmail and Google Drive were slow.", None)])
    ps = [m for m in mentions if m.kind == "platform"]
    assert [m.value for m in ps] == ["Google", "Google"]
    assert ps[0].attrs["category"] == "google services"


def test_x_after_verbs_and_on(nlp):
    assert "X" in platforms(nlp, "The minister defended the decision to block X, saying it was needed.")
    assert "X" in platforms(nlp, "Writing on X, the senator criticised the firewall.")
    assert "X" not in platforms(nlp, "He lives in Block X of the housing society.")
