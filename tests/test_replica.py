"""Tests of the offline replica itself: proxy plumbing, page types, manifest, faults."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
from parsel import Selector

from newscrawl.replica import (
    ReplicaServer,
    alias_urls,
    all_articles,
    amp_links,
    decoy_urls,
    expected_articles,
    fault_cases,
    fetch,
    multi_page_urls,
    special_cases,
)
from newscrawl.replica.content import (
    INDEX_PAGE_SIZE,
    REPLICA_SITES,
    WINDOW,
    get_article,
    index_items,
    index_page_count,
)
from newscrawl.replica.routes import Replica

WINDOW_DAYS = (date(2025, 10, 5), date(2025, 10, 6))
BOILERPLATE_PREFIXES = ("Laporan Wartawan", "Baca:", "Artikel ini telah tayang")


def get(srv: ReplicaServer, url: str, *, retry_5xx: bool = True):
    """GET through the proxy; retry 500s like Scrapy's RetryMiddleware (2 retries)."""
    for _ in range(3):
        res = srv.get(url)
        if not (retry_5xx and res.status == 500):
            return res
    return res


def story_paragraphs(html: str) -> list[str]:
    """A minimal reference extractor: story paragraphs of the body, boilerplate dropped."""
    out = []
    for el in Selector(text=html).css("div.txt-article").xpath("./p|./h2|./h3"):
        if "baca" in el.attrib.get("class", ""):
            continue
        text = re.sub(r"\s+", " ", "".join(el.xpath(".//text()").getall()).replace("\xa0", " "))
        text = text.strip().removesuffix("(*)").rstrip()
        if text and not text.startswith(BOILERPLATE_PREFIXES):
            out.append(text)
    return out


def ld_blocks(html: str) -> list[dict]:
    return [
        json.loads(t)
        for t in Selector(text=html).css('script[type="application/ld+json"]::text').getall()
    ]


def news_article(html: str) -> dict:
    for block in ld_blocks(html):
        for node in block.get("@graph", [block]):
            if node.get("@type") == "NewsArticle":
                return node
    raise AssertionError("no NewsArticle JSON-LD")


# --------------------------------------------------------------------------------------------
# Proxy plumbing


def test_connect_tls_serves_pages_with_verified_certificate(replica: ReplicaServer) -> None:
    res = replica.get("https://www.tribunnews.com/robots.txt")
    assert res.status == 200
    assert "Disallow: /tag/" in res.text
    assert res.headers["content-type"].startswith("text/plain")
    # Without the CA file (like Scrapy, which does not verify) it works too.
    res = fetch(replica.proxy_url, "https://papua.tribunnews.com/robots.txt")
    assert res.status == 200
    assert "non-commercial" in res.text


def test_one_wildcard_certificate_verifies_for_every_network_host(
    replica: ReplicaServer,
) -> None:
    import ssl

    assert replica.cert_path is not None
    for host in ("www.tribunnews.com", "solo.tribunnews.com", "video.tribunnews.com"):
        # cafile= turns on hostname checking: the name must match *.tribunnews.com.
        assert replica.get(f"https://{host}/robots.txt").status == 200, host
    with pytest.raises(ssl.SSLCertVerificationError):
        fetch(replica.proxy_url, "https://example.com/", cafile=replica.cert_path)


def test_plain_proxy_http_redirects_to_https(replica: ReplicaServer) -> None:
    res = fetch(replica.proxy_url, "http://solo.tribunnews.com/index-news?date=2025-10-05")
    assert res.status == 301
    assert res.location == "https://solo.tribunnews.com/index-news?date=2025-10-05"


def test_origin_form_uses_host_header(replica: ReplicaServer) -> None:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", replica.port, timeout=10)
    try:
        conn.request("GET", "/sitemap.xml", headers={"Host": "makassar.tribunnews.com"})
        resp = conn.getresponse()
        body = resp.read().decode()
    finally:
        conn.close()
    assert resp.status == 200
    assert "https://makassar.tribunnews.com/makassar/sitemap_news.xml" in body


def test_keep_alive_inside_tunnel(replica: ReplicaServer) -> None:
    import http.client
    import ssl

    ctx = ssl.create_default_context(cafile=str(replica.cert_path))
    conn = http.client.HTTPSConnection("127.0.0.1", replica.port, context=ctx, timeout=10)
    conn.set_tunnel("jateng.tribunnews.com", 443)
    try:
        statuses = []
        for path in ("/robots.txt", "/", "/semarang", "/index-news?date=2025-10-05"):
            conn.request("GET", path)
            resp = conn.getresponse()
            resp.read()
            statuses.append(resp.status)
    finally:
        conn.close()
    assert statuses == [200, 200, 200, 200]


def test_unknown_hosts_and_paths_are_404(replica: ReplicaServer) -> None:
    # The certificate only names *.tribunnews.com, so do not verify for an off-network host.
    assert fetch(replica.proxy_url, "https://example.com/").status == 404
    assert replica.get("https://aceh.tribunnews.com/").status == 404  # not in the replica
    assert replica.get("https://solo.tribunnews.com/no/such/page").status == 404
    assert replica.get("https://solo.tribunnews.com/2025/10/05/no-such-slug").status == 404


def test_mobile_host_redirects_to_www(replica: ReplicaServer) -> None:
    res = replica.get("https://m.tribunnews.com/nasional/2025/10/05/abc?page=2")
    assert res.status == 301
    assert res.location == "https://www.tribunnews.com/nasional/2025/10/05/abc?page=2"


def test_request_log_file(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    with ReplicaServer(port=0, log=log) as srv:
        srv.get("https://solo.tribunnews.com/robots.txt")
        srv.get("https://solo.tribunnews.com/missing")
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(e["host"], e["path"], e["status"]) for e in lines] == [
        ("solo.tribunnews.com", "/robots.txt", 200),
        ("solo.tribunnews.com", "/missing", 404),
    ]
    assert all(isinstance(e["ts"], float) for e in lines)


def test_cli_prints_proxy_url_and_serves(tmp_path: Path) -> None:
    log = tmp_path / "cli.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newscrawl.replica", "--port", "0", "--log", str(log)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        m = re.fullmatch(r"REPLICA (http://127\.0\.0\.1:\d+)", line)
        assert m, line
        res = fetch(m.group(1), "https://www.tribunnews.com/sitemap.xml")
        assert res.status == 200
        assert "sitemap-news.xml" in res.text
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout:
            proc.stdout.close()
    assert proc.returncode == 0
    assert json.loads(log.read_text().splitlines()[0])["path"] == "/sitemap.xml"


def test_cli_injects_faults_and_rejects_unknown_ones() -> None:
    url = "https://solo.tribunnews.com/2025/10/05/some-story"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newscrawl.replica", "--inject", f"{url}=status-429:2"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        proxy = proc.stdout.readline().split()[-1]
        statuses = [fetch(proxy, url).status for _ in range(3)]
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout:
            proc.stdout.close()
    assert statuses == [429, 429, 404]  # two 429s, then the (unknown) page itself
    bad = subprocess.run(
        [sys.executable, "-m", "newscrawl.replica", "--inject", f"{url}=teapot"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "unknown fault 'teapot'" in bad.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "newscrawl.replica", "--list-faults"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert listed.stdout.split("\n")[0].split()[0] == "status-429"


def test_scrapy_fetch_through_the_proxy(
    fresh_replica: ReplicaServer, replica_env: dict[str, str], tmp_path: Path
) -> None:
    """Scrapy's own CONNECT tunnel + TLS + RetryMiddleware against the flaky article."""
    url = fault_cases()["flaky-500"]
    env = {k: v for k, v in __import__("os").environ.items() if "proxy" not in k.lower()}
    env.update(replica_env)
    out = subprocess.run(
        [sys.executable, "-m", "scrapy", "fetch", "--nolog", url],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert get_article(url).title in out.stdout
    path = url.split(".com", 1)[1]
    statuses = [e["status"] for e in fresh_replica.requests if e["path"] == path]
    assert statuses == [500, 500, 200]


# --------------------------------------------------------------------------------------------
# Inventory and ground truth


def test_inventory_counts_zones_and_eras() -> None:
    window = expected_articles(["www", "solo", "jateng", "makassar", "papua"], *WINDOW)
    per_site = Counter(a.site for a in window)
    assert per_site == {"www": 91, "solo": 24, "jateng": 20, "makassar": 28, "papua": 18}
    assert {REPLICA_SITES[k].era for k in REPLICA_SITES} == {"2020", "2023", "2026"}
    offsets = {a.site: a.published_at[-6:] for a in window}
    assert offsets == {
        "www": "+07:00",
        "solo": "+07:00",
        "jateng": "+07:00",
        "makassar": "+08:00",
        "papua": "+09:00",
    }
    times = [a.published_at[11:16] for a in window]
    assert any(t < "00:20" for t in times)
    assert any(t > "23:40" for t in times)
    shapes = Counter(a.url_shape for a in window if a.site == "www")
    assert shapes["www-id"] > 20
    assert shapes["www-date"] > 10
    # 2020 solo pages show no writer, except the variant naming two in its dataLayer
    solo_writers = [a for a in window if a.site == "solo" and a.authors]
    assert [len(a.authors) for a in solo_writers] == [2]
    assert "writers-datalayer" in get_article(solo_writers[0].url).variants
    assert all(a.published_date in WINDOW_DAYS for a in window)


def test_ground_truth_is_deterministic_across_processes() -> None:
    code = (
        "import hashlib,json;from newscrawl.replica import all_articles;"
        "print(hashlib.sha256(json.dumps([a.as_item() for a in all_articles()],"
        "sort_keys=True).encode()).hexdigest())"
    )
    import hashlib

    here = hashlib.sha256(
        json.dumps([a.as_item() for a in all_articles()], sort_keys=True).encode()
    ).hexdigest()
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    ).stdout.strip()
    assert here == there


def test_decoys_are_not_articles() -> None:
    urls = {a.url for a in all_articles()}
    decoys = decoy_urls()
    assert len(decoys) > 20
    assert not urls & set(decoys)
    assert not urls & set(alias_urls())
    assert any("ads.doubleclick.example" in u for u in decoys)
    assert any(u.startswith("https://video.tribunnews.com/view/") for u in decoys)
    assert any("/tag/" in u for u in decoys)
    assert any("/topic/" in u for u in decoys)


# --------------------------------------------------------------------------------------------
# Manifest consistency: every expected article is served, listed and matches its text


def test_every_window_article_is_served_and_matches_ground_truth(replica: ReplicaServer) -> None:
    for exp in expected_articles("all", *WINDOW):
        article = get_article(exp.url)
        assert article is not None
        paragraphs: list[str] = []
        for page in range(1, exp.page_count + 1):
            url = exp.url if page == 1 else f"{exp.url}?page={page}"
            res = get(replica, url)
            if page in get_article(exp.url).failing_pages():
                assert res.status == 503
                continue
            assert res.status == 200, url
            paragraphs += story_paragraphs(res.text)
            sel = Selector(text=res.text)
            assert sel.css("h1#arttitle::text").get() == exp.title
            assert sel.css("link[rel=canonical]::attr(href)").get() == exp.url
            assert sel.css('meta[property="og:url"]::attr(content)').get() == exp.url
        if not article.variants:  # variant pages need the real clean-up (test_article_variants)
            assert paragraphs == list(exp.body_paragraphs), exp.url
        assert exp.pages_fetched == exp.page_count - int(exp.is_partial)


def test_index_pages_list_every_window_article(replica: ReplicaServer) -> None:
    aliases = {**alias_urls(), **amp_links()}
    decoys = set(decoy_urls())
    canon = {a.url for a in all_articles()}
    for site in REPLICA_SITES:
        for day in WINDOW_DAYS:
            listed: set[str] = set()
            first = f"https://{REPLICA_SITES[site].host}/index-news?date={day}"
            n_pages = index_page_count(len(index_items(site, day)))
            for page in range(1, n_pages + 1):
                url = f"{first}&page={page}"
                res = replica.get(url)
                assert res.status == 200
                for href in Selector(text=res.text).css("ul.lsi li h3 a::attr(href)").getall():
                    full = urljoin(url, href)
                    assert full in canon or full in aliases or full in decoys, full
                    listed.add(aliases.get(full, full))
            want = {a.url for a in expected_articles([site], day, day)}
            assert want <= listed, (site, day, want - listed)
            # Overlap with the adjacent days (§4.4).
            assert {a.published_date for a in all_articles() if a.url in listed} != {day}


def test_index_pagination_repeats_last_page_and_accepts_unpadded_dates(
    replica: ReplicaServer,
) -> None:
    base = "https://www.tribunnews.com/index-news?date="
    n = index_page_count(len(index_items("www", date(2025, 10, 5))))
    assert n >= 3
    last = replica.get(f"{base}2025-10-05&page={n}").text
    assert replica.get(f"{base}2025-10-05&page={n + 1}").text == last
    assert replica.get(f"{base}2025-10-05&page=99").text == last
    assert replica.get(f"{base}2025-10-5").text == replica.get(f"{base}2025-10-05&page=1").text
    sel = Selector(text=replica.get(f"{base}2025-10-05").text)
    items = sel.css("ul.lsi > li.ptb15:not(.nativeads) h3 a")
    assert len(items) >= INDEX_PAGE_SIZE
    assert "Next" in sel.css("div#paginga div.paging a::text").getall()
    assert sel.css("li.nativeads a::attr(href)").get().startswith("https://ads.doubleclick")
    assert sel.css("select#sectionpil option[value=nasional]")
    assert re.fullmatch(r"\w+, \d+ \w+ 2025 \d\d:\d\d WIB", sel.css("time.grey::text").get())
    section = replica.get("https://www.tribunnews.com/index-news/nasional?date=2025-10-05").text
    hrefs = Selector(text=section).css("ul.lsi li h3 a::attr(href)").getall()
    assert hrefs
    assert all("/nasional/" in h for h in hrefs)


def test_section_pages_and_home(replica: ReplicaServer) -> None:
    first = replica.get("https://www.tribunnews.com/nasional").text
    assert replica.get("https://www.tribunnews.com/nasional?page=2").text == first  # §4.3
    sel = Selector(text=first)
    assert len(sel.css("ul#latestul > li.p1520.art-list.pos_rel div.mr140 > h3 > a")) >= 10
    assert sel.css("ul#latestul > li.nativeads")
    assert sel.css("ul#latestul > li.cindex h3 a")
    assert re.fullmatch(
        r"2025-10-\d\d \d\d:\d\d:\d\d", sel.css("time.foot.timeago::attr(title)").get()
    )
    assert sel.css("time.foot.timeago::text").get().endswith("lalu ")
    home = Selector(text=replica.get("https://makassar.tribunnews.com/").text)
    assert home.css('meta[http-equiv="Refresh"]')
    rel = home.css("ul#latestul li.art-list div.fr a::attr(href)").get()
    assert rel.startswith("2025/10/")  # relative href (§4.1)


def test_robots_and_sitemaps(replica: ReplicaServer) -> None:
    robots = replica.get("https://solo.tribunnews.com/robots.txt").text
    for path in ("/api/", "/posts/", "/ajax/", "/json/", "/auth/", "/member/", "/komentar/"):
        assert f"Disallow: {path}" in robots
    www = replica.get("https://www.tribunnews.com/sitemap.xml").text
    assert "https://www.tribunnews.com/nasional/sitemap-news.xml" in www
    news = replica.get("https://www.tribunnews.com/nasional/sitemap-news.xml").text
    assert "<news:publication_date>2025-10-0" in news
    regional = replica.get("https://papua.tribunnews.com/papua/sitemap_news.xml").text
    assert "<loc><![CDATA[https://papua.tribunnews.com/2025/10/" in regional
    assert "+09:00</news:publication_date>" in regional
    assert replica.get("https://papua.tribunnews.com/papua/sitemap-news.xml").status == 404
    locs = re.findall(r"<!\[CDATA\[(.*?)\]\]>", regional)
    for loc in locs[:5]:
        assert replica.get(loc).status == 200


# --------------------------------------------------------------------------------------------
# Era markup


def _page(replica: ReplicaServer, site: str, **want: object) -> tuple[str, object]:
    for exp in expected_articles([site], *WINDOW):
        if all(getattr(exp, k) == v for k, v in want.items()) and not exp.faults:
            return get(replica, exp.url).text, exp
    raise AssertionError(f"no {site} article with {want}")


def test_2020_solo_markup(replica: ReplicaServer) -> None:
    html, exp = _page(replica, "solo")
    sel = Selector(text=html)
    assert sel.css("div.txt-article").attrib["class"] == "side-article txt-article"
    assert not sel.css("#penulis")
    assert sel.css("div#editor::text").get().strip() == f"Editor: {exp.editor}"
    date_text = sel.css("div.grey.bdr3.pb10.pt10 > time::text").get()
    assert re.fullmatch(r"\w+, \d+ Oktober 2025 \d\d:\d\d", date_text)
    header = sel.css("li.fbo2.grey.ar")
    assert header.attrib["title"] == "2025-10-13T11:31:55+07:00"  # crawl date, a trap
    assert header.css("::text").get() == "Senin, 13 Oktober 2025"
    ld = news_article(html)
    assert ld["author"]["name"] == exp.editor  # §1.5: editor in JSON-LD author
    assert ld["datePublished"] == exp.published_at
    assert sel.css("title::text").get() == f"{exp.title} - Tribun Solo"
    assert "keywordBrandSafety" not in html
    assert len(html) > 60_000


def test_2023_jateng_and_makassar_markup(replica: ReplicaServer) -> None:
    html, exp = _page(replica, "jateng", page_count=1)
    sel = Selector(text=html)
    assert sel.css("div.mt10 > div.f20.credit.mt10 > h6 > div#penulis a::text").get() in (
        exp.authors or []
    )
    assert sel.css("div#editor a::text").get() == exp.editor
    assert "multi-fontsize" in sel.css("div.txt-article").attrib["class"]
    assert sel.css("div.grey.bdr3.pb10.pt10::text").get().startswith("Tayang: ")
    types = [b.get("@type") for b in ld_blocks(html)]
    assert types[:2] == ["WebSite", "NewsArticle"]  # locate NewsArticle by @type
    assert "var keywordBrandSafety = " in html

    html, exp = _page(replica, "makassar", page_count=1)
    sel = Selector(text=html)
    assert sel.css("div.credit > h5#penulis b a::text").getall() == [*exp.authors, exp.editor]
    assert sel.css("div.grey.bdr3.pb10.pt10 time strong::text").get() == "Tayang:"
    assert sel.css("div.grey.bdr3.pb10.pt10 time span::text").get().endswith(" WITA")
    assert "editcontent" in sel.css("div.txt-article").attrib["class"]
    assert news_article(html)["datePublished"].endswith("+08:00")
    assert "asset-2.tstatic.net" in sel.css("img.imgfull::attr(src)").get()


def test_2026_www_and_papua_markup(replica: ReplicaServer) -> None:
    html, exp = _page(replica, "www", url_shape="www-id", page_count=1)
    sel = Selector(text=html)
    assert sel.css('meta[property="android:app_id"]::attr(content)').get() == exp.article_id
    assert f"/{exp.article_id}/" in exp.url
    assert sel.css("div#penulis a::text").getall() == exp.authors
    assert sel.css("div#penulis a::attr(href)").get().startswith("/penulis/")
    assert sel.css("time::attr(datetime)").get().endswith("+07:00")
    ld = news_article(html)
    assert [p["name"] for p in ld["author"]] == exp.authors
    assert ld["editor"]["name"] == exp.editor
    assert ld["keywords"] == (exp.tags or [])
    assert ld["isAccessibleForFree"] is True
    assert ld["articleSection"] == exp.section
    assert sel.css("#widget_pilihanuntukmu_article h3::text").get() == "Sesuai Minatmu"
    www_pages = [get(replica, e.url).text for e in expected_articles(["www"], *WINDOW)[:15]]
    assert any('blockquote class="summary-article"' in p for p in www_pages)

    html, exp = _page(replica, "papua", page_count=1)
    sel = Selector(text=html)
    assert sel.css("time::attr(datetime)").get().endswith("+09:00")
    assert sel.css("time::text").get().endswith(" WIT")


def test_special_articles() -> None:
    specials = special_cases()
    for kind in ("short", "no-author", "no-tags", "two-authors"):
        assert specials[kind], kind
    by_url = {a.url: a for a in all_articles()}
    assert all(len(by_url[u].body_paragraphs) <= 2 for u in specials["short"])
    assert all(by_url[u].authors is None for u in specials["no-author"])
    assert all(by_url[u].tags is None for u in specials["no-tags"])
    assert all(len(by_url[u].authors or []) == 2 for u in specials["two-authors"])


# --------------------------------------------------------------------------------------------
# Multi-page articles


def test_multi_page_articles(replica: ReplicaServer) -> None:
    pages = multi_page_urls()
    eras = {get_article(u).rsite.era for u in pages}
    assert eras == {"2020", "2023", "2026"}
    for url, count in pages.items():
        article = get_article(url)
        if article.local_date not in WINDOW_DAYS or article.failing_pages():
            continue
        p1 = Selector(text=get(replica, url).text)
        if article.rsite.era == "2026":
            assert p1.css("span.total-page::text").get() == f"Halaman 1/{count}"
            assert p1.css(f'div.page-number a[rel="page-{count}"]')
        else:
            assert p1.css("div.mb20 > a.bgblue::attr(href)").get() == f"{url}?page=2"
            assert len(p1.css("div.paging a")) == count
        p2 = get(replica, f"{url}?page=2")
        assert p2.status == 200
        s2 = Selector(text=p2.text)
        assert s2.css("h1#arttitle::text").get() == article.title
        assert s2.css("title::text").get().endswith(f" - Halaman 2{article.rsite.title_suffix}")
        assert s2.css("link[rel=canonical]::attr(href)").get() == url
        everything = get(replica, f"{url}?page=all").text
        assert everything.count("article-content-body__item-break-index") == count - 1
        assert " - Halaman all" in Selector(text=everything).css("title::text").get()
        assert story_paragraphs(everything) == list(article.expected().body_paragraphs)
        assert get(replica, f"{url}?page={count + 1}").status == 404


# --------------------------------------------------------------------------------------------
# Faults


def test_builtin_faults(fresh_replica: ReplicaServer) -> None:
    faults = fault_cases()
    flaky = faults["flaky-500"]
    assert [fresh_replica.get(flaky).status for _ in range(4)] == [500, 500, 200, 200]
    fresh_replica.reset_faults()
    assert fresh_replica.get(flaky).status == 500

    partial = faults["page3-503"]
    exp = next(e for e in all_articles() if e.url == partial)
    assert (exp.is_partial, exp.page_count, exp.pages_fetched) == (True, 3, 2)
    assert fresh_replica.get(f"{partial}?page=3").status == 503
    assert fresh_replica.get(f"{partial}?page=3").status == 503
    assert fresh_replica.get(f"{partial}?page=all").status == 503
    assert fresh_replica.get(f"{partial}?page=2").status == 200

    truncated = fresh_replica.get(faults["truncated"])
    assert truncated.status == 200
    assert not truncated.text.rstrip().endswith("</html>")
    assert "</body>" not in truncated.text
    assert story_paragraphs(truncated.text) == list(
        get_article(faults["truncated"]).expected().body_paragraphs
    )

    assert fresh_replica.get(faults["dead-link"]).status == 404
    assert faults["dead-link"] in decoy_urls(["solo"])

    m_url = faults["m-link"].replace("://www.", "://m.")
    assert fresh_replica.get(m_url).location == faults["m-link"]
    http_url = faults["http-link"].replace("https://", "http://")
    assert fetch(fresh_replica.proxy_url, http_url).location == faults["http-link"]
    assert alias_urls() == {m_url: faults["m-link"], http_url: faults["http-link"]}


def test_date_renamed_fault_removes_dates_from_article_pages() -> None:
    normal, broken = Replica(), Replica(faults=["date-renamed"])
    for site in REPLICA_SITES:
        exp = expected_articles([site], *WINDOW)[0]
        host, path = exp.url.split("/", 3)[2], "/" + exp.url.split("/", 3)[3]
        good = normal.handle("GET", "https", host, path).body.decode()
        bad = broken.handle("GET", "https", host, path).body.decode()
        assert "datePublished" in good
        assert "datePublished" not in bad
        assert "dateModified" not in bad
        assert "'publish_date'" not in bad
        assert "Tayang:" not in bad
        assert 'class="grey bdr3 pb10 pt10"' not in bad
        assert "<time datetime" not in bad
        assert 'class="tgl-terbit"' in bad
    index = broken.handle("GET", "https", "solo.tribunnews.com", "/index-news?date=2025-10-05")
    assert b'<time class="grey">' in index.body  # listings keep their dates
    with pytest.raises(ValueError, match="unknown fault"):
        Replica(faults=["no-such-fault"])


def test_edits_file_is_reread_on_every_request(tmp_path: Path) -> None:
    target = expected_articles(["solo"], *WINDOW)[2]
    edits = tmp_path / "edits.json"
    edits.write_text("{}")
    with ReplicaServer(port=0, edits=edits) as srv:
        before = Selector(text=srv.get(target.url).text)
        assert before.css("h1#arttitle::text").get() == target.title
        change = {target.url: {"title": "Judul Baru Hasil Revisi", "append_paragraph": "Tambahan."}}
        edits.write_text(json.dumps(change))
        after = srv.get(target.url).text
        assert Selector(text=after).css("h1#arttitle::text").get() == "Judul Baru Hasil Revisi"
        index = srv.get(f"https://solo.tribunnews.com/index-news?date={target.published_date}")
        assert "Judul Baru Hasil Revisi" in index.text
        expected = next(
            e for e in expected_articles(["solo"], *WINDOW, edits=change) if e.url == target.url
        )
        assert expected.title == "Judul Baru Hasil Revisi"
        assert expected.body_paragraphs[-1] == "Tambahan."
        assert expected.modified_at == "2025-10-13T11:31:55+07:00"  # the edit bumps it
        last_page = (
            target.url if target.page_count == 1 else f"{target.url}?page={target.page_count}"
        )
        assert story_paragraphs(srv.get(last_page).text)[-1] == "Tambahan."
        edits.write_text(json.dumps({target.url: {"deleted": True}}))
        assert srv.get(target.url).status == 404
