"""The selectors of listing pages (section, index, tag lists), run as CSS by ``TribunListingPage``.

Sources are docs/site-structure.md sections and its evidence keys ([R1] = real 2020 solo
page, [C1] = 2026 adapter, [F*] = third-party scrapers). Each list is ordered by
reliability: first match wins. Article-page selectors (one table per template era, plus
per-site overrides) live in ``pages/article/selectors.py``.
"""

from __future__ import annotations

# --- listings (§4) ----------------------------------------------------------------------------
LIST_ITEMS = (
    "ul.lsi > li",  # index-news, tag pages [C1–C3][F3][F5][F8]
    # Before ``div.lsi``: the m. home page [R2] also has "POPULER" boxes in ``div.lsi`` lists.
    "ul#latestul > li",  # section/home latest, mobile [R2][R6][F35]
    "div.lsi ul > li",  # monthly archive [F4]
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
