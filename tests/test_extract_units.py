"""Unit tests of the extraction modules, on the project's own small HTML."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from extract.article import EXTRACTOR_VERSION, extract_article
from extract.body import clean_blocks, merge_prose, take_captions
from extract.byline import split_authors, strip_site_suffix
from extract.constants import KARACHI
from extract.decode import decode_body, detect_encoding
from extract.dom import parse_html
from extract.language import detect_language
from extract.page import Page
from extract.pubdate import find_dates, parse_iso, parse_text_dates

FIX = Path(__file__).parent / "fixtures" / "extract"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FETCHED = datetime(2025, 9, 12, 10, 0, tzinfo=timezone.utc)


def _fixture_page(name: str, fetched_at=FETCHED, url="https://example.test/story/") -> Page:
    return Page(url=url, body=(FIX / name).read_bytes(), fetched_at=fetched_at, content_type="text/html")


# ------------------------------------------------------------------ seed layouts
@pytest.mark.parametrize("name,want,title,authors", [
    ("photonews_like_meta.html", date(2024, 2, 21), "Broadband Slowdown Stretches Into Its Fourth Day", ["Web Desk"]),
    ("photonews_like_nometa.html", date(2024, 2, 21), "Broadband Slowdown Stretches Into Its Fourth Day", ["Web Desk"]),
    ("drm_like_meta.html", date(2024, 1, 7), "Platforms Slow Down Across Pakistan During Online Fundraiser", ["DRM"]),
    ("drm_like_nometa.html", date(2024, 1, 7), "Platforms Slow Down Across Pakistan During Online Fundraiser", ["DRM"]),
])
@pytest.mark.parametrize("fetched_at", [FETCHED, None])
def test_seed_layouts(name, want, title, authors, fetched_at):
    a = extract_article(_fixture_page(name, fetched_at))
    assert a.skip_reason is None
    assert a.published == want, a.date_source
    assert a.published not in (date(2025, 6, 24), date(2025, 9, 12), date(2025, 9, 11))
    assert a.title == title
    assert a.authors == authors
    assert a.language == "en"
    for bad in ("Friday, September 12, 2025", "Recent Posts", "Share on Facebook", "Subscribe to our newsletter",
                "Welcome Back", "Leave a Reply", "Previous Post", "Previous Article", "Related Posts", "Tags:",
                "TAGGED", "All Rights Reserved", "All rights reserved", "Same problem here", "Photo: File"):
        assert bad not in a.text
    if "meta" in name and "nometa" not in name:
        assert a.date_source == "json-ld" and a.published_at is not None
    else:
        assert a.date_source == "byline"


def test_photonews_layout_keeps_heading_tweet_and_captions_apart():
    a = extract_article(_fixture_page("photonews_like_meta.html"))
    assert "What the providers said" in a.text.split("\n")
    assert "Our teams are monitoring connectivity" in a.text
    assert a.captions == ["Commuters check their phones at a bus stop in Rawalpindi. Photo: File",
                          "A router displays a warning light in an office in Lahore."]
    assert all(c not in a.text for c in a.captions)
    assert a.modified_at == datetime(2024, 2, 22, 9, 5, tzinfo=a.modified_at.tzinfo)
    assert a.published_at.utcoffset() == timedelta(hours=5)
    assert len(a.text.split("\n")) == 8  # paragraph breaks kept


def test_seed_text_byline_dates():
    seed = SEEDS / "000_d393fa8b82837c76.txt"
    if not seed.exists():
        pytest.skip("../shared/seeds absent")
    line = next(ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.startswith("By "))
    found = parse_text_dates(line)
    assert found[0][1] == date(2024, 2, 21) and found[0][2] == "published"


# ------------------------------------------------------------------ dates
def dates_of(html: str):
    """find_dates over a page, its h1 as the headline, fetched at FETCHED."""
    tree = parse_html(html)
    return find_dates(tree, fetched_at=FETCHED, h1=tree.find(".//h1"))


def test_future_metadata_rejected_falls_back_to_byline():
    html = ("<html><head><meta property='article:published_time' content='2026-01-01T10:00:00+05:00'></head><body>"
            "<h1>Headline of the story here</h1><div class='byline'>Posted on 3 March 2024</div>"
            "<p>" + "Some text. " * 40 + "</p></body></html>")
    tree = parse_html(html)
    h1 = tree.find(".//h1")
    r = find_dates(tree, fetched_at=FETCHED, h1=h1)
    assert r.published.local_date == date(2024, 3, 3) and r.published.source == "byline"
    assert "meta" in r.rejected
    r2 = find_dates(tree, fetched_at=None, h1=h1)  # no fetch time: nothing rejected
    assert r2.published.local_date == date(2026, 1, 1)


def test_no_date_is_null_with_reason():
    r = dates_of("<html><body><div class='top-bar header-date'>Friday, September 12, 2025</div>"
                 "<h1>A headline without a date</h1><p>" + "Words here. " * 50 + "</p>"
                 "<aside class='related'><h3><a href='/x'>Other</a></h3><span>June 24, 2025</span></aside></body></html>")
    assert r.published is None and r.reason == "no-trustworthy-date"


def test_only_future_dates_reason():
    r = dates_of("<html><head><meta name='pubdate' content='2030-01-01'></head><body><h1>T</h1></body></html>")
    assert r.published is None and r.reason == "only-future-dates"


def test_naive_times_are_karachi_and_utc_converted():
    v = parse_iso("2024-02-21T23:30:00")
    assert v.tzinfo is KARACHI and v.hour == 23
    utc = parse_iso("2024-02-21T20:30:00Z")
    assert utc.astimezone(KARACHI).date() == date(2024, 2, 22)
    assert parse_iso("2024-02-21") == date(2024, 2, 21)
    assert parse_iso("2024-02-21T10:00:00+0500").utcoffset() == timedelta(hours=5)


def test_text_dates_formats_and_labels():
    got = parse_text_dates("Published February 21, 2024 11:42am | Updated 22 Feb, 2024 04:10pm PKT")
    assert [(g[1].date(), g[2]) for g in got] == [(date(2024, 2, 21), "published"), (date(2024, 2, 22), "modified")]
    assert got[0][1].hour == 11 and got[1][1].hour == 16
    assert parse_text_dates("21/02/2024")[0][1] == date(2024, 2, 21)
    assert parse_text_dates("2024-02-21")[0][1] == date(2024, 2, 21)
    assert parse_text_dates("it may be 5 of 10 for 3 days") == []


def test_modified_kept_separately():
    r = dates_of("<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
                 "\"2024-01-07T21:40:00+05:00\",\"dateModified\":\"2024-01-08T08:00:00+05:00\"}</script></head>"
                 "<body><h1>T</h1></body></html>")
    assert r.published.source == "json-ld" and r.modified.local_date == date(2024, 1, 8)


# ------------------------------------------------------------------ title / authors
@pytest.mark.parametrize("raw,want", [
    ("By Web Desk", ["Web Desk"]),
    ("DRM", ["DRM"]),
    ("Reuters", ["Reuters"]),
    ("Our Correspondent", ["Our Correspondent"]),
    ("By Ali Khan and Sara Ahmed", ["Ali Khan", "Sara Ahmed"]),
    ("Ali Khan, Sara Ahmed & Bilal Raza", ["Ali Khan", "Sara Ahmed", "Bilal Raza"]),
    ("By Web Desk Published February 21, 2024 2 Min Read", ["Web Desk"]),
])
def test_split_authors(raw, want):
    assert split_authors(raw) == want


@pytest.mark.parametrize("raw,want", [
    ("X restored after 15 months - Dawn", "X restored after 15 months"),
    ("PTA sets VPN deadline | The Express Tribune", "PTA sets VPN deadline"),
    ("Dawn | Editorial: a dark week", "Editorial: a dark week"),
    ("Karachi: water shortage worsens", "Karachi: water shortage worsens"),
])
def test_strip_site_suffix(raw, want):
    assert strip_site_suffix(raw, ["Dawn", "The Express Tribune"], "https://www.dawn.com/news/1") == want


# ------------------------------------------------------------------ charset
def test_decoding_wrong_or_missing_charset():
    text = "Caf\u00e9 \u2018quoted\u2019 \u2014 dash"
    cp = f"<html><body><p>{text}</p></body></html>".encode("cp1252")
    utf = f"<html><body><p>{text}</p></body></html>".encode("utf-8")
    assert text in decode_body(cp, None)  # no charset at all
    assert text in decode_body(cp, "text/html; charset=utf-8")  # lying header
    assert text in decode_body(cp, "text/html; charset=iso-8859-1")  # latin-1 label means windows-1252
    assert text in decode_body(utf, "text/html; charset=windows-1252")  # valid UTF-8 wins over the header
    assert text in decode_body(utf, None)
    meta = b"<html><head><meta charset='windows-1252'></head><body>" + text.encode("cp1252") + b"</body></html>"
    assert text in decode_body(meta, None)
    assert detect_encoding(b"\xef\xbb\xbf<p>x</p>")[0] == "utf-8-sig"


def test_urdu_page_detected_and_not_mangled():
    urdu = "کراچی میں انٹرنیٹ کی رفتار کئی دنوں سے سست ہے اور شہریوں کو مشکلات کا سامنا ہے۔ "
    html = ("<html lang='ur'><head><meta property='og:type' content='article'><title>انٹرنیٹ سست</title></head><body>"
            "<h1>انٹرنیٹ کی رفتار سست</h1><div class='byline'>August 14, 2024</div><div class='story__content'>"
            + "".join(f"<p>{urdu}{i}</p>" for i in range(8)) + "</div></body></html>")
    for enc_body, ct in ((html.encode("utf-8"), "text/html"), (html.encode("utf-8"), "text/html; charset=iso-8859-1")):
        a = extract_article(Page(url="https://x.test/news/1/a", body=enc_body, fetched_at=FETCHED, content_type=ct))
        assert a.language == "ur"
        assert urdu.strip() in a.text
        assert a.published == date(2024, 8, 14)
    assert detect_language("The minister said on Monday that the service would be restored.") == "en"


# ------------------------------------------------------------------ page types
def _wrap(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("url,body,head,reason", [
    ("https://x.test/category/news/", "<h1>News</h1>" + "<h2><a href='/a'>Story A is here</a></h2><p>x</p>" * 5, "", "listing-page"),
    ("https://x.test/tag/fia/", "<h1>FIA</h1><h2><a href='/a'>A story</a></h2>", "", "listing-page"),
    ("https://x.test/author/web-desk/", "<h1>Web Desk</h1>", "", "listing-page"),
    ("https://x.test/?s=internet", "<h1>Search results</h1>", "", "search-page"),
    ("https://x.test/login/", "<h1>Log in</h1><form><input type='password'></form>", "", "login-page"),
    ("https://x.test/some-page/", "<h1>Sign in</h1><form><input name='u'><input type='password'></form>",
     "<meta property='og:type' content='website'>", "login-page"),
    ("https://x.test/video-clip/", "<h1>Protest clip</h1><iframe src='https://www.youtube.com/embed/x'></iframe><p>Watch the video.</p>",
     "<meta property='og:type' content='article'>", "video-only"),
    ("https://x.test/about/", "<h1>About us</h1><p>" + "We are a newsroom. " * 30 + "</p>",
     "<meta property='og:type' content='website'>", "not-article"),
])
def test_non_articles_skipped(url, body, head, reason):
    a = extract_article(Page(url=url, body=_wrap(body, head), fetched_at=FETCHED))
    assert a.skip_reason == reason
    assert a.text == ""


def test_short_page_too_short():
    a = extract_article(Page(url="https://x.test/n/1", body=_wrap("<h1>Headline</h1><p>Just a line.</p>",
                                                                 "<meta property='og:type' content='article'>")))
    assert a.skip_reason == "too-short"


# ------------------------------------------------------------------ body helpers
def test_clean_blocks_head_and_tail():
    blocks = [("head", "The Headline Of The Story"), ("p", "March 3, 2024 10:00am"), ("p", "By Staff Reporter"),
              ("p", "First real paragraph of the story, with enough words to read as prose."),
              ("p", "Second paragraph, also real."),
              ("p", "Follow us on Twitter @example for more."), ("list", "- Other story one\n- Other story two")]
    anchors = {"Other story one", "Other story two"}
    kept = clean_blocks(blocks, "The Headline Of The Story", anchors, ["Example News"])
    assert [t for _, t in kept] == ["First real paragraph of the story, with enough words to read as prose.",
                                    "Second paragraph, also real."]


def test_a_pull_out_at_the_end_repeating_the_story_goes_with_its_label():
    story = [("p", "The first FIR was registered for the state under the anti-terrorism law, and the second "
                   "on the complaint of the boy's mother, the police chief told reporters."),
             ("p", "He said statements of all the officers in the raid had been recorded.")]
    pull_out = [("p", "EXTRACT"), ("p", "The first FIR was registered for the state under the anti-terrorism law, "
                                        "and the second on the complaint of the boy's mother")]
    assert clean_blocks(story + pull_out, "Four FIRs registered", set(), []) == story
    # a last paragraph that only shares a few words with the story stays
    ending = [("p", "The second hearing on the complaint of the boy's mother is due in March, when the court "
                    "will hear the officers and the witnesses of the raid.")]
    assert clean_blocks(story + ending, "Four FIRs registered", set(), []) == story + ending


def test_merge_prose_fills_holes_only():
    core = [("p", "First paragraph of the article, long enough."), ("p", "Last paragraph of the article, long enough.")]
    full = [("p", "Menu item"), core[0], ("p", "A middle paragraph the precise run dropped, but it reads as prose."),
            ("head", "A subheading"), ("p", "Read more"), core[1], ("p", "Some trailing boilerplate sentence here at the end.")]
    got = [t for _, t in merge_prose(core, full, set())]
    assert got == [core[0][1], full[2][1], "A subheading", core[1][1]]


def test_take_captions():
    tree = parse_html("<html><body><figure><img src='a'><figcaption>A caption.</figcaption></figure>"
                      "<div class='wp-caption'><img src='b'><p class='wp-caption-text'>Second.</p></div><p>Text</p></body></html>")
    assert take_captions(tree) == ["A caption.", "Second."]
    assert "caption" not in tree.text_content().lower()


# ------------------------------------------------------------------ determinism
def test_same_html_same_row():
    page = _fixture_page("photonews_like_nometa.html")
    rows = [extract_article(page, site_label="snapshot-photonews") for _ in range(3)]
    assert rows[0] == rows[1] == rows[2]
    assert EXTRACTOR_VERSION.split("+")[0].count(".") == 2


def test_unmarked_today_date_above_headline_ignored():
    html = ("<html><body><div class='strip'><span>Friday, September 12, 2025</span></div>"
            "<h1>Court hears petition on mobile suspension</h1><div>March 3, 2024</div>"
            "<p>" + "The court heard the petition. " * 30 + "</p></body></html>")
    r = dates_of(html)
    assert r.published.local_date == date(2024, 3, 3)


def test_date_in_prose_is_not_a_publication_date():
    html = ("<html><body><h1>Court hears petition on mobile suspension</h1>"
            "<p>On December 17, 2023, the platforms were blocked nationwide during a rally, and the court "
            "was asked to rule on the legality of the suspension ordered that evening by the authority.</p>"
            "</body></html>")
    r = dates_of(html)
    assert r.published is None and r.reason == "no-trustworthy-date"


@pytest.mark.parametrize("raw,want", [
    ("Tom Krisher, AP Auto Writer", ["Tom Krisher"]),
    ("Ryan Reed, Reporter, Ryan Reed's Most Recent Stories", ["Ryan Reed"]),
    ("Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"]),
    ("Catherine Shu, @catherineshu / 2 days", ["Catherine Shu"]),
    ("Staff Reporter", ["Staff Reporter"]),
    ("PTI", ["PTI"]),
])
def test_split_authors_drops_titles_and_handles(raw, want):
    assert split_authors(raw) == want


def test_broken_json_ld_and_webpage_dates():
    broken = ('<html><head><script type="application/ld+json">{"@type": "Article", "description": "a "quoted" word",'
              ' "datePublished": "2018-04-18"}</script></head><body><h1>T</h1></body></html>')
    assert dates_of(broken).published.local_date == date(2018, 4, 18)
    yoast = ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebPage", '
             '"datePublished": "2018-04-18T14:39:09+02:00"}]}</script></head><body><h1>T</h1></body></html>')
    r = dates_of(yoast)
    assert r.published.local_date == date(2018, 4, 18) and r.published.source == "json-ld"


def test_urdu_dates():
    assert parse_text_dates("14 اگست 2024")[0][1] == date(2024, 8, 14)
    assert parse_text_dates("اگست 14، 2024")[0][1] == date(2024, 8, 14)
    assert parse_text_dates("۱۴ اگست ۲۰۲۴")[0][1] == date(2024, 8, 14)


@pytest.mark.e2e
def test_same_rows_across_processes():
    """Hash randomisation must not change a row (no set-order dependence)."""
    import os
    import subprocess
    import sys

    code = ("import json,sys; from dataclasses import asdict; from pathlib import Path;"
            "from extract.article import extract_article; from extract.page import Page;"
            "p=Path('tests/fixtures/extract');"
            "print(json.dumps([asdict(extract_article(Page(url='https://x.test/s/', body=f.read_bytes())))"
            " for f in sorted(p.glob('*.html'))], default=str, sort_keys=True))")
    root = Path(__file__).resolve().parents[1]
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                                text=True, check=True).stdout)
    assert len(outs) == 1


@pytest.mark.parametrize("text,declared,want", [
    ("The minister said on Monday that the service would be restored in the city.", None, "en"),
    ("Die Regierung hat die Sperre aufgehoben, und die Nutzer sind wieder mit dem Netz verbunden.", "en", "de"),
    ("Pemerintah mengatakan bahwa layanan internet akan dipulihkan dalam waktu dekat dan ini penting.", None, "id"),
    ("政府は月曜日にサービスを再開すると発表した。Kindle for PC", "en", "ja"),
    ("Правительство заявило, что доступ к сети будет восстановлен.", None, "ru"),
    ("حکومت نے کہا ہے کہ موبائل انٹرنیٹ سروس جلد بحال کر دی جائے گی۔", None, "ur"),
])
def test_detect_language(text, declared, want):
    assert detect_language(text, declared) == want


def test_newspaper_sign_offs_trimmed():
    blocks = [("p", "The hearing was adjourned until next week after the counsel sought more time to respond."),
              ("p", "Published in Dawn, February 21st, 2024"),
              ("p", "Published in The Express Tribune, February 22nd, 2024."),
              ("p", "Have something to add to the story? Share it in the comments below.")]
    assert [t for _, t in clean_blocks(blocks, "Court adjourns hearing", set(), [])] == [blocks[0][1]]


@pytest.mark.parametrize("body", [b"", b"   ", b"\x00\x01binary", b"%PDF-1.4", b"<?xml version='1.0'?><rss></rss>",
                                  b"<html></html>", b"plain text"])
def test_junk_input_is_skipped_not_raised(body):
    a = extract_article(Page(url="https://x.test/a/", body=body))
    assert a.skip_reason and a.text == ""


def test_website_typed_page_with_dated_story_is_kept():
    html = ("<html><head><meta property='og:type' content='website'></head><body><h1>Flood warning issued for Swat</h1>"
            "<div class='story__time'>March 3, 2024</div><div class='story__content'>"
            + "<p>The district administration issued a flood warning on Sunday as rivers rose across the valley.</p>" * 5
            + "</div></body></html>")
    a = extract_article(Page(url="https://x.test/news/123/flood", body=html.encode(), fetched_at=FETCHED))
    assert a.skip_reason is None and a.published == date(2024, 3, 3)


def test_wordpress_tweet_embed_kept():
    paras = [f"<p>Paragraph {i}: the authority gave no reason for the suspension of service number {i} in the "
             f"province, and residents of district {i} said they had not been warned.</p>" for i in range(4)]
    html = ("<html><head><meta property='og:type' content='article'></head><body><h1>Service suspended again</h1>"
            "<div class='entry-content'>" + "".join(paras[:2]) +
            "<figure class='wp-block-embed is-provider-twitter wp-block-embed-twitter'><div class='wp-block-embed__wrapper'>"
            "<blockquote class='twitter-tweet'><p lang='en'>Services will resume once the situation allows, officials say.</p>"
            "&mdash; Example Office (@example) <a href='https://twitter.com/example/status/1'>May 13, 2024</a></blockquote>"
            "</div></figure>" + "".join(paras[2:]) + "</div></body></html>")
    a = extract_article(Page(url="https://x.test/a/", body=html.encode(), fetched_at=FETCHED))
    assert "Services will resume once the situation allows, officials say." in a.text
    assert "Example Office (@example)" in a.text


def test_timeago_title_attribute():
    html = ("<html><body><h1>Court hears petition on mobile suspension</h1>"
            "<span class='timestamp--time timeago' title='2024-02-21T14:35:00+05:00'>2 hours ago</span>"
            "<p>" + "The court heard the petition. " * 30 + "</p></body></html>")
    r = dates_of(html)
    assert r.published.source == "time-tag" and r.published.aware.hour == 14


def test_undeclared_section_page_is_listing():
    teasers = "".join(f"<div class='story'><h2><a href='/news/{i}/s'>Story number {i} about the internet</a></h2>"
                      f"<p>An excerpt of story {i} that runs to a sentence or two of text for readers.</p></div>"
                      for i in range(8))
    a = extract_article(Page(url="https://x.test/pakistan", body=_wrap("<h1>Pakistan</h1>" + teasers), fetched_at=FETCHED))
    assert a.skip_reason == "listing-page"


def test_sidebar_captions_not_collected():
    tree = parse_html("<html><body><article><figure><img src='a'><figcaption>The article's photo.</figcaption></figure>"
                      "<p>Text</p></article><aside class='sidebar'><figure><img src='b'><figcaption>Other story photo."
                      "</figcaption></figure></aside></body></html>")
    assert take_captions(tree) == ["The article's photo."]


def test_cookie_and_login_lines_dropped_anywhere():
    real = ("p", "The committee met on Tuesday and heard from the telecom regulator about the outages in the province.")
    blocks = [real, ("p", "We use cookies to improve your experience on our site."), ("p", "Welcome Back!"),
              ("p", "Sign in to your account"), ("p", "Lost your password?"), real[:1] + ("Second real paragraph of text here.",)]
    assert [t for _, t in clean_blocks(blocks, "T", set(), [])] == [real[1], "Second real paragraph of text here."]


def test_byline_after_long_standfirst():
    dek = "A standfirst that summarises the story at some length for readers who only skim. " * 5
    html = (f"<html><body><h1>Senate panel questions regulator over outages</h1><p class='excerpt'>{dek}</p>"
            "<div class='story-meta'>Published May 13, 2024</div>"
            "<p>" + "The panel met on Monday. " * 30 + "</p></body></html>")
    r = dates_of(html)
    assert r.published.local_date == date(2024, 5, 13) and r.published.source == "byline"


def test_urdu_title_suffix_and_multiple_agencies():
    assert strip_site_suffix("کراچی میں انٹرنیٹ سست - ڈان نیوز", ["ڈان نیوز"], "https://www.dawnnews.tv/news/1") \
        == "کراچی میں انٹرنیٹ سست"
    assert split_authors("AFP | Reuters") == ["AFP", "Reuters"]


def test_json_ld_author_reference_resolved():
    from extract.byline import find_authors
    html = ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "Article", "author": '
            '{"@id": "https://x.test/#/person/1"}}, {"@type": ["Person"], "@id": "https://x.test/#/person/1", '
            '"name": "Sana Mirza"}]}</script></head><body><p>x</p></body></html>')
    assert find_authors(parse_html(html)) == (["Sana Mirza"], "json-ld")


def test_more_lead_in_and_source_sign_off():
    real = ("p", "The helicopter crashed during a routine flight in the province, officials said on Wednesday.")
    blocks = [real, ("p", "More:"), ("p", "Second paragraph of the report with more details here."),
              ("p", "SOURCE: News agencies")]
    assert [t for _, t in clean_blocks(blocks, "T", set(), [])] == [real[1], blocks[2][1]]


def test_bare_meta_date_is_weaker_than_byline():
    html = ("<html><head><meta name='date' content='2025-09-12'></head><body><h1>Court hears petition today</h1>"
            "<div class='byline'>Posted on 3 March 2024</div><p>" + "Text here. " * 40 + "</p></body></html>")
    r = dates_of(html)
    assert r.published.local_date == date(2024, 3, 3)


def test_metadata_stamped_at_fetch_time_loses_to_the_byline():
    html = ("<html><head><meta property='article:published_time' content='2025-09-12T14:00:00+05:00'></head><body>"
            "<h1>Court hears petition on the blocking</h1><div class='byline'>Published March 3, 2024</div>"
            "<p>" + "Text here. " * 40 + "</p></body></html>")
    r = dates_of(html)
    assert r.published.local_date == date(2024, 3, 3) and r.published.source == "byline"
    # same day in metadata and byline: metadata (with its time) stays
    same = html.replace("March 3, 2024", "September 12, 2025")
    r = dates_of(same)
    assert r.published.source == "meta" and r.published.local_date == date(2025, 9, 12)


# ------------------------------------------------------------------ real-page lessons (issue 11)
@pytest.mark.parametrize("body", [b"", b"   \r\n  ", b"\t\n"])
def test_empty_file_skipped_as_empty(body):
    a = extract_article(Page(url="https://x.test/a/", body=body))
    assert a.skip_reason == "empty"
    assert a.skip_detail == f"{len(body)} bytes"


@pytest.mark.parametrize("body", [
    b"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Comments on: A story</title></channel></rss>",
    b"\n<?xml version='1.0'?>\n<?xml-stylesheet href='/s.xsl'?>\n<feed xmlns='http://www.w3.org/2005/Atom'></feed>",
])
def test_feed_saved_as_html_skipped_as_feed(body):
    a = extract_article(Page(url="https://x.test/story/feed/index.html", body=body))
    assert a.skip_reason == "feed"


def test_developing_story_note_is_article_text():
    paras = "".join(f"<p>Paragraph {i} of the report on the outage, with a full sentence of plain prose.</p>"
                    for i in range(6))
    body = _wrap(f"<article><h1>Outage across the country</h1><div class='entry-content'>{paras}"
                 "<p>This is a developing story and will be updated accordingly</p></div></article>",
                 "<meta property='og:type' content='article'>")
    a = extract_article(Page(url="https://x.test/outage/", body=body, fetched_at=FETCHED))
    assert a.text.endswith("This is a developing story and will be updated accordingly")


def test_headline_column_named_like_a_sidebar_is_read():
    # a theme whose main column is class="sidebar_content": its date line is the article's
    paras = "".join(f"<p>Paragraph {i} of a weekly column, long enough to be read as the article text.</p>"
                    for i in range(6))
    body = _wrap("<div class='sidebar_content'><div class='post_header'><h1>Weekly Column</h1></div>"
                 "<div class='post_detail2'><strong>TFT</strong>&nbsp;TFT Issue: 02 Jun 2017</div>"
                 f"<div class='backgroundtext'>{paras}</div></div>"
                 "<div class='sidebar'><p>Posted 12 Sep 2025</p></div>")
    a = extract_article(Page(url="https://x.test/weekly-column/", body=body, fetched_at=FETCHED))
    assert a.published == date(2017, 6, 2)


@pytest.mark.parametrize("box,want", [
    ("<a href='/writer/our-correspondent.html'><div class='noImageAuthor'>OC</div>"
     "<span class='authorFullName'>Our Correspondent</span></a>", ["Our Correspondent"]),
    ("<span class='noImageAuthor'>NY</span><a href='../writer/nausheen-yusuf.html'>Nausheen Yusuf</a>", ["Nausheen Yusuf"]),
    ("<div class='story__authors'><p class='story__authors__name'><a href='/authors/34'>Peerzada Salman</a></p>"
     "<p class='story__authors__heading'>Newspaper Reporter</p></div>", ["Peerzada Salman"]),
])
def test_author_box_initials_and_job_titles_dropped(box, want):
    paras = "".join(f"<p>Paragraph {i} of the report, long enough to be read as the article's own text.</p>"
                    for i in range(6))
    body = _wrap(f"<article><h1>Two politicians join a party</h1><div class='source'>{box}</div>"
                 f"<div class='date'>August 27, 2018</div>{paras}</article>")
    a = extract_article(Page(url="https://x.test/print/1-two-politicians", body=body, fetched_at=FETCHED))
    assert a.authors == want
