"""Write the gold set: one folder per case with input pages, meta.json and output.json.

Run ``python tests/gold/make_gold.py`` (add ``--only CASE`` to rewrite one case). Every page
is built here from ground truth this script holds (a :class:`Story`), and ``output.json`` is
written from that same ground truth, never from newscrawl's extractor:

* ``real-*``: the real 2020 solo page [R1], copied verbatim; its expected output is typed in
  below by hand from reading the page.
* ``frag*-*``: the five real 2018 body fragments [R3] inside each era's page chrome; their
  expected paragraphs are typed in below by hand from reading the fragments.
* every other case: an invented story (text from ``textbank.py``) rendered in the markup
  docs/site-structure.md documents for its era (§1.1–§1.13, §2, §3, §5), with the in-body
  boilerplate of §2 injected around the story paragraphs.
* ``replica-*``: pages from the replica's own renderer (``newscrawl.replica.render``) with new
  seeds, when that module is present; ground truth from the replica's content model.

Desktop chrome (header with the *crawl* date, menus, ad scripts, related, comments, latest and
popular lists, footer) is cut from the real R1 page, so every page is a realistic ~100 KB.
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import textbank as tb

from newscrawl.sites import SITES, Site

# The real pages kept in the repository (docs/site-structure.md §8): R1 beside the replica that
# builds on it, R2 and the R3 fragments in tests/fixtures/real.
R1_DIR = HERE.parents[1] / "newscrawl" / "replica" / "data"
REAL_DIR = HERE.parent / "fixtures" / "real"
R1_NAME = "solo-tribunnews-article-2020-10-09.html"
R1_URL = (
    "https://solo.tribunnews.com/2020/10/09/"
    "protokol-kesehatan-3m-adalah-vaksin-terbaik-cegah-covid-19-simak-penjelasan-dokter"
)
R1_TITLE = "Protokol Kesehatan 3M adalah Vaksin Terbaik Cegah Covid-19, Simak Penjelasan Dokter"
SAVED_AT = "2026-11-25T00:00:00+00:00"

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")  # fmt: skip
ZONE_LABEL = {7: "WIB", 8: "WITA", 9: "WIT"}


# --- ground truth ---------------------------------------------------------------------------
@dataclass
class Story:
    """One article as its author wrote it, plus how the case renders it."""

    case: str
    site: str
    era: str  # 2020 | 2022 | 2024 | 2025 | 2026 | mobile | amp | amp-m
    canonical: str  # page-1 canonical URL
    title: str
    lead: str | None
    pages: list[list[str]]  # paragraphs per page, in the markup of textbank.py; "## " = h2
    published: datetime  # aware, in the site's zone
    fetched: datetime  # aware UTC
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    reporter: str | None = None
    reporter_brand: str | None = None
    tags: list[str] = field(default_factory=list)
    topic: str | None = None
    section: str | None = None  # top breadcrumb level below Home
    subsection: str | None = None
    expected_section: str | None = None  # set by section_truth()
    image: str | None = None
    caption: str | None = None
    credit: str | None = None
    article_id: str | None = None
    features: frozenset[str] = frozenset()
    given_pages: int | None = None  # pages handed to extract_story (default: all)
    page_all: bool = False  # fetched as ?page=all
    fetch_host: str | None = None  # m.tribunnews.com etc.
    jsonld_offset: int | None = None  # hours; default the site's own
    source: str = "hand-made from docs/site-structure.md"
    raw_paragraph_html: list[list[str]] | None = None  # real fragments: verbatim body HTML
    footer_names_self: bool = False  # a real fragment's copy footer names the story itself

    @property
    def site_obj(self) -> Site:
        return SITES[self.site]

    @property
    def total_pages(self) -> int:
        return len(self.pages)


_MARK = re.compile(r"\*\*(.+?)\*\*|//(.+?)//|\[\[(.+?)\]\]")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def para_text(para: str) -> str:
    """Expected plain text of one paragraph in textbank markup."""
    para = para.removeprefix("## ").removeprefix("### ")
    return _MARK.sub(lambda m: m.group(1) or m.group(2) or m.group(3), para)


def para_html(para: str, base: str) -> str:
    """HTML of one paragraph: <p>, or <h2>/<h3> for subheads."""

    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            return f"<strong>{htmllib.escape(m.group(1), quote=False)}</strong>"
        if m.group(2):
            return f"<em>{htmllib.escape(m.group(2), quote=False)}</em>"
        label = m.group(3)
        return (
            f'<a aria-label="link" href="{base}/tag/{slug(label)}" title="{label}">'
            f"{htmllib.escape(label, quote=False)}</a>"
        )

    tag = "p"
    if para.startswith("## "):
        tag, para = "h2", para[3:]
    elif para.startswith("### "):
        tag, para = "h3", para[4:]
    parts = []
    pos = 0
    for m in _MARK.finditer(para):
        parts.append(htmllib.escape(para[pos : m.start()], quote=False))
        parts.append(repl(m))
        pos = m.end()
    parts.append(htmllib.escape(para[pos:], quote=False))
    return f"<{tag}>{''.join(parts)}</{tag}>"


def local(dt: datetime, site: Site) -> datetime:
    return dt.astimezone(site.tz)


def text_date(dt: datetime, *, zone: bool = True, seconds: bool = False) -> str:
    """ "Jumat, 9 Oktober 2020 13:52 WIB" (§1.4)."""
    hm = dt.strftime("%H:%M:%S" if seconds else "%H:%M")
    label = ZONE_LABEL[int(dt.utcoffset().total_seconds() // 3600)]  # type: ignore[union-attr]
    out = f"{DAYS[dt.weekday()]}, {dt.day} {MONTHS[dt.month - 1]} {dt.year} {hm}"
    return f"{out} {label}" if zone else out


def iso(dt: datetime, *, seconds: bool = True) -> str:
    if seconds:
        return dt.replace(microsecond=0).isoformat()
    return dt.strftime("%Y-%m-%dT%H:%M") + dt.strftime("%z")[:3] + ":" + dt.strftime("%z")[3:]


# --- expected output -------------------------------------------------------------------------
def has_jsonld(story: Story) -> bool:
    return story.era not in ("amp-m",) and "no-jsonld" not in story.features


def has_datalayer(story: Story) -> bool:
    return story.era in ("2020", "2022", "2024", "2025", "mobile")


def expected(story: Story) -> dict[str, object]:
    """Every ArticleItem field except crawled_at/revision, from the story's ground truth."""
    site = story.site_obj
    given = story.given_pages or story.total_pages
    body_pages = story.pages if story.page_all else story.pages[:given]
    if story.raw_paragraph_html is not None:
        paragraphs = [p for page in body_pages for p in page]  # already plain text
    else:
        paragraphs = [para_text(p) for page in body_pages for p in page]
    body = "\n\n".join(paragraphs) or None
    pub = local(story.published, site)
    if has_jsonld(story):
        offset = story.jsonld_offset
        raw_dt = pub if offset is None else pub.astimezone(timezone(timedelta(hours=offset)))
        published_raw = iso(raw_dt)
        published_at = iso(pub)
        modified_at = iso(pub + timedelta(minutes=7)) if "modified" in story.features else iso(pub)
    elif has_datalayer(story):  # dataLayer publish_date keeps the seconds [R1]
        published_raw = pub.strftime("%Y-%m-%d %H:%M:%S")
        published_at = iso(pub)
        modified_at = None
    else:  # only the visible date box: minute precision
        published_raw = visible_date_raw(story)
        published_at = iso(pub.replace(second=0))
        modified_at = None
    if story.page_all:
        page_count, fetched, partial = story.total_pages, story.total_pages, False
    else:
        page_count, fetched = story.total_pages, given
        partial = given < story.total_pages
    return {
        "url": story.canonical,
        "site": story.site,
        "site_name": site.name,
        "article_id": story.article_id,
        "section": story.expected_section,
        "topic": story.topic,
        "title": story.title,
        "lead": story.lead,
        "body": body,
        "authors": list(story.authors) or None,
        "editor": story.editor,
        "reporter": story.reporter,
        "tags": list(story.tags) or None,
        "syndicated_from": syndicated_from(story),
        "published_at": published_at,
        "published_raw": published_raw,
        "modified_at": modified_at,
        "image_url": story.image,
        "image_caption": story.caption,
        "page_count": page_count,
        "pages_fetched": fetched,
        "is_partial": partial,
        "word_count": len(body.split()) if body else 0,
    }


def syndicated_from(story: Story) -> dict[str, str | None] | None:
    """What the story's copy footer says (site, URL when linked, original title)."""
    if story.footer_names_self:  # R3: "… di Tribunnews.com dengan judul TITLE, URL"
        return {"site_name": "Tribunnews.com", "url": story.canonical, "title": story.title}
    if "v-footer-linked" in story.features:
        site = story.site_obj
        return {"site_name": site.brand, "url": story.canonical, "title": story.title}
    if "v-footer-berita" in story.features:
        return {"site_name": "Tribunjateng.com", "url": None, "title": story.title}
    return None


def visible_date_raw(story: Story) -> str:
    pub = local(story.published, story.site_obj)
    if story.era == "2020":
        return text_date(pub, zone=False)
    if story.era == "2026":
        return iso(pub, seconds=False)  # <time datetime=…>
    return text_date(pub)


# --- rendering helpers -----------------------------------------------------------------------
def _r1() -> str:
    return (R1_DIR / R1_NAME).read_text(encoding="utf-8")


class Chrome:
    """Slices of the real R1 page reused as the frame of every desktop page."""

    def __init__(self) -> None:
        r1 = _r1()
        self.head_links = r1[
            r1.index('<link href="//securepubads') : r1.index('<meta http-equiv="Content-Type"')
        ]
        self.head_filler = r1[r1.index("<!--Prebid GPT Async-->") : r1.index("</head>")]
        top = r1[
            r1.index('<body id="bodyart">') + len('<body id="bodyart">') : r1.index(
                '<div class="bsh mb20" id="va">'
            )
        ]
        self.body_top = top
        self.tail_end = r1[
            r1.index('<div class="mb5 bor1 pt10 plr10 bggrey2">') : r1.index(
                '<div id="fixsharebottom">'
            )
        ]
        self.body_bottom = r1[r1.index('<div id="fixsharebottom">') :]

    def frame(self, part: str, story: Story, modern: bool) -> str:
        site = story.site_obj
        out = part.replace(R1_URL, story.canonical).replace(R1_TITLE, story.title)
        out = out.replace("Protokol%20Kesehatan%203M", slug(story.title)[:20])
        if site.key != "solo":
            out = out.replace("https://solo.tribunnews.com", site.base_url)
            out = out.replace("Tribun Solo", site.name).replace(
                "TribunSolo", site.name.replace(" ", "")
            )
            out = out.replace("tribunsolo", site.name.replace(" ", "").lower())
        if modern:
            for n in ("1", "2", "3"):
                out = out.replace(f"cdn-{n}.tstatic.net", f"asset-{n}.tstatic.net")
            out = out.replace("theme15", "theme23")
        return out


class MobileChrome:
    """Slices of the real m.tribunnews.com page R2 (head scripts, header and menus, the
    "latest" list and footer scripts) framing the m. article pages; AMP pages get an AMP shell
    of the same weight (AMP runtime scripts, R1's CSS inlined as ``amp-custom``, menus)."""

    def __init__(self) -> None:
        r2 = (REAL_DIR / "m-tribunnews-home-2022-01-28.html").read_text(encoding="utf-8")
        head_start = r2.index('<meta name="actionjixie"')
        self.head_extra = r2[r2.index("\n", head_start) : r2.index("</head>")]
        body = r2.index("<body>") + len("<body>")
        content = r2.index('<div class="content">')
        self.body_top = r2[body : content + len('<div class="content">')]
        latest = r2.index('<div class="ovh mb20">\n\t\t<div class="lsi bgwhite">')
        self.body_bottom = r2[latest:]
        r1 = _r1()
        css = re.findall(r"<style>(.*?)</style>", r1, flags=re.DOTALL)
        self.amp_css = "\n".join(css)
        menu = r1[
            r1.index('<ul class="lsihomeloc">') : r1.index(
                "</ul>",
                r1.index('<ul class="lsihomeloc">', r1.index('<ul class="lsihomeloc">') + 10),
            )
            + 5
        ]
        self.amp_menu = menu


MOBILE: MobileChrome | None = None


def mobile_chrome() -> MobileChrome:
    global MOBILE
    if MOBILE is None:
        MOBILE = MobileChrome()
    return MOBILE


AMP_HEAD = (
    '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">'
    '<script async src="https://cdn.ampproject.org/v0.js"></script>'
    '<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>'
    '<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>'
    '<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>'
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}"
    "to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;animation:none}"
    "</style></noscript>"
)


CHROME: Chrome | None = None


def chrome() -> Chrome:
    global CHROME
    if CHROME is None:
        CHROME = Chrome()
    return CHROME


def esc(text: str | None) -> str:
    return htmllib.escape(text or "", quote=True)


def img_host(story: Story) -> str:
    return (
        "https://cdn-2.tstatic.net"
        if story.era in ("2020", "2022")
        else "https://asset-2.tstatic.net"
    )


def jsonld_blocks(story: Story, page: int) -> list[str]:
    """The ld+json blocks of the era (§1.11): by @type, never by position."""
    site = story.site_obj
    pub = local(story.published, site)
    if story.jsonld_offset is not None:
        pub_raw = iso(pub.astimezone(timezone(timedelta(hours=story.jsonld_offset))))
    else:
        pub_raw = iso(pub)
    mod = pub + timedelta(minutes=7) if "modified" in story.features else pub
    person = (
        [{"@type": "Person", "name": a} for a in story.authors]
        if story.authors
        else ([{"@type": "Person", "name": story.editor}] if story.editor else [])
    )
    article: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": pub_raw,
        "dateModified": iso(mod),
        "mainEntityOfPage": {"@type": "WebPage", "@id": story.canonical},
        "description": story.lead or "",
        "image": {
            "@type": "ImageObject",
            "url": story.image or f"{img_host(story)}/img/logo.png",
            "width": 700,
            "height": 393,
        },
        "publisher": {
            "@type": "Organization",
            "name": site.name,
            "logo": {
                "@type": "ImageObject",
                "url": f"{img_host(story)}/img/logo/daerah/png3/{site.key}.png",
            },
        },
    }
    if not story.image:
        article.pop("image")
    crumbs = ["Home"] + [c for c in (story.section, story.subsection) if c]
    breadcrumb = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i + 1,
                "name": c,
                "item": f"{site.base_url}/{slug(c)}" if i else site.base_url,
            }
            for i, c in enumerate(crumbs)
        ],
    }
    if story.era == "2026":
        article.pop("@context")
        article["author"] = person if story.authors else []
        if story.editor:
            article["editor"] = {"@type": "Person", "name": story.editor}
        if story.section:
            article["articleSection"] = story.subsection or story.section
        article["keywords"] = list(story.tags)
        article["isAccessibleForFree"] = True
        graph = {"@context": "https://schema.org", "@graph": [article, breadcrumb]}
        return [json.dumps(graph, ensure_ascii=False, indent=1)]
    if person:
        # v-datalayer-2: two writers in the byline/dataLayer, JSON-LD names the first only
        one = len(person) == 1 or "v-datalayer-2" in story.features
        article["author"] = person[0] if one else person
    text = json.dumps(article, ensure_ascii=False, indent=2)
    if "jsonld-newline" in story.features:  # a raw line break inside a string (CMS bug)
        text = text.replace(story.title, story.title.replace(" ", "\n", 1), 1)
    blocks = [text]
    webpage = {"@context": "https://schema.org", "@type": "WebPage", "headline": story.title, "url": story.canonical,
               "datePublished": pub_raw, "image": story.image or ""}  # fmt: skip
    website = {"@context": "https://schema.org", "@type": "WebSite", "url": site.base_url + "/",
               "potentialAction": {"@type": "SearchAction", "target": f"{site.base_url}/search?q={{search_term_string}}",
                                   "query-input": "required name=search_term_string"}}  # fmt: skip
    if story.era in ("2020", "2022"):
        blocks.append(json.dumps(webpage, ensure_ascii=False, indent=1))
    elif story.era in ("2024", "2025"):
        blocks.insert(0, json.dumps(website, ensure_ascii=False))
        blocks.append(
            json.dumps({"@context": "https://schema.org", **breadcrumb}, ensure_ascii=False)
        )
    else:  # mobile / amp
        blocks.insert(0, json.dumps(website, ensure_ascii=False))
    return blocks


def head(story: Story, page: int, *, modern: bool, amp: bool = False) -> str:
    site = story.site_obj
    url = page_url(story, page)
    suffix = ""
    if story.page_all:
        suffix = " - Halaman all"
    elif page > 1:
        suffix = f" - Halaman {page}"
    site_title = site.name
    full_title = f"{story.title}{suffix} - {site_title}"
    meta = [
        f"<title>{esc(full_title)}</title>",
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ]
    if story.lead:
        meta.append(f'<meta name="description" content="{esc(story.lead)}" />')
    kws = ", ".join([*(story.tags or []), *(c for c in (story.subsection, story.section) if c)])
    meta.append(f'<meta name="news_keywords" content="{esc(kws)}" />')
    meta.append('<meta name="robots" content="index,follow"/>')
    meta.append(f'<link rel="canonical" href="{story.canonical}"/>')
    if not amp:
        amp_url = story.canonical.replace(site.base_url, site.base_url + "/amp")
        meta.append(f'<link rel="amphtml" href="{amp_url}" data-component-name="amp:html:link">')
    if story.era == "2026" and story.article_id:
        meta.append(f'<meta property="android:app_id" content="{story.article_id}" />')
    meta += [
        '<meta property="fb:app_id" content="114488588566911" />',
        f'<meta property="og:site_name" content="{esc(site.name)}"/>',
        '<meta property="og:type" content="article" />',
        f'<meta property="og:title" content="{esc(full_title)}"/>',
    ]
    if story.image:
        og_image = (
            story.image.replace("/images/", "/thumbnails2/")
            if "og-thumb" in story.features
            else story.image
        )
        meta.append(f'<meta property="og:image" content="{og_image}" />')
    if story.lead:
        meta.append(f'<meta property="og:description" content="{esc(story.lead)}"/>')
    meta.append(f'<meta property="og:url" content="{story.canonical}"/>')
    meta.append('<meta name="twitter:card" content="summary_large_image"/>')
    meta.append(f'<meta name="twitter:title" content="{esc(full_title)}" />')
    meta.append(
        f'<link rel="alternate" type="application/rss+xml" title="{esc(site.name)}" href="{site.base_url}/rss" />'
    )
    if story.era in ("mobile", "amp", "amp-m"):
        pass
    else:
        meta.insert(3, chrome().frame(chrome().head_links, story, modern))
    if has_jsonld(story):
        meta += [
            f'<script type="application/ld+json">\n{b}\n</script>'
            for b in jsonld_blocks(story, page)
        ]
    if has_datalayer(story):
        meta.append(datalayer(story))
    if story.era in ("2024", "2025", "2026", "mobile") and "brand-safety" in story.features:
        plain = "\\n".join(
            para_text(p).replace('"', '\\"')
            for p in story.pages[page - 1 if not story.page_all else 0]
        )
        meta.append(f'<script type="text/javascript">var keywordBrandSafety = "{plain}";</script>')
    if story.era in ("mobile", "amp", "amp-m"):
        if amp:
            meta.append(AMP_HEAD + f"<style amp-custom>{mobile_chrome().amp_css}</style>")
        else:
            meta.append(mobile_chrome().head_extra)
    else:
        meta.append(chrome().frame(chrome().head_filler, story, modern))
    _ = url
    return "\n".join(meta)


def datalayer(story: Story) -> str:
    site = story.site_obj
    pub = local(story.published, site)
    penulis = story.authors[0] if story.authors else ""
    if "v-datalayer-2" in story.features:
        penulis = ", ".join(story.authors)
    return (
        '<script type="text/javascript">\n\tdataLayer = [{\n'
        f"\t  'editor': '{story.editor or ''}',\n\t  'penulis':'{penulis}',\n"
        f"\t  'publish_date': '{pub.strftime('%Y-%m-%d %H:%M:%S')}',\n\t  'domain': '{site.key if site.key != 'www' else 'tribunnews'}',\n"
        f"\t  'section': '{slug(story.section or 'news')}',\n\t  'source': 'Tribunnews.com',\n"
        f"\t  'subcategory': '{slug(story.subsection or '')}',\n\t  'content_type': 'standard',\n"
        f"\t  'content_topic': '{story.topic or ''}',\n"
        + (f"\t\t'idArticle':'{story.article_id}',\n" if story.article_id else "")
        + f"\t  'agent':'{'mobile' if story.era == 'mobile' else 'desktop'}',\n }}];\n</script>"
    )


def page_url(story: Story, page: int) -> str:
    base = story.canonical
    if story.fetch_host:
        base = base.replace("https://www.tribunnews.com", f"https://{story.fetch_host}")
    if story.era in ("amp",):
        site = story.site_obj
        base = base.replace(site.base_url, site.base_url + "/amp")
    if story.era == "amp-m":
        base = base.replace("https://www.tribunnews.com", "https://m.tribunnews.com/amp")
    if story.page_all:
        return base + "?page=all"
    return base if page == 1 else f"{base}?page={page}"


def breadcrumb_html(story: Story) -> str:
    site = story.site_obj
    crumbs = [("Home", site.base_url + "/")]
    if story.section:
        crumbs.append((story.section, f"{site.base_url}/{slug(story.section)}"))
    if story.subsection:
        crumbs.append(
            (
                story.subsection,
                f"{site.base_url}/{slug(story.section or '')}/{slug(story.subsection)}",
            )
        )
    items = "".join(
        f'<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">'
        f'<a itemtype="https://schema.org/Thing" itemprop="item" href="{href}"><span itemprop="name">{esc(name)}</span>'
        f'<meta itemprop="position" content="{i + 1}" /></a></li>\n'
        for i, (name, href) in enumerate(crumbs)
    )
    return f'<ul class="breadcrumb" itemscope itemtype="http://schema.org/BreadcrumbList">\n{items}</ul>'


def artimg(story: Story) -> str:
    if not story.image:
        return ""
    cap = esc(story.caption)
    zoom = (
        f'<a class="icon_zoom glightbox" href="{story.image}" data-descPosition="bottom" data-glightbox="title:{cap};">'
        '<img src="https://cdn-1.tstatic.net/img/zoom-in.svg" width="16" height="16" alt="zoom-in"/><small>lihat foto</small></a>'
    )
    img = (
        f'<a href="{story.image}" class="glightbox" data-glightbox="title:{cap};">'
        f'<img style="float:none;height:auto" class="imgfull" src="{story.image}" width="700" height="393" alt="{esc(story.title)}" /></a>'
    )
    credit = (
        f'<div class="f11 white pa3 fr pos_rel ar" style="margin-top: -21px;">{esc(story.credit)}</div>'
        if story.credit
        else ""
    )
    caption = f'<div class="arial f12 pt5 grey2">{cap}&nbsp;</div>' if story.caption else ""
    return (
        f'<div id="artimg"><div class="pb20 ovh"><div class="ovh imgfull_div" style="position:relative;">{zoom}{img}</div>'
        f'<div class="cl2"></div>{credit}<div class="cl2"></div>{caption}</div></div>'
    )


# --- the body with its boilerplate -----------------------------------------------------------
def related_title(story: Story, k: int) -> str:
    return tb.RELATED[(len(story.case) + k) % len(tb.RELATED)]


def related_href(story: Story, k: int) -> str:
    pub = local(story.published, story.site_obj)
    return f"{story.site_obj.base_url}/{pub:%Y/%m/%d}/{slug(related_title(story, k))}"


def baca_html(story: Story, k: int) -> str:
    """A related link in the era's markup (§2 "Baca juga")."""
    title, href = related_title(story, k), related_href(story, k)
    if story.era in ("2020", "2022"):
        return f'<p class="baca"><strong> &bull; <a title="{esc(title)}" href="{href}">{esc(title)}</a></strong></p>'
    if "baca-plain" in story.features and k % 2:
        return f'<p><strong>Baca juga:</strong> <a href="{href}">{esc(title)}</a></p>'
    if story.era in ("amp", "amp-m", "mobile"):
        return f'<p class="baca">Baca juga: <a href="{href}">{esc(title)}</a></p>'
    return f'<p class="baca"><span class="more">Baca juga: </span><a href="{href}" title="{esc(title)}">{esc(title)}</a></p>'


def ad_html(story: Story, k: int) -> str:
    if story.era in ("2020", "2022"):
        return (
            "<div id='div-Inside-MediumRectangle' style='text-align:center;margin:auto'><script type='text/javascript'>"
            "googletag.cmd.push(function() { googletag.display('div-Inside-MediumRectangle'); });</script></div>"
        )
    if story.era in ("amp", "amp-m"):
        return (
            '<div class="ads-amp"><amp-ad width="300" height="250" type="doubleclick" '
            f'data-slot="/31800665/{story.site_obj.name.replace(" ", "")}/AMP_{k}"></amp-ad></div>'
        )
    if story.era == "2026":
        return (
            f'<div class="ads-placeholder" id="ads-inarticle-{k}"><div id="div-gpt-ad-{k}"><script>googletag.cmd.push('
            f"function() {{ googletag.display('div-gpt-ad-{k}'); }});</script></div></div>"
        )
    return (
        f'<div class="reserved_box_ads reserved_box_{k}"><div id="div-Inside-MediumRectangle-{k}">'
        "<script>googletag.cmd.push(function(){googletag.display('div-Inside-MediumRectangle');});</script>"
        '</div><ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1"></ins></div>'
    )


def figure_html(story: Story) -> str:
    src = f"{img_host(story)}/{story.site}/foto/bank/images/infografis-{slug(story.title)[:30]}.jpg"
    return (
        f'<figure class="image"><img src="{src}" alt="Infografis" width="250" height="250" loading="lazy" />'
        "<figcaption>Infografis: ilustrasi data terbaru. TRIBUNNEWS/Ridho Hendrikos (TRIBUN/Ridho Hendrikos)</figcaption></figure>"
    )


def summary_html(story: Story) -> str:
    items = "".join(f"<li>{esc(para_text(p)[:90])}</li>" for p in story.pages[0][1:4])
    return f'<blockquote class="summary-article"><p><strong>Ringkasan Berita:</strong></p><ul>{items}</ul></blockquote>'


def reporter_html(story: Story, first: str) -> str:
    """The "Laporan Wartawan …" line before the dateline (§1.5, §2)."""
    if not story.reporter:
        return first
    brand = story.reporter_brand or story.site_obj.brand
    line = (
        f"Laporan Wartawan {brand}, {story.reporter}"
        if "reporter-nocomma" not in story.features
        else f"Laporan Wartawan {brand} {story.reporter}"
    )
    if "reporter-br" in story.features:  # same <p>, line break before the dateline [P10][P11]
        return first.replace("<p>", f"<p><strong>{esc(line)}</strong><br />\n", 1)
    return f"<p>{esc(line)}</p>\n{first}"


def body_html(story: Story, page: int) -> str:
    """The body container's inner HTML for one page (page 0 = all pages, for ?page=all)."""
    base = story.site_obj.base_url
    f = story.features
    if story.raw_paragraph_html is not None:
        blocks_per_page = story.raw_paragraph_html
    else:
        blocks_per_page = [[para_html(p, base) for p in pg] for pg in story.pages]
    if page == 0:
        chosen = list(enumerate(blocks_per_page, 1))
    else:
        chosen = [(page, blocks_per_page[page - 1])]
    out: list[str] = []
    if "photo-only" in f:
        return "\n".join(
            figure_html(story).replace("infografis-", f"foto-{i}-") for i in range(1, 4)
        )
    if "summary" in f and page in (0, 1):
        out.append(summary_html(story))
    out.extend(variant_head_html(story, page))
    k = 0
    for number, blocks in chosen:
        if page == 0 and number > 1:
            out.append(
                f'<div class="article-content-body__item-break-index">{number} dari {story.total_pages} halaman</div>'
                '<hr class="article-content-body__item-break" />'
            )
        blocks = list(blocks)
        if number == 1 and blocks and story.raw_paragraph_html is None:
            blocks[0] = reporter_html(story, blocks[0])
        for i, block in enumerate(blocks):
            out.append(block)
            n = len(blocks)
            if "baca" in f and i in (2, n - 3) and 0 < i < n - 1:
                out.append(baca_html(story, k))
                k += 1
            if "ad" in f and i == n // 2 and n > 2:
                out.append(ad_html(story, k))
            if "figure" in f and i == n // 2 + 1 and n > 3:
                out.append("<p >&nbsp;</p>")
                out.append(figure_html(story))
            if "popin" in f and i == 1:
                out.append('<div class="_popIn_recommend_art_title">Rekomendasi untuk Anda</div>')
            if 0 < i < n - 1:
                out.extend(variant_inline_html(story, i, k))
    if "star" in f and (page in (0, story.total_pages)):
        out.append("<p>(*)</p>")
    if page in (0, story.total_pages):
        out.extend(variant_tail_html(story))
    if "gnews" in f and (page in (0, story.total_pages)):
        out.append(
            '<p><strong>Simak berita terbaru Tribunnews.com di <a href="https://news.google.com/publications/x">Google News</a></strong></p>'
        )
    return "\n".join(out)


# --- real-page variants (docs/variants.md): boilerplate lines inside the body ------------------
def variant_head_html(story: Story, page: int) -> list[str]:
    """Lines before the story's own paragraphs: photo lines and a recap written as paragraphs
    (page 1), the story's head repeated by page N (regional desktop)."""
    f = story.features
    out: list[str] = []
    if "v-photo-text" in f and page in (0, 1):  # [P4][P6][P11]: zoom-in, credit, caption
        out += [
            f"<p>zoom-in {esc(story.title)}</p>",
            f"<p>{esc((story.credit or '').upper())}</p>",
            f"<p>BERITA POPULER {esc((story.section or 'NASIONAL').upper())} - {esc(story.caption)}</p>",
        ]
    if "v-recap-text" in f and page in (0, 1):  # [P4] "Ringkasan Berita:" before the dateline
        items = "".join(f"<p>{esc(para_text(p)[:90])}</p>" for p in story.pages[0][1:4])
        out.append(f"<p><strong>Ringkasan Berita:</strong></p>{items}")
    if "v-header-repeat" in f and page > 1:  # [P2][P3] page N shows the head again
        byline = f"Penulis: {', '.join(story.authors)} | Editor: {story.editor}"
        lines = [story.topic or story.section or "", story.title, story.lead or "", byline,
                 (story.credit or "").upper(), story.caption or ""]  # fmt: skip
        out += [f"<p>{esc(line)}</p>" for line in lines if line]
    return out


def variant_inline_html(story: Story, i: int, k: int) -> list[str]:
    """Related-link lines between paragraphs, by variant (docs/variants.md 2 and 10)."""
    f = story.features
    title, href = related_title(story, k + i), related_href(story, k + i)
    t = esc(title)
    out: list[str] = []
    if "v-selengkapnya" in f and i == 1:
        out.append(f'<p>Selengkapnya : <a href="{href}">{t}</a></p>')
    if "v-selengkapnya" in f and i == 3:
        out.append(
            f'<p><strong>Baca Selengkapnya &gt;&gt;&gt;</strong> <a href="{href}">{t}</a></p>'
        )
    if "v-bare" in f and i == 2:
        out.append(f'<p><a href="{href}" title="{t}">{t}</a></p>')
    if "v-bullets" in f and i == 1:
        out += [
            f'<p>&bull; <a href="{related_href(story, j)}">{esc(related_title(story, j))}</a></p>'
            for j in (1, 2)
        ]
    if "v-baca-mobile" in f and i == 2:
        out.append(f'<p>Baca: <a href="{href}">{t}</a></p>')
    if "v-rekomendasi" in f and i == 2:
        lis = "".join(
            f'<li><a href="{related_href(story, j)}">{esc(related_title(story, j))}</a></li>'
            for j in range(3)
        )
        out.append(
            f'<div class="rekomendasi"><p><strong>Berita Rekomendasi</strong></p><ul>{lis}</ul></div>'
        )
    return out


def variant_tail_html(story: Story) -> list[str]:
    """Lines after the story on its last page: copy footers, a repeated byline."""
    f = story.features
    out: list[str] = []
    if "v-byline-repeat" in f:
        out.append(f"<p>Penulis: {esc(', '.join(story.authors))} | Editor: {esc(story.editor)}</p>")
    if "v-footer-berita" in f:  # mobile wording, plain text inside the body [F30]
        out.append(
            f"<p>Berita ini telah tayang di Tribunjateng.com dengan judul {esc(story.title)}</p>"
        )
    if "v-footer-linked" in f:
        out.append(
            f'<p>Artikel ini telah tayang di <a href="{story.site_obj.base_url}">{story.site_obj.brand}</a> '
            f'dengan judul <a href="{story.canonical}">{esc(story.title)}</a><br/>'
            f"Penulis: {esc(', '.join(story.authors))} | Editor: {esc(story.editor)}</p>"
        )
    return out


def pager_html(story: Story, page: int) -> str:
    """§3: R1's pager (2020–2024) or the 2025–2026 "Halaman 1/2" pager."""
    n = story.total_pages
    if n <= 1 or (story.page_all and "pager-on-all" not in story.features):
        return ""
    cur = 1 if story.page_all else page
    if story.era in ("2025", "2026"):
        links = "".join(
            f'<a href="{page_url(story, i)}" rel="page-{i}"'
            + (' class="active"' if i == cur else "")
            + f">{i}</a>"
            for i in range(1, n + 1)
        )
        return f'<div class="paging"><span class="total-page">Halaman {cur}/{n}</span><div class="page-number">{links}</div></div>'
    nxt = (
        f'<div class="mb20"><a class="bgblue white ptb5 plr10 f18" href="{page_url(story, cur + 1)}">Halaman selanjutnya '
        '<i class="fa fa-arrow-right"></i></a></div>'
        if cur < n
        else ""
    )
    links = "".join(
        f'<a href="{page_url(story, i)}"'
        + (' id="pagecurrent" class="white bgblue"' if i == cur else "")
        + f' style="font-size:14px">{i}</a>'
        for i in range(1, n + 1)
    )
    return (
        f"{nxt}<div class='paging mb20'><div class='pt10 pb5 plr10 ovh bggrey'><div class='pr5 pt7 fbo2 grey2 fl f14'>Halaman</div>"
        f"{links}<div class='cl2'></div></div></div>"
    )


def tags_html(story: Story) -> str:
    if not story.tags:
        return ""
    base = story.site_obj.base_url
    pub = local(story.published, story.site_obj)
    hs = "".join(
        f"<h5 class='tagcload3 tagcloud3'><a class='rd2' href='{base}/tag/{slug(t)}?url={pub:%Y/%m/%d}/{slug(story.title)}' title='{esc(t)}'>{esc(t)}</a></h5>"
        for t in story.tags
    )
    return (
        '<div class="mb10 f16 ln24 mb10 mt5" style="display:inline-block">'
        f'<div class="fbo2 pr10 grey fl">Tags <i class=\'fa fa-tags grey\'></i></div>{hs}<div class="cl2"></div></div>'
    )


def related_block(story: Story) -> str:
    rows = "".join(
        f'<table style="width: 100%"><tbody><tr><th class="bdr2"><a href="{related_href(story, k)}" title="{esc(related_title(story, k))}" '
        f'class="fbo2 f15">{esc(related_title(story, k))}</a></th></tr></tbody></table>'
        for k in range(3)
    )
    topic = story.topic or "Berita"
    return (
        f'<div class="mb10"><div class="f18 fbo2 pb10"><span class=\'fbo2 pr5 grey f16\'>Berita Terkait :</span><span><a href=\''
        f"{story.site_obj.base_url}/topic/{slug(topic)}' class='red' title='{esc(topic)}'>#{esc(topic)}</a></span></div>"
        f'<div class="f14"><ul>{rows}</ul></div></div>'
    )


def person_link(story: Story, role: str, name: str) -> str:
    return f'<a href="{story.site_obj.base_url}/{role}/{slug(name)}" title="{esc(name)}">{esc(name)}</a>'


def byline_html(story: Story) -> str:
    """Writer/editor credit near the title, by era (§1.5)."""
    authors = ", ".join(person_link(story, "penulis", a) for a in story.authors)
    editor = person_link(story, "editor", story.editor) if story.editor else ""
    if "v-byline-oneline" in story.features:  # regional desktop, one line, no ids
        return f'<div class="grey2 f14 mt10">Penulis: {authors} | Editor: {editor}</div>'
    if "v-byline-separate" in story.features:  # 2025 www: labels and names on own lines
        names = "".join(
            f'<div class="f14 fbo">{person_link(story, "penulis", a)}</div>' for a in story.authors
        )
        return (
            f'<div class="credit mt10"><div class="f14 grey2">Penulis:</div>{names}'
            f'<div class="f14 grey2">Editor:</div><div class="f14 fbo">{editor}</div></div>'
        )
    if story.era == "2022":
        pen = f'<div id="penulis">Penulis: {authors}</div>' if story.authors else ""
        ed = f'<div id="editor">Editor: {editor}</div>' if editor else ""
        return f'<div class="f20 credit mt10"><h6>{pen}{ed}</h6></div>'
    if story.era == "2024":
        pen = (
            f'<div id="penulis" class="fl">Penulis: {authors}</div><span class="fl grey2">&nbsp;|&nbsp;</span>'
            if story.authors
            else ""
        )
        ed = f'<div id="editor" class="fl">Editor: {editor}</div>' if editor else ""
        return f'<div class="credit f14 grey2 mt10 ovh">{pen}{ed}</div>'
    if story.era == "2025":
        bold = " , ".join(f"<b>{person_link(story, 'penulis', a)}</b>" for a in story.authors)
        pen = f"Penulis: {bold} <span>|</span> " if story.authors else ""
        ed = f"Editor: <b>{editor}</b>" if editor else ""
        return f'<div class="credit"><h5 id="penulis">{pen}{ed}</h5></div>'
    if story.era == "2026":
        pen = f'<div id="penulis">Penulis: {authors}</div>' if story.authors else ""
        ed = f'<div id="editor">Editor: {editor}</div>' if editor else ""
        return f'<div class="credit mt10 f14">{pen}{ed}</div>'
    if story.era in ("mobile", "amp", "amp-m") and "noids" in story.features:  # no ids at all
        pen = f"<p>Penulis: {authors}</p>" if story.authors else ""
        ed = f"<p>Editor: {esc(story.editor)}</p>" if story.editor else ""
        return f'<div class="f12 grey2 mt10">{pen}{ed}</div>'
    if story.era in ("mobile", "amp", "amp-m"):
        pen = f'<div id="penulis">Penulis: {authors}</div>' if story.authors else ""
        ed = f'<div id="editor">Editor: {editor}</div>' if editor else ""
        return f'<div class="credit f12 grey2 mt10">{pen}{ed}</div>'
    return ""


def date_html(story: Story) -> str:
    """The date box of the era (§1.4)."""
    pub = local(story.published, story.site_obj)
    if story.era == "2020":
        return f'<div class="grey bdr3 pb10 pt10"><time>{text_date(pub, zone=False)}</time></div>'
    if story.era == "2022":
        return f'<time class="grey">{text_date(pub)}</time>'
    if story.era == "2024":
        return f'<div class="grey bdr3 pb10 pt10">Tayang: {text_date(pub)}</div>'
    if story.era == "2025":
        return f'<div class="grey bdr3 pb10 pt10"><time><strong>Tayang:</strong> <span>{text_date(pub)}</span></time></div>'
    if story.era == "2026":
        return (
            f'<div class="grey bdr3 pb10 pt10"><strong>Tayang:</strong> <time datetime="{iso(pub, seconds=False)}">'
            f"{text_date(pub)}</time></div>"
        )
    if "noids" in story.features:
        return f'<div class="grey f12 mt5"><span class="date">{text_date(pub)}</span></div>'
    return f'<div class="grey f12 mt5"><time>{text_date(pub)}</time></div>'


def topic_html(story: Story) -> str:
    if not story.topic:
        return ""
    return f'<h2 class="red f16"><a href="{story.site_obj.base_url}/topic/{slug(story.topic)}" title="{esc(story.topic)}">{esc(story.topic)}</a></h2>'


def title_html(story: Story) -> str:
    if story.era == "2026" and story.site == "www":
        return f'<h1 class="f32 ln40 fbo txt-black display-block mt10">{esc(story.title)}</h1>'
    return f'<h1 class="f50 black2 f400 crimson" style="line-height:110%" id="arttitle">{esc(story.title)}</h1>'


def sponsor_html(story: Story) -> str:
    """A regional campaign banner above the title (docs/variants.md 8), as a heading."""
    if "v-sponsor" not in story.features:
        return ""
    return f'<a href="{story.site_obj.base_url}/tag/indonesia-hebat"><h1 class="f20 fbo2 red">Indonesia Hebat</h1></a>\n'


def header_date(story: Story) -> str:
    """The header's *crawl* date [R1][R4]: a trap, never the publication date."""
    now = story.fetched.astimezone(story.site_obj.tz)
    return (
        f'title="{iso(now)}">{DAYS[now.weekday()]}, {now.day} {MONTHS[now.month - 1]} {now.year}<'
    )


def render_desktop(story: Story, page: int) -> str:
    modern = story.era not in ("2020", "2022")
    c = chrome()
    top = c.frame(c.body_top, story, modern).replace(
        'title="2020-10-13T11:31:55+07:00">Selasa, 13 Oktober 2020<', header_date(story)
    )
    body_page = 0 if story.page_all else page
    container_class = {
        "2020": "side-article txt-article",
        "2022": "side-article txt-article multi-fontsize",
        "2024": "side-article txt-article multi-fontsize editcontent",
        "2025": "side-article txt-article multi-fontsize editcontent",
        "2026": "side-article txt-article multi-fontsize editcontent",
    }[story.era]
    inner = body_html(story, body_page)
    if "v-mojibake" in story.features and body_page in (0, 1):  # variant 7: a garbled NBSP
        inner = re.sub(r" (-{1,2}|–)</strong>", "\u00c2\u00a0\\1</strong>", inner, count=1)
    body = f'<div class="{container_class}">\n{inner}\n</div>'
    if story.era == "2024" and "tribun-mark" in story.features:
        body = f'<div class="tribun-mark">{body}</div>'
    credit_box = ""
    if story.era == "2020":
        pen = (
            f'<div id="penulis">Penulis: {", ".join(person_link(story, "penulis", a) for a in story.authors)}</div>'
            if story.authors
            else ""
        )
        ed = f'<div id="editor">\n\t\tEditor: {esc(story.editor)}\t\t</div>' if story.editor else ""
        credit_box = (
            f"<div class=\"f12 grey mb15\" >{pen}{ed}<div>Sumber: <a href='https://www.tribunnews.com' target='_blank' "
            "title='Tribunnews.com'>Tribunnews.com</a></div></div>"
        )
    widget = ""
    if story.era == "2026":
        widget = '<div id="widget_pilihanuntukmu_article" class="mb20"><div class="f18 fbo2">Sesuai Minatmu</div><ul class="lsi"></ul></div>'
    byline = byline_html(story)
    date = date_html(story)
    if story.era == "2022":
        meta_block = f'<div class="mt10">{byline}{date}</div>'
    else:
        meta_block = f"{date}{byline}"
    share = ""
    if story.era == "2026" and story.article_id:
        share = f'<div class="share-box" data-content-id="{story.article_id}"></div>'
    article = (
        f'<div class="bsh mb20" id="va">\n{breadcrumb_html(story) if "no-breadcrumb" not in story.features else ""}\n'
        f'<div class="pos_rel" id="article" >\n{sponsor_html(story)}{topic_html(story)}\n{title_html(story)}\n'
        f'<h4 class="hide">{esc(story.lead)}</h4>\n{meta_block}\n{share}'
        f'<div id="article_con" class="fl pt20 pos_rel">\n{artimg(story) if page in (1,) or story.page_all else ""}\n'
        "<div id='div-BelowImages' style='text-align: center;' class='mb20'><script type='text/javascript'>"
        "googletag.cmd.push(function() { googletag.display('div-BelowImages'); });</script></div>\n"
        f"{body}\n"
        f'<div class="side-article mb5">\n{widget}{pager_html(story, page)}{tags_html(story)}{related_block(story)}{credit_box}\n'
        f"{c.frame(c.tail_end, story, modern)}"
    )
    lang = ' lang="id-ID" itemscope="itemscope" itemtype="https://schema.org/WebPage"'
    return (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n{head(story, page, modern=modern)}\n</head>\n<body id="bodyart">{top}'
        f"{article}{c.frame(c.body_bottom, story, modern)}"
    )


MOBILE_NAV = "".join(
    f'<li><a href="https://m.tribunnews.com/{s}">{s.title()}</a></li>'
    for s in (
        "news",
        "nasional",
        "internasional",
        "regional",
        "bisnis",
        "sport",
        "seleb",
        "lifestyle",
        "otomotif",
        "techno",
        "kesehatan",
    )
)


def render_mobile(story: Story, page: int) -> str:
    """m.tribunnews.com and AMP article pages: minimal markup built from the page text (§1.13)."""
    amp = story.era in ("amp", "amp-m")
    body_page = 0 if story.page_all else page
    site = story.site_obj
    image = ""
    if story.image and page == 1:
        tag = "amp-img" if amp else "img"
        close = "</amp-img>" if amp else ""
        image = (
            f'<div id="artimg" class="pos_rel"><{tag} src="{story.image}" width="700" height="393" layout="responsive" '
            f'alt="{esc(story.title)}">{close}'
            + (
                f'<div class="f11 grey2 credit-photo">{esc(story.credit)}</div>'
                if story.credit
                else ""
            )
            + (
                f'<div class="arial f12 pt5 grey2">{esc(story.caption)}</div>'
                if story.caption
                else ""
            )
            + "</div>"
        )
    fonts = (
        '<div class="fontsize f12 grey2">AA <span>Text Sizes</span> <a>Medium</a> <a>Large</a> <a>Larger</a></div>'
        if amp
        else ""
    )
    banner = (
        ""
        if amp
        else f'<div class="topbanner f12">Nikmati berita interaktif dan LIVE report 24 jam hanya di {site.name}</div>'
    )
    tail = (
        '<div class="mt20"><div class="f16 fbo2">Berita Rekomendasi</div><ul class="lsi">'
        + "".join(
            f'<li><h3><a href="{related_href(story, k)}">{esc(related_title(story, k))}</a></h3></li>'
            for k in range(3)
        )
        + "</ul></div>"
        f'<div class="f12 grey">Sumber: {site.brand}</div>'
        '<div class="wa">Dapatkan Berita Pilihan<br/>di WhatsApp Anda <a href="https://whatsapp.com/channel/x">Baca WhatsApp Tribunnews</a></div>'
        '<div class="follow">Ikuti kami di <a href="https://news.google.com/x">Google News</a></div>'
        '<footer class="ac f12 grey2">© 2024 TRIBUNnews.com,a subsidiary of KG Media. All Right Reserved</footer>'
    )
    pager = pager_html(story, page)
    header = f'<header><div class="logo"><a href="{site.base_url}">{site.name}</a></div><ul class="nav">{MOBILE_NAV}</ul></header>'
    if amp:
        header += (
            '<amp-sidebar id="sidebar" layout="nodisplay" side="left"><div class="f14 fbo2">Tribun Network</div>'
            f"{mobile_chrome().amp_menu}</amp-sidebar>"
        )
        latest = "".join(
            f'<li><h3><a href="{related_href(story, k)}-{k}">{esc(related_title(story, k))}</a></h3>'
            f'<time class="foot">{k + 1} jam lalu</time></li>'
            for k in range(15)
        )
        tail += f'<div class="latest"><div class="f16 fbo2">Berita Terkini</div><ul class="lsi">{latest}</ul></div>'
        tail += '<amp-analytics type="gtag" data-credentials="include"><script type="application/json">{"vars":{"gtag_id":"UA-1"}}</script></amp-analytics>'
    if "noids" in story.features:  # title wrapped, no ids, body in a plain div.txt-article
        article = (
            f'<div class="main-article pa15">{topic_html(story)}'
            f'<div class="judul"><h1 class="f22 fbo2 black2">{esc(story.title)}</h1></div>'
            f"{byline_html(story)}{date_html(story)}{fonts}"
            f'<div class="lead f16 grey2">{esc(story.lead)}</div>{image}'
            f'<div class="txt-article">\n{body_html(story, body_page)}\n</div>'
            f"{pager}{tags_html(story) if not amp else ''}</div>"
        )
    else:
        article = (
            f'<div id="article" class="pa15">{topic_html(story)}'
            f'<h1 id="arttitle" class="f22 fbo2 black2">{esc(story.title)}</h1>'
            f"{byline_html(story)}{date_html(story)}{fonts}"
            f'<h2 class="hide f16 grey2 lead">{esc(story.lead)}</h2>{image}'
            f'<div class="side-article txt-article">\n{amp_inside(story, fonts)}{body_html(story, body_page)}\n</div>'
            f"{pager}{tags_html(story) if not amp else ''}</div>"
        )
        if "v-amp-inside" in story.features:
            article = article.replace(f'{fonts}<h2 class="hide', '<h2 class="hide', 1)
            article = re.sub(
                r"(<div class=\"side-article txt-article\">.*?</p>)",
                lambda m: m.group(1).replace("</p>", AMP_AD_INLINE + "</p>", 1),
                article, count=1, flags=re.DOTALL,
            )  # fmt: skip
    html_attr = ' amp lang="id"' if amp else ' lang="id"'
    if amp:
        return (
            f"<!DOCTYPE html>\n<html{html_attr}>\n<head>\n{head(story, page, modern=True, amp=amp)}\n</head>\n<body>"
            f"{banner}{header}{article}{tail}</body></html>"
        )
    m = mobile_chrome()
    return (
        f"<!DOCTYPE html>\n<html{html_attr}>\n<head>\n{head(story, page, modern=True, amp=amp)}\n</head>\n<body>"
        f"{banner}{m.body_top}{article}{tail}{m.body_bottom}"
    )


AMP_AD_INLINE = (
    '<amp-ad width="300" height="250" type="doubleclick" data-slot="/31800665/AMP_Inline">'
    "<div placeholder>Advertisement</div><div fallback>Iklan</div></amp-ad>"
)


def amp_inside(story: Story, fonts: str) -> str:
    """AMP/m. furniture inside the text container (docs/variants.md 9): the section menu and
    the text-size control, before the story."""
    if "v-amp-inside" not in story.features:
        return ""
    return f'<nav class="menu-section"><ul class="nav">{MOBILE_NAV}</ul></nav>{fonts}'


def render(story: Story, page: int) -> str:
    if story.era in ("mobile", "amp", "amp-m"):
        return render_mobile(story, page)
    return render_desktop(story, page)


# --- the cases -------------------------------------------------------------------------------
def person(rng: random.Random) -> str:
    return f"{rng.choice(tb.FIRST)} {rng.choice(tb.LAST)}"


CITIES = {"www": "Jakarta", "solo": "Solo", "jateng": "Semarang", "makassar": "Makassar", "papua": "Jayapura",
          "bali": "Denpasar", "kaltim": "Balikpapan", "manado": "Manado", "ambon": "Ambon", "sorong": "Sorong",
          "jogja": "Yogyakarta", "bogor": "Bogor", "surabaya": "Surabaya", "kupang": "Kupang", "pontianak": "Pontianak",
          "medan": "Medan", "lombok": "Mataram", "ternate": "Ternate", "palu": "Palu", "jakarta": "Jakarta"}  # fmt: skip


def dateline(site: Site, city: str, style: int) -> str:
    brand = site.brand.upper()
    if style == 0:
        return f"**{brand}, {city.upper()} -** "
    if style == 1:
        return f"**{brand} -** "
    if style == 2:
        return f"**{brand}, {city.upper()}** --"
    return f"**{brand}, {city.upper()} –** "


def make_story(
    case: str,
    site_key: str,
    era: str,
    seed: int,
    *,
    pages: int = 1,
    paras: int = 9,
    features: str = "",
    authors: int = 1,
    reporter: bool = False,
    tags: int = 3,
    topic: bool = True,
    image: bool = True,
    subheads: bool = False,
    year: int | None = None,
    section: str | None = None,
    subsection: str | None = None,
    numeric: bool = False,
    **extra: object,
) -> Story:
    """An invented story, deterministic in ``seed``."""
    rng = random.Random(seed)
    site = SITES[site_key]
    theme = sorted(tb.THEMES)[seed % len(tb.THEMES)]
    objects, bank = tb.THEMES[theme]
    city = CITIES.get(site_key, site.name.replace("Tribun ", ""))
    tokoh = person(rng)
    fmt = {
        "kota": city, "tokoh": tokoh, "tp": tokoh.split()[0], "n": str(rng.randint(2, 9)),
        "m": str(rng.randint(12, 480)), "obj": rng.choice(objects),
    }  # fmt: skip
    default_year = {"2020": 2020, "2022": 2022, "2024": 2024, "2025": 2025, "2026": 2026}.get(
        era, 2023
    )
    y = year or default_year
    pub_local = datetime(y, rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 22), rng.randint(0, 59), rng.randint(1, 59),
                         tzinfo=site.tz)  # fmt: skip
    fmt["hari"] = (
        f"{DAYS[pub_local.weekday()]} ({pub_local.day}/{pub_local.month}/{pub_local.year})"
    )
    fetched = (pub_local + timedelta(days=rng.randint(0, 40), hours=rng.randint(1, 20))).astimezone(
        UTC
    )
    # paragraphs: the theme bank in order, some skipped, spread over the pages
    wanted = paras * pages
    idx = sorted(rng.sample(range(len(bank)), min(wanted, len(bank))))
    texts = [bank[i].format(**fmt) for i in idx]
    while len(texts) < wanted:  # long stories reuse the bank with a second source
        extra_fmt = {**fmt, "tokoh": person(rng)}
        extra_fmt["tp"] = extra_fmt["tokoh"].split()[0]
        texts.append(bank[len(texts) % len(bank)].format(**extra_fmt))
    texts[0] = dateline(site, city, seed % 4) + texts[0]
    if subheads:
        for pos in range(4, len(texts), 5):
            texts.insert(pos, "## " + tb.SUBHEADS[(seed + pos) % len(tb.SUBHEADS)])
    per = max(1, len(texts) // pages)
    page_list = [texts[i * per : (i + 1) * per] for i in range(pages - 1)] + [
        texts[(pages - 1) * per :]
    ]
    title = tb.TITLES[theme].format(**fmt)
    pub_path = f"{pub_local:%Y/%m/%d}/{slug(title)}"
    if site_key == "www":
        sec = section or "Regional"
        if numeric:
            article_id = str(7_000_000 + seed * 7919 % 900_000)
            canonical = f"https://www.tribunnews.com/{slug(sec)}/{article_id}/{slug(title)}"
        else:
            article_id = str(1_000_000 + seed * 131)
            canonical = f"https://www.tribunnews.com/{slug(sec)}/{pub_path}"
    else:
        sec = section or "News"
        article_id = str(100_000 + seed * 37)
        canonical = f"{site.base_url}/{pub_path}"
    author_names = [person(rng) for _ in range(authors)]
    editor = person(rng)
    img = None
    if image:
        host = (
            "https://cdn-2.tstatic.net"
            if era in ("2020", "2022")
            else "https://asset-2.tstatic.net"
        )
        img = f"{host}/{site_key if site_key != 'www' else 'tribunnews'}/foto/bank/images/{slug(title)[:40]}.jpg"
    story = Story(
        case=case,
        site=site_key,
        era=era,
        canonical=canonical,
        title=title,
        lead=tb.LEADS[theme].format(**fmt),
        pages=page_list,
        published=pub_local,
        fetched=fetched,
        authors=author_names,
        editor=editor,
        reporter=person(rng) if reporter else None,
        tags=list(tb.TAGS[theme][:tags]),
        topic=tb.TOPICS[theme] if topic else None,
        section=sec,
        subsection=subsection,
        image=img,
        caption=(f"Suasana di {city} terkait {fmt['obj']}, {fmt['hari']}." if image else None),
        credit=(f"{site.name.upper()}/{person(rng).upper()}" if image else None),
        article_id=article_id,
        features=frozenset(features.split()),
    )
    for key, value in extra.items():
        setattr(story, key, value)
    if era in ("amp", "amp-m"):  # AMP pages show no tag list (§1.13)
        story.tags = []
    # ids only show where the era's markup carries them (dataLayer, android:app_id, numeric URL)
    if era in ("amp", "amp-m") and not numeric:
        story.article_id = None
    return story


def section_truth(story: Story) -> None:
    """The expected section is the most specific one the page shows: the last breadcrumb
    level (visible, or JSON-LD BreadcrumbList / articleSection), else the URL's section, else
    the dataLayer ``subcategory``/``section``, else nothing (§1.8, §1.12)."""
    deepest = story.subsection or story.section
    shows = (
        story.era in ("2020", "2022", "2024", "2025", "2026")
        and "no-breadcrumb" not in story.features
    )
    if story.era in ("2024", "2025", "2026") and has_jsonld(story):
        shows = True
    if shows:
        story.expected_section = deepest
    elif story.site == "www":
        story.expected_section = story.canonical.split("/")[3].replace("-", " ").title()
    elif has_datalayer(story):
        story.expected_section = slug(deepest or "news").replace("-", " ").title()
    else:
        story.expected_section = None


def hand_made_cases() -> list[Story]:
    s: list[Story] = []
    add = s.append
    # 2020 theme (§1.1, [R1]): regional WIB
    add(
        make_story(
            "s2020-solo-single",
            "solo",
            "2020",
            101,
            features="baca ad figure",
            authors=0,
            subsection="Nasional",
        )
    )
    add(
        make_story(
            "s2020-solo-writer",
            "solo",
            "2020",
            102,
            features="baca ad",
            reporter=True,
            subsection="Solo Raya",
        )
    )
    add(
        make_story(
            "s2020-bogor-2pages", "bogor", "2020", 103, pages=2, features="baca ad", authors=0
        )
    )
    add(
        make_story(
            "s2020-makassar-wita",
            "makassar",
            "2020",
            104,
            features="baca ad figure star reporter-nocomma",
            reporter=True,
            reporter_brand="Tribun Timur",
        )
    )
    add(
        make_story(
            "s2020-jogja-3pages-all", "jogja", "2020", 105, pages=3, paras=6, features="baca ad"
        )
    )
    add(make_story("s2020-solo-notags", "solo", "2020", 106, tags=0, authors=0, features="ad"))
    add(make_story("s2020-ambon-wit", "ambon", "2020", 107, features="baca ad star", authors=0))
    add(
        make_story(
            "s2020-www-nasional",
            "www",
            "2020",
            108,
            section="Nasional",
            features="baca ad figure",
            reporter=True,
            reporter_brand="Tribunnews.com",
        )
    )
    add(
        make_story(
            "s2020-solo-page1of3",
            "solo",
            "2020",
            109,
            pages=3,
            paras=5,
            features="baca",
            authors=0,
            given_pages=1,
        )
    )
    # 2021–2023 (theme15, credit under the date, multi-fontsize) [F3][F4]
    add(
        make_story(
            "s2022-jogja-single",
            "jogja",
            "2022",
            201,
            features="baca ad",
            reporter=True,
            reporter_brand="Tribun Jogja",
        )
    )
    add(
        make_story(
            "s2022-bali-wita-2pages", "bali", "2022", 202, pages=2, features="baca ad figure"
        )
    )
    add(
        make_story(
            "s2022-surabaya-noauthor", "surabaya", "2022", 203, authors=0, features="ad star"
        )
    )
    add(
        make_story(
            "s2022-www-2authors",
            "www",
            "2022",
            204,
            authors=2,
            section="Nasional",
            features="baca figure",
        )
    )
    # 2023–2024 (theme23: "Tayang: … WIB", editcontent, span.more, reserved_box_ads, brand safety)
    add(
        make_story(
            "s2024-makassar-single",
            "makassar",
            "2024",
            301,
            features="baca ad brand-safety tribun-mark",
        )
    )
    add(
        make_story(
            "s2024-jateng-3pages",
            "jateng",
            "2024",
            302,
            pages=3,
            paras=5,
            features="baca ad brand-safety",
        )
    )
    add(
        make_story(
            "s2024-jateng-4pages",
            "jateng",
            "2024",
            303,
            pages=4,
            paras=4,
            features="baca ad",
            subheads=True,
        )
    )
    add(
        make_story(
            "s2024-kaltim-wita",
            "kaltim",
            "2024",
            304,
            features="baca ad figure baca-plain",
            reporter=True,
            reporter_brand="TribunKaltim.co",
        )
    )
    add(
        make_story(
            "s2024-manado-wita-noauthor", "manado", "2024", 305, authors=0, features="ad star"
        )
    )
    add(make_story("s2024-sorong-wit", "sorong", "2024", 306, features="baca ad brand-safety"))
    add(
        make_story(
            "s2024-www-reporter-br",
            "www",
            "2024",
            307,
            section="Metropolitan",
            reporter=True,
            reporter_brand="TribunJakarta.com",
            features="baca ad gnews reporter-br",
        )
    )
    add(
        make_story(
            "s2024-makassar-jsonld-wib",
            "makassar",
            "2024",
            308,
            features="baca ad",
            jsonld_offset=7,
        )
    )
    add(
        make_story(
            "s2024-pontianak-subheads",
            "pontianak",
            "2024",
            309,
            subheads=True,
            paras=12,
            features="baca ad figure",
        )
    )
    add(
        make_story(
            "s2024-jateng-page-all",
            "jateng",
            "2024",
            310,
            pages=3,
            paras=5,
            page_all=True,
            features="baca ad",
        )
    )
    add(
        make_story(
            "s2024-lombok-page2of2-only-first",
            "lombok",
            "2024",
            311,
            pages=2,
            paras=5,
            given_pages=1,
            features="baca ad",
        )
    )
    # 2025 (F1: h5#penulis inline byline, <time><strong>Tayang:</strong> <span>…, total-page pager)
    add(
        make_story(
            "s2025-surabaya-inline-byline", "surabaya", "2025", 401, features="baca ad brand-safety"
        )
    )
    add(
        make_story(
            "s2025-www-2pages",
            "www",
            "2025",
            402,
            pages=2,
            paras=6,
            section="Nasional",
            features="baca ad summary",
        )
    )
    add(make_story("s2025-kupang-wita", "kupang", "2025", 403, features="baca ad figure star"))
    add(
        make_story(
            "s2025-ternate-wit-noauthor", "ternate", "2025", 404, authors=0, features="baca ad"
        )
    )
    add(
        make_story(
            "s2025-medan-page-all-pager",
            "medan",
            "2025",
            405,
            pages=2,
            paras=6,
            page_all=True,
            features="baca ad pager-on-all",
        )
    )
    # 2026 (C1: numeric ids, @graph, author array, Tayang + time@datetime, summary, ads-placeholder)
    add(
        make_story(
            "s2026-www-numeric",
            "www",
            "2026",
            501,
            numeric=True,
            section="Internasional",
            subsection="Amerika",
            features="baca ad summary brand-safety",
        )
    )
    add(
        make_story(
            "s2026-www-2authors-2pages",
            "www",
            "2026",
            502,
            numeric=True,
            pages=2,
            paras=6,
            authors=2,
            section="Nasional",
            features="baca ad summary modified",
        )
    )
    add(make_story("s2026-papua-wit", "papua", "2026", 503, features="baca ad popin"))
    add(
        make_story(
            "s2026-papua-3pages",
            "papua",
            "2026",
            504,
            pages=3,
            paras=5,
            features="baca ad",
            subheads=True,
        )
    )
    add(
        make_story(
            "s2026-www-page-all",
            "www",
            "2026",
            505,
            numeric=True,
            pages=3,
            paras=5,
            page_all=True,
            section="Bisnis",
            features="baca ad summary",
        )
    )
    add(make_story("s2026-palu-wita-notags", "palu", "2026", 506, tags=0, features="baca ad"))
    add(
        make_story(
            "s2026-www-dated-url",
            "www",
            "2026",
            507,
            section="Sport",
            features="baca ad figure gnews",
            reporter=True,
            reporter_brand="Tribunnews.com",
        )
    )
    add(
        make_story(
            "s2026-www-4pages",
            "www",
            "2026",
            508,
            numeric=True,
            pages=4,
            paras=4,
            section="Regional",
            features="baca ad",
        )
    )
    # photo-only and very short stories
    add(
        make_story(
            "short-2020-solo", "solo", "2020", 601, paras=2, features="ad", authors=0, tags=1
        )
    )
    add(make_story("short-2024-bali", "bali", "2024", 602, paras=1, features="", image=False))
    add(
        make_story(
            "short-2026-www",
            "www",
            "2026",
            603,
            numeric=True,
            paras=2,
            section="Seleb",
            features="summary",
        )
    )
    photo = make_story(
        "photo-only-2024-jateng", "jateng", "2024", 604, paras=1, features="photo-only"
    )
    photo.pages = [[]]
    add(photo)
    # JSON-LD quirks
    add(
        make_story(
            "jsonld-newline-2020-solo", "solo", "2020", 701, features="jsonld-newline baca ad"
        )
    )
    add(make_story("no-jsonld-2024-jateng", "jateng", "2024", 702, features="no-jsonld baca ad"))
    add(make_story("og-thumb-2024-makassar", "makassar", "2024", 703, features="og-thumb baca"))
    # m.tribunnews.com and AMP (§1.13, §5): markup unknown, kept minimal
    add(
        make_story(
            "mobile-www-single",
            "www",
            "mobile",
            801,
            section="Nasional",
            fetch_host="m.tribunnews.com",
            features="baca ad",
            year=2022,
        )
    )
    add(
        make_story(
            "mobile-www-3pages",
            "www",
            "mobile",
            802,
            pages=3,
            paras=5,
            section="Regional",
            fetch_host="m.tribunnews.com",
            features="baca",
            year=2023,
            reporter=True,
            reporter_brand="Tribun Jogja",
        )
    )
    add(
        make_story(
            "mobile-www-noauthor",
            "www",
            "mobile",
            803,
            authors=0,
            section="Seleb",
            fetch_host="m.tribunnews.com",
            features="ad",
            year=2021,
        )
    )
    add(make_story("amp-bogor", "bogor", "amp", 804, features="baca ad", year=2020))
    add(make_story("amp-makassar-wita", "makassar", "amp", 805, features="baca ad star", year=2023))
    add(
        make_story(
            "amp-papua-wit-2pages",
            "papua",
            "amp",
            806,
            pages=2,
            paras=5,
            features="baca ad",
            year=2024,
        )
    )
    add(
        make_story(
            "amp-m-www-page-all",
            "www",
            "amp-m",
            807,
            pages=2,
            paras=5,
            page_all=True,
            section="Regional",
            features="baca ad",
            year=2023,
        )
    )
    add(
        make_story(
            "amp-m-www-single", "www", "amp-m", 808, section="Podcast", features="baca", year=2022
        )
    )
    add(
        make_story(
            "mobile-www-noids",
            "www",
            "mobile",
            809,
            section="Nasional",
            fetch_host="m.tribunnews.com",
            features="baca ad noids",
            year=2024,
        )
    )
    add(
        make_story(
            "amp-m-www-noids",
            "www",
            "amp-m",
            810,
            section="Regional",
            features="baca ad noids",
            year=2023,
        )
    )
    add(
        make_story(
            "amp-jogja-noids-noauthor",
            "jogja",
            "amp",
            811,
            authors=0,
            features="baca noids",
            year=2024,
        )
    )
    add(
        make_story(
            "title-quotes-2024-jateng",
            "jateng",
            "2024",
            901,
            features="baca ad",
            title='Wali Kota: "Kami Siap" Tangani Banjir & Genangan di Semarang',
        )
    )
    add(
        make_story(
            "title-dash-2026-www",
            "www",
            "2026",
            902,
            numeric=True,
            section="Sport",
            features="baca ad",
            title="Liga 1 - Tim Tuan Rumah Siapkan Kekuatan Penuh Jelang Laga Kandang",
        )
    )
    s += variant_cases()
    for story in s:
        section_truth(story)
    return s


def variant_cases() -> list[Story]:
    """One case or more per real-page variant of docs/variants.md (issue 10)."""
    v: list[Story] = []
    add = v.append
    # 1 copy footers: the mobile wording inside the body; linked title + one-line credit
    add(make_story("variant-footer-berita-mobile", "www", "mobile", 1001, section="Regional",
                   fetch_host="m.tribunnews.com", features="v-footer-berita baca", year=2020))  # fmt: skip
    add(make_story("variant-footer-linked-2024-jateng", "jateng", "2024", 1002,
                   features="v-footer-linked ad", authors=2))  # fmt: skip
    # 2 related-link lines; 10 related prefixes by era
    add(make_story("variant-related-2024-makassar", "makassar", "2024", 1003,
                   features="v-selengkapnya v-bare v-bullets ad"))  # fmt: skip
    add(make_story("variant-rekomendasi-mobile", "www", "mobile", 1004, section="Nasional",
                   fetch_host="m.tribunnews.com", features="v-rekomendasi v-baca-mobile",
                   year=2020))  # fmt: skip
    # 3 photo lines + 6 the 2025 www page (numeric id, recap as paragraphs, separate credits)
    add(make_story("variant-www-2025-photo-recap", "www", "2025", 1005, numeric=True,
                   section="Internasional", authors=2,
                   features="v-photo-text v-recap-text v-byline-separate baca"))  # fmt: skip
    # 4 bylines: one line without ids + repeated at the end; two writers vs one JSON-LD Person
    add(make_story("variant-byline-oneline-2024-solo", "solo", "2024", 1006, authors=2,
                   features="v-byline-oneline v-byline-repeat v-datalayer-2 baca"))  # fmt: skip
    add(make_story("variant-writers-2020-solo", "solo", "2020", 1007, authors=2,
                   features="v-datalayer-2 baca ad"))  # fmt: skip
    # 5 page N repeats the head of the story inside its body
    add(make_story("variant-header-repeat-2024-jateng", "jateng", "2024", 1008, pages=3,
                   paras=5, features="v-header-repeat baca"))  # fmt: skip
    # 7 a garbled dateline; 8 a sponsor banner heading above a title without id or JSON-LD
    add(make_story("variant-mojibake-2026-www", "www", "2026", 1012, numeric=True,
                   section="Nasional", features="v-mojibake baca"))  # fmt: skip
    add(make_story("variant-sponsor-2026-www", "www", "2026", 1010, numeric=True,
                   section="Regional", features="v-sponsor no-jsonld baca"))  # fmt: skip
    # 9 AMP pages: amp-ad inside the text, the text-size control and the section menu
    add(make_story("variant-amp-inside-m-www", "www", "amp-m", 1011, section="Regional",
                   features="v-amp-inside v-baca-mobile", year=2023))  # fmt: skip
    add(make_story("variant-amp-inside-papua", "papua", "amp", 1013, pages=2, paras=5,
                   features="v-amp-inside v-footer-berita", year=2024))  # fmt: skip
    for story in v:
        story.source = f"hand-made variant of docs/variants.md (make_gold.py seed, era={story.era})"
    return v


# --- real cases: R1 and the R3 fragments -------------------------------------------------------
R1_BODY = [
    "TRIBUNSOLO.COM, JAKARTA --Hingga kini masyarakat masih menunggu adanya vaksin Covid-19 untuk mengakhiri masa pandemi.",
    "Sebetulnya, menurut dokter ada cara lain yang bisa dilakukan masyarakat selagi menunggu vaksin.",
    (
        "Ketua Tim Pedoman & Protokol dari Tim Mitigasi PB IDI, Dr dr Eka Ginanjar, SpPD-KKV mengatakan, sampai vaksin Covid-19 "
        "selesai diujicoba dan terbukti efektif dan aman digunakan."
    ),
    (
        "Menurutnya, tidak ada vaksin yang lebih baik daripada protokol kesehatan yakni melakukan 3M (Memakai masker, Mencuci "
        "tangan dengan sabun dan air mengalir, serta Menjaga jarak)."
    ),
    (
        '"Walaupun sulit dan banyak masyarakat belum terbiasa, namun langkah 3M ini adalah cara yang paling efektif hingga saat '
        'ini dalam mencegah penularan," kata Eka diketerangan tertulisnya, Jumat (9/10/2020).'
    ),
    (
        "Eka melanjutkan, masyarakat penting mengingat ini apabila menggunakan masker kain (non medis), sebaiknya dicuci setelah "
        "beraktivitas dan diganti dengan masker baru yang bersih dalam aktivitas berikutnya."
    ),
    (
        "Sedangkan apabila menggunakan masker medis seperti masker bedah, N95 dan KN95, maka sebaiknya masker dibuang di tempat "
        "sampah dalam keadaan tidak utuh untuk memcegah didaur ulang."
    ),
    "Bila penggunaan untuk medis maka digolongkan dalam sampah medis yang harus dikelola khusus.",
    "Eka menyadari ketidaknyamanan masyarakat dalam menggunakan masker dalam beraktifitas.",
    (
        '"Disiplin menggunakan masker, menjaga jarak, dan mencuci tangan dengan sabun ini adalah bukan hanya menjaga keselamatan '
        'diri sendiri, namun juga keluarga dan orang disekitar," jelasnya.'
    ),
]
R1_CAPTION = (
    "Masker kini menjadi barang penting di tengah pandemi. Bagi orang dewasa tentu sudah terbiasa menggunakan masker saat "
    "beraktivitas di luar rumah, namun membiasakan diri kepada anak adalah tugas dari orang tua. Salah satu tips agar anak "
    "terbiasa mengenakan masker adalah memastikan anak tahu mengapa dia disarankan mengenakan masker, yang pada dasarnya "
    "untuk menjaga diri mereka sendiri dan orang lain agar tetap aman, pastikan masker nyaman dipakai oleh anak dan pilih "
    "motif yang sesuai dengan kesukaan anak misal gambar kartun atau tokoh idola."
)


def real_r1_expected() -> dict[str, object]:
    """Hand-read from the R1 HTML (docs/site-structure.md §1.1–§1.12)."""
    body = "\n\n".join(R1_BODY)
    return {
        "url": R1_URL,
        "site": "solo",
        "site_name": "Tribun Solo",
        "article_id": "159056",  # dataLayer idArticle
        "section": "Nasional",  # breadcrumb Home › News › Nasional: the most specific level
        "topic": "Penanganan Covid",
        "title": R1_TITLE,
        "lead": "Kondisi saat ini harus yang diwaspadai adalah Orang Tanpa Gejala (OTG) yang merasa sehat dan terus "
        "beraktifitas dengan mengabaikan protokol kesehatan.",
        "body": body,
        "authors": None,  # "penulis" is empty; JSON-LD author is the editor (§1.5)
        "editor": "Hanang Yuwono",
        "reporter": None,
        "tags": ["Penanganan Covid-19 di Indonesia", "Eka Ginanjar", "Vaksin Covid-19"],
        "published_at": "2020-10-09T13:52:50+07:00",
        "published_raw": "2020-10-09T13:52:50+07:00",
        "modified_at": "2020-10-09T13:52:50+07:00",
        "image_url": "https://cdn-2.tstatic.net/solo/foto/bank/images/ilustrasi-masker-anak2.jpg",
        "image_caption": R1_CAPTION,
        "page_count": 2,
        "pages_fetched": 1,
        "is_partial": True,  # page 2 exists and was not given
        "word_count": len(body.split()),
    }


# Each R3 fragment: (url, title, writer, editor, publication time of day, expected paragraphs).
# Paragraphs are typed from reading the fragment: "<br /><br />" inside a <p> splits it, the copy
# footer and everything after it go, "Baca:" links go, the trailing "(*)" goes.
FRAGMENTS = {
    1: (
        "https://www.tribunnews.com/nasional/2018/05/09/breaking-news-5-polisi-dan-1-tahanan-tewas-dalam-kerusuhan-mako-brimob",
        "BREAKING NEWS: 5 Polisi dan 1 Tahanan Tewas dalam Kerusuhan Mako Brimob",
        "Vincentius Jyestha Candraditya",
        "Johnson Simanjuntak",
        (10, 21, 4),
        "Nasional",
        ["Mako Brimob", "Mohammad Iqbal", "Depok"],
        [
            (
                "TRIBUNNEWS.COM, DEPOK - Karo Penmas Divisi Humas Polri Brigjen Pol Mohammad Iqbal memastikan adanya korban tewas "
                "akibat kerusuhan tahanan di Mako Brimob, Kelapa Dua, Depok, Jawa Barat."
            ),
            "Iqbal menyebut 6 orang tewas dalam kerusuhan itu.",
            "5 Orang korban tewas berasal dari Korps Bhayangkara.",
            (
                '"Kami sampaikan bahwa insiden ini memakan korban jiwa, ada 5 rekan kami gugur," ujar Iqbal kepada wartawan di '
                "depan Mako Brimob, Depok, Jawa Barat, Rabu (9/5/2018)."
            ),
            (
                "Identitas polisi yang gugur tersebut adalah Bripda Syukron Fadhli, Ipda Yudi Rospuji, Briptu Fandy, Bripka Denny, "
                "dan Bripka Iwan Sarjana."
            ),
            "Sementara, 1 orang lagi merupakan tahanan di Mako Brimob.",
            "Tahanan ini bernama Abu Ibrahim atau biasa dikenal dengan nama Beny Syamsu.",
            "Teroris dari Pekanbaru itu tewas lantaran sempat mengancam dan merebut senjata petugas.",
            '"1 Orang tewas mengancam petugas dan mengambil senjata," imbuh Iqbal.',
            (
                "Sebelumnya, keributan di Mako Brimob Kelapa Dua, Depok, diduga bermula karena persoalan makanan titipan untuk "
                "narapidana."
            ),
            "Napi mengamuk dan terlibat bentrok dengan aparat kepolisian, Selasa (8/5/2018) malam.",
        ],
    ),
    2: (
        "https://www.tribunnews.com/nasional/2018/05/09/polri-sebut-5-polisi-tewas-sebagai-bhayangkara-terbaik",
        "Polri Sebut 5 Polisi Tewas sebagai Bhayangkara Terbaik",
        "Vincentius Jyestha Candraditya",
        "Hasanudin Aco",
        (14, 2, 37),
        "Nasional",
        ["Mako Brimob", "Polri"],
        [
            (
                "TRIBUNNEWS.COM, DEPOK - Mabes Polri melalui Karo Penmas Divisi Humas Polri Brigjen Pol Mohammad Iqbal menyatakan "
                "lima orang anggota polisi yang tewas di Mako Brimob adalah Bhayangkara terbaik Polri."
            ),
            (
                "Lima orang polisi ini diketahui tewas dalam penyanderaan oleh tahanan teroris serta kerusuhan di Rutan Mako Brimob, "
                "sejak Selasa (8/5/2018) malam."
            ),
            (
                '"Lima petugas kami, rekan kami yang gugur adalah petugas terbaik, kita berbelasungkawa. Sekali lagi (mereka) adalah '
                'Bhayangkara terbaik Kepolisian Negara RI," ujar Iqbal di Mako Brimob, Depok, Jawa Barat, Rabu (9/5/2018).'
            ),
            "Saat ini, masih ada satu orang anggota yang masih disandera oleh tahanan.",
            "Sehingga, Iqbal mengatakan pihaknya terus berupaya melakukan negosiasi agar sandera bebas.",
            (
                "Upaya negosiasi dilakukan juga agar korban tak bertambah lebih banyak, dan Polri mengaku menghargai Hak Asasi "
                "Manusia (HAM)."
            ),
            (
                '"Kami tidak ingin ada korban yang lebih banyak, kami menghargai hak asasi manusia (HAM), maka dari itu kami terus '
                'upayakan maksimal negosisasi dengan perwakilan perwakilan mereka napi teroris sampai detik ini," kata Iqbal.'
            ),
        ],
    ),
    3: (
        "https://www.tribunnews.com/regional/2018/05/13/kisah-heroik-aloysius-bayu-yang-halangi-teroris-masuk-gereja-relakan-tubuh-hancur-dibom",
        "Kisah Heroik Aloysius Bayu yang Halangi Teroris Masuk Gereja, Relakan Tubuh Hancur Dibom",
        None,
        "Sugiyarto",
        (13, 48, 10),
        "Regional",
        ["Bom", "Surabaya"],
        [
            "TRIBUNNEWS.COM, SURABAYA - Serangan bom di 3 gereja di Surabaya, Jawa Timur, hampir bersamaan.",
            (
                "Kejadian pertama di Gereja Katolik Santa Maria Tak Bercela Jl Ngagel Madya pukul 06.30 WIB, disusul ledakan bom di "
                "GKI Jl Diponegoro pukul 07.30 Wib dan kemurian ledakan di Gereja Pantekosta Jl Arjuno Pukul 07.53 WIB."
            ),
            "Jumlah korban meninggal dunia akibat ledakan bom di tiga gereja di Surabaya terus bertambah.",
            "Sudah ada 10 orang dipastikan tewas dalam peristiwa memilukan di Surabaya, Minggu (13/5/2018).",
            "Hingga pukul 12.15 WIB, sudah ada 10 orang tewas dan 41 orang dirawat di berbagai rumah sakit di Surabaya.",
            "Salah satu korban meninggal itu diketahui bernama Aloysius Bayu Rendra Wardhana.",
            "Bayu Rendra adalah koordinator relawan keamanan Gereja Santa Maria Tak Bercela (SMTB).",
            "Sesaat sebelum kejadian Bayu Rendra diketahui menghadang motor yang digunakan teroris untuk masuk ke dalam gereja.",
            "Saat dihadang Bayu itulah teroris itu meledakkan diri. Tubuh Bayu hancur tak bersisa.",
            (
                "Namun seandainya tak dihadang Bayu teroris itu akan meledakkan diri di dalam gereja dan akan menimbulkan banyak "
                "korban."
            ),
        ],
    ),
    4: (
        "https://www.tribunnews.com/techno/2018/05/14/duh-adik-kelas-pelaku-bom-di-surabaya-ungkap-bibit-radikal-dita-supriyanto-tertanam-sejak-sma",
        "Duh, Adik Kelas Pelaku Bom di Surabaya Ungkap, Bibit Radikal Dita Supriyanto Tertanam Sejak SMA",
        "Sugiyarto",
        None,
        (9, 5, 18),
        "Techno",
        ["Bom Bunuh Diri", "Surabaya"],
        [
            (
                "TRIBUNNEWS.COM - Satu demi satu fakta Dita Supriyanto, pelaku bom bunuh diri yang menyerang tiga gereja di Surabaya, "
                "Minggu (13/5/2018), terungkap."
            ),
            (
                "Tak sendiri, aksi tersebut juga dilakukan Dita dengan istri dan empat anaknya. Mereka adalah Puji Kuswati (43) istri "
                "Dita, dan empat anak mereka yakni Yusuf Fadhil (18), Firman Halim (16), Fadhila Sari (12) serta Famela Rizqita (9)."
            ),
            "Dita dan keluarga tinggal di kawasan Wonorejo, Rungkut, Surabaya.",
        ],
    ),
    5: (
        "https://www.tribunnews.com/regional/2018/05/14/breaking-news-bupati-tegal-petahana-ki-enthus-susmono-meninggal-dunia",
        "BREAKING NEWS : Bupati Tegal Petahana Ki Enthus Susmono Meninggal Dunia",
        None,
        "Eko Sutriyanto",
        (20, 1, 55),
        "Regional",
        ["Ki Enthus Susmono", "Kabupaten Tegal", "Pesan Singkat"],
        [
            "TRIBUNNEWS.COM, SEMARANG - Berita duka datang dari Kabupaten Tegal.",
            "Bupati petahana, Ki Enthus Susmono meninggal dunia, Senin (14/5/2018) sekitar pukul 19.15 WIB.",
            "Berita ini dibagikan melalui pesan singkat kepada wartawan.",
            (
                "Inna lillahi wa ina ilaihi rojijn... telah pulang ke Rahmat Allah, har ini 14 Mei 2018sekitar pukul 19.15 WIB "
                "saudara kita, seniman besar Tegal Jawa Tengah, Indonesia Ki Enthus Susmono. Mohon dimaafkan atas segala "
                "kesalahannya, semoga Khusnul Kotimah Amin... ya Rob. Mohon dishare terimakasih. Wassalam."
            ),
            "Belum diketahui penyebab meninggalnya seniman besar Tegal Jawa Tengah tersebut.",
        ],
    ),
}


def fragment_cases() -> list[Story]:
    out = []
    eras = ("2020", "2024", "2026", "mobile", "amp-m")
    for number, (url, title, writer, editor, hms, section, tags, paragraphs) in FRAGMENTS.items():
        fragment = (REAL_DIR / f"fragment-tribunnews-body-2018-{number}.html").read_text(
            encoding="utf-8"
        )
        parts = url.split("/")
        y, mo, d = int(parts[4]), int(parts[5]), int(parts[6])
        chosen = (
            eras[:3]
            + ((eras[3],) if number in (1, 3) else ())
            + ((eras[4],) if number in (2, 4) else ())
        )
        for era in chosen:
            story = Story(
                case=f"frag{number}-{era}",
                site="www",
                era=era,
                canonical=url,
                title=title,
                lead=None if number == 4 else paragraphs[0].split(" - ", 1)[-1],
                pages=[list(paragraphs)],
                published=datetime(y, mo, d, *hms, tzinfo=SITES["www"].tz),
                fetched=datetime(y, mo, d, 23, 0, 0, tzinfo=UTC) + timedelta(days=number),
                authors=[writer] if writer else [],
                editor=editor,
                tags=list(tags) if era != "amp-m" else [],
                topic=None,
                section=section,
                article_id=str(1_000_000 + number) if era != "amp-m" else None,
                features=frozenset({"ad"} if era != "amp-m" else set()),
                fetch_host="m.tribunnews.com" if era == "mobile" else None,
                source=f"real R3 fragment-tribunnews-body-2018-{number}.html in {era} chrome (hand-made from docs/site-structure.md)",
                raw_paragraph_html=[[fragment]],
                footer_names_self=True,
            )
            section_truth(story)
            out.append(story)
    return out


# --- writing ---------------------------------------------------------------------------------
def write_case(
    case: str, pages: list[tuple[str, str]], meta: dict[str, object], output: dict[str, object]
) -> None:
    folder = HERE / case
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "inputs").mkdir(parents=True)
    for i, (html, _url) in enumerate(pages, 1):
        (folder / "inputs" / f"page{i}.html").write_text(html, encoding="utf-8")
    meta = {**meta, "page_urls": [u for _h, u in pages], "saved_at": SAVED_AT}
    (folder / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (folder / "output.json").write_text(
        json.dumps(output, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def story_pages(story: Story) -> list[tuple[str, str]]:
    if story.page_all:
        return [(render(story, 1), page_url(story, 1))]
    given = story.given_pages or story.total_pages
    return [(render(story, n), page_url(story, n)) for n in range(1, given + 1)]


def story_meta(story: Story) -> dict[str, object]:
    pages = story_pages(story)
    return {
        "url": pages[0][1],
        "frozen_time": story.fetched.astimezone(UTC).replace(microsecond=0).isoformat(),
        "source": story.source,
        "era": story.era,
        "site": story.site,
        "zone": story.site_obj.zone_name,
        "kind": sorted(story.features | ({"page-all"} if story.page_all else set())),
    }


def build(only: str | None = None) -> list[str]:
    written: list[str] = []
    if only in (None, "real-solo-2020-page1"):
        html = _r1()
        write_case(
            "real-solo-2020-page1",
            [(html, R1_URL)],
            {
                "url": R1_URL,
                "frozen_time": "2020-10-13T04:31:55+00:00",
                "source": "real R1 (docs/site-structure.md §8), verbatim",
                "era": "2020",
                "site": "solo",
                "zone": "WIB",
                "kind": ["real"],
            },
            real_r1_expected(),
        )
        written.append("real-solo-2020-page1")
    for story in [*fragment_cases(), *hand_made_cases()]:
        if only not in (None, story.case):
            continue
        if story.raw_paragraph_html is None and not story.source.startswith(
            ("replica", "hand-made variant")
        ):
            story.source = (
                f"hand-made from docs/site-structure.md (make_gold.py seed, era={story.era})"
            )
        pages = story_pages(story)
        meta = story_meta(story)
        meta["url"] = pages[0][1]
        write_case(story.case, pages, meta, expected(story))
        written.append(story.case)
    written += replica_cases(only)
    return written


def replica_cases(only: str | None) -> list[str]:
    """Pages from the replica renderer with new seeds (skipped while the module is absent)."""
    try:
        from gold_replica import build_replica_cases
    except ImportError:
        return []
    return build_replica_cases(write_case, only)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="rewrite one case")
    args = parser.parse_args()
    written = build(args.only)
    print(f"wrote {len(written)} case(s) under {HERE}")


if __name__ == "__main__":
    main()
