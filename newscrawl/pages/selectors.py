"""Every selector newscrawl reads Tribun pages with, in one place, with the era that uses it.

Sources are STRUCTURE.md sections and its evidence keys ([R1] = real 2020 solo page, [C1] = 2026
adapter, [F*] = third-party scrapers). Each list is ordered by reliability: first match wins.

Article-page markup is read by ``TribunArticlePage`` (``pages/article.py``) on a few one-pass
indexes of the tree instead of CSS queries (issue 3: extraction ≤ 2× lxml's bare parse), so
its rules live there, next to the code that applies them; the in-body boilerplate sets below
are shared with it. Listing selectors are run as CSS by ``TribunListingPage``.
"""

from __future__ import annotations

# --- in-body boilerplate removed structurally (§2) -------------------------------------------
BODY_DROP_TAGS = ("script", "style", "noscript", "iframe", "ins", "figure", "figcaption",
                  "img", "picture", "video", "audio", "svg", "button", "form", "hr", "input",
                  "select", "table")  # fmt: skip
# Class/id words that mark ads, widgets and related-link blocks inside the body.
BODY_DROP_CLASSES = frozenset(
    {"baca", "more", "summary-article", "article-content-body__item-break-index", "paging",
     "page-number", "total-page", "reserved_box_ads", "ads-placeholder", "nativeads",
     "_popIn_recommend_art_title", "tagcloud3", "tagcload3", "side-article mb5", "mb5",
     "sharecot", "share", "video-pilihan", "tribun-video-pilihan", "OUTBRAIN",
     "credit", "sources", "bgblue"}
)  # fmt: skip
BODY_DROP_ID_PREFIXES = ("div-", "ads", "gpt", "google", "widget_", "penulis", "editor", "taboola")
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "ul", "ol", "main", "span", "center"})

# --- listings (§4) ----------------------------------------------------------------------------
LIST_ITEMS = (
    "ul.lsi > li",  # index-news, tag pages [C1–C3][F3][F5][F8]
    "div.lsi ul > li",  # monthly archive [F4]
    "ul#latestul > li",  # section/home latest, mobile [R2][R6][F35]
    "li.art-list",  # section lists [R6][F10][F11]
    "li.ptb15",  # index items whatever their list [C3][F8]
)
# Fallback when no known list is found: article links in the main column, not in chrome.
LIST_FALLBACK_LINKS = (
    "//a[@href][not(ancestor::header or ancestor::nav or ancestor::footer or ancestor::aside)]"
)
LIST_AD_CLASSES = frozenset({"nativeads", "reserved_box_ads", "ads", "iklan"})
LIST_TITLE_LINK = ("h3 a::attr(href)", "div.f16.fbo a::attr(href)", "h2 a::attr(href)")
LIST_TIME = ("time::attr(title)", "time::attr(datetime)", "time::text")
INDEX_PAGER = ("div#paginga a", "div.paging a", "div.pagination a", "ul.pagination a")
SECTION_PICKER = "select#sectionpil option::attr(value)"  # [F18][C1]
