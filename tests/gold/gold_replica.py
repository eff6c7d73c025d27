"""Gold cases rendered by the replica's own renderer, with content remixed here.

``newscrawl.replica.render.article_page`` draws the page in its site's template era (2020 on
solo, 2023–24 on jateng/makassar, 2026 on www/papua); the ground truth is the replica content
model's own (``Article.expected()``). So that the gold set is not just the replica crawl, each
picked article gets new text: a new title, lead and story paragraphs from ``textbank.py`` under
this file's seeds (``dataclasses.replace`` on the model), keeping the article's boilerplate
blocks (reporter line, "Baca juga", ads, figures, recaps, copy footer) and end credits. Extra
variants: ``?page=all`` pages, and the replica's "date-renamed" redesign fault (ground truth
then is what the page still shows: the minute-precision visible date, no modification date).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import textbank as tb

SEED_BASE = 7_300
SOURCE = (
    "replica render era={era} site={site} seq={seq}, content remixed by make_gold (seed {seed})"
)


def _picks(articles: list[Any]) -> list[tuple[str, Any, dict[str, Any]]]:
    """(case name, article, options): per site a plain story plus every special kind."""
    chosen: list[tuple[str, Any, dict[str, Any]]] = []
    seen: set[tuple[str, str]] = set()

    def want(site: str, kind: str, pred: Callable[[Any], bool], **opts: Any) -> None:
        if (site, kind) in seen:
            return
        for a in articles:
            if a.variants and not kind.startswith("variant-"):
                continue  # the older cases keep their articles
            if a.site == site and pred(a):
                seen.add((site, kind))
                chosen.append((f"replica-{site}-{kind}", a, opts))
                return

    for site in ("www", "solo", "jateng", "makassar", "papua"):
        want(
            site,
            "single",
            lambda a: a.page_count == 1 and not a.special and not a.faults,
        )
        want(
            site,
            "reporter",
            lambda a: a.page_count == 1 and a.reporter and not a.faults and a.seq % 3 == 1,
        )
        want(site, "multipage", lambda a: a.page_count > 1 and not a.faults)
        want(site, "short", lambda a: "short" in a.special)
        want(site, "noauthor", lambda a: "no-author" in a.special)
        want(site, "notags", lambda a: "no-tags" in a.special)
        want(site, "twoauthors", lambda a: "two-authors" in a.special)
        want(site, "partial", lambda a: "page3-503" in a.faults)
        want(site, "truncated", lambda a: "truncated" in a.faults)
        want(site, "page-all", lambda a: a.page_count > 2 and not a.faults, page_all=True)
    for article in articles:  # one case per real-page variant (docs/variants.md) and site
        for variant in article.variants:
            want(article.site, f"variant-{variant}", lambda a, v=variant: v in a.variants)
    for site in ("solo", "www"):
        want(
            site,
            "date-renamed",
            lambda a: a.page_count == 1 and not a.faults and a.seq % 5 == 2,
            date_renamed=True,
        )
    return chosen


def _remix(article: Any, seed: int, content: Any) -> Any:
    """The article with new title, lead and story text (same structure, same boilerplate)."""
    rng = random.Random(seed)
    theme = sorted(tb.THEMES)[seed % len(tb.THEMES)]
    objects, bank = tb.THEMES[theme]
    tokoh = f"{rng.choice(tb.FIRST)} {rng.choice(tb.LAST)}"
    fmt = {"kota": article.city or "Jakarta", "tokoh": tokoh, "tp": tokoh.split()[0],
           "n": str(rng.randint(2, 9)), "m": str(rng.randint(12, 480)), "obj": rng.choice(objects),
           "hari": content.hari(article.published.date())}  # fmt: skip
    texts = [t.format(**fmt).replace("[[", "").replace("]]", "") for t in bank]
    rng.shuffle(texts)
    pos = 0
    pages = []
    tag = article.tags[0] if article.tags else None
    for blocks in article.pages:
        new_blocks = []
        for block in blocks:
            if isinstance(block, content.Para) and not block.text.startswith("("):
                text = texts[pos % len(texts)]
                pos += 1
                segs: list[Any] = [s for s in block.segs if s.kind == "dl"]
                if tag and pos % 3 == 2:
                    segs += [content.Seg("t", text + " Menurut warga, "), content.Seg("tag", tag.name, slug=tag.slug),
                             content.Seg("t", " menjadi perhatian.")]  # fmt: skip
                else:
                    segs.append(content.Seg("t", text))
                new_blocks.append(content.Para(tuple(segs)))
            else:
                new_blocks.append(block)
        pages.append(tuple(new_blocks))
    title = tb.TITLES[theme].format(**fmt) + f" ({article.seq})"
    lead = tb.LEADS[theme].format(**fmt)
    return replace(article, title=title, lead=lead, pages=tuple(pages))


def _syndicated_from(article: Any, content: Any) -> dict[str, str | None] | None:
    """The replica's copy footer as the item states it: the plain "berita" wording has no link."""
    footers = [b for page in article.pages for b in page if isinstance(b, content.CopyFooter)]
    if not footers:
        return None
    footer = footers[-1]
    url = None if footer.style == "berita" else footer.url
    return {"site_name": footer.brand, "url": url, "title": footer.title}


def _expected(article: Any, content: Any, *, page_all: bool, date_renamed: bool) -> dict[str, Any]:
    exp = article.expected()
    out = exp.as_item()
    out["published_raw"] = exp.published_at  # JSON-LD datePublished, the first candidate
    if date_renamed:  # only the visible "Senin, 6 Oktober 2025 19:26 WIB" is left
        pub = article.published.replace(second=0)
        out["published_at"] = content.iso(pub)
        out["published_raw"] = f"{content.indo_date(article.published)} {article.rsite.zone_name}"
        out["modified_at"] = None
    if page_all:
        out["pages_fetched"] = out["page_count"]
        out["is_partial"] = False
    out["syndicated_from"] = _syndicated_from(article, content)
    order = ["url", "site", "site_name", "article_id", "section", "topic", "title", "lead", "body",
             "authors", "editor", "reporter", "tags", "syndicated_from", "published_at", "published_raw", "modified_at",
             "image_url", "image_caption", "page_count", "pages_fetched", "is_partial", "word_count"]  # fmt: skip
    return {k: out[k] for k in order}


def build_replica_cases(write_case: Callable[..., None], only: str | None) -> list[str]:
    try:
        from newscrawl.replica import content, render
    except ImportError:  # the replica is not there yet
        return []
    inv = content.inventory()
    written = []
    for n, (name, original, opts) in enumerate(_picks(list(inv.articles))):
        if only not in (None, name):
            continue
        seed = SEED_BASE + n
        article = _remix(original, seed, content)
        site_articles = inv.by_site[article.site]
        page_all = bool(opts.get("page_all"))
        date_renamed = bool(opts.get("date_renamed"))
        if page_all:
            numbers: list[int | str] = ["all"]
        else:
            numbers = [
                p for p in range(1, article.page_count + 1) if p not in article.failing_pages()
            ]
        pages = [
            (
                render.article_page(article, p, site_articles, date_renamed=date_renamed),
                article.page_url(p),
            )
            for p in numbers
        ]
        rs = article.rsite
        kinds = ["replica", *article.special, *article.faults]
        if page_all:
            kinds.append("page-all")
        if date_renamed:
            kinds.append("date-renamed")
        meta = {
            "url": pages[0][1],
            "frozen_time": content.CRAWL_NOW.isoformat(),
            "source": SOURCE.format(era=rs.era, site=article.site, seq=article.seq, seed=seed),
            "era": rs.era,
            "site": article.site,
            "zone": rs.zone_name,
            "kind": kinds,
        }
        write_case(
            name,
            pages,
            meta,
            _expected(article, content, page_all=page_all, date_renamed=date_renamed),
        )
        written.append(name)
    return written
