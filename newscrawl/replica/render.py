"""HTML/XML rendering of the replica's pages: pure functions of the content model.

The only I/O is reading the real 2020 solo article page (R1, ``data/``) once; its head, header,
menus, ad scripts, comments block and right column are reused verbatim (re-hosted for the other
sites) so that pages have realistic size and noise. Which docs/site-structure.md section each piece
of markup follows:

* Article skeleton ``body#bodyart … div.bsh.mb20#va > ul.breadcrumb + div#article`` — §1.1 (R1).
* Header date ``li.fbo2.grey.ar[title]`` = the fixed crawl date, never the publish date — §1.4.
* Title ``h1#arttitle``, ``<title>``/``og:title`` "TITLE - Brand", page N " - Halaman N",
  ``?page=all`` " - Halaman all" — §1.2, §3. 2026 adds the F2 classes ``f32 ln40 fbo …``.
* Lead ``h4.hide`` = ``meta[name=description]`` — §1.3.
* Date box, per era — §1.4: 2020 ``div.grey.bdr3.pb10.pt10 > time`` "Jumat, 9 Oktober 2020
  13:52"; jateng (2023) "Tayang: Senin, 6 Oktober 2025 19:26 WIB" text; makassar (2025)
  ``<time><strong>Tayang:</strong> <span>… WITA</span></time>``; 2026 ``<strong>Tayang:</strong>
  <time datetime="2025-10-06T12:40+07:00">…</time>``.
* Byline, per era — §1.5: 2020 none at the top, ``div#editor`` "Editor: X" + "Sumber:" at the
  bottom; 2021–23 ``div.mt10 > div.f20.credit.mt10 > h6 > div#penulis a`` + ``div#editor a``;
  2025 ``div.credit > h5#penulis`` "Penulis: <b><a>X</a></b> <span>|</span> Editor: <b><a>Y</a></b>";
  2026 ``div#penulis`` "Penulis: <a href=/penulis/…>" and ``div#editor a``.
* Body container class per era — §1.6; paragraphs, ``h2``/``h3`` subheads, ``figure.image`` with
  ``figcaption``, inline ``/tag/`` links (2018 plain / later ``aria-label`` form) — §1.6.
* Main image ``div#artimg`` with zoom link, ``img.imgfull`` 700×393, credit and caption — §1.7.
* Breadcrumb ``ul.breadcrumb`` and topic ``h2.red.f16 > a[href=/topic/…]`` — §1.8.
* Tags ``h5.tagcload3.tagcloud3 > a.rd2[href=/tag/…?url=…]``, "Berita Terkait :" — §1.9.
* Meta tags (description, news_keywords, canonical, amphtml, OG, Twitter, RSS) — §1.10;
  2026 ``meta[property=android:app_id]`` and ``[data-content-id]`` — §1.10.
* JSON-LD: 2020 NewsArticle (author = editor when no writer) + WebPage — §1.11 (R1); 2023
  WebSite block first, NewsArticle second (locate by @type) + WebPage; 2026 one ``@graph`` with
  NewsArticle (author array, editor, articleSection, keywords array, isAccessibleForFree) and
  BreadcrumbList — §1.11.
* ``dataLayer`` — §1.12; ``var keywordBrandSafety = "…"`` (2023+, after the article) — §1.12.
* In-body boilerplate: dateline, "Laporan Wartawan" line, ``p.baca`` variants, 2018 "Baca:",
  ``div#div-Inside-MediumRectangle``, ``div.reserved_box_ads``, ``div.ads-placeholder``,
  ``ins``/``iframe``, "Ringkasan Berita" ``blockquote.summary-article``, "Artikel ini telah
  tayang di …" copy footer (R3 markup), end credits — §2.
* Pagers: 2020 ``div.mb20 > a.bgblue…`` + ``div.paging`` (R1); 2026 ``span.total-page`` +
  ``div.page-number a[rel=page-N]``; ``?page=all`` body with
  ``div.article-content-body__item-break-index`` markers and no pager — §3.
* After-body ``div.side-article.mb5``: pager, tags, editor/source, "Ikuti kami di", video
  widget; 2026 "Sesuai Minatmu" ``#widget_pilihanuntukmu_article`` — §1.1, §1.6, §2.
* Section/home lists ``ul#latestul > li.p1520.art-list.pos_rel`` (relative image href,
  ``div.mr140 > h3 > a``, ``time.foot.timeago[title]`` + "N hari lalu"), native-ad items and
  ``li.cindex`` — §4.1, §4.2, §4.6.
* Index ``div.bsh.ovh > div.p2030 > div.pt10.pb10 > ul.lsi > li.ptb15`` (``h4 a`` topic,
  ``h3.f16.fbo a``, ``time.grey``), ``select#sectionpil``/``#dayindex``…, total in
  ``div.pt10.pb10 b``, ``div#paginga div.paging a`` numbers + "Next" + "Last" — §4.4.
* Tag/topic pages ``ul.lsi > li.ptb15`` — §4.5. robots.txt, news sitemaps (www ``-news.xml``,
  regional ``_news.xml``, CDATA locs), RSS (www links all point to the homepage) — §7.
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from html import escape
from pathlib import Path
from urllib.parse import quote

from newscrawl.replica.content import (
    AD_HOST,
    ERA_2020,
    ERA_2023,
    ERA_2026,
    REPLICA_SITES,
    Ad,
    Article,
    Baca,
    Block,
    Boiler,
    CopyFooter,
    Decoy,
    Figure,
    Para,
    Recap,
    ReplicaSite,
    Reporter,
    Section,
    Seg,
    Spacer,
    Subhead,
    body_blocks,
    crawl_now,
    indo_date,
    iso,
    slugify,
    video_decoy,
)

R1_FILE = Path(__file__).with_name("data") / "solo-tribunnews-article-2020-10-09.html"
TRUNCATE_MARKER = "<!--replica:truncate-->"

_R1_URL = (
    "https://solo.tribunnews.com/2020/10/09/"
    "protokol-kesehatan-3m-adalah-vaksin-terbaik-cegah-covid-19-simak-penjelasan-dokter"
)
_R1_AMP = _R1_URL.replace(".com/", ".com/amp/", 1)
_R1_TITLE = "Protokol Kesehatan 3M adalah Vaksin Terbaik Cegah Covid-19, Simak Penjelasan Dokter"
_R1_DESC = (
    "Kondisi saat ini harus yang diwaspadai adalah Orang Tanpa Gejala (OTG) yang merasa "
    "sehat dan terus beraktifitas dengan mengabaikan protokol kesehatan."
)
_R1_IMG = "https://cdn-2.tstatic.net/solo/foto/bank/images/ilustrasi-masker-anak2.jpg"
_R1_KEYWORDS = (
    "Penanganan Covid, Penanganan Covid-19 di Indonesia, Eka Ginanjar, Vaksin Covid-19, "
    "Nasional, News"
)


def esc(text: str) -> str:
    return escape(text, quote=True)


def js_str(text: str) -> str:
    """Body of a single-quoted JS string."""
    return text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")


def json_text(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")


def _multi_replace(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    keys = sorted(mapping, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return pattern.sub(lambda m: mapping[m.group(0)], text)


# --------------------------------------------------------------------------------------------
# The real 2020 page, cut into reusable parts


@functools.cache
def _r1() -> dict[str, str]:
    t = R1_FILE.read_text(encoding="utf-8")

    def cut(start: str, end: str, *, include_end: bool = False) -> str:
        i = t.index(start)
        j = t.index(end, i)
        return t[i : j + (len(end) if include_end else 0)]

    parts = {
        "doc_open": t[: t.index("<title>")],
        "head_meta": cut("<title>", "<!--Prebid GPT Async-->"),
        "head_rest": cut("<!--Prebid GPT Async-->", "</head>"),
        "body_top": cut('<body id="bodyart">', '<div class="bsh mb20" id="va">'),
        "articleright": cut(
            '<div class="cl2 mr20 fl cright w160 mb20 " id="articleright">',
            '\t\t\t<div class="side-article txt-article">',
        ),
        "video": cut("<style>\n.p1510", '\t\t\t<div id="jxOutstreamContainer"'),
        "sharebox": cut(
            '<div class="fl mb10 mt20 share ml20" id="sharebox">',
            '\t\t<div class="cl2"></div>\n\t</div>\n</div>\n\t\t\t<!---Outbrain',
        ),
        "comments": cut(
            "\t\t\t<!---Outbrain Goes Here----->", '<div class="fr w300" id="boxright"'
        ),
        "right": t[t.index('<div class="fr w300" id="boxright"') :],
    }
    # The "berita POPULER" list is replaced by replica articles.
    right = parts["right"]
    i = right.index('<div class="mb20 populer">')
    ul_start = right.index("<ul>", i) + len("<ul>")
    ul_end = right.index("</ul>", ul_start)
    parts["right_before_popular"] = right[:ul_start]
    parts["right_after_popular"] = right[ul_end:]
    return parts


def _logo(rsite: ReplicaSite) -> str:
    return re.sub(r"[^a-z]", "", rsite.brand.lower().rsplit(".", 1)[0].split(".")[0])


@functools.cache
def _rehost_map(site_key: str) -> dict[str, str]:
    rsite = REPLICA_SITES[site_key]
    if site_key == "solo":
        return {}
    keep = 'href="https://solo.tribunnews.com" title="Solo"'  # the network menu's solo link
    mapping = {
        keep: keep,
        "solo.tribunnews.com": rsite.host,
        "Tribun Solo": rsite.name,
        "tribunsolo.svg": f"{_logo(rsite)}.svg",
        "tribunsolo.png": f"{_logo(rsite)}.png",
        "/TribunSolo/": f"/{rsite.gpt_unit}/",
        "facebook.com/tribunsolo": f"facebook.com/{rsite.social}",
        "instagram.com/tribunsolocom/": f"instagram.com/{rsite.social}/",
        "twitter.com/Tribun_Solo": f"twitter.com/{rsite.social}",
        "Tribun_Solo": rsite.social,
    }
    if rsite.era != ERA_2020:
        mapping.update(
            {
                "cdn-1.tstatic.net": "asset-1.tstatic.net",
                "cdn-2.tstatic.net": "asset-2.tstatic.net",
                "cdn-3.tstatic.net": "asset-3.tstatic.net",
                "theme15/style.1.8-20200921.min.css": "theme23/style.2.3-20250915.min.css",
                "&copy; 2020": "&copy; 2025",
            }
        )
    return mapping


def _rehosted(text: str, site_key: str) -> str:
    return _multi_replace(text, _rehost_map(site_key))


@functools.cache
def _part(name: str, site_key: str) -> str:
    """An R1 part re-hosted for ``site_key`` (menus replaced outside solo)."""
    text = _r1()[name]
    rsite = REPLICA_SITES[site_key]
    if name == "body_top" and site_key != "solo":
        i = text.index('<div class="main-menu" id="main-menu"')
        j = text.index('\t\t<div class="cl2"></div>\n\t\t<div class="content">')
        text = text[:i] + _main_menu(rsite) + text[j:]
    return _multi_replace(text, _rehost_map(site_key))


def _main_menu(rsite: ReplicaSite) -> str:
    items = "".join(
        f'\t\t\t\t<li class="nw ">\n\t\t\t\t\t\t\t\t<a href="{rsite.base_url}/{s.slug}"  '
        f'title="{esc(s.name)}">{esc(s.name)}</a>\n\t\t\t\t\t\t\t</li>\n'
        for s in rsite.top_sections()
    )
    return (
        '<div class="main-menu" id="main-menu" style="z-index:9;margin-top:0px">\n<div>\n<ul>\n'
        f'<li ><a href="{rsite.base_url}/" title="Home">Home</a></li>\n\n{items}'
        '<li><a href="#" title="images">Lainnya</a>\n\t<ul>\n'
        f'\t\t\t<li><a href="{rsite.base_url}/index-news" title="Indeks Berita">'
        "Indeks Berita</a></li>\n\t</ul>\n</li>\n</ul>\n</div>\n</div>\n"
    )


def _header_date(text: str, rsite: ReplicaSite) -> str:
    now = crawl_now(rsite)
    li = f'<li class="fbo2 grey ar" title="{iso(now)}">{indo_date(now, with_time=False)}</li>'
    return re.sub(r'<li class="fbo2 grey ar" title="[^"]*">[^<]*</li>', lambda _m: li, text)


def _body_top(rsite: ReplicaSite, page_url: str, *, article: bool) -> str:
    text = _header_date(_part("body_top", rsite.key), rsite)
    text = text.replace(f"logout/?ref={_rehosted(_R1_URL, rsite.key)}", f"logout/?ref={page_url}")
    if not article:
        text = text.replace('<body id="bodyart">', "<body>", 1)
    return text


# --------------------------------------------------------------------------------------------
# Small pieces


def zone_time(dt: datetime, rsite: ReplicaSite) -> str:
    """ "Senin, 6 Oktober 2025 19:26 WITA"."""
    return f"{indo_date(dt)} {rsite.zone_name}"


def relative_time(dt: datetime, rsite: ReplicaSite) -> str:
    """ "32 menit lalu " / "3 jam lalu " / "6 hari lalu " relative to the crawl time (§4.6)."""
    delta = crawl_now(rsite) - dt
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} menit lalu "
    if minutes < 24 * 60:
        return f"{minutes // 60} jam lalu "
    return f"{minutes // (24 * 60)} hari lalu "


def _tag_href(rsite: ReplicaSite, slug: str) -> str:
    return f"{rsite.base_url}/tag/{slug}"


def _seg_html(seg: Seg, rsite: ReplicaSite) -> str:
    if seg.kind == "dl":
        if seg.garble:  # variant 7: the space before the separator garbled
            # "Â" + NBSP is a UTF-8 NBSP read as Latin-1; "Ā" a stray character glued to it.
            pad = "\u00c2\u00a0" if seg.garble == "Â" else f" {seg.garble}"
            if seg.style == "--":
                return f"<strong>{esc(seg.text)}</strong>{pad}--"
            return f"<strong>{esc(seg.text)}{pad}{seg.style}</strong> "
        if seg.style == "--":
            return f"<strong>{esc(seg.text)}</strong> --"
        return f"<strong>{esc(seg.text)} {seg.style}</strong> "
    if seg.kind == "tag":
        href = _tag_href(rsite, seg.slug)
        if rsite.era == ERA_2020:
            return f'<a href="{href}">{esc(seg.text)}</a>'
        return f'<a aria-label="link" href="{href}" title="{esc(seg.text)}">{esc(seg.text)}</a>'
    if seg.kind == "em":
        return f"<em>{esc(seg.text)}</em>"
    text = escape(seg.text, quote=False)
    if seg.style == "nbsp":
        text = text.replace(" ", "&nbsp;", 2)
    return text


def _ad_html(ad: Ad, rsite: ReplicaSite) -> str:
    if ad.kind == "inside":
        return (
            "<div id='div-Inside-MediumRectangle' style='text-align:center;margin:auto'>"
            "<script type='text/javascript'>googletag.cmd.push(function() { "
            "googletag.display('div-Inside-MediumRectangle'); });</script></div>"
        )
    slot = f"div-Inside-MediumRectangle-{ad.n}"
    if ad.kind == "reserved":
        return (
            f'<div class="reserved_box_ads reserved_box_{ad.n + 1} pos_rel">'
            f"<div id='{slot}' style='text-align:center;margin:auto'>"
            "<script type='text/javascript'>googletag.cmd.push(function() { "
            f"googletag.display('{slot}'); }});</script></div></div>"
        )
    if ad.kind == "placeholder":
        return (
            f'<div class="ads-placeholder" data-ads-slot="inarticle-{ad.n}" '
            'style="min-height:250px"><div class="ads-label">Advertisement</div></div>'
        )
    if ad.kind == "ins":
        return (
            '<ins class="adsbygoogle" style="display:block; text-align:center;" '
            'data-ad-layout="in-article" data-ad-format="fluid" '
            f'data-ad-client="ca-pub-7486139053367666" data-ad-slot="18{ad.n}0392"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>"
        )
    return (
        '<div class="embed-video"><iframe loading="lazy" width="560" height="315" '
        f'src="https://www.youtube.com/embed/tRbN{ad.n}x{rsite.key}" title="YouTube video player" '
        'frameborder="0" allowfullscreen></iframe></div>'
    )


# Related-link markups of docs/variants.md (2 and 10); {t} title, {u} URL, both escaped.
_BACA_VARIANTS = {
    "mobile": '<p>Baca: <a href="{u}">{t}</a></p>',
    "plain": '<p><strong>Baca juga:</strong> <a href="{u}" title="{t}">{t}</a></p>',
    "selengkapnya": '<p>Selengkapnya : <a href="{u}">{t}</a></p>',
    "baca-selengkapnya": '<p><strong>Baca Selengkapnya &gt;&gt;&gt;</strong> <a href="{u}">{t}</a></p>',
    "bullet": '<p>&bull; <a href="{u}" title="{t}">{t}</a></p>',
    "bare": '<p><a href="{u}" title="{t}">{t}</a></p>',
    "bare-strong": '<p><strong><a href="{u}">{t}</a></strong></p>',
}


def block_html(block: Block, rsite: ReplicaSite) -> str:
    """One body block as the era's markup (§1.6, §2)."""
    if isinstance(block, Para):
        return "<p>" + "".join(_seg_html(s, rsite) for s in block.segs) + "</p>\n"
    if isinstance(block, Subhead):
        return f"<h{block.level}>{esc(block.text)}</h{block.level}>\n"
    if isinstance(block, Reporter):
        return f"<p><strong>Laporan Wartawan {esc(block.brand)}, {esc(block.name)}</strong></p>\n"
    if isinstance(block, Baca):
        t, u = esc(block.title), esc(block.url)
        if block.style == "2018":
            return f'<p><strong>Baca: <a href="{u}">{t}</a></strong></p>\n'
        if block.style == "2020":
            return (
                f'<p class="baca"><strong> &bull; <a title="{t}" href="{u}">{t}</a></strong></p>\n'
            )
        if block.style in _BACA_VARIANTS:
            return _BACA_VARIANTS[block.style].format(t=t, u=u) + "\n"
        return f'<p class="baca"><span class="more">Baca juga: </span><a href="{u}" title="{t}">{t}</a></p>\n'
    if isinstance(block, Ad):
        return _ad_html(block, rsite) + ("" if block.kind == "inside" else "\n")
    if isinstance(block, Figure):
        return (
            f'<figure class="image"><img src="{esc(block.src)}" alt="{esc(block.caption)}" '
            'width="250" height="250" loading="lazy" />\n'
            f"<figcaption>{esc(block.caption)}</figcaption>\n</figure>\n"
        )
    if isinstance(block, Spacer):
        return "<p >&nbsp;</p>\n"
    if isinstance(block, Recap):
        items = "".join(f"<li>{esc(i)}</li>" for i in block.items)
        return (
            '<blockquote class="summary-article"><p><strong>Ringkasan Berita:</strong></p>'
            f"<ul>{items}</ul></blockquote>\n"
        )
    if isinstance(block, Boiler):
        return block.html
    if isinstance(block, CopyFooter) and block.style == "berita":
        # The mobile wording, plain text inside the body, credit on one line after it.
        return (
            f"<p>Berita ini telah tayang di {esc(block.brand)} dengan judul {esc(block.title)}</p>\n"
            f"<p>Penulis: {esc(block.penulis or '')} | Editor: {esc(block.editor)}</p>\n"
        )
    if isinstance(block, CopyFooter) and block.style == "linked":
        return (
            f'<p>Artikel ini telah tayang di <a href="{esc(block.brand_url)}">{esc(block.brand)}</a>'
            f' dengan judul <a href="{esc(block.url)}">{esc(block.title)}</a><br />\n'
            f"Penulis: {esc(block.penulis or '')} | Editor: {esc(block.editor)}</p>\n"
        )
    if isinstance(block, CopyFooter):
        who = f"Penulis: {esc(block.penulis)}<br />\n" if block.penulis else "<br />\n"
        return (
            "<p><br />\n<br />\nArtikel ini telah tayang di "
            f'<a href="{esc(block.brand_url)}">{esc(block.brand)}</a> dengan judul '
            f'{esc(block.title)}, <a href="{esc(block.url)}">{esc(block.url)}</a>.<br />\n'
            f"{who}Editor: {esc(block.editor)}</p>\n\n<p>&nbsp;</p>\n"
        )
    raise TypeError(block)  # pragma: no cover


def _block_text(block: Block) -> str:
    """What ``innerText`` of the body gives for a block (for keywordBrandSafety)."""
    if isinstance(block, Para):
        return block.text
    if isinstance(block, Subhead):
        return block.text
    if isinstance(block, Reporter):
        return f"Laporan Wartawan {block.brand}, {block.name}"
    if isinstance(block, Baca):
        return ("Baca juga: " if block.style == "more" else "") + block.title
    if isinstance(block, Boiler):
        return block.text
    if isinstance(block, Figure):
        return block.caption
    if isinstance(block, Recap):
        return "Ringkasan Berita:\n" + "\n".join(block.items)
    if isinstance(block, CopyFooter):
        word = "Berita" if block.style == "berita" else "Artikel"
        return f"{word} ini telah tayang di {block.brand} dengan judul {block.title}, {block.url}."
    return ""


# --------------------------------------------------------------------------------------------
# Article pages


def _page_title(article: Article, page: int | str) -> str:
    suffix = article.rsite.title_suffix
    if page == "all" and article.page_count > 1:
        return f"{article.title} - Halaman all{suffix}"
    if isinstance(page, int) and page > 1:
        return f"{article.title} - Halaman {page}{suffix}"
    return f"{article.title}{suffix}"


def _keywords(article: Article) -> str:
    parts = []
    if article.topic:
        parts.append(article.topic.name)
    parts += [t.name for t in article.tags]
    parts += [s.name for s in reversed(article.section_path)]
    return ", ".join(dict.fromkeys(parts))


def _ld_author_names(article: Article) -> list[str]:
    # §1.5: with no writer, the CMS puts the editor in JSON-LD author (R1).
    return list(article.authors) or [article.editor]


def _datalayer(article: Article, *, date_renamed: bool) -> str:
    rs = article.rsite
    sec = article.section_path
    words = sum(len(b.text.split()) for p in article.pages for b in p if isinstance(b, Para))
    publish = (
        "" if date_renamed else f"\t  'publish_date': '{article.published:%Y-%m-%d %H:%M:%S}',\n"
    )
    topic = article.topic.name if article.topic else ""
    return (
        '<script type="text/javascript">\n\tdataLayer = [{\n'
        f"\t  'editor': '{js_str(article.editor)}',\n"
        f"\t  'penulis':'{js_str(', '.join(article.authors))}',\n"
        f"{publish}"
        f"\t  'domain': '{rs.key if rs.key != 'www' else 'tribunnews'}',\n"
        f"\t  'title': '{js_str(article.title)}',\n"
        f"\t  'section': '{sec[0].slug}',\n"
        f"\t  'source': '{js_str(article.source)}',\n"
        f"\t  'subcategory': '{sec[-1].slug if len(sec) > 1 else ''}',\n"
        f"\t  'content_category' : '{sec[0].slug}',\n"
        f"\t  'content_tag' :'{js_str(_keywords(article))}',\n"
        "      'content_type': 'standard',\n"
        f"\t  \t  'content_topic': '{js_str(topic)}',\n"
        f"\t   \t  'article_length':'{words}',\n"
        f"\t \t\t'idArticle':'{article.article_id}',\n"
        f"\t\t'month':'{article.published.month}',\n"
        f"\t  'year':'{article.published.year}',\n"
        "\t\t\t  'agent':'desktop',\n\t  \n }];\n</script>"
    )


def _ld_2020(article: Article, *, date_renamed: bool) -> str:
    rs = article.rsite
    pub = iso(article.published)
    mod = iso(article.modified)
    dates = (
        ""
        if date_renamed
        else f'        "datePublished": "{pub}",\n        "dateModified": "{mod}",\n'
    )
    wp_date = "" if date_renamed else f'\t  "datePublished": "{pub}",\n'
    author = _ld_author_names(article)[0]
    return (
        '<script type="application/ld+json">\n      {\n'
        '        "@context": "https://schema.org",\n        "@type": "NewsArticle",\n'
        f'\t    "headline": {json_text(article.title)},\n{dates}'
        f'\t\t"mainEntityOfPage":{{ "@type":"WebPage", "@id":{json_text(article.url)} }},\n'
        f'\t\t"description": {json_text(article.lead)},\n'
        '        "image": {\n          "@type": "ImageObject",\n'
        f'          "url":{json_text(article.image.url)},\n'
        '          "width": 700,\n          "height": 393\n        },\n'
        '        "author": {\n          "@type": "Person",\n'
        f'          "name": {json_text(author)}\n        }},\n'
        '        "publisher": {\n          "@type": "Organization",\n'
        f'          "name": {json_text(rs.name)},\n'
        '          "logo": {\n            "@type": "ImageObject",\n'
        f'            "url": "https://cdn-1.tstatic.net/img/logo/daerah/png3/{_logo(rs)}.png",\n'
        '\t\t\t"width": 240,\n       \t\t"height": 60\n          }\n        }\n      }\n'
        "  \t</script>\n"
        '\t<script type="application/ld+json">\n\t{\n'
        '\t  "@context": "https://schema.org",\n\t  "@type": "WebPage",\n'
        f'\t  "headline": {json_text(article.title)},\n'
        f'\t  "url": {json_text(article.url)},\n{wp_date}'
        f'\t  "image": {json_text(article.image.url)},\n'
        f'\t  "thumbnailUrl" : {json_text(article.image.thumb)}\n\t}}\n\t</script>'
    )


def _ld_2023(article: Article, *, date_renamed: bool) -> str:
    rs = article.rsite
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": f"{rs.base_url}/",
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{rs.base_url}/search?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
    news: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.url},
        "description": article.lead,
        "image": {"@type": "ImageObject", "url": article.image.url, "width": 700, "height": 393},
        "author": {"@type": "Person", "name": _ld_author_names(article)[0]},
        "publisher": {
            "@type": "Organization",
            "name": rs.name,
            "logo": {
                "@type": "ImageObject",
                "url": f"https://asset-1.tstatic.net/img/logo/daerah/png3/{_logo(rs)}.png",
                "width": 240,
                "height": 60,
            },
        },
    }
    if not date_renamed:
        news["datePublished"] = iso(article.published)
        news["dateModified"] = iso(article.modified)
    page: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "headline": article.title,
        "url": article.url,
        "image": article.image.url,
        "thumbnailUrl": article.image.thumb,
    }
    if not date_renamed:
        page["datePublished"] = iso(article.published)
    return "\n".join(
        '<script type="application/ld+json">\n'
        + json.dumps(b, ensure_ascii=False, indent=2).replace("</", "<\\/")
        + "\n</script>"
        for b in (website, news, page)
    )


def _ld_2026(article: Article, *, date_renamed: bool) -> str:
    rs = article.rsite
    crumbs = [("Home", f"{rs.base_url}/")] + [
        (s.name, f"{rs.base_url}/{s.path}") for s in article.section_path
    ]
    news: dict[str, object] = {
        "@type": "NewsArticle",
        "@id": f"{article.url}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.url},
        "headline": article.title,
        "description": article.lead,
        "image": {"@type": "ImageObject", "url": article.image.url, "width": 700, "height": 393},
        "author": [
            {"@type": "Person", "name": n, "url": f"{rs.base_url}/penulis/{slugify(n)}"}
            for n in _ld_author_names(article)
        ],
        "editor": {"@type": "Person", "name": article.editor},
        "publisher": {
            "@type": "Organization",
            "name": rs.brand,
            "logo": {
                "@type": "ImageObject",
                "url": f"https://asset-1.tstatic.net/img/logo/tribun/{_logo(rs)}.png",
            },
        },
        "articleSection": article.section.name,
        "keywords": [t.name for t in article.tags],
        "isAccessibleForFree": True,
        "inLanguage": "id-ID",
    }
    if not date_renamed:
        news["datePublished"] = iso(article.published)
        news["dateModified"] = iso(article.modified)
    breadcrumb = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i + 1, "name": n, "item": u}
            for i, (n, u) in enumerate(crumbs)
        ],
    }
    graph = {"@context": "https://schema.org", "@graph": [news, breadcrumb]}
    return f'<script type="application/ld+json">{json_text(graph)}</script>'


def _head_2020(article: Article, page: int | str, *, date_renamed: bool) -> str:
    rs = article.rsite
    head = _r1()["head_meta"]
    head = re.sub(
        r"<title>.*?</title>", lambda _m: f"<title>{esc(_page_title(article, page))}</title>", head
    )
    head = re.sub(
        r'<script type="text/javascript">\s*dataLayer = \[\{.*?\}\];\s*</script>',
        lambda _m: _datalayer(article, date_renamed=date_renamed),
        head,
        flags=re.DOTALL,
    )
    head = re.sub(
        r'<script type="application/ld\+json">.*?</script>\s*'
        r'<script type="application/ld\+json">.*?</script>',
        lambda _m: _ld_2020(article, date_renamed=date_renamed),
        head,
        flags=re.DOTALL,
    )
    og_title = f"{article.title}{rs.title_suffix}"
    head = _multi_replace(
        head,
        {
            _R1_AMP: article.amp_url,
            _R1_URL: article.url,
            f"{_R1_TITLE} - Tribun Solo": esc(og_title),
            _R1_DESC: esc(article.lead),
            _R1_IMG: article.image.url,
            _R1_KEYWORDS: esc(_keywords(article)),
        },
    )
    return _r1()["doc_open"] + head


def _head_rest(rsite: ReplicaSite, *, topic: str | None, section: str, page: str) -> str:
    text = _part("head_rest", rsite.key)
    if topic is None:
        text = text.replace(
            "\t\tgoogletag.pubads().setTargeting('topic',['Penanganan Covid']);\n", ""
        )
    else:
        text = text.replace("['Penanganan Covid']", f"['{js_str(topic)}']")
    text = text.replace(
        "setTargeting('section',['news'])", f"setTargeting('section',['{section}'])"
    )
    if page != "article":
        text = text.replace(f"/{rsite.gpt_unit}/Article'", f"/{rsite.gpt_unit}/{page}'")
        text = text.replace("['article']", f"['{page.lower()}']")
    return text


def _head_modern(
    rsite: ReplicaSite,
    *,
    title: str,
    description: str,
    canonical: str,
    og_title: str,
    og_type: str,
    image: str | None,
    extra_meta: str = "",
    scripts: str = "",
    keywords: str | None = None,
) -> str:
    """Head of a 2023/2026 page (and of every listing page)."""
    cdn = "cdn" if rsite.era == ERA_2020 else "asset"
    css = (
        "https://cdn-1.tstatic.net/css/theme15/style.1.8-20200921.min.css"
        if rsite.era == ERA_2020
        else "https://asset-1.tstatic.net/css/theme23/style.2.3-20250915.min.css"
    )
    img_meta = ""
    if image:
        img_meta = (
            f'<meta property="og:image" content="{esc(image)}" />\n'
            '<meta property="og:image:type" content="image/jpeg" />\n'
            '<meta property="og:image:width" content="700" />\n'
            '<meta property="og:image:height" content="393" />\n'
            f'<meta name="twitter:image" content="{esc(image)}"/>\n'
            f'<link rel="image_src" href="{esc(image)}" />\n'
        )
    kw = f'<meta name="news_keywords" content="{esc(keywords)}" />\n' if keywords else ""
    return (
        '<!DOCTYPE html>\n<html lang="id-ID" itemscope="itemscope" '
        'itemtype="https://schema.org/WebPage">\n<head>\n'
        f"<title>{esc(title)}</title>\n\n"
        '<link href="//securepubads.g.doubleclick.net" rel="dns-prefetch">\n'
        f'<link href="//{cdn}-1.tstatic.net" rel="dns-prefetch">\n'
        f'<link href="//{cdn}-2.tstatic.net" rel="dns-prefetch">\n'
        f'<link href="//{cdn}-3.tstatic.net" rel="dns-prefetch">\n'
        f'<link href="//{rsite.host}" rel="dns-prefetch">\n'
        f'<link rel="preload" href="{css}" as="style">\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="description" content="{esc(description)}" />\n{kw}'
        '<meta name="robots" content="index,follow, max-image-preview:large"/>\n'
        '<meta name="googlebot-news" content="index,follow"/>\n'
        '<meta name="googlebot" content="index,follow"/>\n'
        f'<link rel="canonical" href="{esc(canonical)}"/>\n{extra_meta}'
        '<meta property="fb:app_id" content="114488588566911" />\n'
        f'<meta property="og:site_name" content="{esc(rsite.name)}"/>\n'
        f'<meta property="og:type" content="{og_type}" />\n'
        f'<meta property="og:title" content="{esc(og_title)}"/>\n'
        f'<meta property="og:description" content="{esc(description)}"/>\n'
        f'<meta property="og:url" content="{esc(canonical)}"/>\n{img_meta}'
        '<meta name="twitter:card" content="summary_large_image"/>\n'
        f'<meta name="twitter:title" content="{esc(og_title)}" />\n'
        f'<meta name="twitter:description" content="{esc(description)}" />\n'
        f'<link rel="shortcut icon" href="https://{cdn}-1.tstatic.net/img/icon/tribun-icon_32.png" />\n'
        f'<link rel="alternate" type="application/rss+xml" title="{esc(rsite.name)}" '
        f'href="{rsite.base_url}/rss" />\n'
        f'<link rel="stylesheet" href="{css}" id="stylesheet"  type="text/css" />\n'
        '<link rel="stylesheet" href="//maxcdn.bootstrapcdn.com/font-awesome/4.5.0/css/'
        'font-awesome.min.css">\n'
        f'<script type="text/javascript" src="https://{cdn}-1.tstatic.net/js/jquery/'
        'jquery-1.8.3.min.js"></script>\n'
        f'<script type="text/javascript" src="https://{cdn}-1.tstatic.net/js/tribun/'
        'tribun.2.3-20250901.js" defer></script>\n'
        f"{scripts}\n"
        "<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push("
        "{'gtm.start':\nnew Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)"
        "[0],\nj=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n"
        "'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n"
        "})(window,document,'script','dataLayer','GTM-NNJ5M3B');</script>\n"
        "<!-- End Google Tag Manager -->\n"
    )


def _head_article_modern(article: Article, page: int | str, *, date_renamed: bool) -> str:
    rs = article.rsite
    extra = (
        f'<link rel="amphtml" href="{esc(article.amp_url)}" data-component-name="amp:html:link">\n'
    )
    if rs.era == ERA_2026:
        extra += f'<meta property="android:app_id" content="{article.article_id}" />\n'
        if rs.key == "www":
            m_url = article.url.replace("://www.", "://m.", 1)
            extra += (
                '<link rel="alternate" media="only screen and (max-width: 640px)" '
                f'href="{esc(m_url)}">\n'
            )
    ld = (
        _ld_2026(article, date_renamed=date_renamed)
        if rs.era == ERA_2026
        else _ld_2023(article, date_renamed=date_renamed)
    )
    scripts = _datalayer(article, date_renamed=date_renamed) + "\n" + ld
    return _head_modern(
        rs,
        title=_page_title(article, page),
        description=article.lead,
        canonical=article.url,
        og_title=f"{article.title}{rs.title_suffix}",
        og_type="article",
        image=article.image.url,
        extra_meta=extra,
        scripts=scripts,
        keywords=_keywords(article),
    )


def _breadcrumb(article: Article) -> str:
    rs = article.rsite
    crumbs = [("Home", f"{rs.base_url}/", "home")] + [
        (s.name, f"{rs.base_url}/{s.path}", f"{rs.base_url}/{s.path}") for s in article.section_path
    ]
    items = "".join(
        '\t\t<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">\n'
        f'\t\t\t<a itemtype="https://schema.org/Thing" itemprop="item" href="{u}" desc="{d}">\n'
        f'\t\t\t\t<span itemprop="name">{esc(n)}</span>\n'
        f'\t\t\t\t<meta itemprop="position" content="{i + 1}" />\n\t\t\t</a>\n\t\t</li>\n'
        for i, (n, u, d) in enumerate(crumbs)
    )
    return (
        '\t<ul class="breadcrumb" itemscope itemtype="http://schema.org/BreadcrumbList">\n'
        f"{items}\t\t\t</ul>\n"
    )


def _date_box(article: Article, *, date_renamed: bool) -> str:
    rs = article.rsite
    pub = article.published
    if date_renamed:
        # A "redesign": unknown class, no label, no <time>.
        return (
            f'<div class="article-meta"><span class="tgl-terbit">{zone_time(pub, rs)}</span></div>'
        )
    date_style = "2025" if "www-2025" in article.variants else rs.date_style
    if date_style == "2020":
        return f'<div class="grey bdr3 pb10 pt10"><time>{indo_date(pub)}</time></div>'
    if date_style == "2023":
        return f'<div class="grey bdr3 pb10 pt10">Tayang: {zone_time(pub, rs)}</div>'
    if date_style == "2025":
        return (
            '<div class="grey bdr3 pb10 pt10"><time><strong>Tayang:</strong> '
            f"<span>{zone_time(pub, rs)}</span></time></div>"
        )
    stamp = f"{pub:%Y-%m-%dT%H:%M}{pub.isoformat()[-6:]}"
    return (
        '<div class="grey bdr3 pb10 pt10"><strong>Tayang:</strong> '
        f'<time datetime="{stamp}">{zone_time(pub, rs)}</time></div>'
    )


def _person_link(rsite: ReplicaSite, kind: str, name: str, *, relative: bool = False) -> str:
    href = f"/{kind}/{slugify(name)}" if relative else f"{rsite.base_url}/{kind}/{slugify(name)}"
    return f'<a href="{href}" title="{esc(name)}">{esc(name)}</a>'


def _byline_variant(article: Article) -> str | None:
    """Bylines of docs/variants.md 4: one line without ids (regional desktop), or the labels
    and the names on lines of their own (2025 www)."""
    rs = article.rsite
    people = [_person_link(rs, "penulis", a) for a in article.authors]
    editor = _person_link(rs, "editor", article.editor)
    if "byline-oneline" in article.variants:
        return (
            f'<div class="grey2 f14 mt10">Penulis: {", ".join(people)} | Editor: {editor}</div>\n'
        )
    if {"byline-separate", "www-2025"} & set(article.variants):
        names = "".join(f'<div class="f14 fbo">{p}</div>' for p in people)
        return (
            f'<div class="credit mt10"><div class="f14 grey2">Penulis:</div>{names}'
            f'<div class="f14 grey2">Editor:</div><div class="f14 fbo">{editor}</div></div>\n'
        )
    return None


def _byline(article: Article) -> str:
    rs = article.rsite
    variant = _byline_variant(article)
    if variant is not None:
        return variant
    if rs.byline == "2020":
        return ""
    editor = article.editor
    if rs.byline == "2021":
        penulis = ""
        if article.authors:
            links = ", ".join(_person_link(rs, "penulis", a) for a in article.authors)
            penulis = f'<div id="penulis" class="dip">Penulis: {links}</div> <span>|</span> '
        return (
            '<div class="mt10"><div class="f20 credit mt10"><h6>'
            f'{penulis}<div id="editor" class="dip">Editor: '
            f"{_person_link(rs, 'editor', editor)}</div></h6></div></div>\n"
        )
    if rs.byline == "2025":
        ed = f"Editor: <b>{_person_link(rs, 'editor', editor)}</b>"
        if article.authors:
            links = ", ".join(f"<b>{_person_link(rs, 'penulis', a)}</b>" for a in article.authors)
            return f'<div class="credit"><h5 id="penulis">Penulis: {links} <span>|</span> {ed}</h5></div>\n'
        return f'<div class="credit"><h5 id="penulis">{ed}</h5></div>\n'
    links = ", ".join(_person_link(rs, "penulis", a, relative=True) for a in article.authors)
    penulis = f'<div id="penulis">Penulis: {links}</div>\n' if article.authors else ""
    return (
        f'<div class="credit mt10">{penulis}'
        f'<div id="editor">Editor: {_person_link(rs, "editor", editor, relative=True)}</div></div>\n'
    )


def _artimg(article: Article) -> str:
    img = article.image
    cap = esc(img.caption)
    return (
        '\t\t\t<div id="artimg">\n\t\t\t<div class="pb20 ovh"><div class="ovh imgfull_div"'
        'style="position:relative;"><a class="icon_zoom glightbox" '
        f'href="{esc(img.url)}" data-descPosition="bottom" class="glightbox" '
        f'data-glightbox="title:{cap};">\n\t\t\t\t\t\t\t\t\t<img src="https://cdn-1.tstatic.net/'
        'img/zoom-in.svg" width="16" height="16" alt="zoom-in"/><small>lihat foto</small>\n'
        f'\t\t\t\t\t\t\t\t</a><a href="{esc(img.url)}" data-descPosition="bottom" '
        f'class="glightbox" data-glightbox="title:{cap};"><img style="float:none;height:auto" '
        f"class=\"imgfull\" src=\"{esc(img.url)}\" width='700' height='393' "
        f'alt="{esc(article.title)}" /></a></div><div class="cl2"></div><div class="f11 white '
        'pa3 fr pos_rel ar" style="margin-top: -21px;background: rgba(0,0,0,.5);">'
        f'{esc(img.credit)}</div><div class="cl2"></div><div class="arial f12 pt5 grey2">'
        f"{cap}&nbsp;</div></div>\t\t\t</div>\n"
        "\t\t\t<div id='div-BelowImages' style='text-align: center;' class='mb20'>\n"
        "<script type='text/javascript'>\ngoogletag.cmd.push(function() { "
        "googletag.display('div-BelowImages'); });\n</script>\n</div>"
    )


def _pager_2020(article: Article, page: int) -> str:
    n = article.page_count
    links = []
    for i in range(1, n + 1):
        href = article.page_url(i)
        if i == page:
            links.append(
                f'<a href="{href}" id="pagecurrent" class="white bgblue" '
                'style="margin-left:1px!important;font-size:14px;box-shadow:none;'
                'border:1px solid rgba(0,0,0,.1)">'
                f"{i}</a>"
            )
        else:
            links.append(f'<a href="{href}" style="font-size:14px">{i}</a>')
    nxt = ""
    if page < n:
        nxt = (
            f'<div class="mb20"><a class="bgblue white ptb5 plr10 f18" '
            f'href="{article.page_url(page + 1)}">Halaman selanjutnya '
            '<i class="fa fa-arrow-right"></i></a></div>'
        )
    return (
        f"{nxt}<div class='paging mb20'><div class='pt10 pb5 plr10 ovh bggrey'>"
        "<div class='pr5 pt7 fbo2 grey2 fl f14'>Halaman</div>"
        f"{''.join(links)}<div class='cl2'></div></div></div>"
    )


def _pager_2026(article: Article, page: int) -> str:
    n = article.page_count
    links = []
    for i in range(1, n + 1):
        active = ' class="active"' if i == page else ""
        links.append(f'<a href="{article.page_url(i)}"{active} rel="page-{i}">{i}</a>')
    return (
        '<div class="paging"><div class="pt10 pb5 plr10 ovh bggrey">'
        f'<span class="total-page">Halaman {page}/{n}</span>'
        f'<div class="page-number">{"".join(links)}</div></div></div>'
    )


def _tags_block(article: Article) -> str:
    if not article.tags:
        return ""
    rs = article.rsite
    path = article.path.lstrip("/")
    tags = "".join(
        f"<h5 class='tagcload3 tagcloud3'><a class='rd2' href='{_tag_href(rs, t.slug)}?url={path}'"
        f" title='{esc(t.name)}'>{esc(t.name)}</a></h5>"
        for t in article.tags
    )
    if rs.era != ERA_2020:
        tags = f'<div itemprop="keywords">{tags}</div>'
    return (
        '\t<div class="mb10 f16 ln24 mb10 mt5" style="display:inline-block">\n'
        "\t\t<div class=\"fbo2 pr10 grey fl\">Tags <i class='fa fa-tags grey'></i></div>\n"
        f'\t\t{tags}\t\t<div class="cl2"></div>\t\n\t</div>\n'
    )


def _related(article: Article, site_articles: Sequence[Article], n: int) -> list[Article]:
    cands = [
        a
        for a in site_articles
        if a.url != article.url
        and a.published <= article.published
        and (
            (article.topic and a.topic == article.topic)
            or a.section_path[0] == article.section_path[0]
        )
    ]
    return sorted(cands, key=lambda a: a.published, reverse=True)[:n]


def _berita_terkait(article: Article, site_articles: Sequence[Article]) -> str:
    if not article.topic:
        return ""
    rs = article.rsite
    path = article.path.lstrip("/")
    rows = "".join(
        '\t\t\t\t<table style="width: 100%">\n\t\t\t\t  <tbody>\n\t\t\t\t    <tr >\n'
        '\t\t      \t\t\t\t\t\t\t\t<th class="bdr2" style="width: 80%;vertical-align: top; '
        'padding-top: 3px;">\n'
        f'\t\t\t\t\t\t\t<a href="{a.url}" title="{esc(a.title)}" class="fbo2 f15">\n'
        f"\t\t\t\t\t\t\t{esc(a.title)}\t\t\t\t\t\t\t\t\t\t\t\t\t\t</a>\n"
        "\t\t\t\t      \t</th>\n"
        '\t\t\t\t      \t<td class="bdr2" style="padding-bottom: 5px; width: 20%; '
        'padding-top: 3px;">\n'
        f'\t\t\t\t\t\t\t\t<img data-src="{a.image.medium}" class="pa5 shou bgwhite lozad" '
        f'height="80" width="125" alt="{a.image.url.rsplit("/", 1)[1]}"/>\n'
        "\t\t\t\t      \t</td> \n\t\t\t\t    </tr>\n\t\t\t\t  </tbody>\t\t\t  \n"
        "\t\t\t\t</table>\n"
        for a in _related(article, site_articles, 5)
    )
    return (
        '\t\t<div class="mb10"  >\n'
        "\t\t<div class=\"f18 fbo2 pb10\" ><span class='fbo2 pr5 grey f16'>Berita Terkait :"
        f"</span><span><a href='{rs.base_url}/topic/{article.topic.slug}/?url={path}' "
        f"class='red' title='{esc(article.topic.name)}'>#{esc(article.topic.name)}</a><span> "
        "</div>  \n"
        '\t\t<div class="mt5 bdr"></div>\n\t\t<div class="f14">\n\t\t\t<ul>\n'
        f"{rows}\t\t\t\t\t\t</ul>\n\t\t</div>\n\t</div>\n"
    )


def _source_link(article: Article) -> str:
    src = article.source
    href = "https://www.tribunnews.com"
    for rs in REPLICA_SITES.values():
        if rs.brand.lower() == src.lower() or rs.reporter_brand.lower() == src.lower():
            href = rs.base_url
    return f"<a href='{href}' target='_blank' title='{esc(src)}'>{esc(src)}</a>"


def _ikuti(rsite: ReplicaSite) -> str:
    return (
        '<div class="mb5 bor1 pt10 plr10 bggrey2">\n'
        '\t<span class="f800 mr10 f16 grey">Ikuti kami di</span>\n'
        '\t<div class="sosmed-artikel">\n'
        '\t\t<a class="socmed-li" target="_blank" href="https://news.google.com/publications/'
        'CAAqBwgKMNWPjgsw3O2gAw?hl=id&gl=ID&ceid=ID%3Aid" title="Google News">'
        '<i class="fa fa-google"></i></a>\n'
        f'\t\t<a class="socmed-li" target="_blank" href="https://www.facebook.com/{rsite.social}" '
        'title="Facebook"><i class="fa fa-facebook"></i></a>\n'
        f'\t\t<a class="socmed-li" target="_blank" href="https://instagram.com/{rsite.social}/" '
        'title="Instagram"><i class="fa fa-instagram"></i></a>\n'
        "\t</div>\n</div>"
    )


def _video_widget(rsite: ReplicaSite) -> str:
    text = _part("video", rsite.key)
    return re.sub(
        r"https://video\.tribunnews\.com/view/176415/[a-z0-9-]+",
        lambda _m: video_decoy(rsite.key),
        text,
    )


def _after_body(article: Article, page: int | str, site_articles: Sequence[Article]) -> str:
    rs = article.rsite
    pager = ""
    if isinstance(page, int) and article.page_count > 1:
        pager = _pager_2026(article, page) if rs.era == ERA_2026 else _pager_2020(article, page)
    parts = ['\t\t\t<div class="side-article mb5">\n\t\t\t', pager, _tags_block(article)]
    if rs.era == ERA_2020:
        parts.append(_berita_terkait(article, site_articles))
        parts.append(
            '\t<div class="f12 grey mb15" >\n\t\t\t\t<div id="editor">\n'
            f"\t\tEditor: {esc(article.editor)}\t\t</div>\n\t\t\t\t<div>\n"
            f"\t\tSumber: {_source_link(article)}\t\t</div>\n\t</div>\n"
        )
    else:
        parts.append(
            f'\t<div class="sources mb20"><h6><div>Sumber: {_source_link(article)}</div></h6></div>\n'
        )
        if rs.era == ERA_2023:
            parts.append(_berita_terkait(article, site_articles))
    parts.append(_ikuti(rs))
    parts.append(_video_widget(rs))
    parts.append('\t\t\t<div id="jxOutstreamContainer" style="text-align: center;"></div>\n')
    parts.append("\t\t\t</div>\n")
    if rs.era == ERA_2026:
        recs = _related(article, site_articles, 6)
        lis = "".join(
            f'<li class="p1520 art-list pos_rel"><h3><a href="{a.url}" title="{esc(a.title)}" '
            f'class="f16 fbo txt-oev-2">{esc(a.title)}</a></h3></li>'
            for a in recs
        )
        parts.append(
            '\t\t\t<div class="side-article mb5" id="widget_pilihanuntukmu_article">'
            '<h3 class="f20 fbo2 red">Sesuai Minatmu</h3>'
            f'<ul class="lsi">{lis}</ul></div>\n'
        )
    return "".join(parts)


def _body_html(article: Article, page: int | str) -> tuple[str, str]:
    """(body HTML, innerText-ish plain text) of the served page(s)."""
    rs = article.rsite
    html_parts: list[str] = []
    text_parts: list[str] = []
    if page == "all":
        pages = list(range(1, article.page_count + 1))
    else:
        assert isinstance(page, int)
        pages = [page]
    for p in pages:
        if page == "all" and p > 1:
            html_parts.append(
                f'<div class="article-content-body__item-break-index">{p} dari '
                f"{article.page_count} halaman</div><hr/>\n"
            )
        blocks = article.pages[p - 1]
        cut = article.truncate_after if p == 1 else None
        for bi, block in enumerate(blocks):
            if cut is not None and bi == cut:
                html_parts.append(TRUNCATE_MARKER)
            html_parts.append(block_html(block, rs))
            if cut is None or bi < cut:
                t = _block_text(block)
                if t:
                    text_parts.append(t)
    return "".join(html_parts), "\n\n".join(text_parts)


def _popular(rsite: ReplicaSite, site_articles: Sequence[Article]) -> str:
    newest = sorted(site_articles, key=lambda a: a.published, reverse=True)[:40]
    rng = random.Random(f"replica:{rsite.key}:popular")
    picks = rng.sample(newest, min(5, len(newest)))
    return "".join(
        "\t\t\t<li class='pb15 art-list pos_rel' >\n"
        '\t\t\t\t\t\t\t\t<div class="fr pos_rel">\n'
        f'\t\t\t\t\t<a href="{a.url}" title="{esc(a.title)}">\n'
        f'\t\t\t\t\t\t<img src="{a.image.thumb}" class="pa5 shou bgwhite" eight="69" '
        f'width="90" alt="{a.image.url.rsplit("/", 1)[1]}" />\n'
        "\t\t\t\t\t\t\t\t\t\t\t</a>\n\t\t\t\t</div>\n"
        '\t\t\t\t\t\t\t\t<div class="mt5 mr110">\n\t\t\t\t\t<h3>\n'
        f'\t\t\t\t\t\t<a href="{a.url}" title="{esc(a.title)}" class="fbo2 f15 txt-oev-3">\n'
        f"\t\t\t\t\t\t\t{esc(a.title)} \t\t\t\t\t\t</a>\n\t\t\t\t\t</h3>\n"
        '\t\t\t\t\t<div class="grey pt5">\n'
        '\t\t\t\t\t\t&nbsp;<span class="fa fa-clock-o mr5"></span>\t\n'
        f'\t\t\t\t\t\t<time class="grey foot timeago" title="{a.published:%Y-%m-%d %H:%M:%S}">'
        f"{relative_time(a.published, rsite)}</time>\n\t\t\t\t\t</div>\n\t\t\t\t</div>\n"
        f'\t\t\t\t<div class="sharecot pos_abs nw" data-href="{a.url}/" '
        f'data-title="{esc(a.title)}" data-via="{rsite.social}"></div>\n'
        '\t\t\t\t<div class="cl2"></div>\n\t\t\t</li>\n'
        for a in picks
    )


def _right_column(rsite: ReplicaSite, site_articles: Sequence[Article]) -> str:
    before = _multi_replace(_r1()["right_before_popular"], _rehost_map(rsite.key))
    after = _multi_replace(_r1()["right_after_popular"], _rehost_map(rsite.key))
    return before + "\n" + _popular(rsite, site_articles) + "\t\t" + after


def _comments(rsite: ReplicaSite, url: str) -> str:
    return _part("comments", rsite.key).replace(_rehosted(_R1_URL, rsite.key), url)


def _sharebox(article: Article) -> str:
    rs = article.rsite
    return _multi_replace(
        _part("sharebox", rs.key),
        {
            _rehosted(_R1_URL, rs.key): article.url,
            _rehosted(_R1_IMG, rs.key): article.image.url,
            quote(_R1_TITLE, safe=",-"): quote(article.title, safe=",-"),
            _R1_TITLE: esc(article.title),
            _R1_DESC: esc(article.lead),
        },
    )


def _sponsor_banner(article: Article) -> str:
    """A regional campaign banner above the title (docs/variants.md 8): never title or body."""
    if "sponsor-banner" not in article.variants:
        return ""
    rs = article.rsite
    region = {"makassar": "Sulsel", "papua": "Papua", "jateng": "Jateng", "solo": "Solo"}.get(
        rs.key, "Indonesia"
    )
    text = f"{region} Hebat"
    img = f"https://asset-1.tstatic.net/{rs.image_folder}/img/banner/{slugify(text)}.jpg"
    if rs.key == "papua":  # the banner's words in a heading of their own
        return (
            f'\t\t<div class="banner-kampanye ac mb10"><a href="{rs.base_url}/tag/{slugify(text)}">'
            f'<img src="{img}" alt="{esc(text)}" width="677" height="90"/></a>'
            f'<h1 class="f20 fbo2 red ac">{esc(text)}</h1></div>\n'
        )
    return (
        f'\t\t<div class="banner-kampanye ac mb10"><a href="{rs.base_url}/tag/{slugify(text)}">'
        f'<img src="{img}" alt="{esc(text)}" width="677" height="90"/></a>'
        f'<div class="f20 fbo2 red">{esc(text)}</div></div>\n'
    )


def _repeated_header(article: Article) -> str:
    """Page N of a regional desktop story repeating the head of the story inside the body:
    section label, title, lead, byline, photo credit and caption (docs/variants.md 5)."""
    label = article.topic.name if article.topic else article.section.name
    lines = [
        label,
        article.title,
        article.lead,
        (
            f"Penulis: {', '.join(article.authors)} | Editor: {article.editor}"
            if article.authors
            else f"Editor: {article.editor}"
        ),
        article.image.credit.upper(),
        article.image.caption,
    ]
    return "".join(f"<p>{esc(line)}</p>\n" for line in lines)


def article_page(
    article: Article,
    page: int | str,
    site_articles: Sequence[Article],
    *,
    date_renamed: bool = False,
) -> str:
    """The article page ``page`` (1-based int or "all") in the site's era template."""
    rs = article.rsite
    page_url = article.page_url(page)
    if rs.era == ERA_2020:
        head = _head_2020(article, page, date_renamed=date_renamed)
    else:
        head = _head_article_modern(article, page, date_renamed=date_renamed)
    topic = article.topic.name if article.topic else None
    head += _head_rest(rs, topic=topic, section=article.top_section.slug, page="article")
    body_html, body_text = _body_html(article, page)
    if "header-repeat" in article.variants and isinstance(page, int) and page > 1:
        body_html = _repeated_header(article) + body_html

    topic_h2 = ""
    if article.topic:
        topic_h2 = (
            '\t\t\t\t<h2 class="red f16">\n'
            f'\t\t\t<a href="{rs.base_url}/topic/{article.topic.slug}" '
            f'title="{esc(article.topic.name)}">{esc(article.topic.name)}</a>\n\t\t</h2>\n'
        )
    if rs.era == ERA_2026:
        h1 = (
            '\t\t\t\t<h1 class="f32 ln40 fbo txt-black display-block mt10" id="arttitle">'
            f"{esc(article.title)}</h1>\n"
        )
    else:
        h1 = (
            '\t\t\t\t<h1 class="f50 black2 f400 crimson" style="line-height:110%" id="arttitle">'
            f"{esc(article.title)}</h1>\n"
        )
    lead = f'\t\t<h4 class="hide">{esc(article.lead)}</h4>\n'
    date_box = "\t\t" + _date_box(article, date_renamed=date_renamed) + "\n"
    byline = _byline(article)
    if rs.era == ERA_2026:
        share = (
            f'\t\t<div class="share-article mt10" data-content-id="{article.article_id}" '
            f'data-url="{article.url}"></div>\n'
        )
        meta_block = byline + date_box + share
    else:
        meta_block = date_box + byline

    article_block = (
        '<div class="bsh mb20" id="va">\n'
        + _breadcrumb(article)
        + '\t<div class="pos_rel" id="article" >\n\t\t\n\n\n'
        + _sponsor_banner(article)
        + topic_h2
        + h1
        + lead
        + meta_block
        + '\t\t\t\t<div id="article_con" class="fl pt20 pos_rel">\n'
        + _artimg(article)
        + "\t\t\t"
        + _part("articleright", rs.key)
        + f'\t\t\t<div class="{rs.body_class}">\n\t\t\t'
        + body_html
        + "\t\t\t</div>\n"
        + _after_body(article, page, site_articles)
        + '\t\t\t<div id="fixsharebottom"></div>\n\t\t\t<div class="cl2"></div>\n\t\t</div>\n\t\t'
        + _sharebox(article)
        + '\t\t<div class="cl2"></div>\n\t</div>\n</div>\n'
    )
    brand_safety = ""
    if rs.era != ERA_2020:
        brand_safety = (
            f'<script type="text/javascript">var keywordBrandSafety = {json_text(body_text)};'
            "</script>\n"
        )
    html = (
        head
        + "</head>\n"
        + _body_top(rs, page_url, article=True)
        + article_block
        + brand_safety
        + _comments(rs, article.url)
        + _right_column(rs, site_articles)
    )
    if article.truncate_after is not None and page in (1, "all"):
        # A malformed page: the response stops in the middle of an ad div (§ fault list).
        html = html[: html.index(TRUNCATE_MARKER)] + (
            "<div id='div-Inside-MediumRectangle' style='text-al"
        )
    return html


# --------------------------------------------------------------------------------------------
# Listing pages


def _listing_shell(
    rsite: ReplicaSite,
    *,
    title: str,
    description: str,
    canonical: str,
    content: str,
    site_articles: Sequence[Article],
    page_kind: str,
    refresh: bool = False,
    section: str = "index",
) -> str:
    datalayer = (
        "<script>\n\tdataLayer = [{\n"
        f"\t  'domain': '{rsite.key if rsite.key != 'www' else 'tribunnews'}',\n"
        f"\t  'content_type': '{page_kind.lower()}',\n\t  'agent':'desktop',\n }}];\n</script>\n"
    )
    website = {
        "@context": "http://schema.org",
        "@type": "WebSite",
        "url": f"{rsite.base_url}/",
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{rsite.base_url}/search?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
    scripts = (
        datalayer
        + '<script type="application/ld+json">\n'
        + json.dumps(website, indent=2)
        + "\n</script>\n"
    )
    extra = '<meta http-equiv="Refresh" content="900" />\n' if refresh else ""
    head = _head_modern(
        rsite,
        title=title,
        description=description,
        canonical=canonical,
        og_title=title,
        og_type="website",
        image=None,
        extra_meta=extra,
        scripts=scripts,
    )
    head += _head_rest(rsite, topic=None, section=section, page=page_kind)
    return (
        head
        + "</head>\n"
        + _body_top(rsite, canonical, article=False)
        + content
        + "\t</div>\n\t"
        + _right_column(rsite, site_articles)
    )


def _index_li(rsite: ReplicaSite, a: Article, href: str) -> str:
    topic = ""
    if a.topic:
        topic = (
            f'<h4 class="f14 ln20 red fbo2"><a href="{rsite.base_url}/topic/{a.topic.slug}" '
            f'title="{esc(a.topic.name)}">{esc(a.topic.name)}</a></h4>'
        )
    return (
        '\t\t\t<li class="ptb15">\n'
        f'\t\t\t\t<div class="fr mt5 pos_rel"><a href="{esc(href)}" title="{esc(a.title)}">'
        f'<img src="{a.image.thumb}" class="shou2 bgwhite" width="120" height="90" '
        f'alt="{esc(a.title)}"/></a></div>\n'
        f'\t\t\t\t<div class="mr140">{topic}\n'
        f'\t\t\t\t\t<h3 class="f16 fbo"><a href="{esc(href)}" title="{esc(a.title)}" '
        f'class="f16 fbo">{esc(a.title)}</a></h3>\n'
        f'\t\t\t\t\t<div class="grey pt5"><time class="grey">{zone_time(a.published, rsite)}'
        "</time></div>\n\t\t\t\t</div>\n\t\t\t</li>\n"
    )


def _decoy_li(rsite: ReplicaSite, d: Decoy, when: datetime) -> str:
    if d.kind == "ad":
        return (
            '\t\t\t<li class="reserved_box_ads reserved_box_5 pos_rel ptb15 nativeads">\n'
            "\t\t\t\t<div id='div-NativeAds-Index-1'>"
            f'<a href="{esc(d.url)}" target="_blank" rel="nofollow sponsored">'
            f'<img src="https://tpc.googlesyndication.com/simgad/1029{when:%d}" width="120" '
            f'height="90" alt="ads"/><h3 class="f16 fbo">{esc(d.title)}</h3></a>'
            "<script type='text/javascript'>googletag.cmd.push(function() { "
            "googletag.display('div-NativeAds-Index-1'); });</script></div>\n\t\t\t</li>\n"
        )
    h4 = ""
    if d.kind == "video":
        h4 = (
            '<h4 class="f14 ln20 red fbo2"><a href="https://video.tribunnews.com/" '
            'title="Video">Video</a></h4>'
        )
    return (
        '\t\t\t<li class="ptb15">\n'
        f'\t\t\t\t<div class="mr140">{h4}\n'
        f'\t\t\t\t\t<h3 class="f16 fbo"><a href="{esc(d.url)}" title="{esc(d.title)}" '
        f'class="f16 fbo">{esc(d.title)}</a></h3>\n'
        f'\t\t\t\t\t<div class="grey pt5"><time class="grey">{zone_time(when, rsite)}</time>'
        "</div>\n\t\t\t\t</div>\n\t\t\t</li>\n"
    )


def _selects(rsite: ReplicaSite, day: date, section: str | None) -> str:
    out = []
    if rsite.key == "www":
        opts = ['<option value="all">Semua Kanal</option>']
        for s in rsite.top_sections():
            sel = " selected" if s.slug == section else ""
            opts.append(f'<option value="{s.slug}"{sel}>{esc(s.name)}</option>')
        opts.append('<option value="premium">Premium</option>')
        out.append(f'<select id="sectionpil" name="section">{"".join(opts)}</select>')
    days = "".join(
        f'<option value="{i}"{" selected" if i == day.day else ""}>{i}</option>'
        for i in range(1, 32)
    )
    months = "".join(
        f'<option value="{i}"{" selected" if i == day.month else ""}>{i:02d}</option>'
        for i in range(1, 13)
    )
    years = "".join(
        f'<option value="{y}"{" selected" if y == day.year else ""}>{y}</option>'
        for y in range(2012, 2026)
    )
    out.append(f'<select id="dayindex" name="day">{days}</select>')
    out.append(f'<select id="monthindex" name="month">{months}</select>')
    out.append(f'<select id="yearindex" name="year">{years}</select>')
    return "".join(out)


def index_page(
    rsite: ReplicaSite,
    day: date,
    page: int,
    n_pages: int,
    section: Section | None,
    rows: Sequence[tuple[Article, str] | Decoy],
    total: int,
    site_articles: Sequence[Article],
) -> str:
    """One page of "Indeks berita" (§4.4). ``rows`` is already this page's slice."""
    base = f"{rsite.base_url}/index-news" + (f"/{section.slug}" if section else "")
    items = []
    # A decoy shows the time of the item above it, so the list stays newest-first.
    when = datetime.combine(day, datetime.min.time(), tzinfo=rsite.tz).replace(hour=23, minute=59)
    for row in rows:
        if isinstance(row, Decoy):
            items.append(_decoy_li(rsite, row, when))
        else:
            items.append(_index_li(rsite, row[0], row[1]))
            when = row[0].published
    if not items:
        items.append('\t\t\t<li class="ptb15 grey">Tidak ada berita pada tanggal ini.</li>\n')
    links = []
    if total:
        for i in range(1, n_pages + 1):
            active = ' class="active"' if i == page else ""
            links.append(f'<a href="{base}?date={day}&amp;page={i}"{active}>{i}</a>')
        if page < n_pages:
            links.append(f'<a href="{base}?date={day}&amp;page={page + 1}">Next</a>')
        if n_pages > 1:
            links.append(f'<a href="{base}?date={day}&amp;page={n_pages}">Last &raquo;</a>')
    heading = f"Indeks Berita {esc(section.name)}" if section else "Indeks Berita"
    content = (
        '<div class="bsh ovh">\n\t<div class="p2030">\n'
        f'\t\t<h1 class="f24 fbo2 pb10 blue2">{heading}</h1>\n'
        f'\t\t<div class="pb10"><form method="get" action="{base}" id="formindex">'
        f"{_selects(rsite, day, section.slug if section else None)}"
        '<button type="submit" class="button2">Lihat</button></form></div>\n'
        f'\t\t<div class="pt10 pb10 f14 grey2">Total <b>{total}</b> berita, '
        f"{indo_date(day, with_time=False)}</div>\n"
        '\t\t<div class="pt10 pb10">\n\t\t\t<ul class="lsi">\n'
        + "".join(items)
        + "\t\t\t</ul>\n\t\t</div>\n"
        f'\t\t<div id="paginga"><div class="paging">{"".join(links)}</div></div>\n'
        "\t</div>\n</div>\n"
    )
    title = f"{heading} {indo_date(day, with_time=False)}{rsite.title_suffix}"
    return _listing_shell(
        rsite,
        title=title,
        description=f"Indeks berita terkini {rsite.name} tanggal {day}",
        canonical=f"{base}?date={day}",
        content=content,
        site_articles=site_articles,
        page_kind="Index",
    )


def _latest_li(rsite: ReplicaSite, a: Article, sort: int, *, relative_img: bool) -> str:
    img_href = a.path.lstrip("/") if relative_img else a.url
    topic = ""
    if a.topic:
        topic = (
            f'<h4 class="fbo2 f14 red"><a href="{rsite.base_url}/topic/{a.topic.slug}" '
            f'title="{esc(a.topic.name)}">{esc(a.topic.name)}</a></h4>\n'
        )
    sec = a.section_path[0]
    return (
        f'<li class="p1520 art-list pos_rel" data-sort="{sort}">\n'
        f'   <div class="fr mt5 pos_rel"><a href="{img_href}" title="{esc(a.title)}">'
        f'<img src="{a.image.thumb}" class="shou2 bgwhite" height="90" width="120" '
        f'alt="{esc(a.title)}"/></a></div>\n'
        f"   <div class='mr140'>\n     {topic}"
        f'     <h3><a href="{a.url}" title="{esc(a.title)}" class="f20 ln24 fbo txt-oev-2">'
        f"{esc(a.title)} </a></h3>\n"
        f'     <div class="grey2 pt5 f13 ln18 txt-oev-2">{esc(a.lead)}</div>\n'
        f'     <div class="pt5 grey"><span><a href="{rsite.base_url}/{sec.slug}" '
        f'title="{esc(sec.name)}" class="fbo2 tsa-2">{esc(sec.name)}</a></span>\n'
        '       <span class="fa fa-clock-o mr5 ml7"></span><time class="foot timeago" '
        f'title="{a.published:%Y-%m-%d %H:%M:%S}">{relative_time(a.published, rsite)}</time></div>\n'
        f'     <div class="sharecot pos_abs nw" data-href="{a.url}" data-title="{esc(a.title)}" '
        f'data-via="{rsite.social}"></div>\n'
        '   </div><div class="cl2"></div></li>\n'
    )


def _cindex_li(rsite: ReplicaSite, a: Article) -> str:
    return (
        '<li class="cindex">\n\t<div class="pa15" style="min-height:90px">\n'
        f'\t\t<div class="fr btsquare pos_rel"><a href="{a.url}" title="{esc(a.title)}">'
        f'<img data-src="{a.image.thumb}" height="100" width="130" alt="{esc(a.title)}" '
        'class="lozad"/></a></div>\n'
        f'\t\t<div class="m-btsquare"><h3><a href="{a.url}" title="{esc(a.title)}" '
        f'class="fbo2 f16 ln22 txt-oev-3">{esc(a.title)} </a></h3>\n'
        f'\t\t<div class="grey pt5 dip"><time class="foot">{relative_time(a.published, rsite)}'
        '</time></div></div>\n\t</div>\n\t<div class="cl2"></div>\n</li>\n'
    )


def _native_li(n: int) -> str:
    return (
        f'<li class="reserved_box_ads reserved_box_{n + 4} pos_rel p1520 nativeads">\n'
        f"\t<div id='div-NativeAds-Latest-{n}'>\n\t\t<script type='text/javascript'>\n"
        "\t\tgoogletag.cmd.push(function() { "
        f"googletag.display('div-NativeAds-Latest-{n}'); }});\n\t\t</script>\n\t</div>\n</li>\n"
    )


def latest_list(rsite: ReplicaSite, articles: Sequence[Article], *, relative_img: bool) -> str:
    """``ul#latestul`` with art-list items, native ads and ``li.cindex`` items (§4.1)."""
    out = [_native_li(1)]
    for i, a in enumerate(articles, start=1):
        if i in (5, 12):
            out.append(_cindex_li(rsite, a))
        else:
            out.append(_latest_li(rsite, a, i, relative_img=relative_img))
        if i in (4, 10):
            out.append(_native_li(2 if i == 4 else 3))
    return (
        '<div class="bsh ovh"><div class="lsi"><ul id="latestul">\n' + "".join(out) + "</ul>"
        "</div></div>\n"
    )


def section_page(
    rsite: ReplicaSite,
    section: Section,
    articles: Sequence[Article],
    site_articles: Sequence[Article],
) -> str:
    """``/{section}``: the latest list; ``?page=N`` is ignored (§4.3)."""
    content = (
        f'<div class="p2030"><h1 class="f24 fbo2 blue2">{esc(section.name)}</h1></div>\n'
        + latest_list(rsite, articles, relative_img=False)
    )
    url = f"{rsite.base_url}/{section.path}"
    return _listing_shell(
        rsite,
        title=f"Berita {section.name} Terbaru Hari Ini{rsite.title_suffix}",
        description=f"Berita {section.name} terbaru dan terkini hari ini dari {rsite.name}",
        canonical=url,
        content=content,
        site_articles=site_articles,
        page_kind="Section",
        section=section.slug,
    )


def home_page(rsite: ReplicaSite, articles: Sequence[Article]) -> str:
    head = articles[0] if articles else None
    headline = ""
    if head:
        headline = (
            '<div class="hl pos_rel mb20"><a href="'
            f'{head.url}" title="{esc(head.title)}"><img src="{head.image.url}" width="677" '
            f'height="380" alt="{esc(head.title)}"/></a><h2 class="f24 fbo2 pa15">'
            f'<a href="{head.url}">{esc(head.title)}</a></h2></div>\n'
        )
    content = (
        headline + '<div class="f22 tsa2 tap pa20 bsht f300 bgwhite"><h2 class="f300 f24 ">'
        '<span class="blue2">BERITA</span> <span class="red">TERKINI</span></h2></div>\n'
        + latest_list(rsite, articles[:30], relative_img=True)
    )
    return _listing_shell(
        rsite,
        title=f"{rsite.brand} - Berita Terkini {rsite.name}",
        description=f"Berita terkini dan terbaru hari ini dari {rsite.name}",
        canonical=f"{rsite.base_url}/",
        content=content,
        site_articles=articles,
        page_kind="Home",
        refresh=True,
        section="home",
    )


def label_page(
    rsite: ReplicaSite,
    kind: str,
    name: str,
    slug: str,
    articles: Sequence[Article],
    site_articles: Sequence[Article],
) -> str:
    """``/tag/{slug}`` or ``/topic/{slug}``: ``ul.lsi > li.ptb15`` (§4.5)."""
    items = "".join(_index_li(rsite, a, a.url) for a in articles[:20])
    word = "Tag" if kind == "tag" else "Topik"
    content = (
        '<div class="bsh ovh">\n\t<div class="p2030">\n'
        f'\t\t<h1 class="f24 fbo2 pb10 blue2">{word}: {esc(name)}</h1>\n'
        f'\t\t<div class="pt10 pb10">\n\t\t\t<ul class="lsi">\n{items}\t\t\t</ul>\n\t\t</div>\n'
        "\t</div>\n</div>\n"
    )
    return _listing_shell(
        rsite,
        title=f"Berita {name} Terbaru Hari Ini{rsite.title_suffix}",
        description=f"Kumpulan berita {name} terbaru dari {rsite.name}",
        canonical=f"{rsite.base_url}/{kind}/{slug}",
        content=content,
        site_articles=site_articles,
        page_kind=word,
    )


def decoy_page(rsite: ReplicaSite, kind: str, url: str, title: str) -> str:
    """A 200 non-article page: a video (``/video/…``, ``video.…/view/…``) or photo gallery."""
    if kind == "video":
        ld = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": title,
            "description": f"{title}. Simak videonya.",
            "thumbnailUrl": "https://img.youtube.com/vi/tRbN1x/mqdefault.jpg",
            "uploadDate": iso(crawl_now(rsite)),
        }
        body = (
            f'<div class="video-detail p2030"><h1 class="f32 fbo">{esc(title)}</h1>'
            '<div class="video-frame"><iframe width="640" height="360" '
            'src="https://www.youtube.com/embed/tRbN1x" allowfullscreen></iframe></div>'
            f'<div class="video-desc grey2 f14">{esc(title)}. Simak videonya.</div></div>\n'
        )
        og = "video.other"
    else:
        ld = {"@context": "https://schema.org", "@type": "ImageGallery", "name": title}
        figs = "".join(
            f'<figure class="gallery-item"><img src="https://asset-2.tstatic.net/{rsite.image_folder}'
            f'/foto/bank/images/galeri-{i}.jpg" width="700" height="393" alt="foto {i}"/>'
            f"<figcaption>Foto {i} dari 6</figcaption></figure>"
            for i in range(1, 7)
        )
        body = (
            f'<div class="gallery p2030"><h1 class="f32 fbo">{esc(title)}</h1>'
            f'<div class="gallery-list">{figs}</div></div>\n'
        )
        og = "website"
    head = _head_modern(
        rsite,
        title=f"{title}{rsite.title_suffix}",
        description=title,
        canonical=url,
        og_title=title,
        og_type=og,
        image=None,
        scripts=f'<script type="application/ld+json">{json_text(ld)}</script>',
    )
    return (
        head
        + "</head>\n"
        + _body_top(rsite, url, article=False)
        + body
        + "\t</div>\n\t"
        + _right_column(rsite, [])
    )


def not_found_page(host: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id-ID"><head><meta charset="utf-8">'
        "<title>404 Halaman Tidak Ditemukan - Tribunnews.com</title></head>\n"
        '<body><div class="p2030 ac"><h1 class="f50">404</h1>'
        "<p>Maaf, halaman yang Anda cari tidak ditemukan.</p>"
        f'<p><a href="https://{esc(host)}/">Kembali ke beranda</a></p></div></body></html>\n'
    )


def error_page(status: int) -> str:
    return (
        f"<!DOCTYPE html>\n<html><head><title>{status} Error</title></head>"
        f"<body><h1>{status}</h1><p>The server encountered a temporary error.</p>"
        "</body></html>\n"
    )


# --------------------------------------------------------------------------------------------
# robots.txt, sitemaps, RSS (§7)

DISALLOW = (
    "/api/",
    "/posts/",
    "/ajax/",
    "/json/",
    "/auth/",
    "/member/",
    "/komentar/",
    "/search",
    "/tag/",
    "/topic/",
)


def robots_txt(host: str) -> str:
    lines = []
    if host.startswith("papua."):
        lines.append(
            "# Konten situs ini hanya untuk penggunaan pribadi/non-komersial "
            "(personal/non-commercial use only)."
        )
    lines += ["User-agent: Googlebot", "Allow: /", "", "User-agent: bingbot", "Allow: /", ""]
    lines.append("User-agent: *")
    lines += [f"Disallow: {p}" for p in DISALLOW]
    lines += ["", f"Sitemap: https://{host}/sitemap.xml", ""]
    return "\n".join(lines)


def _sitemap_name(rsite: ReplicaSite, kind: str) -> str:
    return f"sitemap-{kind}.xml" if rsite.key == "www" else f"sitemap_{kind}.xml"


def sitemap_index(rsite: ReplicaSite) -> str:
    lastmod = iso(crawl_now(rsite))
    entries = [
        f"<sitemap><loc>{rsite.base_url}/{s.slug}/{_sitemap_name(rsite, kind)}</loc>"
        f"<lastmod>{lastmod}</lastmod></sitemap>"
        for s in rsite.top_sections()
        if s.themes
        for kind in ("news", "web")
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(entries)
        + "\n</sitemapindex>\n"
    )


def _xml(text: str) -> str:
    return escape(text, quote=False)


def news_sitemap(rsite: ReplicaSite, articles: Iterable[Article]) -> str:
    cdata = rsite.key != "www"
    out = []
    for a in articles:
        loc = f"<![CDATA[{a.url}]]>" if cdata else _xml(a.url)
        kw = ", ".join(t.name for t in a.tags)
        out.append(
            f"<url><loc>{loc}</loc><news:news><news:publication><news:name>{_xml(rsite.brand)}"
            "</news:name><news:language>id</news:language></news:publication>"
            f"<news:publication_date>{iso(a.published)}</news:publication_date>"
            f"<news:title>{_xml(a.title)}</news:title>"
            + (f"<news:keywords>{_xml(kw)}</news:keywords>" if kw else "")
            + f"</news:news><image:image><image:loc>{_xml(a.image.url)}</image:loc>"
            "</image:image></url>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
        + "\n".join(out)
        + "\n</urlset>\n"
    )


def web_sitemap(rsite: ReplicaSite, articles: Iterable[Article]) -> str:
    out = [
        f"<url><loc>{_xml(a.url)}</loc><lastmod>{iso(a.modified)}</lastmod>"
        "<changefreq>daily</changefreq><priority>0.7</priority></url>"
        for a in articles
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(out)
        + "\n</urlset>\n"
    )


def rss(rsite: ReplicaSite, articles: Sequence[Article]) -> str:
    """``/rss``; on www every link/guid is the homepage (C1, 2026), useless for discovery."""
    items = []
    for a in articles[:20]:
        link = f"{rsite.base_url}/" if rsite.key == "www" else a.url
        items.append(
            f"<item><title><![CDATA[{a.title}]]></title><link>{_xml(link)}</link>"
            f'<guid isPermaLink="true">{_xml(link)}</guid>'
            f"<pubDate>{a.published:%a, %d %b %Y %H:%M:%S %z}</pubDate>"
            f"<description><![CDATA[{a.lead}]]></description>"
            f'<enclosure url="{_xml(a.image.thumb)}" type="image/jpeg" length="0"/></item>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{_xml(rsite.name)}</title><link>{rsite.base_url}/</link>"
        f"<description>Berita terkini {_xml(rsite.name)}</description><language>id</language>"
        + "".join(items)
        + "</channel></rss>\n"
    )


__all__ = [
    "AD_HOST",
    "ERA_2020",
    "ERA_2023",
    "ERA_2026",
    "TRUNCATE_MARKER",
    "article_page",
    "block_html",
    "body_blocks",
    "decoy_page",
    "error_page",
    "home_page",
    "index_page",
    "label_page",
    "latest_list",
    "news_sitemap",
    "not_found_page",
    "relative_time",
    "robots_txt",
    "rss",
    "section_page",
    "sitemap_index",
    "web_sitemap",
    "zone_time",
]


# --------------------------------------------------------------------------------------------
# AMP article pages (docs/variants.md 9)

_AMP_SECTIONS = ("news", "nasional", "internasional", "regional", "bisnis", "sport", "seleb")


def amp_article_page(article: Article, page: int = 1) -> str:
    """The AMP page of an article (``/amp/…``; ``m.tribunnews.com/amp/…`` for www), in the
    text order of §1.13: section menu, topic, title, "Penulis:" and "Editor:" lines, the
    text-size control, lead, body with ``amp-ad`` slots inside the text, then the
    "Berita Rekomendasi" tail. ``link rel=canonical`` names the desktop article. Not served
    by the replica (listed AMP URLs are made canonical before they are fetched); it is read
    by the tests to show that such a page also yields the desktop URL and a clean body."""
    rs = article.rsite
    topic = article.topic.name if article.topic else article.section.name
    menu = "".join(f'<li><a href="{rs.base_url}/{s}">{s.title()}</a></li>' for s in _AMP_SECTIONS)
    credits = (
        "".join(f'<div class="f12 grey2">Penulis: {esc(a)}</div>' for a in article.authors)
        + f'<div class="f12 grey2">Editor: {esc(article.editor)}</div>'
    )
    blocks = []
    for i, block in enumerate(body_blocks(article, page)):
        html = block_html(block, rs)
        if isinstance(block, Ad):  # AMP serves its own ad component in the slot
            html = (
                '<amp-ad width="300" height="250" type="doubleclick" '
                f'data-slot="/31800665/{rs.gpt_unit}/AMP_{i}"><div placeholder>Advertisement'
                "</div></amp-ad>\n"
            )
        blocks.append(html)
    pager = ""
    if article.page_count > 1:
        links = "".join(
            f'<a href="{article.amp_url}?page={n}">{n}</a>' if n > 1
            else f'<a href="{article.amp_url}">{n}</a>'
            for n in range(1, article.page_count + 1)
        )  # fmt: skip
        pager = f'<div class="paging">{links}</div>'
    ld = _ld_2023(article, date_renamed=False)
    return (
        '<!DOCTYPE html>\n<html amp lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(_page_title(article, page))}</title>\n"
        f'<link rel="canonical" href="{esc(article.url)}">\n'
        f'<meta name="description" content="{esc(article.lead)}">\n'
        f'<meta property="og:title" content="{esc(article.title + rs.title_suffix)}">\n'
        f'<meta property="og:image" content="{esc(article.image.url)}">\n'
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        '<script async custom-element="amp-ad" '
        'src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>\n'
        f"{ld}\n</head>\n<body>\n"
        f'<header><a href="{rs.base_url}">{esc(rs.name)}</a><nav><ul>{menu}</ul></nav></header>\n'
        '<div id="article" class="pa15">\n'
        f'<h2 class="red f16"><a href="{rs.base_url}/topic/{slugify(topic)}">{esc(topic)}</a></h2>\n'
        f'<h1 id="arttitle" class="f22 fbo2">{esc(article.title)}</h1>\n{credits}\n'
        f'<div class="grey f12 mt5"><time>{zone_time(article.published, rs)}</time></div>\n'
        '<div class="fontsize f12 grey2">AA <span>Text Sizes</span> <a>Medium</a> <a>Large</a>'
        " <a>Larger</a></div>\n"
        f'<h2 class="hide lead">{esc(article.lead)}</h2>\n'
        f'<div id="artimg"><amp-img src="{esc(article.image.url)}" width="700" height="393" '
        f'layout="responsive" alt="{esc(article.title)}"></amp-img>'
        f'<div class="arial f12 pt5 grey2">{esc(article.image.caption)}</div></div>\n'
        f'<div class="side-article txt-article">\n{"".join(blocks)}</div>\n{pager}\n</div>\n'
        '<div class="mt20"><div class="f16 fbo2">Berita Rekomendasi</div></div>\n'
        f'<div class="f12 grey">Sumber: {esc(rs.brand)}</div>\n'
        "<footer>© 2025 TRIBUNnews.com, a subsidiary of KG Media. All Right Reserved</footer>\n"
        "</body></html>\n"
    )
