"""Every selector the article page object reads Tribun pages with: one table per template era.

Eras (docs/site-structure.md, introduction): 2013–2022 ``theme15``, 2023–2024 ``theme23``,
2025–2026 (numeric-id URLs, "Tayang:" labels, ``span.total-page``), and the m./AMP pages.
Evidence keys ([R1] = real 2020 solo page, [C1] = 2026 adapter, [F*] = third-party
scrapers) are those of docs/site-structure.md.

Each era table names only what that era adds; :data:`DEFAULT` joins them, strongest first,
and is what every page is read with. A per-site quirk (a site whose byline sits elsewhere)
is a row in :data:`SITE_OVERRIDES`, keyed by the site key of ``newscrawl.sites``: its values
replace the default's for that site's pages, and the field cascades (``fields.py``) consult
the resulting table without knowing about the site.

The page object does not run these as CSS: it reads them on a few one-pass indexes of the
tree (issue 3: extraction ≤ 2× lxml's bare parse), so ids are looked up in libxml2's id
table, class words are matched as sets, and XPath strings are compiled once (``xpath()``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree


@dataclass(frozen=True, slots=True)
class ArticleSelectors:
    """The selectors one page is read with. Tuples are ordered: first match wins."""

    # --- page regions (§1.1) -------------------------------------------------------------------
    article_box_ids: tuple[str, ...] = ()
    """``div#article``: breadcrumb, title, dates, body and tags live around it [R1]."""
    body_box_ids: tuple[str, ...] = ()
    """Where the body container is looked for first (``#article_con``)."""
    body_xpaths: tuple[str, ...] = ()
    """Body container fallbacks when the box holds none, in order (§1.6)."""
    body_classes: tuple[str, ...] = ()
    """Class words that the body container inside the box carries, all of them."""
    body_not_classes: frozenset[str] = frozenset()
    """A fallback body candidate with one of these class words is a related-links box."""
    # --- title, lead, topic (§1.2, §1.3) -----------------------------------------------------
    title_ids: tuple[str, ...] = ()
    """``h1#arttitle``; else the ``h1`` inside the article box; else the first visible ``h1``."""
    hidden_classes: frozenset[str] = frozenset()
    """Class words of elements the site hides (``.hide``): a lead, never the title."""
    banner_class_prefixes: tuple[str, ...] = ()
    """Class words (prefixes) of sponsor/campaign banners: their headings are never the title."""
    lead_tags: tuple[str, ...] = ()
    """Hidden headings that hold the lead, in order (with ``hidden_classes``)."""
    topic_classes: frozenset[str] = frozenset()
    """Class word of the topic heading above the title (``h2.red``, ``h4.red``)."""
    topic_link_marker: str = ""
    """``h4.red`` holds other links too: the topic's ``href`` contains this."""
    # --- credits (§1.5) ------------------------------------------------------------------------
    byline_ids: tuple[str, ...] = ()
    """The box that names the writers (and, in 2025, the editor after "Editor:")."""
    byline_label: str = ""
    """Text that starts a byline whose markup is unknown (m./AMP)."""
    editor_ids: tuple[str, ...] = ()
    editor_label: str = ""
    # --- dates (§1.4) --------------------------------------------------------------------------
    published_metas: tuple[str, ...] = ()
    modified_metas: tuple[str, ...] = ()
    date_box_classes: frozenset[str] = frozenset()
    """The date box under the title carries all these class words ("Tayang: …")."""
    # --- image (§1.7) --------------------------------------------------------------------------
    image_box_ids: tuple[str, ...] = ()
    image_classes: frozenset[str] = frozenset()
    zoom_classes: frozenset[str] = frozenset()
    caption_classes: tuple[frozenset[str], ...] = ()
    """A caption ``div`` carries one of these sets of class words (or is a ``figcaption``)."""
    # --- breadcrumb, tags (§1.8, §1.9) -------------------------------------------------------
    breadcrumb_classes: frozenset[str] = frozenset()
    tag_heading_classes: frozenset[str] = frozenset()
    """``h5.tagcloud3`` (and its misspelt twin): the tag links under it."""
    tag_link_xpaths: tuple[str, ...] = ()
    """Tag links in the blocks after the body when there is no tag heading."""
    # --- pagers (§3) ---------------------------------------------------------------------------
    pager_classes: frozenset[str] = frozenset()
    next_page_box_class: str = ""
    next_page_link_class: str = ""
    total_page_classes: frozenset[str] = frozenset()
    break_marker_classes: frozenset[str] = frozenset()
    # --- in-body boilerplate removed structurally (§2) ---------------------------------------
    body_drop_tags: frozenset[str] = frozenset()
    body_drop_classes: frozenset[str] = frozenset()
    body_drop_id_prefixes: tuple[str, ...] = ()
    ad_class_prefixes: tuple[str, ...] = ()
    """Class words of ad slots whatever their exact name ("ads_inside", "advertorial-box")."""
    body_drop_class_sets: tuple[frozenset[str], ...] = ()
    """An element inside the body carrying all the class words of one of these sets is
    boilerplate (a photo caption or credit block moved into the body, docs/variants.md 3)."""

    @property
    def element_ids(self) -> tuple[str, ...]:
        """Every id an element is looked up by (``title_ids`` are matched on the ``h1``s)."""
        return (
            *self.article_box_ids,
            *self.body_box_ids,
            *self.byline_ids,
            *self.editor_ids,
            *self.image_box_ids,
        )


def _join(*tables: ArticleSelectors) -> ArticleSelectors:
    """The tables merged field by field: tuples concatenated in order, sets united."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(ArticleSelectors):
        parts = [getattr(t, f.name) for t in tables]
        if isinstance(parts[0], tuple):
            seen: dict[Any, None] = {}
            for part in parts:
                seen.update(dict.fromkeys(part))
            values[f.name] = tuple(seen)
        elif isinstance(parts[0], frozenset):
            values[f.name] = frozenset().union(*parts)
        else:
            values[f.name] = next((p for p in parts if p), "")
    return ArticleSelectors(**values)


def _has_class(word: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {word} ')"


# In-body boilerplate removed structurally (§2), every era.
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "iframe", "ins", "figure", "figcaption", "img", "picture",
     "video", "audio", "svg", "button", "form", "hr", "input", "select", "table"}
)  # fmt: skip
_DROP_CLASSES = frozenset(
    {"baca", "more", "summary-article", "paging", "page-number", "reserved_box_ads",
     "ads-placeholder", "nativeads", "_popIn_recommend_art_title", "tagcloud3", "tagcload3",
     "side-article mb5", "mb5", "sharecot", "share", "video-pilihan", "tribun-video-pilihan",
     "OUTBRAIN", "credit", "sources", "bgblue"}
)  # fmt: skip
_DROP_ID_PREFIXES = ("div-", "ads", "gpt", "google", "widget_", "penulis", "editor", "taboola")

# Every era (§1.1, §1.6, R1 2020 through C1 2026): the skeleton newscrawl was built on.
ALL_ERAS = ArticleSelectors(
    article_box_ids=("article",),
    body_box_ids=("article_con",),
    body_classes=("txt-article", "side-article"),
    body_xpaths=(
        # div.txt-article; the first one that is also .side-article wins (checked in code)
        "//div[contains(@class, 'txt-article')][" + _has_class("txt-article") + "]",
        "//*[" + _has_class("txt-article") + "]",
        "//div[" + _has_class("side-article") + "]",
        "//*[@itemprop='articleBody']",
    ),
    body_not_classes=frozenset({"mb5"}),
    title_ids=("arttitle",),
    hidden_classes=frozenset({"hide"}),
    banner_class_prefixes=("banner", "sponsor", "kampanye", "campaign", "promo", "ads", "iklan"),
    lead_tags=("h4", "h2"),  # h4.hide [R1][F39]; h2.hide in C1's fixture
    topic_classes=frozenset({"red"}),
    topic_link_marker="/topic/",
    byline_ids=("penulis",),  # [F1][F3][F4][C1]
    byline_label="Penulis",
    editor_ids=("editor",),
    editor_label="Editor",
    published_metas=("article:published_time", "og:article:published_time", "pubdate"),
    modified_metas=("article:modified_time",),
    image_box_ids=("artimg",),
    image_classes=frozenset({"imgfull"}),
    zoom_classes=frozenset({"icon_zoom"}),
    caption_classes=(frozenset({"caption"}), frozenset({"arial", "grey2"})),
    breadcrumb_classes=frozenset({"breadcrumb"}),
    tag_heading_classes=frozenset({"tagcloud3", "tagcload3"}),  # [R1][C1][C2]
    pager_classes=frozenset({"paging", "page-number", "pagination", "pager", "paginate"}),
    next_page_box_class="mb20",  # "Halaman selanjutnya" div.mb20 > a.bgblue [R1][C1][C2]
    next_page_link_class="bgblue",
    body_drop_tags=_DROP_TAGS,
    body_drop_classes=_DROP_CLASSES,
    body_drop_id_prefixes=_DROP_ID_PREFIXES,
    ad_class_prefixes=("ads", "ad-", "ad_", "advert", "iklan", "banner"),
)

# 2023–2024 (theme23) and third-party scrapers of it: other homes of the tag links.
THEME23 = ArticleSelectors(
    tag_link_xpaths=(
        "descendant-or-self::*[@itemprop='keywords']//a",  # [F4]
        "descendant-or-self::a[" + _has_class("rd2") + "]",  # [F24]
    ),
)

# 2025–2026: "Tayang:" date box, "Halaman 1/3" counter, "N dari M halaman" break markers.
NUMERIC_ID = ArticleSelectors(
    date_box_classes=frozenset({"grey", "bdr3"}),
    total_page_classes=frozenset({"total-page"}),  # [C1][F5]
    break_marker_classes=frozenset({"article-content-body__item-break-index"}),  # [C7]
    body_drop_classes=frozenset({"article-content-body__item-break-index", "total-page"}),
)

# m./AMP pages (§1.13): AMP components inside the text (``amp-ad`` …), the section menu and
# page furniture (``nav``, ``aside``, ``header``, ``footer``); their credits are found by label
# (``byline_label``). docs/variants.md 9.
MOBILE_AMP = ArticleSelectors(
    body_drop_tags=frozenset(
        {
            "amp-ad",
            "amp-embed",
            "amp-analytics",
            "amp-img",
            "amp-iframe",
            "amp-sidebar",
            "amp-social-share",
            "amp-carousel",
            "amp-video",
            "amp-youtube",
            "amp-instagram",
            "amp-twitter",
            "amp-list",
            "amp-sticky-ad",
            "amp-auto-ads",
            "amp-fx-flying-carpet",
            "nav",
            "aside",
            "header",
            "footer",
        }
    ),
)

# Photo blocks that sit inside the body container (docs/variants.md 3): the zoom link and
# image wrapper, the caption and the credit of §1.7.
PHOTO_IN_BODY = ArticleSelectors(
    body_drop_classes=frozenset({"imgfull_div", "icon_zoom", "caption", "wp-caption-text"}),
    body_drop_class_sets=(
        frozenset({"arial", "grey2"}),  # caption div.arial.f12.pt5.grey2 [R1]
        frozenset({"f11", "white", "pa3"}),  # credit div.f11.white.pa3.fr [R1]
    ),
)

DEFAULT = _join(ALL_ERAS, THEME23, NUMERIC_ID, MOBILE_AMP, PHOTO_IN_BODY)
"""What every page is read with, unless its site has a row in :data:`SITE_OVERRIDES`."""

SITE_OVERRIDES: dict[str, Mapping[str, Any]] = {}
"""Per-site quirks: site key → {field of :class:`ArticleSelectors`: value replacing the
default}. For example a site whose byline box is ``div#reporter`` rather than ``#penulis``::

    SITE_OVERRIDES["kaltara"] = {"byline_ids": ("reporter", "penulis")}

One row plus one gold case; the cascades in ``fields.py`` stay untouched."""


def selectors_for(site_key: str) -> ArticleSelectors:
    """The table a page of ``site_key`` is read with (the default plus the site's row)."""
    override = SITE_OVERRIDES.get(site_key)
    return dataclasses.replace(DEFAULT, **override) if override else DEFAULT


@lru_cache(maxsize=256)
def xpath(expression: str) -> etree.XPath:
    """A compiled XPath, once per expression (tables and overrides share the cache)."""
    return etree.XPath(expression)
