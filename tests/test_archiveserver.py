"""The fake web-archive servers (tests/archiveserver.py) speak the documented formats
and inject the faults they promise; exercised with plain urllib / http.client / warcio."""

from __future__ import annotations

import http.client
import io
import json
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.archiveserver import (
    CDX_FIELDS,
    SOFT404_PATH,
    Capture,
    FakeCommonCrawl,
    FakeWayback,
    Fault,
    snapshot_captures,
    surt,
)

UA = "pknews-backfill-test/1.0"


def get(url: str, headers: dict | None = None, timeout: float = 5):
    req = urllib.request.Request(url, headers={"User-Agent": UA, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), err.read()


def raw(base: str, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
    """One request without following redirects; the caller reads the response."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    conn.request("GET", path, headers={"User-Agent": UA, **(headers or {})})
    return conn.getresponse()


@pytest.fixture(scope="module")
def _wb():
    with FakeWayback() as srv:
        yield srv


@pytest.fixture(scope="module")
def _cc():
    with FakeCommonCrawl() as srv:
        yield srv


@pytest.fixture
def wb(_wb):
    return _wb.fresh()


@pytest.fixture
def cc(_cc):
    return _cc.fresh()


def cdx(wb: FakeWayback, **params) -> list:
    items = [(k, x) for k, v in params.items() for x in (v if isinstance(v, list) else [v])]
    status, headers, body = get(f"{wb.base_url}/cdx/search/cdx?{urlencode(items)}")
    assert status == 200, body
    return json.loads(body)


# -- content --------------------------------------------------------------------

def test_snapshot_captures_cover_years_statuses_and_types():
    caps = snapshot_captures()
    assert {c.timestamp[:4] for c in caps} >= {str(y) for y in range(2019, 2026)}
    assert {c.status for c in caps} == {200, 301, 404}
    assert {c.mimetype for c in caps} == {"text/html", "image/jpeg"}
    assert all(len(c.timestamp) == 14 and c.timestamp.isdigit() for c in caps)
    soft = [c for c in caps if c.url.endswith(SOFT404_PATH)]
    assert soft and all(c.status == 200 and b"can&rsquo;t be found" in c.body for c in soft if "photonews" in c.url)
    assert surt("http://www.Photonews.snapshot.test:80/A/?b=2&a=1") == "test,snapshot,photonews)/a/?a=1&b=2"


# -- Wayback CDX ------------------------------------------------------------------

def test_cdx_json_header_row_and_prefix(wb):
    rows = cdx(wb, url="photonews.snapshot.test/*", output="json")
    assert rows[0] == CDX_FIELDS
    assert len(rows) > 20 and all(len(r) == 7 and all(isinstance(x, str) for x in r) for r in rows[1:])
    assert all(r[0].startswith("test,snapshot,photonews)/") for r in rows[1:])
    assert [r[:2] for r in rows[1:]] == sorted(r[:2] for r in rows[1:])
    expected = sum(1 for c in wb.captures if c.urlkey.startswith("test,snapshot,photonews)/"))
    assert len(rows) - 1 == expected
    # matchType=prefix is the same query; an exact URL gives one URL's captures
    assert cdx(wb, url="photonews.snapshot.test/", matchType="prefix", output="json") == rows
    home = cdx(wb, url="http://photonews.snapshot.test/", output="json")
    assert {r[2] for r in home[1:]} == {"http://photonews.snapshot.test/"} and len(home) - 1 == 7
    assert cdx(wb, url="nothing.example/*", output="json") == []
    # fl= picks fields, header row included; the plain-text output is space separated
    assert cdx(wb, url="http://photonews.snapshot.test/", output="json", fl="timestamp,statuscode")[0] == [
        "timestamp", "statuscode"]
    status, _, body = get(f"{wb.base_url}/cdx/search/cdx?url=http://photonews.snapshot.test/&limit=1")
    assert body.decode().split() == home[1]


def test_cdx_filters(wb):
    ok = cdx(wb, url="drm.snapshot.test/*", output="json", filter=["statuscode:200", "mimetype:text/html"])
    assert ok[1:] and all(r[4] == "200" and r[3] == "text/html" for r in ok[1:])
    not_ok = cdx(wb, url="drm.snapshot.test/*", output="json", filter="!statuscode:200")
    assert {r[4] for r in not_ok[1:]} == {"301", "404"}
    images = cdx(wb, url="drm.snapshot.test/*", output="json", filter="mimetype:image/.*")
    assert images[1:] and {r[3] for r in images[1:]} == {"image/jpeg"}
    everything = cdx(wb, url="drm.snapshot.test/*", output="json")
    assert len(ok) + len(not_ok) + len(images) - 3 == len(everything) - 1
    # regexes match the whole value (Java matches()): "20" is not "200"
    assert cdx(wb, url="drm.snapshot.test/*", output="json", filter="statuscode:20") == []
    status, _, _ = get(f"{wb.base_url}/cdx/search/cdx?url=drm.snapshot.test/*&filter=nosuchfield:1")
    assert status == 400


def test_cdx_from_to_inclusive(wb):
    rows = cdx(wb, url="dawn.snapshot.test/*", output="json", **{"from": "2024", "to": "2024"})
    assert rows[1:] and all(r[1].startswith("2024") for r in rows[1:])
    one = rows[1][1]
    exact = cdx(wb, url="dawn.snapshot.test/*", output="json", **{"from": one, "to": one})
    assert [r[1] for r in exact[1:]] == [one] * (len(exact) - 1) and len(exact) >= 2
    assert cdx(wb, url="dawn.snapshot.test/*", output="json", **{"from": "2019", "to": "201907"}) == []


def test_cdx_collapse_urlkey_and_limit(wb):
    rows = cdx(wb, url="photonews.snapshot.test/*", output="json", collapse="urlkey")
    keys = [r[0] for r in rows[1:]]
    assert len(keys) == len(set(keys)) == len({c.urlkey for c in wb.captures if "photonews" in c.url})
    assert len(cdx(wb, url="photonews.snapshot.test/*", output="json", limit="4")) == 5
    last = cdx(wb, url="http://photonews.snapshot.test/", output="json", limit="-2")
    assert [r[1] for r in last[1:]] == ["20240301094500", "20250912040000"]


def test_cdx_resume_key_pages_return_every_capture_once(wb):
    full = cdx(wb, url="drm.snapshot.test/*", output="json")[1:]
    seen, key, calls = [], None, 0
    while True:
        params = dict(url="drm.snapshot.test/*", output="json", limit="7", showResumeKey="true")
        if key:
            params["resumeKey"] = key
        page = cdx(wb, **params)
        calls += 1
        assert page[0] == CDX_FIELDS
        if page[-2:-1] == [[]]:  # "[]" then "[<key>]" when more remain
            seen += page[1:-2]
            key = page[-1][0]
            assert key.endswith("%21") and "+" in key  # url-encoded "<urlkey> <timestamp>!"
        else:
            seen += page[1:]
            break
    assert seen == full and calls == -(-len(full) // 7)
    # no key without showResumeKey, nor when nothing remains
    assert [] not in cdx(wb, url="drm.snapshot.test/*", output="json", limit="7")
    assert cdx(wb, url="drm.snapshot.test/*", output="json", limit=str(len(full)), showResumeKey="true")[-1] != []


def test_cdx_server_row_cap_prints_resume_key():
    caps = [Capture(f"http://photonews.snapshot.test/a{i}/", f"2024010100000{i}", b"x") for i in range(5)]
    with FakeWayback(caps, max_rows=2) as srv:
        page = cdx(srv, url="photonews.snapshot.test/*", output="json", showResumeKey="true")
        assert len(page) == 5 and page[-2] == [] and page[-1][0] == "test%2Csnapshot%2Cphotonews%29%2Fa1%2F+20240101000001%21"


# -- Wayback replay ---------------------------------------------------------------

def test_replay_exact_capture_with_wayback_headers(wb):
    cap = next(c for c in wb.captures if c.url.endswith("/mobile-internet-suspended-on-election-day/"))
    status, headers, body = get(f"{wb.base_url}/web/{cap.timestamp}id_/{cap.url}")
    assert status == 200 and body == cap.body
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Memento-Datetime"].endswith(" GMT") and cap.timestamp[:4] in headers["Memento-Datetime"]
    assert f'<{cap.url}>; rel="original"' in headers["Link"] and 'rel="timemap"' in headers["Link"]
    assert headers["X-Archive-Src"].endswith(".warc.gz")
    assert headers["X-Archive-Orig-Server"] == "nginx" and headers["X-Archive-Orig-Content-Length"] == str(len(body))


def test_replay_redirects_to_closest_capture(wb):
    home = sorted(c.timestamp for c in wb.captures if c.url == "http://photonews.snapshot.test/")
    resp = raw(wb.base_url, "/web/20210101000000id_/http://photonews.snapshot.test/")
    assert resp.status == 302
    assert resp.getheader("Location") == f"{wb.base_url}/web/{home[1]}id_/http://photonews.snapshot.test/"
    resp = raw(wb.base_url, "/web/2019id_/http://photonews.snapshot.test/")  # short timestamps too
    assert resp.status == 302 and f"/web/{home[0]}id_/" in resp.getheader("Location")
    # urllib follows it to the capture
    status, headers, _ = get(f"{wb.base_url}/web/20210101000000id_/http://photonews.snapshot.test/")
    assert status == 200 and "2020" in headers["Memento-Datetime"]


def test_replay_archived_redirect_error_and_missing(wb):
    short = next(c for c in wb.captures if c.status == 301)
    resp = raw(wb.base_url, f"/web/{short.timestamp}id_/{short.url}")
    assert resp.status == 301
    assert resp.getheader("Location") == f"{wb.base_url}/web/{short.timestamp}id_/{short.location}"
    assert resp.getheader("X-Archive-Orig-Location") == short.location
    gone = next(c for c in wb.captures if c.status == 404)
    status, _, body = get(f"{wb.base_url}/web/{gone.timestamp}id_/{gone.url}")
    assert status == 404 and body == gone.body
    status, _, body = get(f"{wb.base_url}/web/20240101000000id_/http://photonews.snapshot.test/never-archived/")
    assert status == 404 and b"has not archived that URL" in body
    img = next(c for c in wb.captures if c.mimetype == "image/jpeg")
    status, headers, body = get(f"{wb.base_url}/web/{img.timestamp}id_/{img.url}")
    assert status == 200 and headers["Content-Type"] == "image/jpeg" and body.startswith(b"\xff\xd8")


# -- Common Crawl index -----------------------------------------------------------

def test_collinfo(cc):
    status, headers, body = get(cc.index_url + "/collinfo.json")
    info = json.loads(body)
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert [c["id"] for c in info] == sorted((c["id"] for c in info), reverse=True)
    assert {"id", "name", "timegate", "cdx-api", "from", "to"} <= set(info[0])
    assert info[-1]["id"] == "CC-MAIN-2019-35" and info[-1]["cdx-api"] == f"{cc.base_url}/CC-MAIN-2019-35-index"
    # every indexed capture lies in its crawl's window
    for c in info:
        rows = cc.index[c["id"]]
        lo, hi = c["from"].replace("-", "").replace("T", "").replace(":", ""), c["to"].replace("-", "").replace(
            "T", "").replace(":", "")
        assert all(lo <= r["timestamp"] <= hi for r in rows), c["id"]


def test_cc_index_ndjson(cc):
    status, headers, body = get(f"{cc.base_url}/CC-MAIN-2024-10-index?url=photonews.snapshot.test/*&output=json")
    assert status == 200 and headers["Content-Type"] == "text/x-ndjson"
    lines = [json.loads(line) for line in body.decode().splitlines()]
    assert lines and all(r["url"].startswith("http://photonews.snapshot.test/") for r in lines)
    for r in lines:
        assert {"urlkey", "timestamp", "url", "mime", "mime-detected", "status", "digest", "length", "offset",
                "filename"} <= set(r)
        assert r["filename"].startswith("crawl-data/CC-MAIN-2024-10/segments/") and r["filename"].endswith(".warc.gz")
        assert ("/crawldiagnostics/" in r["filename"]) == (r["status"] != "200")
    ok = get(f"{cc.base_url}/CC-MAIN-2024-10-index?url=photonews.snapshot.test/*&output=json&filter==status:200")[2]
    assert {json.loads(x)["status"] for x in ok.decode().splitlines()} == {"200"}
    status, _, body = get(f"{cc.base_url}/CC-MAIN-2024-10-index?url=nothing.example/*&output=json")
    assert status == 404 and json.loads(body)["message"].startswith("No Captures found for:")


def test_cc_show_num_pages_and_pages():
    with FakeCommonCrawl(block_lines=1) as cc:  # 5 lines a page
        base = f"{cc.base_url}/CC-MAIN-2023-50-index?url=*.snapshot.test&output=json"
        info = json.loads(get(base + "&showNumPages=true")[2])
        total = len(cc.index["CC-MAIN-2023-50"])
        assert info == {"pages": -(-total // 5), "pageSize": 5, "blocks": total} and info["pages"] >= 3
        seen = []
        for k in range(info["pages"]):
            status, _, body = get(f"{base}&page={k}")
            assert status == 200
            seen += [json.loads(x) for x in body.decode().splitlines()]
        assert seen == cc.index["CC-MAIN-2023-50"]
        status, _, body = get(f"{base}&page={info['pages']}")
        assert status == 400 and json.loads(body) == {
            "message": f"Page {info['pages']} invalid: First Page is 0, Last Page is {info['pages'] - 1}"}


# -- Common Crawl data --------------------------------------------------------------

def fetch_record(cc: FakeCommonCrawl, row: dict):
    off, length = int(row["offset"]), int(row["length"])
    status, headers, body = get(f"{cc.data_url}/{row['filename']}", {"Range": f"bytes={off}-{off + length - 1}"})
    return status, headers, body


def test_range_slice_is_one_warc_record(cc):
    rows = [r for rows in cc.index.values() for r in rows]
    assert len(rows) > 100
    for row in rows[::9]:
        status, headers, body = fetch_record(cc, row)
        assert status == 206 and len(body) == int(row["length"])
        size = len(cc.files[row["filename"]])
        assert headers["Content-Range"] == f"bytes {row['offset']}-{int(row['offset']) + len(body) - 1}/{size}"
        records = list(ArchiveIterator(io.BytesIO(body)))
        assert len(records) == 1
        rec = records[0]
        assert rec.rec_type == "response"
        assert rec.rec_headers.get_header("WARC-Target-URI") == row["url"]
        assert str(rec.http_headers.get_statuscode()) == row["status"]
    # a whole file holds warcinfo + request/response/metadata per capture
    name = rows[0]["filename"]
    types = [r.rec_type for r in ArchiveIterator(io.BytesIO(get(f"{cc.data_url}/{name}")[2]))]
    assert types[0] == "warcinfo" and types[1:4] == ["request", "response", "metadata"]


def test_range_past_end_is_416(cc):
    name, data = next(iter(cc.files.items()))
    status, headers, body = get(f"{cc.data_url}/{name}", {"Range": f"bytes={len(data)}-{len(data) + 10}"})
    assert status == 416 and headers["Content-Range"] == f"bytes */{len(data)}" and b"InvalidRange" in body
    status, headers, body = get(f"{cc.data_url}/{name}", {"Range": "bytes=-10"})
    assert status == 206 and body == data[-10:]


# -- faults -----------------------------------------------------------------------

def test_429_with_retry_after_for_first_k(wb):
    wb.add_fault("429", r"^/cdx/", times=2, retry_after=3)
    url = f"{wb.base_url}/cdx/search/cdx?url=dawn.snapshot.test/&output=json"
    got = [get(url) for _ in range(3)]
    assert [g[0] for g in got] == [429, 429, 200]
    assert got[0][1]["Retry-After"] == "3"
    assert [r.fault for r in wb.requests] == ["429", "429", None]
    # other paths are not throttled
    assert get(f"{wb.base_url}/web/2024id_/http://dawn.snapshot.test/")[0] == 200


def test_faults_from_dict_and_503(cc):
    dawn = snapshot_captures(["dawn"])
    with FakeCommonCrawl(captures=dawn, faults={"503": {"pattern": "collinfo", "times": 1}}) as srv:
        assert get(srv.base_url + "/collinfo.json")[0] == 503
        assert get(srv.base_url + "/collinfo.json")[0] == 200
    # the same as a list of Fault, with captures given as plain tuples
    tuples = [(c.url, c.timestamp, c.body, c.status, c.mimetype) for c in dawn]
    with FakeWayback(tuples, faults=[Fault("503", "^/web/")]) as srv:
        assert get(f"{srv.base_url}/web/2024id_/http://dawn.snapshot.test/")[0] == 503
        assert get(f"{srv.base_url}/cdx/search/cdx?url=dawn.snapshot.test/&output=json")[0] == 200
    cc.add_fault("503", r"-index")  # every time
    assert [get(f"{cc.base_url}/CC-MAIN-2024-10-index?url=dawn.snapshot.test/*")[0] for _ in range(2)] == [503, 503]


def test_connection_reset(wb, cc):
    wb.add_fault("reset", r"^/web/", times=1)
    with pytest.raises((ConnectionError, http.client.RemoteDisconnected, urllib.error.URLError)):
        get(f"{wb.base_url}/web/2024id_/http://dawn.snapshot.test/")
    assert get(f"{wb.base_url}/web/2024id_/http://dawn.snapshot.test/")[0] == 200
    cc.add_fault("reset", r"\.warc\.gz$", times=1)
    row = cc.index["CC-MAIN-2024-10"][0]
    with pytest.raises((ConnectionError, http.client.RemoteDisconnected, urllib.error.URLError)):
        fetch_record(cc, row)
    assert fetch_record(cc, row)[0] == 206


def test_truncated_answers(wb, cc):
    cap = next(c for c in wb.captures if c.url.endswith("/mobile-internet-suspended-on-election-day/"))
    wb.add_fault("truncate", r"^/web/", times=1)
    resp = raw(wb.base_url, f"/web/{cap.timestamp}id_/{cap.url}")
    assert resp.status == 200 and int(resp.getheader("Content-Length")) == len(cap.body)
    with pytest.raises(http.client.IncompleteRead) as exc:
        resp.read()
    assert 0 < len(exc.value.partial) < len(cap.body)
    row = next(r for r in cc.index["CC-MAIN-2024-10"] if r["status"] == "200")
    cc.add_fault("truncate", r"\.warc\.gz$", times=1, keep=0.3)
    off, length = int(row["offset"]), int(row["length"])
    resp = raw(cc.data_url, "/" + row["filename"], {"Range": f"bytes={off}-{off + length - 1}"})
    assert resp.status == 206 and int(resp.getheader("Content-Length")) == length
    with pytest.raises(http.client.IncompleteRead) as exc:
        resp.read()
    assert len(exc.value.partial) == int(length * 0.3)
    assert fetch_record(cc, row)[0] == 206 and len(fetch_record(cc, row)[2]) == length  # only the first


def test_soft_404(wb, cc):
    cap = next(c for c in wb.captures if c.url.endswith("/mobile-internet-suspended-on-election-day/"))
    wb.add_fault("soft404", "election-day", times=1)
    status, _, body = get(f"{wb.base_url}/web/{cap.timestamp}id_/{cap.url}")
    assert status == 200 and b"has not archived that URL" in body
    assert get(f"{wb.base_url}/web/{cap.timestamp}id_/{cap.url}")[2] == cap.body
    # the soft-404 capture in the data: a 200 whose page is the site's not-found page
    soft = next(c for c in wb.captures if c.url == "http://photonews.snapshot.test" + SOFT404_PATH)
    rows = cdx(wb, url=soft.url, output="json")
    assert rows[1][4] == "200"
    assert b"Page not found" in get(f"{wb.base_url}/web/{soft.timestamp}id_/{soft.url}")[2]
    # Common Crawl: the record is well formed, for the right URL, HTTP 200, but the page is a not-found page
    row = next(r for r in cc.index["CC-MAIN-2024-10"] if r["status"] == "200" and r["mime"] == "text/html")
    cc.add_fault("soft404", r"\.warc\.gz$", times=1)
    _, _, body = fetch_record(cc, row)
    rec = next(iter(ArchiveIterator(io.BytesIO(body))))
    assert rec.rec_headers.get_header("WARC-Target-URI") == row["url"]
    assert rec.http_headers.get_statuscode() == "200"
    assert b"not found" in rec.content_stream().read().lower()


def test_request_log(wb, cc):
    t0 = time.monotonic()
    get(f"{wb.base_url}/cdx/search/cdx?url={quote('photonews.snapshot.test/*')}&output=json")
    row = cc.index["CC-MAIN-2024-10"][0]
    fetch_record(cc, row)
    fetch_record(cc, row)
    (w,) = wb.requests
    assert w.method == "GET" and w.path.startswith("/cdx/search/cdx?url=photonews.snapshot.test") and w.user_agent == UA
    assert w.time >= t0 and w.fault is None
    logged = cc.requests
    assert [r.path for r in logged] == ["/" + row["filename"]] * 2  # a refetch shows up twice
    off = int(row["offset"])
    assert logged[0].range == f"bytes={off}-{off + int(row['length']) - 1}"
    assert logged[1].time >= logged[0].time
    cc.clear()
    assert cc.requests == []
