"""Deterministic content model of the offline Tribun Network replica, and its ground truth.

Everything is generated from fixed seeds (``random.Random("replica:<site>")``), so the same
articles, texts, URLs and faults come out on every machine and every run. The HTML is built
from this model by :mod:`newscrawl.replica.render`; tests compare crawler output with
:func:`expected_articles`.

Inventory
=========

Sites, one template era each (real sites run one theme at a time; docs/site-structure.md §1):

============  =====  ======  ==========================================  =================
site          zone   era     byline / date markup                        articles per day
============  =====  ======  ==========================================  =================
www           WIB    2026    ``div#penulis`` + ``div#editor``, ``time``   44, 46, 45, 43
                             ``[datetime]``, JSON-LD ``@graph``
solo          WIB    2020    none shown (editor at bottom), real R1 page  12, 13, 11, 12
jateng        WIB    2023    2021–23 ``h6 > div#penulis a``, "Tayang:"    10, 9, 11, 10
makassar      WITA   2023    2025 ``h5#penulis`` (Penulis | Editor),      14, 13, 15, 12
                             ``<time><strong>Tayang:</strong><span>``
papua         WIT    2026    as www, regional URL shape                   9, 8, 10, 9
============  =====  ======  ==========================================  =================

Days are 2025-10-04 … 2025-10-07 (local dates). Every site-day has its first article at
about 00:10 and its last at about 23:50 local time, so a crawler that mixes up time zones
picks the wrong day. The crawl "now" is fixed at :data:`CRAWL_NOW` (2025-10-13 11:31:55 WIB),
which is what every page header (``li.fbo2.grey.ar``) shows (§1.4 trap).

www article URLs use both shapes (§5): ``/{section}/{id}/{slug}`` (about 60 %) and
``/{section}/YYYY/MM/DD/{slug}``. Regional URLs are ``/YYYY/MM/DD/{slug}``.

Multi-page articles (§3): www 6 (2–4 pages, both URL shapes), solo 3, jateng 3 (one partial),
makassar 2, papua 2. See :func:`fault_cases` and :func:`multi_page_urls` for the URLs.

Special articles: a photo article with one or two short paragraphs (www 10-05, papua 10-06),
an article with no author (makassar 10-06; its visible credit holds only the editor, and its
JSON-LD author is the editor, as in 2020 §1.5), an article without tags (jateng 10-06),
two-author articles on www.

Built-in faults (always on, deterministic; the server counts hits per URL):

* ``flaky-500`` (solo 10-06): page 1 answers 500 twice, then 200. Scrapy's default retry
  (2 retries) recovers. ``ReplicaServer.reset_faults()`` re-arms it.
* ``page3-503`` (jateng 10-05, 3 pages): page 3 always answers 503, and so does ``?page=all``
  (it would contain page 3). Expected: ``is_partial`` True, ``page_count`` 3,
  ``pages_fetched`` 2, body = pages 1–2.
* ``http-link`` (solo 10-05): the index links the article as ``http://…``; absolute-form
  ``http://`` proxy requests answer 301 to ``https://`` (the whole network is https-only).
* ``m-link`` (www 10-06): the index links ``https://m.tribunnews.com/{section}/YYYY/MM/DD/…``,
  which answers 301 to www (every ``m.`` path redirects to the same www path).
* ``truncated`` (papua 10-05): the article page is cut mid-body inside an ad ``div`` (no closing
  tags, no tail). The head, title, byline and JSON-LD are complete, so it is still an article;
  expected body = the paragraphs before the cut, other fields as usual.
* ``dead-link`` (solo 10-05 index): an index item whose article URL answers 404.

Optional fault (``ReplicaServer(faults=["date-renamed"])`` / ``--fault date-renamed``): every
article page loses JSON-LD ``datePublished``/``dateModified`` and ``dataLayer.publish_date``,
and the visible date box is renamed (``div.article-meta > span.tgl-terbit``, no "Tayang:"
label, no ``time`` element). Index pages and sitemaps keep their dates.

Listings and decoys (§4): index pages (20 items per page, newest first) also list the last
article of the previous day and the first article of the next day (overlap), and interleave
decoys that must never be emitted as articles: an off-network native ad, a
``video.tribunnews.com/view/…`` item, a ``/tag/…`` and a ``/topic/…`` item, an ``/images/…``
or ``/video/…`` gallery page (see :func:`decoy_urls`).

Ground truth (:class:`ExpectedArticle`): ``body`` is the reader-visible story text: paragraphs
and ``h2``/``h3`` subheads in order, whitespace-normalised (NBSP → space), dateline kept in
the first paragraph, end credits "(Tribunnews.com/Name)" / "(tribun-timur.com)" kept;
excluded are the trailing "(*)" end marker, the "Laporan Wartawan …" line (its name is
``reporter``), "Baca juga"/"Baca:" links, "Ringkasan Berita" recaps, ads, figures and
captions, and the "Artikel ini telah tayang di …" copy footer. ``authors`` is the visible "Penulis" list
(None when the page shows none, e.g. every 2020 solo page); the editor is never an author.

Not served (404): AMP pages (``link rel=amphtml`` points at them), ``/penulis/…`` and
``/editor/…`` author pages, ``/ajax/latest``, search. Menu-only sections (solo's real menu,
a "News" entry on the other regional sites) answer 200; "News" lists every story.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from newscrawl.replica import corpus
from newscrawl.sites import SITES, Site

ERA_2020 = "2020"
ERA_2023 = "2023"
ERA_2026 = "2026"

DATES: tuple[date, ...] = tuple(date(2025, 10, 4) + timedelta(days=i) for i in range(4))
"""Local publication dates that have articles."""

WINDOW: tuple[date, date] = (date(2025, 10, 5), date(2025, 10, 6))
"""The demo/test crawl window (inclusive, local dates)."""

CRAWL_NOW = datetime(2025, 10, 13, 4, 31, 55, tzinfo=UTC)
"""The fixed "current time" every page header shows (11:31:55 WIB)."""

INDEX_PAGE_SIZE = 20

KNOWN_FAULTS = frozenset({"date-renamed"})
"""Names accepted by ``ReplicaServer(faults=…)`` / ``--fault``."""

AD_HOST = "ads.doubleclick.example"

# --------------------------------------------------------------------------------------------
# Sites


@dataclass(frozen=True, slots=True)
class Section:
    """One section (``/{slug}`` or ``/{parent}/{slug}``); ``themes`` empty = menu-only."""

    slug: str
    name: str
    parent: str | None = None
    themes: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.parent}/{self.slug}" if self.parent else self.slug


@dataclass(frozen=True, slots=True)
class ReplicaSite:
    """How one replica site looks: era, byline style, sections, editorial staff."""

    key: str
    era: str
    byline: str
    """"2020" (none shown), "2021" (h6 > div#penulis), "2025" (h5#penulis), "2026"."""
    date_style: str
    """"2020", "2023" ("Tayang: … WIB" text), "2025" (time > strong + span), "2026"."""
    body_class: str
    per_day: tuple[int, ...]
    sections: tuple[Section, ...]
    dateline: str
    reporter_brand: str
    cities: tuple[str, ...]
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    photographers: tuple[str, ...]
    id_base: int
    image_folder: str
    gpt_unit: str
    title_suffix: str
    social: str
    club: str | None = None

    @property
    def site(self) -> Site:
        return SITES[self.key]

    @property
    def host(self) -> str:
        return self.site.host

    @property
    def base_url(self) -> str:
        return self.site.base_url

    @property
    def name(self) -> str:
        return self.site.name

    @property
    def brand(self) -> str:
        return self.site.brand

    @property
    def tz(self) -> timezone:
        return self.site.tz

    @property
    def zone_name(self) -> str:
        return self.site.zone_name

    @property
    def article_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.themes)

    def section(self, path: str) -> Section | None:
        for s in self.sections:
            if s.path == path:
                return s
        return None

    def top_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.parent is None)


def _s(slug: str, name: str, *themes: str, parent: str | None = None) -> Section:
    return Section(slug=slug, name=name, parent=parent, themes=tuple(themes))


REPLICA_SITES: dict[str, ReplicaSite] = {
    "www": ReplicaSite(
        key="www",
        era=ERA_2026,
        byline="2026",
        date_style="2026",
        body_class="side-article txt-article multi-fontsize editcontent",
        per_day=(44, 46, 45, 43),
        sections=(
            _s("nasional", "Nasional", "pemerintahan", "hukum"),
            _s("internasional", "Internasional", "internasional"),
            _s("regional", "Regional", "bencana", "hukum", "pemerintahan"),
            _s("bisnis", "Bisnis", "ekonomi"),
            _s("seleb", "Seleb", "seleb"),
            _s("sport", "Sport", "olahraga"),
            _s("kesehatan", "Kesehatan", "kesehatan"),
            _s("metropolitan", "Metropolitan"),
            _s("techno", "Techno"),
            _s("otomotif", "Otomotif"),
        ),
        dateline="TRIBUNNEWS.COM",
        reporter_brand="Tribunnews.com",
        cities=(
            "Jakarta",
            "Bandung",
            "Surabaya",
            "Medan",
            "Semarang",
            "Yogyakarta",
            "Denpasar",
            "Palembang",
            "Balikpapan",
            "Bogor",
        ),
        authors=(
            "Rahmat Fajar Nugroho",
            "Ayu Miftakhul Husna",
            "Dennis Destryawan",
            "Gita Lestari Putri",
            "Yohanes Liestyo Poerwoto",
            "Fahmi Ramadhan Saputra",
            "Nuryanti Wahyuningsih",
            "Ilham Dwi Hartono",
        ),
        editors=("Sanusi Wirawan", "Hasiolan Eko Purba", "Wahyu Aji Permana", "Theresia Felisiani"),
        photographers=("Tribunnews/Jeprima", "Tribunnews/Irwan Rismawan", "Kolase Tribunnews"),
        id_base=7_858_000,
        image_folder="tribunnews",
        gpt_unit="Tribunnews",
        title_suffix=" - Tribunnews.com",
        social="tribunnews",
    ),
    "solo": ReplicaSite(
        key="solo",
        era=ERA_2020,
        byline="2020",
        date_style="2020",
        body_class="side-article txt-article",
        per_day=(12, 13, 11, 12),
        sections=(
            _s("news", "News", "pemerintahan", "hukum"),
            _s("nasional", "Nasional", "pemerintahan", "hukum", parent="news"),
            _s("internasional", "Internasional", "internasional", parent="news"),
            _s("solo", "Solo", "pemerintahan", "ekonomi", "bencana"),
            _s("solo-raya", "Solo Raya", "bencana", "pemerintahan"),
            _s("sukoharjo", "Sukoharjo", "bencana", "hukum", parent="solo-raya"),
            _s("klaten", "Klaten", "pemerintahan", "hukum", parent="solo-raya"),
            _s("bisnis", "Bisnis", "ekonomi"),
            _s("sport", "Sport", "olahraga"),
            _s("seleb", "Seleb", "seleb"),
            _s("kesehatan", "Kesehatan", "kesehatan"),
            # Menu-only sections of the real 2020 template (R1): served, but empty.
            _s("lifestyle", "Lifestyle"),
            _s("public-service", "Public Service"),
            _s("video", "Video"),
            _s("pemilu", "Pemilu"),
            _s("superball", "Super Ball"),
            _s("travel", "Travel"),
            _s("akomodasi", "Akomodasi", parent="travel"),
            _s("kuliner", "Kuliner", parent="travel"),
            _s("destinasi", "Destinasi", parent="travel"),
            _s("shopping", "Shopping", parent="travel"),
            _s("ticketing", "Ticketing", parent="travel"),
            _s("otomotif", "Otomotif"),
            _s("techno", "Techno"),
        ),
        dateline="TRIBUNSOLO.COM",
        reporter_brand="TribunSolo.com",
        cities=("Solo", "Sukoharjo", "Karanganyar", "Boyolali", "Klaten", "Sragen", "Wonogiri"),
        authors=("Ahmad Syarifudin", "Tri Widodo Saputro", "Agil Tri Hartanto", "Vincentius Adi"),
        editors=("Hanang Yuwono", "Asep Abdullah Rowi", "Putradi Pamungkas"),
        photographers=("TribunSolo.com/Ahmad Syarifudin", "TribunSolo.com/Agil Tri"),
        id_base=561_200,
        image_folder="solo",
        gpt_unit="TribunSolo",
        title_suffix=" - Tribun Solo",
        social="tribunsolo",
        club="Persis Solo",
    ),
    "jateng": ReplicaSite(
        key="jateng",
        era=ERA_2023,
        byline="2021",
        date_style="2023",
        body_class="side-article txt-article multi-fontsize",
        per_day=(10, 9, 11, 10),
        sections=(
            _s("semarang", "Semarang", "pemerintahan", "ekonomi", "hukum"),
            _s("news", "News"),  # menu-only: lists every story of the site
            _s("jateng", "Jateng", "bencana", "pemerintahan"),
            _s("kudus", "Kudus", "bencana", "hukum", parent="jateng"),
            _s("kendal", "Kendal", "pemerintahan", parent="jateng"),
            _s("bisnis", "Bisnis", "ekonomi"),
            _s("sport", "Sport", "olahraga"),
            _s("kesehatan", "Kesehatan", "kesehatan"),
            _s("nasional", "Nasional", "pemerintahan"),
        ),
        dateline="TRIBUNJATENG.COM",
        reporter_brand="Tribunjateng.com",
        cities=("Semarang", "Kendal", "Demak", "Salatiga", "Ungaran", "Kudus", "Pekalongan"),
        authors=("Rezanda Akbar Darmawan", "Iwan Arifianto", "Mamdukh Adi Priyanto"),
        editors=("Muhammad Olies", "Daniel Ari Purnomo", "Catur Waskito Edy"),
        photographers=("Tribun Jateng/Hermawan Handaka", "Tribun Jateng/Iwan Arifianto"),
        id_base=873_400,
        image_folder="jateng",
        gpt_unit="TribunJateng",
        title_suffix=" - Tribunjateng.com",
        social="tribunjateng",
        club="PSIS Semarang",
    ),
    "makassar": ReplicaSite(
        key="makassar",
        era=ERA_2023,
        byline="2025",
        date_style="2025",
        body_class="side-article txt-article multi-fontsize editcontent",
        per_day=(14, 13, 15, 12),
        sections=(
            _s("makassar", "Makassar", "pemerintahan", "ekonomi", "hukum"),
            _s("news", "News"),  # menu-only: lists every story of the site
            _s("sulsel", "Sulsel", "bencana", "pemerintahan"),
            _s("gowa", "Gowa", "bencana", "hukum", parent="sulsel"),
            _s("bone", "Bone", "pemerintahan", parent="sulsel"),
            _s("bisnis", "Bisnis", "ekonomi"),
            _s("sport", "Sport", "olahraga"),
            _s("seleb", "Seleb", "seleb"),
            _s("nasional", "Nasional", "pemerintahan", "hukum"),
        ),
        dateline="TRIBUN-TIMUR.COM",
        reporter_brand="Tribun-Timur.com",
        cities=("Makassar", "Gowa", "Maros", "Takalar", "Bone", "Parepare", "Bulukumba"),
        authors=(
            "Muhammad Fadhly Ali",
            "Siti Aminah Daeng",
            "Renald Rumbiak Rante",
            "Erlan Saputra",
        ),
        editors=("Sakinah Sudin", "Muh Hasim Arfah", "Ansar Lempe"),
        photographers=("Tribun-Timur.com/Muhammad Fadhly Ali", "Tribun-Timur.com/Sanovra"),
        id_base=1_201_900,
        image_folder="makassar",
        gpt_unit="TribunTimur",
        title_suffix=" - Tribun-timur.com",
        social="tribuntimurcom",
        club="PSM Makassar",
    ),
    "papua": ReplicaSite(
        key="papua",
        era=ERA_2026,
        byline="2026",
        date_style="2026",
        body_class="side-article txt-article multi-fontsize editcontent",
        per_day=(9, 8, 10, 9),
        sections=(
            _s("papua", "Papua", "pemerintahan", "bencana", "hukum"),
            _s("news", "News"),  # menu-only: lists every story of the site
            _s("jayapura", "Jayapura", "pemerintahan", "ekonomi", parent="papua"),
            _s("biak", "Biak", "bencana", parent="papua"),
            _s("nasional", "Nasional", "pemerintahan"),
            _s("sport", "Sport", "olahraga"),
            _s("bisnis", "Bisnis", "ekonomi"),
            _s("kesehatan", "Kesehatan", "kesehatan"),
        ),
        dateline="TRIBUN-PAPUA.COM",
        reporter_brand="Tribun-Papua.com",
        cities=("Jayapura", "Sentani", "Keerom", "Biak", "Merauke", "Wamena", "Nabire"),
        authors=("Yohanes Wenda Kogoya", "Maria Elisabeth Rumbiak", "Hendrik Mandacan"),
        editors=("Paul Manahara Tambunan", "Gratianus Silas Anderson"),
        photographers=("Tribun-Papua.com/Yohanes Wenda", "Tribun-Papua.com/Hendrik Mandacan"),
        id_base=402_700,
        image_folder="papua",
        gpt_unit="TribunPapua",
        title_suffix=" - Tribun-Papua.com",
        social="tribunpapua",
        club="Persipura Jayapura",
    ),
}

REPLICA_SITE_KEYS: tuple[str, ...] = tuple(REPLICA_SITES)

# Hosts the replica answers besides the article sites.
MOBILE_HOST = "m.tribunnews.com"
BARE_HOST = "tribunnews.com"
VIDEO_HOST = "video.tribunnews.com"

# --------------------------------------------------------------------------------------------
# Body blocks


@dataclass(frozen=True, slots=True)
class Seg:
    """An inline run of a paragraph: text, tag link, bold dateline or emphasis."""

    kind: str
    """"t" text, "tag" inline tag link, "dl" dateline, "em" italic."""
    text: str
    slug: str = ""
    style: str = ""
    """Dateline separator ("-", "--", "–"); "nbsp" on text renders a space as &nbsp;."""
    garble: str = ""
    """A dateline served with a wrongly decoded character after the brand ("Â", "Ā"),
    variant 7 of docs/variants.md; the expected text is the clean dateline."""

    @property
    def plain(self) -> str:
        if self.kind == "dl":
            if self.style == "--":
                return f"{self.text} --"
            return f"{self.text} {self.style} "
        return self.text


@dataclass(frozen=True, slots=True)
class Para:
    """A story paragraph (kept in the expected body)."""

    segs: tuple[Seg, ...]

    @property
    def text(self) -> str:
        return normalize_space("".join(s.plain for s in self.segs))


@dataclass(frozen=True, slots=True)
class Subhead:
    """An ``h2``/``h3`` subhead inside the body (kept in the expected body)."""

    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Reporter:
    """The "Laporan Wartawan BRAND, NAME" line before the dateline (excluded)."""

    brand: str
    name: str


@dataclass(frozen=True, slots=True)
class Baca:
    """A related-article link (excluded): style "2018" (``<strong>Baca: <a>``), "2020"
    (``p.baca`` bullet), "more" (``p.baca`` + ``span.more`` "Baca juga:"), and the variants of
    docs/variants.md: "mobile" (plain ``<p>Baca: <a>``), "plain" (``<p><strong>Baca juga:
    </strong> <a>``), "selengkapnya" ("Selengkapnya : <a>"), "baca-selengkapnya" ("Baca
    Selengkapnya >>> <a>"), "bullet" ("• <a>" without class), "bare" / "bare-strong" (a
    linked headline alone in its paragraph)."""

    title: str
    url: str
    style: str


@dataclass(frozen=True, slots=True)
class Ad:
    """An ad slot: "inside", "reserved", "placeholder", "ins", "iframe" (excluded)."""

    kind: str
    n: int = 1


@dataclass(frozen=True, slots=True)
class Figure:
    """``figure.image`` with ``figcaption`` (excluded)."""

    src: str
    caption: str


@dataclass(frozen=True, slots=True)
class Spacer:
    """An empty ``<p>&nbsp;</p>`` (excluded)."""


@dataclass(frozen=True, slots=True)
class Recap:
    """``blockquote.summary-article`` "Ringkasan Berita:" list (excluded)."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CopyFooter:
    """The "Artikel ini telah tayang di …" copy footer (excluded).

    ``style``: "r3" (R3's markup: linked site, title, linked URL, credits on their own lines),
    "berita" ("Berita ini telah tayang di SITE dengan judul TITLE" as plain text, then the
    credit "Penulis: X | Editor: Y" in its own paragraph), "linked" (linked site, the title
    as the link, then "Penulis: X | Editor: Y" on one line)."""

    brand: str
    brand_url: str
    title: str
    url: str
    penulis: str | None
    editor: str
    style: str = "r3"


@dataclass(frozen=True, slots=True)
class Boiler:
    """Any other boilerplate served inside the body container (excluded): photo lines, a
    repeated byline, a "Berita Rekomendasi" block, a recap written as paragraphs
    (docs/variants.md). ``html`` is served as is; ``text`` is what a reader sees."""

    kind: str
    html: str
    text: str = ""


Block = Para | Subhead | Reporter | Baca | Ad | Figure | Spacer | Recap | CopyFooter | Boiler

# --------------------------------------------------------------------------------------------
# Articles


@dataclass(frozen=True, slots=True)
class Image:
    url: str
    """Full-size URL (``…/foto/bank/images/…``)."""
    credit: str
    caption: str

    @property
    def thumb(self) -> str:
        return self.url.replace("/images/", "/thumbnails2/")

    @property
    def medium(self) -> str:
        return self.url.replace("/images/", "/medium/")


@dataclass(frozen=True, slots=True)
class Label:
    """A tag or topic: display name and URL slug."""

    name: str
    slug: str


@dataclass(frozen=True)
class Article:
    """One replica article with everything needed to render and to state the ground truth."""

    site: str
    seq: int
    article_id: str
    url: str
    url_shape: str
    """"regional" (``/YYYY/MM/DD/slug``), "www-date" or "www-id" (``/{section}/{id}/slug``)."""
    section_path: tuple[Section, ...]
    topic: Label | None
    title: str
    lead: str
    slug: str
    authors: tuple[str, ...]
    editor: str
    reporter: str | None
    tags: tuple[Label, ...]
    published: datetime
    modified: datetime
    image: Image
    pages: tuple[tuple[Block, ...], ...]
    source: str
    faults: tuple[str, ...] = ()
    special: tuple[str, ...] = ()
    truncate_after: int | None = None
    """For the ``truncated`` fault: page 1 is cut after this many blocks."""
    theme: str = ""
    city: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
    variants: tuple[str, ...] = ()
    """Real-page variants this article shows (docs/variants.md), e.g. "header-repeat"."""

    @property
    def rsite(self) -> ReplicaSite:
        return REPLICA_SITES[self.site]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def section(self) -> Section:
        return self.section_path[-1]

    @property
    def top_section(self) -> Section:
        return self.section_path[0]

    @property
    def local_date(self) -> date:
        return self.published.date()

    @property
    def path(self) -> str:
        return self.url.split(".tribunnews.com", 1)[1]

    def page_url(self, page: int | str) -> str:
        if page in (1, "1"):
            return self.url
        return f"{self.url}?page={page}"

    @property
    def amp_url(self) -> str:
        return f"{self.rsite.base_url}/amp{self.path}"

    def failing_pages(self) -> frozenset[int]:
        return frozenset({3}) if "page3-503" in self.faults else frozenset()

    def expected(self) -> ExpectedArticle:
        return _expected_for(self)


@dataclass(frozen=True, kw_only=True)
class ExpectedArticle:
    """What a correct crawler emits for one article (field names follow ``ArticleItem``)."""

    url: str
    site: str
    site_name: str
    article_id: str
    section: str
    topic: str | None
    title: str
    lead: str
    body_paragraphs: tuple[str, ...]
    authors: list[str] | None
    editor: str | None
    reporter: str | None
    tags: list[str] | None
    published_at: str
    modified_at: str
    image_url: str | None
    image_caption: str | None
    page_count: int
    pages_fetched: int
    is_partial: bool
    era: str
    url_shape: str
    faults: tuple[str, ...] = ()
    special: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return "\n\n".join(self.body_paragraphs)

    @property
    def published_date(self) -> date:
        return date.fromisoformat(self.published_at[:10])

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    def as_item(self) -> dict[str, Any]:
        """The fields shared with ``newscrawl.items.ArticleItem``, as a plain dict."""
        return {
            "url": self.url,
            "site": self.site,
            "site_name": self.site_name,
            "article_id": self.article_id,
            "section": self.section,
            "topic": self.topic,
            "title": self.title,
            "lead": self.lead,
            "body": self.body,
            "authors": self.authors,
            "editor": self.editor,
            "reporter": self.reporter,
            "tags": self.tags,
            "published_at": self.published_at,
            "modified_at": self.modified_at,
            "image_url": self.image_url,
            "image_caption": self.image_caption,
            "page_count": self.page_count,
            "pages_fetched": self.pages_fetched,
            "is_partial": self.is_partial,
            "word_count": self.word_count,
        }


@dataclass(frozen=True, slots=True)
class Decoy:
    """A non-article link placed in an index page; it must never be emitted as an article."""

    kind: str
    """"ad", "video", "tag", "topic", "gallery" or "dead"."""
    url: str
    title: str
    site: str
    day: date
    position: int


# --------------------------------------------------------------------------------------------
# Helpers

_WS = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """Collapse every whitespace run (NBSP included) to one space and strip."""
    return _WS.sub(" ", text.replace("\xa0", " ")).strip()


def slugify(text: str) -> str:
    out = re.sub(r"[^a-z0-9]+", "-", text.lower())
    return out.strip("-")


def title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def indo_date(dt: datetime | date, *, with_time: bool = True) -> str:
    """ "Senin, 6 Oktober 2025 19:26" (no zone)."""
    day = corpus.DAY_NAMES[dt.weekday()]
    text = f"{day}, {dt.day} {corpus.MONTH_NAMES[dt.month - 1]} {dt.year}"
    if with_time and isinstance(dt, datetime):
        text += f" {dt:%H:%M}"
    return text


def iso(dt: datetime) -> str:
    """ISO 8601 with seconds and the site offset: 2025-10-06T19:26:07+08:00."""
    return dt.isoformat(timespec="seconds")


def hari(d: date) -> str:
    """ "Senin (6/10/2025)", the in-text day reference."""
    return f"{corpus.DAY_NAMES[d.weekday()]} ({d.day}/{d.month}/{d.year})"


def parse_day(value: str) -> date | None:
    """Parse "2025-10-06" or unpadded "2025-10-6" (§4.4); None if invalid."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def crawl_now(rsite: ReplicaSite) -> datetime:
    return CRAWL_NOW.astimezone(rsite.tz)


# --------------------------------------------------------------------------------------------
# Special articles and faults: (site, "MM-DD", k-th article of that local day, oldest first).

_SPECIALS: dict[tuple[str, str, int], dict[str, Any]] = {
    ("www", "10-04", 20): {"pages": 2, "shape": "www-id"},
    ("www", "10-05", 8): {"pages": 3, "shape": "www-date"},
    ("www", "10-05", 25): {"pages": 2, "shape": "www-id", "authors": 2},
    ("www", "10-05", 30): {"short": True, "shape": "www-id"},
    ("www", "10-06", 12): {"pages": 4, "shape": "www-id"},
    ("www", "10-06", 18): {"faults": ("m-link",), "shape": "www-date"},
    ("www", "10-06", 33): {"pages": 2, "shape": "www-date", "authors": 2},
    ("www", "10-07", 10): {"pages": 3, "shape": "www-id"},
    ("solo", "10-04", 6): {"pages": 2},
    ("solo", "10-05", 3): {"pages": 2},
    ("solo", "10-05", 7): {"faults": ("http-link",)},
    ("solo", "10-06", 4): {"pages": 3},
    ("solo", "10-06", 8): {"faults": ("flaky-500",)},
    ("jateng", "10-05", 4): {"pages": 3, "faults": ("page3-503",)},
    ("jateng", "10-05", 7): {"pages": 2},
    ("jateng", "10-06", 3): {"no_tags": True},
    ("jateng", "10-06", 6): {"pages": 2},
    ("makassar", "10-05", 5): {"pages": 2},
    ("makassar", "10-06", 2): {"no_author": True},
    ("makassar", "10-06", 9): {"pages": 4},
    ("papua", "10-05", 4): {"faults": ("truncated",)},
    ("papua", "10-06", 3): {"short": True},
    ("papua", "10-06", 6): {"pages": 3},
    ("papua", "10-07", 2): {"pages": 2},
    # Real-page variants (docs/variants.md, issue 10), one or more articles each, in the window.
    ("jateng", "10-05", 1): {"variants": ("footer-berita",)},
    ("makassar", "10-06", 4): {"variants": ("footer-linked",)},
    ("solo", "10-05", 2): {"variants": ("related-selengkapnya",)},
    ("jateng", "10-06", 5): {"variants": ("related-bullets",)},
    ("makassar", "10-05", 8): {"variants": ("related-bare",)},
    ("papua", "10-05", 6): {"variants": ("related-rekomendasi",)},
    ("www", "10-05", 3): {"variants": ("photo-block",)},
    ("papua", "10-06", 7): {"variants": ("photo-text",)},
    ("jateng", "10-05", 6): {"variants": ("byline-oneline",), "authors": 2},
    ("www", "10-06", 5): {"variants": ("byline-separate",)},
    ("makassar", "10-05", 10): {"variants": ("byline-repeat",), "authors": 2},
    ("solo", "10-06", 2): {"variants": ("writers-datalayer",), "authors": 2},
    ("jateng", "10-06", 8): {"variants": ("header-repeat",), "pages": 2},
    ("solo", "10-05", 9): {"variants": ("header-repeat",), "pages": 3},
    ("www", "10-05", 12): {"variants": ("www-2025",)},
    ("www", "10-06", 20): {"variants": ("mojibake",)},
    ("solo", "10-06", 9): {"variants": ("mojibake",)},
    ("makassar", "10-06", 11): {"variants": ("sponsor-banner",)},
    ("papua", "10-05", 7): {"variants": ("sponsor-banner",)},
    ("www", "10-05", 15): {"variants": ("amp-link",)},
    ("papua", "10-06", 8): {"variants": ("amp-link",)},
    ("solo", "10-05", 5): {"variants": ("related-2018",)},
    ("makassar", "10-05", 3): {"variants": ("related-mobile",)},
    ("papua", "10-06", 1): {"variants": ("related-plain",)},
}

_FOREIGN_NAMES = (
    "Daniel Weber",
    "Maria Santos",
    "Kim Min-jun",
    "Emily Carter",
    "Lucas Oliveira",
    "Hiroshi Tanaka",
    "Nguyen Van Minh",
    "Sarah Thompson",
)


def _times(rng: random.Random, day: date, n: int, tz: timezone) -> list[datetime]:
    """n publication times on ``day``: one ~00:10, one ~23:50, the rest spread out."""
    first = 10 * 60 + rng.randint(-5, 8) * 60 + rng.randint(0, 59)
    last = (23 * 60 + 50) * 60 + rng.randint(-5, 5) * 60 + rng.randint(0, 59)
    middle: set[int] = set()
    while len(middle) < n - 2:
        middle.add(rng.randint(5 * 3600 + 1800, 23 * 3600 + 20 * 60))
    secs = [first, *sorted(middle), last]
    base = datetime.combine(day, time(0, 0), tzinfo=tz)
    return [base + timedelta(seconds=s) for s in secs]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(corpus.FIRST_NAMES)} {rng.choice(corpus.LAST_NAMES)}"


@dataclass
class _Skeleton:
    rsite: ReplicaSite
    seq: int
    k: int
    published: datetime
    spec: dict[str, Any]
    section_path: tuple[Section, ...]
    theme: corpus.Theme
    ctx: dict[str, Any]
    title: str
    slug: str
    article_id: int
    url: str
    url_shape: str
    pages: int
    article: Article | None = None


def _section_path(rsite: ReplicaSite, sec: Section) -> tuple[Section, ...]:
    if sec.parent:
        parent = rsite.section(sec.parent)
        assert parent is not None
        return (parent, sec)
    return (sec,)


def _context(
    rng: random.Random, rsite: ReplicaSite, theme: corpus.Theme, day: date, section: Section
) -> dict[str, Any]:
    # A city subsection (solo-raya/sukoharjo, sulsel/gowa …) writes about that city.
    city = section.name if section.name in rsite.cities else rng.choice(rsite.cities)
    if theme.key == "olahraga" and rsite.club and rng.random() < 0.8:
        obj = rsite.club
    else:
        obj = rng.choice(theme.objects)
    tokoh = rng.choice(_FOREIGN_NAMES) if theme.key == "internasional" else _person(rng)
    ctx: dict[str, Any] = {
        "kota": city,
        "obj": obj,
        "Obj": title_case(obj),
        "tokoh": tokoh,
        "tp": tokoh.split()[-1],
        "hari": hari(day),
        "hari2": hari(day - timedelta(days=1)),
        "n1": rng.randint(2, 9),
        "n2": rng.randint(12, 480),
        "n3": rng.randint(21, 38),
        "m": rng.randint(2, 95),
        "persen": f"{rng.randint(1, 9)},{rng.randint(1, 9)}",
        "brand": rsite.reporter_brand,
        "pasar": f"{rng.choice(corpus.MARKETS)} {city}",
        "stadion": rng.choice(corpus.STADIUMS),
        "warga": _person(rng),
        "negara": rng.choice(corpus.COUNTRIES),
    }
    ctx["jabatan"] = rng.choice(theme.roles).format(**ctx)
    ctx["instansi"] = rng.choice(theme.institutions).format(**ctx)
    return ctx


def _fmt(template: str, ctx: Mapping[str, Any]) -> str:
    text = template.format(**ctx)
    return text[:1].upper() + text[1:]


def _skeletons(rsite: ReplicaSite) -> list[_Skeleton]:
    rng = random.Random(f"replica:{rsite.key}")
    used: set[str] = set()
    out: list[_Skeleton] = []
    next_id = rsite.id_base
    seq = 0
    sections = rsite.article_sections
    for di, day in enumerate(DATES):
        for k, published in enumerate(_times(rng, day, rsite.per_day[di], rsite.tz)):
            spec = dict(_SPECIALS.get((rsite.key, f"{day:%m-%d}", k), {}))
            sec = rng.choice(sections)
            theme = corpus.THEMES[rng.choice(sec.themes)]
            short = bool(spec.get("short"))
            for _attempt in range(60):
                ctx = _context(rng, rsite, theme, day, sec)
                tpl = rng.choice(corpus.PHOTO_TITLES if short else theme.titles)
                title = _fmt(tpl, ctx)
                if title not in used:
                    break
            else:  # pragma: no cover - the banks are large enough
                title = f"{title} ({seq})"
            used.add(title)
            slug = slugify(title)
            next_id += rng.randint(3, 41)
            shape = "regional"
            if rsite.key == "www":
                shape = spec.get("shape") or ("www-id" if rng.random() < 0.6 else "www-date")
            top = _section_path(rsite, sec)[0]
            if shape == "regional":
                url = f"{rsite.base_url}/{day:%Y/%m/%d}/{slug}"
            elif shape == "www-date":
                url = f"{rsite.base_url}/{top.slug}/{day:%Y/%m/%d}/{slug}"
            else:
                url = f"{rsite.base_url}/{top.slug}/{next_id}/{slug}"
            out.append(
                _Skeleton(
                    rsite=rsite,
                    seq=seq,
                    k=k,
                    published=published,
                    spec=spec,
                    section_path=_section_path(rsite, sec),
                    theme=theme,
                    ctx=ctx,
                    title=title,
                    slug=slug,
                    article_id=next_id,
                    url=url,
                    url_shape=shape,
                    pages=int(spec.get("pages", 1)),
                )
            )
            seq += 1
    return out


# --------------------------------------------------------------------------------------------
# Body composition


def _sentence_pool(rng: random.Random, theme: corpus.Theme, ctx: Mapping[str, Any]) -> list[str]:
    specific = [_fmt(s, ctx) for s in theme.sentences]
    quotes = [_fmt(q, ctx) for q in theme.quotes]
    generic = [_fmt(s, ctx) for s in corpus.GENERIC_SENTENCES]
    gquotes = [_fmt(q, ctx) for q in corpus.GENERIC_QUOTES]
    rng.shuffle(specific)
    rng.shuffle(generic)
    rng.shuffle(quotes)
    pool: list[str] = []
    # Interleave: mostly specific sentences early, quotes sprinkled, generic filling.
    while specific or generic or quotes or gquotes:
        for src, n in ((specific, 2), (quotes, 1), (generic, 2), (gquotes, 1)):
            pool.extend(src[:n])
            del src[:n]
    return pool


def _paragraph_texts(
    rng: random.Random, theme: corpus.Theme, ctx: Mapping[str, Any], n: int, opening: str
) -> list[str]:
    pool = _sentence_pool(rng, theme, ctx)
    pool = [s for s in pool if s != opening]
    paras = [opening]
    filler = 0
    while len(paras) < n:
        take = 2 if (rng.random() < 0.4 and len(pool) >= 2) else 1
        if len(pool) >= take:
            chunk = [pool.pop(0) for _ in range(take)]
        else:
            filler += 1
            chunk = [
                (
                    f"Hingga pekan ke-{filler + 1} Oktober, tercatat {rng.randint(13, 950)} laporan "
                    f"serupa yang masuk ke posko pengaduan di {ctx['kota']}."
                )
            ]
        paras.append(" ".join(chunk))
    return paras


def _linkify(text: str, tags: Iterable[Label], budget: list[int], nbsp: bool) -> tuple[Seg, ...]:
    """Turn the first mention of a tag label into an inline ``/tag/`` link (§1.6)."""
    style = "nbsp" if nbsp else ""
    if budget[0] > 0:
        for tag in tags:
            pos = text.find(tag.name)
            if pos > 0:
                budget[0] -= 1
                return (
                    Seg("t", text[:pos], style=style),
                    Seg("tag", tag.name, slug=tag.slug),
                    Seg("t", text[pos + len(tag.name) :]),
                )
    return (Seg("t", text, style=style),)


def _dateline(rng: random.Random, rsite: ReplicaSite, city: str, theme: str) -> Seg:
    if rsite.key == "www" and (theme == "internasional" or rng.random() < 0.3):
        label = rsite.dateline
    else:
        label = f"{rsite.dateline}, {city.upper()}"
    style = rng.choices(["-", "--", "–"], weights=[70, 15, 15])[0]
    return Seg("dl", label, style=style)


def _ad(rsite: ReplicaSite, n: int) -> Ad:
    if rsite.era == ERA_2020:
        return Ad("inside", n)
    if rsite.era == ERA_2023:
        return Ad(("reserved", "ins", "placeholder", "iframe")[(n - 1) % 4], n)
    return Ad(("placeholder", "reserved", "ins")[(n - 1) % 3], n)


def _compose(sk: _Skeleton, all_sk: list[_Skeleton], others: list[_Skeleton]) -> Article:
    rsite = sk.rsite
    rng = random.Random(f"replica:{rsite.key}:{sk.seq}:body")
    # Title case only in headlines; running text keeps "harga beras" lower case.
    ctx = {**sk.ctx, "Obj": sk.ctx["obj"]}
    theme = sk.theme
    spec = sk.spec
    short = bool(spec.get("short"))
    day = sk.published.date()

    # People.
    n_authors = int(spec.get("authors", 1))
    variants: tuple[str, ...] = tuple(spec.get("variants", ()))
    if "writers-datalayer" in variants:
        # 2020 page: two writers in dataLayer "penulis", JSON-LD author names the first only.
        authors: tuple[str, ...] = tuple(rng.sample(rsite.authors, n_authors))
    elif rsite.byline == "2020" or spec.get("no_author"):
        authors = ()
    else:
        authors = tuple(rng.sample(rsite.authors, n_authors))
    editor = rng.choice(rsite.editors)
    reporter: str | None = None
    if not short and rng.random() < 0.6:
        reporter = authors[0] if authors else rng.choice(rsite.authors)

    # Labels.
    tags: list[Label] = []
    if not spec.get("no_tags"):
        names = [ctx["kota"]]
        if theme.key in ("seleb", "olahraga"):
            names.append(ctx["obj"])
        if rng.random() < 0.6 and theme.key not in ("internasional",):
            names.append(ctx["tokoh"])
        names += rng.sample(theme.tags, rng.randint(1, 2))
        tags.extend(Label(name, slugify(name)) for name in dict.fromkeys(names))
    topic = None
    if rng.random() < 0.75:
        tname = rng.choice(theme.topics)
        topic = Label(tname, slugify(tname))

    # Texts.
    lead = _fmt(rng.choice(theme.leads), ctx)
    if short:
        n_paras = rng.randint(1, 2)
        opening = _fmt(corpus.PHOTO_SENTENCES[0], ctx)
        texts = [opening, _fmt(corpus.PHOTO_SENTENCES[1], ctx)][:n_paras]
    else:
        per_page = [rng.randint(5, 7) for _ in range(sk.pages)] if sk.pages > 1 else []
        n_paras = sum(per_page) if per_page else rng.randint(7, 12)
        opening_tpl = [t for t in theme.leads if _fmt(t, ctx) != lead]
        opening = _fmt(rng.choice(opening_tpl), ctx)
        texts = _paragraph_texts(rng, theme, ctx, n_paras, opening)

    # End-of-story credits (kept in the body, §2 "End credit").
    tail_credit: str | None = None
    star = False
    if not short:
        roll = rng.random()
        if rsite.key in ("www", "papua") and roll < 0.4:
            who = authors[0] if authors else editor
            tail_credit = f"({rsite.reporter_brand}/{who})"
        elif rsite.key == "makassar" and roll < 0.4:
            tail_credit = "(tribun-timur.com)"
        elif rsite.key in ("solo", "jateng") and roll < 0.25:
            star = True
    if star:
        texts[-1] = texts[-1] + "(*)"

    link_budget = [rng.randint(0, 3)]
    nbsp_para = rng.randrange(len(texts)) if rng.random() < 0.3 else -1
    paras: list[Para] = []
    for i, text in enumerate(texts):
        segs = _linkify(text, tags, link_budget, nbsp=(i == nbsp_para and i > 0))
        if i == 0:
            segs = (_dateline(rng, rsite, ctx["kota"], theme.key), *segs)
        paras.append(Para(segs))
    if tail_credit:
        paras.append(Para((Seg("t", tail_credit),)))

    # Split the paragraphs over pages.
    if sk.pages > 1:
        sizes = per_page
        sizes[-1] += len(paras) - sum(sizes)
    else:
        sizes = [len(paras)]
    page_paras: list[list[Para]] = []
    pos = 0
    for size in sizes:
        page_paras.append(paras[pos : pos + size])
        pos += size

    earlier = [o for o in all_sk if o.published < sk.published and o.seq != sk.seq]
    baca_style = "2020" if rsite.era == ERA_2020 else "more"
    ad_n = 0
    pages: list[tuple[Block, ...]] = []
    subhead_pool = list(theme.subheads)
    rng.shuffle(subhead_pool)
    for pi, plist in enumerate(page_paras):
        blocks: list[Block] = []
        if pi == 0:
            if rsite.era == ERA_2026 and not short and rng.random() < 0.85:
                items = [lead, *(_fmt(t, ctx) for t in rng.sample(corpus.RECAP_TEMPLATES, 2))]
                blocks.append(Recap(tuple(items)))
            if reporter:
                blocks.append(Reporter(rsite.reporter_brand, reporter))
        for i, para in enumerate(plist):
            last = i == len(plist) - 1
            if i >= 2 and not last and subhead_pool and len(plist) >= 5 and rng.random() < 0.12:
                blocks.append(Subhead(subhead_pool.pop(), level=rng.choice((2, 2, 3))))
            blocks.append(para)
            if last or short:
                continue  # nothing after the story's final paragraph
            if i == 1 and earlier:
                count = rng.choice((1, 1, 2)) if baca_style == "2020" else 1
                style = baca_style
                if rsite.era == ERA_2020 and rng.random() < 0.2:
                    style = "2018"
                picked = rng.sample(earlier[-30:], min(count, len(earlier[-30:])))
                blocks.extend(Baca(o.title, o.url, style) for o in picked)
            if i == 2:
                ad_n += 1
                blocks.append(_ad(rsite, ad_n))
            if i == 4 and len(plist) > 6 and earlier and rng.random() < 0.5:
                o = rng.choice(earlier[-30:])
                blocks.append(Baca(o.title, o.url, baca_style))
            if i == 5 and rng.random() < 0.3:
                if rsite.era == ERA_2020:
                    blocks.append(Spacer())
                cap = _fmt(rng.choice(theme.leads), ctx)
                blocks.append(
                    Figure(
                        _image_url(rsite, f"infografis-{slugify(ctx['obj'])}-{sk.seq}"),
                        f"{cap} ({rsite.reporter_brand.upper()}/{rng.choice(rsite.authors)})",
                    )
                )
            if i == 6 and rsite.era != ERA_2020 and rng.random() < 0.5:
                ad_n += 1
                blocks.append(_ad(rsite, ad_n))
        pages.append(tuple(blocks))

    # Copy footer on syndicated regional stories (§2; R3 shows the markup).
    if rsite.key in ("solo", "jateng") and not short and others and rng.random() < 0.2:
        src = rng.choice(others)
        final_page = list(pages[-1])
        final_page.append(
            CopyFooter(
                brand=src.rsite.brand,
                brand_url=src.rsite.base_url,
                title=src.title,
                url=src.url,
                penulis=rng.choice(src.rsite.authors) if rng.random() < 0.7 else None,
                editor=rng.choice(src.rsite.editors),
            )
        )
        pages[-1] = tuple(final_page)

    truncate_after = None
    if "truncated" in spec.get("faults", ()):
        # Cut page 1 right after its 4th paragraph (inside the following ad div).
        seen = 0
        for bi, block in enumerate(pages[0]):
            if isinstance(block, Para):
                seen += 1
                if seen == 4:
                    truncate_after = bi + 1
                    break

    modified = sk.published
    if rng.random() < 0.3:
        modified = sk.published + timedelta(minutes=rng.randint(5, 95), seconds=rng.randint(0, 59))

    image = Image(
        url=_image_url(rsite, "-".join(sk.slug.split("-")[:6])),
        credit=rng.choice(rsite.photographers),
        caption=f"{ctx['obj'].upper()} - {_fmt(rng.choice(theme.leads), ctx)[:-1]}, {ctx['hari']}.",
    )
    if variants:
        pages = _apply_variants(
            variants,
            _VariantContext(sk, earlier, others, authors, editor, lead, image, ctx),
            pages,
        )

    specials = []
    if short:
        specials.append("short")
    if spec.get("no_author"):
        specials.append("no-author")
    if spec.get("no_tags"):
        specials.append("no-tags")
    if len(authors) > 1:
        specials.append("two-authors")

    source = rsite.reporter_brand
    if any(isinstance(b, CopyFooter) for b in pages[-1]):
        source = next(b for b in pages[-1] if isinstance(b, CopyFooter)).brand

    return Article(
        site=rsite.key,
        seq=sk.seq,
        article_id=str(sk.article_id),
        url=sk.url,
        url_shape=sk.url_shape,
        section_path=sk.section_path,
        topic=topic,
        title=sk.title,
        lead=lead,
        slug=sk.slug,
        authors=authors,
        editor=editor,
        reporter=reporter,
        tags=tuple(tags),
        published=sk.published,
        modified=modified,
        image=image,
        pages=tuple(pages),
        source=source,
        faults=tuple(spec.get("faults", ())),
        special=tuple(specials),
        truncate_after=truncate_after,
        theme=theme.key,
        city=ctx["kota"],
        extra={"obj": ctx["obj"], "day": day.isoformat()},
        variants=variants,
    )


@dataclass(frozen=True)
class _VariantContext:
    """What the variant blocks of one article are made of."""

    sk: _Skeleton
    earlier: list[_Skeleton]
    others: list[_Skeleton]
    authors: tuple[str, ...]
    editor: str
    lead: str
    image: Image
    ctx: Mapping[str, Any]


def _insert_after_para(blocks: list[Block], n: int, new: Iterable[Block]) -> None:
    """Insert ``new`` after the ``n``-th story paragraph (0-based) of a page."""
    seen = -1
    for i, block in enumerate(blocks):
        if isinstance(block, Para):
            seen += 1
            if seen == n:
                blocks[i + 1 : i + 1] = list(new)
                return
    blocks.extend(new)


def _byline_line(authors: Iterable[str], editor: str) -> str:
    names = ", ".join(authors)
    return f"Penulis: {names} | Editor: {editor}" if names else f"Editor: {editor}"


def _apply_variants(
    variants: tuple[str, ...], v: _VariantContext, pages: list[tuple[Block, ...]]
) -> list[tuple[Block, ...]]:
    """Add the blocks of real-page variants (docs/variants.md) to an article's pages."""
    rng = random.Random(f"replica:{v.sk.rsite.key}:{v.sk.seq}:variants")
    rsite = v.sk.rsite
    out = [list(p) for p in pages]
    first, last = out[0], out[-1]
    pool = v.earlier[-30:] or v.others[-30:]
    related = rng.sample(pool, min(3, len(pool)))

    def links(style: str, k: int = 1) -> list[Block]:
        return [Baca(o.title, o.url, style) for o in related[:k]]

    for variant in variants:
        if variant in ("footer-berita", "footer-linked"):
            src = rng.choice(v.others) if v.others else v.sk
            last[:] = [b for b in last if not isinstance(b, CopyFooter)]
            last.append(
                CopyFooter(
                    brand=src.rsite.brand,
                    brand_url=src.rsite.base_url,
                    title=src.title,
                    url=src.url,
                    penulis=rng.choice(src.rsite.authors),
                    editor=rng.choice(src.rsite.editors),
                    style=variant.removeprefix("footer-"),
                )
            )
        elif variant == "related-selengkapnya":
            _insert_after_para(first, 1, links("selengkapnya"))
            _insert_after_para(
                first, 3, [Baca(related[-1].title, related[-1].url, "baca-selengkapnya")]
            )
            prose = _fmt(
                "Selengkapnya, {tokoh} menjelaskan bahwa hasil pendataan di {kota} akan "
                "diumumkan pekan depan.",
                v.ctx,
            )
            _insert_after_para(first, 2, [Para((Seg("t", prose),))])
        elif variant in ("related-bullets", "related-2018", "related-mobile", "related-plain"):
            style = {"related-bullets": "bullet", "related-2018": "2018",
                     "related-mobile": "mobile", "related-plain": "plain"}[variant]  # fmt: skip
            for page in out:
                page[:] = [replace(b, style=style) if isinstance(b, Baca) else b for b in page]
            _insert_after_para(first, 2, links(style, 3 if style == "bullet" else 1))
        elif variant == "related-bare":
            _insert_after_para(first, 1, links("bare"))
            _insert_after_para(first, 4, [Baca(related[-1].title, related[-1].url, "bare-strong")])
        elif variant == "related-rekomendasi":
            lis = "".join(
                f'<li><a href="{o.url}" title="{_attr(o.title)}">{_html_text(o.title)}</a></li>'
                for o in related
            )
            html = (
                '<div class="berita-rekomendasi"><p><strong>Berita Rekomendasi</strong></p>'
                f"<ul>{lis}</ul></div>\n"
            )
            text = "Berita Rekomendasi\n" + "\n".join(o.title for o in related)
            _insert_after_para(first, 3, [Boiler("rekomendasi", html, text)])
        elif variant == "photo-block":
            img = v.image
            html = (
                '<div class="pb20 ovh"><div class="ovh imgfull_div"><a class="icon_zoom glightbox" '
                f'href="{img.url}"><img src="https://cdn-1.tstatic.net/img/zoom-in.svg" '
                'width="16" height="16" alt="zoom-in"/><small>lihat foto</small></a>'
                f'<a href="{img.url}"><img class="imgfull" src="{img.url}" alt="{_attr(v.sk.title)}"/>'
                f'</a></div><div class="f11 white pa3 fr pos_rel ar">{_html_text(img.credit)}</div>'
                f'<div class="arial f12 pt5 grey2">{_html_text(img.caption)}</div></div>\n'
            )
            text = f"lihat foto\n{img.credit}\n{img.caption}"
            first.insert(0, Boiler("photo", html, text))
        elif variant == "photo-text":
            img = v.image
            lines = [f"zoom-in {v.sk.title}", img.credit.upper(), img.caption]
            html = "".join(f"<p>{_html_text(line)}</p>\n" for line in lines)
            first.insert(0, Boiler("photo", html, "\n".join(lines)))
        elif variant == "byline-repeat":
            line = _byline_line(v.authors, v.editor)
            last.append(Boiler("byline", f"<p>{_html_text(line)}</p>\n", line))
        elif variant == "www-2025":
            items = [v.lead, *(_fmt(t, v.ctx) for t in rng.sample(corpus.RECAP_TEMPLATES, 2))]
            html = "<p><strong>Ringkasan Berita:</strong></p>\n" + "".join(
                f"<p>{_html_text(i)}</p>\n" for i in items
            )
            first[:] = [b for b in first if not isinstance(b, Recap)]
            first.insert(0, Boiler("recap", html, "Ringkasan Berita:\n" + "\n".join(items)))
        elif variant == "mojibake":
            garble = "Â" if rsite.key == "www" else "Ā"
            for i, block in enumerate(first):
                if isinstance(block, Para) and block.segs and block.segs[0].kind == "dl":
                    dl = replace(block.segs[0], garble=garble)
                    first[i] = Para((dl, *block.segs[1:]))
                    break
    return [tuple(p) for p in out]


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _image_url(rsite: ReplicaSite, stem: str) -> str:
    host = "cdn-2.tstatic.net" if rsite.era == ERA_2020 else "asset-2.tstatic.net"
    return f"https://{host}/{rsite.image_folder}/foto/bank/images/{stem}.jpg"


# --------------------------------------------------------------------------------------------
# The inventory


@dataclass(frozen=True)
class Inventory:
    """All generated articles, with lookups by URL and by site/day."""

    articles: tuple[Article, ...]
    by_url: Mapping[str, Article]
    by_site: Mapping[str, tuple[Article, ...]]

    def site_day(self, site: str, day: date) -> list[Article]:
        return [a for a in self.by_site.get(site, ()) if a.local_date == day]


@functools.cache
def inventory() -> Inventory:
    """Build (once) the whole deterministic inventory."""
    skels = {key: _skeletons(rs) for key, rs in REPLICA_SITES.items()}
    articles: list[Article] = []
    for key, sks in skels.items():
        others = [
            o
            for okey, osks in skels.items()
            if okey != key and okey in ("www", "jateng", "solo")
            for o in osks
        ]
        articles.extend(_compose(sk, sks, others) for sk in sks)
    by_url = {a.url: a for a in articles}
    by_site = {key: tuple(a for a in articles if a.site == key) for key in REPLICA_SITES}
    return Inventory(tuple(articles), by_url, by_site)


def article_models(site_keys: Iterable[str] | None = None) -> list[Article]:
    """The rich :class:`Article` objects (all dates), optionally for some sites only."""
    keys = set(site_keys) if site_keys is not None else None
    return [a for a in inventory().articles if keys is None or a.site in keys]


# --------------------------------------------------------------------------------------------
# Edits (``--edits FILE``): override one article between two runs.

EDIT_KEYS = frozenset(
    {
        "title",
        "lead",
        "append_paragraph",
        "paragraphs",
        "tags",
        "authors",
        "editor",
        "deleted",
        "modified_at",
    }
)
_CONTENT_EDIT_KEYS = EDIT_KEYS - {"deleted", "modified_at"}


def apply_edit(article: Article, edit: Mapping[str, Any] | None) -> Article | None:
    """Return the article with ``edit`` applied; None if the edit deletes it.

    Keys: ``title``, ``lead``, ``append_paragraph`` (a new last paragraph), ``paragraphs``
    (replace all story paragraphs; single page), ``tags`` (list of names), ``authors``,
    ``editor``, ``deleted`` (true: the URL answers 404 and disappears from listings),
    ``modified_at`` (ISO 8601). A content edit moves ``dateModified`` to the crawl time
    (:data:`CRAWL_NOW`) unless ``modified_at`` is given. The URL never changes (the CMS keeps
    the slug).
    """
    if not edit:
        return article
    if edit.get("deleted"):
        return None
    changes: dict[str, Any] = {}
    if "title" in edit:
        changes["title"] = str(edit["title"])
    if "lead" in edit:
        changes["lead"] = str(edit["lead"])
    if "editor" in edit:
        changes["editor"] = str(edit["editor"])
    if "authors" in edit:
        changes["authors"] = tuple(str(a) for a in edit["authors"] or ())
    if "tags" in edit:
        changes["tags"] = tuple(Label(str(t), slugify(str(t))) for t in edit["tags"] or ())
    pages = [list(p) for p in article.pages]
    if "paragraphs" in edit:
        first: list[Block] = [b for b in pages[0] if isinstance(b, (Recap, Reporter))]
        texts = [str(t) for t in edit["paragraphs"]]
        pages = [first + [Para((Seg("t", t),)) for t in texts]]
        changes["truncate_after"] = None
    if edit.get("append_paragraph"):
        last = pages[-1]
        para = Para((Seg("t", str(edit["append_paragraph"])),))
        idx = max((i for i, b in enumerate(last) if isinstance(b, (Para, Subhead))), default=-1)
        last.insert(idx + 1, para)
    changes["pages"] = tuple(tuple(p) for p in pages)
    if "modified_at" in edit:
        changes["modified"] = datetime.fromisoformat(str(edit["modified_at"])).astimezone(
            article.published.tzinfo
        )
    elif _CONTENT_EDIT_KEYS & set(edit):
        changes["modified"] = crawl_now(article.rsite)
    return replace(article, **changes)


def edited_inventory(edits: Mapping[str, Mapping[str, Any]] | None) -> list[Article]:
    """All articles with ``edits`` (canonical URL → edit) applied; deleted ones dropped."""
    out = []
    for a in inventory().articles:
        edited = apply_edit(a, (edits or {}).get(a.url))
        if edited is not None:
            out.append(edited)
    return out


# --------------------------------------------------------------------------------------------
# Ground truth


def body_blocks(article: Article, page: int) -> tuple[Block, ...]:
    """Blocks actually served on ``page`` (1-based), honouring the truncation fault."""
    blocks = article.pages[page - 1]
    if page == 1 and article.truncate_after is not None:
        return blocks[: article.truncate_after]
    return blocks


def _expected_for(article: Article) -> ExpectedArticle:
    failing = article.failing_pages()
    fetched = [p for p in range(1, article.page_count + 1) if p not in failing]
    paragraphs: list[str] = []
    for p in fetched:
        for block in body_blocks(article, p):
            if isinstance(block, Para):
                # The "(*)" end-of-story marker is boilerplate; the credit "(Name)" is text.
                text = block.text.removesuffix("(*)").rstrip()
                if text:
                    paragraphs.append(text)
            elif isinstance(block, Subhead):
                paragraphs.append(normalize_space(block.text))
    rs = article.rsite
    return ExpectedArticle(
        url=article.url,
        site=article.site,
        site_name=rs.name,
        article_id=article.article_id,
        section=article.section.name,
        topic=article.topic.name if article.topic else None,
        title=article.title,
        lead=article.lead,
        body_paragraphs=tuple(paragraphs),
        authors=list(article.authors) or None,
        editor=article.editor,
        reporter=article.reporter,
        tags=[t.name for t in article.tags] or None,
        published_at=iso(article.published),
        modified_at=iso(article.modified),
        image_url=article.image.url,
        image_caption=article.image.caption,
        page_count=article.page_count,
        pages_fetched=len(fetched),
        is_partial=bool(failing),
        era=rs.era,
        url_shape=article.url_shape,
        faults=article.faults,
        special=article.special,
    )


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def expected_articles(
    site_keys: Iterable[str] | str | None = None,
    since: date | str = WINDOW[0],
    until: date | str = WINDOW[1],
    *,
    edits: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[ExpectedArticle]:
    """Ground truth for the articles of ``site_keys`` published (local date) in the window.

    ``since``/``until`` are inclusive local dates in each site's own zone. ``edits`` is the
    same mapping the server's ``--edits`` file holds. Sorted by site then publication time.
    """
    if isinstance(site_keys, str):
        site_keys = [k.strip() for k in site_keys.split(",") if k.strip()]
    keys = list(site_keys) if site_keys is not None else list(REPLICA_SITE_KEYS)
    if keys == ["all"]:
        keys = list(REPLICA_SITE_KEYS)
    lo, hi = _as_date(since), _as_date(until)
    return [
        a.expected() for a in edited_inventory(edits) if a.site in keys and lo <= a.local_date <= hi
    ]


def all_articles() -> list[ExpectedArticle]:
    """Ground truth for every article of every replica site and date."""
    return [a.expected() for a in inventory().articles]


def get_article(url: str) -> Article | None:
    """The article whose canonical URL is ``url`` (no query), or None."""
    return inventory().by_url.get(url.split("?", 1)[0].split("#", 1)[0])


# --------------------------------------------------------------------------------------------
# Listings: index pages, decoys, aliases


def index_decoys(site_key: str, day: date) -> list[Decoy]:
    """The decoy items interleaved in page 1 of the index of ``day`` (§4.4)."""
    rsite = REPLICA_SITES[site_key]
    rng = random.Random(f"replica:{site_key}:{day}:decoys")
    base = rsite.base_url
    vid = 180_000 + rng.randint(0, 9999)
    topic_name = rng.choice(rng.choice(list(corpus.THEMES.values())).topics)
    tag_name = rng.choice(rsite.cities)
    gallery_kind = "images" if day.toordinal() % 2 == 0 else "video"
    gallery_slug = slugify(f"galeri {tag_name} {day:%d %m %Y}")
    decoys = [
        Decoy(
            "ad",
            f"https://{AD_HOST}/pcs/click?adurl=promo-{site_key}-{day:%Y%m%d}",
            "Promo Spesial Akhir Pekan, Diskon hingga 70 Persen",
            site_key,
            day,
            3,
        ),
        Decoy(
            "video",
            f"https://{VIDEO_HOST}/view/{vid}/video-{slugify(tag_name)}-{day:%Y%m%d}",
            f"VIDEO: Situasi Terkini di {tag_name}",
            site_key,
            day,
            7,
        ),
        Decoy("tag", f"{base}/tag/{slugify(tag_name)}", f"Berita {tag_name}", site_key, day, 11),
        Decoy("topic", f"{base}/topic/{slugify(topic_name)}", topic_name, site_key, day, 14),
        Decoy(
            "gallery",
            f"{base}/{gallery_kind}/{gallery_slug}",
            f"Galeri: {tag_name} dalam Gambar",
            site_key,
            day,
            17,
        ),
    ]
    if site_key == "solo" and day == date(2025, 10, 5):
        decoys.append(
            Decoy(
                "dead",
                f"{base}/2025/10/05/artikel-ini-sudah-dihapus-redaksi",
                "Artikel Ini Sudah Dihapus Redaksi",
                site_key,
                day,
                5,
            )
        )
    return decoys


def video_decoy(site_key: str) -> str:
    """The "Video Pilihan" link shown after every article body of a site."""
    return f"https://{VIDEO_HOST}/view/176415/video-pilihan-{site_key}"


def decoy_urls(site_keys: Iterable[str] | None = None) -> list[str]:
    """Every non-article URL linked from the replica's index pages (and the video widget).

    None of these may ever appear as an item URL. Includes the dead (404) index link.
    """
    keys = list(site_keys) if site_keys is not None else list(REPLICA_SITE_KEYS)
    urls: list[str] = []
    for key in keys:
        for day in DATES:
            urls.extend(d.url for d in index_decoys(key, day))
        urls.append(video_decoy(key))
    return list(dict.fromkeys(urls))


def link_url(article: Article) -> str:
    """The URL the index pages use for ``article`` (an alias for the redirect faults; the AMP
    page for the ``amp-link`` variant: ``m.tribunnews.com/amp/…`` on www, ``/amp/…`` else)."""
    if "amp-link" in article.variants:
        if article.site == "www":
            return article.url.replace("://www.tribunnews.com/", "://m.tribunnews.com/amp/", 1)
        return article.amp_url
    if "http-link" in article.faults:
        return article.url.replace("https://", "http://", 1)
    if "m-link" in article.faults:
        return article.url.replace("://www.", "://m.", 1)
    return article.url


def alias_urls() -> dict[str, str]:
    """Non-canonical URLs the replica links to → the canonical URL they redirect to."""
    out = {}
    for a in inventory().articles:
        alias = link_url(a)
        if alias != a.url and "amp-link" not in a.variants:
            out[alias] = a.url
    return out


def amp_links() -> dict[str, str]:
    """AMP URLs the index pages list (variant ``amp-link``) → the canonical desktop URL the
    item must carry (docs/variants.md 9)."""
    return {link_url(a): a.url for a in inventory().articles if "amp-link" in a.variants}


def index_items(
    site_key: str, day: date, articles: Iterable[Article] | None = None
) -> list[Article]:
    """Articles listed by the index of ``day``, newest first, with adjacent-day overlap.

    The list holds the day's articles plus the first article of the next day (on top) and
    the last article of the previous day (at the bottom), as the real index overlaps (§4.4).
    """
    pool = list(articles) if articles is not None else list(inventory().by_site[site_key])
    pool = [a for a in pool if a.site == site_key]
    todays = sorted((a for a in pool if a.local_date == day), key=lambda a: a.published)
    nxt = sorted(
        (a for a in pool if a.local_date == day + timedelta(days=1)), key=lambda a: a.published
    )
    prev = sorted(
        (a for a in pool if a.local_date == day - timedelta(days=1)), key=lambda a: a.published
    )
    items = list(reversed(todays))
    if nxt:
        items.insert(0, nxt[0])
    if prev:
        items.append(prev[-1])
    return items


def index_page_count(n_items: int) -> int:
    return max(1, -(-n_items // INDEX_PAGE_SIZE))


def multi_page_urls() -> dict[str, int]:
    """Canonical URL → page count of every multi-page article."""
    return {a.url: a.page_count for a in inventory().articles if a.page_count > 1}


def fault_cases() -> dict[str, str]:
    """Fault name → the URL it concerns (the canonical article URL; ``dead-link`` → 404 URL)."""
    out: dict[str, str] = {}
    for a in inventory().articles:
        for f in a.faults:
            out[f] = a.url
    for d in index_decoys("solo", date(2025, 10, 5)):
        if d.kind == "dead":
            out["dead-link"] = d.url
    return out


def special_cases() -> dict[str, list[str]]:
    """Special article kind ("short", "no-author", "no-tags", "two-authors") → URLs."""
    out: dict[str, list[str]] = {}
    for a in inventory().articles:
        for s in a.special:
            out.setdefault(s, []).append(a.url)
    return out
