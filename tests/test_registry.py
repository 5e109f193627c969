import pytest

from crawlers.registry import RegistryError, load_registry, select_sites


def test_real_sites_are_registered_with_sources():
    registry = load_registry()
    for name in ("dawn", "digitalrightsmonitor", "photonews"):
        assert registry[name].sources, name
        assert registry[name].group == "real"


def test_article_url_rules():
    dawn = load_registry()["dawn"]
    assert dawn.is_article_url("https://www.dawn.com/news/1816172/x-remains-blocked")
    assert not dawn.is_article_url("https://www.dawn.com/authors/123/someone")
    assert not dawn.is_article_url("https://example.com/news/1816172/elsewhere")
    pn = load_registry()["photonews"]
    assert pn.is_article_url("https://photonews.com.pk/persistent-outage-fourth-day/")
    for path in ("/category/pakistan/", "/tag/x/", "/author/web-desk/", "/feed/"):
        assert not pn.is_article_url("https://photonews.com.pk" + path), path


def test_rebased_site_moves_sources_and_domains():
    dawn = load_registry()["dawn"].rebased("http://dawn.mirror.test:8080")
    assert dawn.owns("http://dawn.mirror.test:8080/news/1/x")
    assert dawn.source_urls()[0][1] == "http://dawn.mirror.test:8080/feeds/sitemap"


def test_unknown_site_is_a_clear_error():
    with pytest.raises(RegistryError, match="unknown site"):
        select_sites(["nope"])


def test_malformed_entry_is_reported(tmp_path):
    (tmp_path / "bad.toml").write_text('[[site]]\nname = "x"\nhome = "http://x"\n')
    with pytest.raises(RegistryError, match="lacks 'domains'"):
        load_registry(tmp_path)
    (tmp_path / "bad.toml").write_text(
        '[[site]]\nname = "x"\nhome = "http://x"\ndomains=["x"]\nsources=[{kind="gopher", url="/"}]\n')
    with pytest.raises(RegistryError, match="unknown source kind"):
        load_registry(tmp_path)
