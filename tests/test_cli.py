"""The command line as a user meets it: help, bad input, failure exit codes."""

import gzip

import pandas as pd
import pytest

from tests.conftest import FAST, pknews

COMMANDS = ["crawl", "extract", "nightly", "demo", "sites"]


@pytest.mark.e2e
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = pknews(command, "--help")
    assert result.returncode == 0
    assert "--data" in result.stdout
    assert len(result.stdout.splitlines()) > 5


@pytest.mark.e2e
def test_missing_path_is_a_one_line_error(tmp_path):
    result = pknews("extract", str(tmp_path / "nope.warc.gz"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.e2e
def test_unknown_site_is_a_one_line_error(tmp_path):
    result = pknews("crawl", "--site", "nosuchsite", "--data", str(tmp_path))
    assert result.returncode == 2
    assert "unknown site(s): nosuchsite" in result.stderr


@pytest.mark.e2e
def test_bad_since_is_reported(tmp_path):
    result = pknews("crawl", "--site", "dawn", "--since", "yesterday", "--data", str(tmp_path))
    assert result.returncode == 2 and "--since" in result.stderr


@pytest.mark.e2e
@pytest.mark.slow
def test_unreachable_sites_fail_cleanly(tmp_path):
    # a closed port on loopback stands for a site we cannot reach: nothing leaves the machine
    args = []
    for site in ("dawn", "photonews"):
        host = f"{site}.unreachable.test"
        args += ["--site", site, "--base-url", f"{site}=http://{host}:9", "--resolve", f"{host}=127.0.0.1"]
    result = pknews("nightly", "--data", str(tmp_path), *args, *FAST)
    assert result.returncode == 4, result.stdout + result.stderr
    assert "FAILED dawn: unreachable" in result.stdout
    assert "FAILED photonews: unreachable" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.e2e
@pytest.mark.slow
def test_extract_html_files_without_url(tmp_path):
    paras = " ".join(["The Pakistan Telecommunication Authority restored mobile data in Quetta on Monday."] * 12)
    page = f"""<html><head><title>Mobile data restored in Quetta</title></head><body>
    <article><h1>Mobile data restored in Quetta</h1><p>{paras}</p><p>{paras}</p></article></body></html>"""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.html.gz").write_bytes(gzip.compress(page.encode()))
    result = pknews("extract", str(tmp_path / "in"), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    articles = pd.read_parquet(tmp_path / "out" / "articles")
    assert len(articles) == 1
    row = articles.iloc[0]
    assert row.url == (tmp_path / "in" / "story.html.gz").resolve().as_uri()
    assert row.source == str(tmp_path / "in" / "story.html.gz")
    assert pd.isna(row.fetched_at)
    # into a data folder that does not exist yet: its tables, its events, the run's log
    result = pknews("extract", str(tmp_path / "in"), "--data", str(tmp_path / "fresh"))
    assert result.returncode == 0, result.stderr
    assert len(pd.read_parquet(tmp_path / "fresh" / "parquet" / "articles")) == 1
    assert (tmp_path / "fresh" / "parquet" / "events").is_dir()
    assert "exit code 0" in next((tmp_path / "fresh" / "runs").glob("*.log")).read_text()


@pytest.mark.e2e
def test_sites_lists_sixteen_real_sites():
    result = pknews("sites")
    names = [line.split()[0] for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert len(names) == 16
    for name in ("dawn", "tribune", "geo", "thenews", "brecorder", "propakistani", "techjuice", "pakistantoday",
                 "samaa", "arynews", "dunyanews", "digitalrightsmonitor", "digitalrightsfoundation", "bolobhi",
                 "bytesforall", "photonews"):
        assert name in names


@pytest.mark.e2e
def test_missing_spacy_model_is_a_clear_error(tmp_path):
    (tmp_path / "a.html").write_text("<p>x</p>")
    result = pknews("extract", str(tmp_path / "a.html"), "--output", str(tmp_path / "o"), "--model", "en_core_web_nope")
    assert result.returncode == 2
    assert "spaCy model 'en_core_web_nope' is not installed" in result.stderr


def test_unset_contact_is_noted_for_real_sites_only(monkeypatch):
    from crawlers.registry import select_sites
    from pipeline.crawl import contact_note

    monkeypatch.delenv("PKNEWS_CONTACT", raising=False)
    real = select_sites(["dawn"], group=None)
    assert "PKNEWS_CONTACT" in contact_note(real, {})
    assert contact_note(real, {"USER_AGENT": "mybot/1.0 (+mailto:me@example.org)"}) is None
    assert contact_note(select_sites(["snapshot-dawn"], group=None), {}) is None
    monkeypatch.setenv("PKNEWS_CONTACT", "mailto:ops@example.org")
    assert contact_note(real, {}) is None
