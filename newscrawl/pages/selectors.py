"""Every selector newscrawl reads Tribun pages with, in one place, with the era that uses it.

Sources are STRUCTURE.md sections and its evidence keys ([R1] = real 2020 solo page, [C1] = 2026
adapter, [F*] = third-party scrapers). Each list is ordered by reliability: first match wins.

The article head/body selectors document what ``TribunArticlePage`` reads. For speed (issue 3:
extraction ≤ 2× lxml's bare parse) the page object does not run them as CSS queries, one walk
of the whole tree each; it implements them on a few one-pass indexes (``pages/article.py``).
A change to one of them must be mirrored there; the gold set (``tests/gold``) checks both.
The in-body boilerplate sets (``BODY_DROP_*``, ``BLOCK_TAGS``, ``CONTAINER_TAGS``) are used as is.
"""

from __future__ import annotations

# --- article head -----------------------------------------------------------------------------
JSONLD = 'script[type="application/ld+json"]::text'
CANONICAL = 'link[rel="canonical"]::attr(href)'
OG_URL = 'meta[property="og:url"]::attr(content)'
OG_TITLE = 'meta[property="og:title"]::attr(content)'
OG_SITE_NAME = 'meta[property="og:site_name"]::attr(content)'
OG_TYPE = 'meta[property="og:type"]::attr(content)'
OG_IMAGE = 'meta[property="og:image"]::attr(content)'
META_DESCRIPTION = 'meta[name="description"]::attr(content)'
OG_DESCRIPTION = 'meta[property="og:description"]::attr(content)'
META_PUBLISHED = 'meta[property="article:published_time"]::attr(content)'
META_MODIFIED = 'meta[property="article:modified_time"]::attr(content)'
APP_ID = 'meta[property="android:app_id"]::attr(content)'  # 2026 numeric id [C1]
HTML_TITLE = "title::text"

# --- article body area (§1.1–§1.9) -----------------------------------------------------------
TITLE = ("h1#arttitle", "#article h1", "h1")  # [R1][C2–C4][F2]
LEAD = ("h4.hide", "h2.hide")  # [R1][F39]; h2.hide only in C1's synthetic fixture
TOPIC = ("#article h2.red a", "h2.red.f16 a", 'h4.red a[href*="/topic/"]')  # [R1][C2]
# The date box; never the header `li.fbo2.grey.ar`, which holds the crawl date [R1][R4].
DATE_BOX_TIME_ATTR = "div.grey.bdr3 time::attr(datetime), #article time::attr(datetime)"
# Any machine-readable <time> outside list items (2026 `<time datetime>` [C1]); lists hold
# other stories' times.
TIME_DATETIME_XPATH = "//time[@datetime][not(ancestor::li)]/@datetime"
DATE_BOX_TEXT = ("div.grey.bdr3.pb10.pt10", "div.mt10 time.grey", "#article time")
BODY = ("div.side-article.txt-article", "div.txt-article", "div.side-article")  # §1.6
AUTHOR_BOX = "#penulis"
EDITOR_LINKS = ("#editor a",)
EDITOR_BOX = "#editor"
TAGS = ("h5.tagcloud3 a", "h5.tagcload3 a", 'div[itemprop="keywords"] a', "a.rd2")  # §1.9
BREADCRUMB = "ul.breadcrumb li span[itemprop=name]::text"  # [R1]
IMAGE = ("div#artimg img.imgfull", "div.bsh.mb20 img.imgfull", "#artimg img")  # §1.7
IMAGE_ZOOM = "div#artimg a.icon_zoom::attr(href)"
IMAGE_CAPTION = ("div#artimg div.arial.f12.pt5.grey2", "#artimg .caption", "#artimg figcaption")
IMAGE_GLIGHTBOX = "div#artimg a.glightbox::attr(data-glightbox)"
DATA_CONTENT_ID = "[data-content-id]::attr(data-content-id)"

# --- multi-page (§3) --------------------------------------------------------------------------
TOTAL_PAGE = "span.total-page::text"  # 2025–2026 "Halaman 1/3" [C1][F5]
PAGER_LINKS = (
    "div.paging a::attr(href)",
    "div.page-number a::attr(href)",
    "div.mb20 > a.bgblue::attr(href)",
)
PAGER_REL = "div.paging a::attr(rel), div.page-number a::attr(rel)"

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
