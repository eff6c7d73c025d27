"""Text-level boilerplate of Tribun bodies: the lines a structural clean-up cannot see.

The structural part (``p.baca``, ad slots, figures, recaps, pagers, link-only paragraphs) is
removed from the DOM by the article page object; what is left here are lines that only their
words give away (docs/site-structure.md §2, docs/variants.md):

* the copy footer "Artikel/Berita ini telah tayang di SITE dengan judul TITLE[, URL]" and
  everything after it (its "Penulis: X | Editor: Y" credit included);
* related-link cues: "Baca:", "Baca juga:", "Baca Selengkapnya >>>", "Selengkapnya :", "• …"
  bullets, a "Berita Rekomendasi" heading;
* photo lines that sit inside the body container: "zoom-in TITLE", "lihat foto", photo credits
  ("TRIBUN JATENG/HERMAWAN HANDAKA") and captions opening with an upper-case label
  ("BERITA POPULER INTERNASIONAL - …"; a dateline such as "TRIBUNNEWS.COM, JAKARTA -" names a
  domain and is never taken for one);
* bylines and credits written into the text: "Penulis: X | Editor: Y" on one line, or
  "Penulis:" / "Editor:" with the name on the next line;
* the AMP text-size control ("AA Text Sizes Medium Large Larger") and the m. top banner;
* a "Ringkasan Berita:" recap with its bullets, "2 dari 3 halaman" markers, a lone "(*)";
* the reporter credit "Laporan Wartawan …", moved to ``reporter``.

A dateline garbled by a wrong decoding ("TRIBUNNEWS.COMÂ - …", "TRIBUNNEWS.COM Ā- …") is
repaired to the clean dateline. Pure functions, so the pipeline and the evaluation share them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from newscrawl.sites import SITES

# A paragraph starting with one of these is boilerplate from there to its end (§2 phrase list).
_DROP_LINE = re.compile(
    r"""^(?:
        baca\s*(?:juga|pula)?\s*:       # "Baca juga:", "Baca:", "BACA JUGA :"
      | baca\s+(?:juga|pula)\b
      | baca\s+selengkapnya\b           # "Baca Selengkapnya >>>", "Baca selengkapnya di …"
      | selengkapnya\s*(?::|>|»|›)      # "Selengkapnya :" + link (not "Selengkapnya, kata …")
      | (?:lihat|simak|tonton)\s+(?:juga|pula)\s*:
      | simak\s+berita\s+terbaru\b
      | ikuti\s+(?:kami|berita\s+\S+)\s+di\b
      | dapatkan\s+berita\s+pilihan\b
      | lihat\s+artikel\s+asli\b
      | nikmati\s+berita\s+interaktif\b # m. top banner (§1.13)
      | halaman\s+selanjutnya\b
      | berita\s+terkait\s*:
      | zoom-?in\b                      # photo zoom control + image title (§1.7)
      | lihat\s+foto\b
      | (?:penulis|editor|sumber|reporter|penyunting|fotografer|pewarta)\s*:\s*\S[\s\S]{0,120}$
      | (?:foto|sumber\s+foto|kredit\s+foto)\s*:\s*\S.{0,80}$
      | \d+\s+dari\s+\d+\s+halaman\s*$  # "2 dari 3 halaman" page-break marker
      | halaman\s+\d+(?:\s*/\s*\d+)?\s*$
      | \(\*\)\s*$
      | (?:tayang\s*:?\s*)?(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu),?\s+\d{1,2}\s+[a-z]+
        \s+\d{4}(?:[\s,|]+(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:\s*wi(?:b|ta|t))?)?\s*$  # a date line
      | (?:tags?|advertisement|iklan|sponsored|scroll\s+to\s+continue(?:\s+with\s+content)?
         |berita\s+rekomendasi|rekomendasi\s+untuk\s+anda|berita\s+terkini|berita\s+populer
         |video\s+pilihan|sesuai\s+minatmu|artikel\s+terkait|berita\s+lainnya)\s*:?\s*$
      | [•·●▪►]\s*\S                    # "• Headline" related bullets (2020 p.baca, travel)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A credit label alone on its line; its name follows on the next line (2025 www byline).
_LABEL_ALONE = re.compile(
    r"^(?:penulis|editor|reporter|penyunting|sumber|fotografer|pewarta)\s*:?\s*$", re.IGNORECASE
)
_NAME_LINE = re.compile(r"^[\w.'’,|&-]+(?:\s+[\w.'’,|&-]+){0,7}$")
# The copy footer (§2, [R3][F30], docs/variants.md 1): where the story ends.
_COPY_FOOTER = re.compile(
    r"\b(?:artikel|berita|tulisan)\s+ini\s+(?:telah|sudah|pernah)\s+(?:tayang|dimuat|terbit)\s+di"
    r"\s+(?:\S.{0,60}?\s+dengan\s+judul\b|[\w-]+(?:\.[\w-]+)*\.(?:com|co|id|net)\b)",
    re.IGNORECASE | re.DOTALL,
)
_FOOTER_PARTS = re.compile(
    r"(?:artikel|berita|tulisan)\s+ini\s+(?:telah|sudah|pernah)\s+(?:tayang|dimuat|terbit)\s+di\s+"
    r"(?:(?P<site>.+?)\s+dengan\s+judul|(?P<domain>[\w-]+(?:\.[\w-]+)*\.(?:com|co|id|net)\b))"
    r"\s*[:,]?\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
# Letters that ``re.IGNORECASE`` matches to "i" and ``str.lower`` does not turn into "i".
_DOTTED_I = str.maketrans({"\u0130": "i", "\u0131": "i"})
_FOOTER_URL = re.compile(r"(?:https?://|www\.)[^\s,<>\"']+[^\s,<>\"'.]", re.IGNORECASE)
_FOOTER_CREDIT = re.compile(
    r"(?:\s*[|\n]\s*|\s+)(?:penulis|editor|reporter)\s*:.*$", re.IGNORECASE | re.DOTALL
)
_TRAILING_STAR = re.compile(r"\s*\(\*\)\s*$")
_REPORTER = re.compile(
    r"^laporan\s+(?:wartawan|reporter|kontributor|jurnalis)\s+(?P<rest>.+)$", re.IGNORECASE
)
# Dateline "TRIBUNSOLO.COM, SOLO -" (§2): where a reporter line runs into the story text.
_DATELINE = re.compile(
    r"\b[A-Z][A-Z0-9-]*(?:\.[A-Z]{2,})+(?:\s*,\s*[A-Z][A-Z .'-]*?)?\s*[-–—]{1,2}"
)
# The head of a dateline, garbled characters included ("TRIBUNNEWS.COMÂ -", "… Ā- …").
_DATELINE_HEAD = re.compile(
    r"^[A-Z][A-Z0-9-]*(?:\.[A-Z]{2,})+[^a-z]{0,40}?[-–—]{1,2}[\s\u00c2\u0100]*"
)
# UTF-8 read as Latin-1/Windows-1252 (NBSP → "Â ", dashes → "â€“"), or a stray "Ā" (docs/variants.md 7).
_MOJIBAKE_DASHES = {"â€“": "–", "â€”": "—", "â€‘": "-"}
_MOJIBAKE_CHARS = re.compile(r"[\u00c2\u0100]")
_GARBLED_LEAD = ("\u00c2", "\u0100")
# A photo credit: "TRIBUN JATENG/HERMAWAN HANDAKA", "Tribunnews/Jeprima", "Kolase Tribunnews".
_CREDIT_LINE = re.compile(
    r"^(?=[^/]{0,60}/)[A-Za-z][\w .,'&-]{0,60}(?:/[\w .,'&-]{1,60}){1,3}$|"
    r"^(?:kolase|dok(?:umentasi)?\.?|istimewa)(?:\s+[\w./-]+){0,5}$",
    re.IGNORECASE,
)
_CREDIT_BRAND = re.compile(
    r"tribun|surya|kompas|warta|sripoku|serambi|pos\b|post\b|bangkapos|kolase|dok|istimewa"
    r"|antara|reuters|afp|ap\b|getty|instagram|twitter|youtube|humas|net\b",
    re.IGNORECASE,
)
# A caption opening with an upper-case label: "BERITA POPULER INTERNASIONAL - Presiden …".
_CAPTION_LABEL = re.compile(
    r"^(?P<label>[A-Z][A-Z0-9&'’/]*(?:\s+[A-Z0-9&'’/]+){0,7})\s+[-–—]{1,2}\s*\S"
)
_AMP_FONT = re.compile(
    r"^(?:a\s?a|text\s+sizes?)(?:\s+(?:text\s+sizes?|small|medium|large|larger))*$", re.IGNORECASE
)
_AMP_FONT_PART = re.compile(r"^(?:text\s+sizes?|small|medium|large|larger)$", re.IGNORECASE)
_RECAP = re.compile(r"^ringkasan\s+berita\b", re.IGNORECASE)
_PAREN_CREDIT = re.compile(r"^\([^()/]{2,60}/[^()]{2,80}\)$")
_PHOTO_START = re.compile(r"^(?:zoom-?in|lihat\s+foto)\b", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·●▪►\-–*]\s|\d{1,2}[.)]\s)")
_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_WORD_CHAR = re.compile(r"\w")


class CopyFooter(NamedTuple):
    """What a copy footer says about where the story first ran."""

    site_name: str
    url: str | None
    title: str | None


def _brand_prefixes() -> tuple[str, ...]:
    names: set[str] = {"Tribunnews.com", "Tribunnews", "Tribun Network"}
    for site in SITES.values():
        names.update({site.brand, site.name, site.name.replace(" ", "")})
        names.add(site.brand.rsplit(".", 2)[0] if "." in site.brand else site.brand)
    return tuple(sorted(names, key=len, reverse=True))


_BRANDS = _brand_prefixes()
# A dateline written without its domain ("TRIBUNNEWS -", "SRIPOKU -") is no caption label.
_BRAND_STEMS = frozenset(site.brand.split(".")[0].upper() for site in SITES.values())


def normalise_space(text: str) -> str:
    """Collapse runs of blanks (incl. NBSP) inside lines and trim each line."""
    if "\n" not in text and "\u200b" not in text and "\r" not in text:
        return " ".join(text.split())  # one line (nearly every paragraph): no line loop
    if "\u200b" in text or "\r" in text:
        lines = (_WS.sub(" ", line).strip() for line in text.split("\n"))
    else:  # str.split() collapses the same blanks (NBSP included), several times faster
        lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def reporter_name(line: str) -> str | None:
    """The name in "Laporan Wartawan Tribunnews.com, NAME" (or "… Tribun Timur NAME")."""
    m = _REPORTER.match(line.strip())
    if not m:
        return None
    rest = m.group("rest").strip()
    if "," in rest:
        rest = rest.rsplit(",", 1)[1]
    else:
        for brand in _BRANDS:
            if rest.lower().startswith(brand.lower() + " "):
                rest = rest[len(brand) :]
                break
    rest = rest.strip(" .:-–")
    return rest or None


def repair_dateline(paragraph: str) -> str:
    """ "TRIBUNNEWS.COMÂ - Isi" → "TRIBUNNEWS.COM - Isi": garbled characters in a dateline go."""
    if "\u00c2" not in paragraph and "\u0100" not in paragraph and "â€" not in paragraph[:80]:
        return paragraph  # nothing garbled (nearly every paragraph): three substring tests
    if paragraph[:1] in _GARBLED_LEAD and _DATELINE_HEAD.match(paragraph[1:].lstrip()):
        paragraph = paragraph[1:].lstrip()
    for bad, good in _MOJIBAKE_DASHES.items():
        if bad in paragraph[:80]:
            paragraph = paragraph[:80].replace(bad, good) + paragraph[80:]
    m = _DATELINE_HEAD.match(paragraph)
    if not m or not _MOJIBAKE_CHARS.search(m.group(0)):
        return paragraph
    head = " ".join(_MOJIBAKE_CHARS.sub(" ", m.group(0)).split())
    rest = paragraph[m.end() :]
    if m.group(0)[-1:].isspace() or _MOJIBAKE_CHARS.match(m.group(0)[-1:]):
        head += " "
    return head + rest


def is_photo_line(paragraph: str) -> bool:
    """A photo credit or an upper-case-labelled caption standing as its own paragraph."""
    text = paragraph.strip()
    short = len(text) <= 90 and "\n" not in text and not text.endswith((".", "!", "?", '"', ")"))
    if short and _CREDIT_LINE.match(text) and (text.isupper() or _CREDIT_BRAND.search(text)):
        return True
    m = _CAPTION_LABEL.match(text)
    if not m:
        return False
    label = m.group("label")
    letters = [c for c in label if c.isalpha()]
    words = set(re.split(r"[\s/]+", label))
    return (
        len(letters) >= 4
        and "." not in label
        and "TRIBUN" not in label
        and not words & _BRAND_STEMS
        and any(c.islower() for c in text[m.end() :])
    )


def parse_copy_footer(text: str) -> CopyFooter | None:
    """(site name, URL, original title) of a copy footer, or None when ``text`` holds none.

    Reads "Artikel ini telah tayang di Tribunnews.com dengan judul TITLE, URL." and its
    wordings ("Berita ini telah tayang di …", a title in quotes, no URL, a trailing
    "Penulis: X | Editor: Y")."""
    m = _FOOTER_PARTS.search(" ".join(text.split()) if "\n" not in text else text)
    if not m:
        return None
    site = " ".join((m.group("site") or m.group("domain")).split()).strip(" ,.:")
    rest = _FOOTER_CREDIT.sub("", m.group("rest")).strip()
    url_match = _FOOTER_URL.search(rest)
    url = None
    if url_match:
        url = url_match.group(0)
        if url.lower().startswith("www."):
            url = "https://" + url
        rest = rest[: url_match.start()]
    title = " ".join(rest.split()).strip(" ,.;:").strip("\"'“”‘’").strip() or None
    return CopyFooter(site_name=site, url=url, title=title)


def copy_footer(paragraphs: list[str]) -> CopyFooter | None:
    """The copy footer found in body paragraphs (the same search :func:`clean_paragraphs` cuts
    at), parsed; None when the body has none."""
    at = _footer_start(paragraphs)
    if at is None:
        return None
    i, start = at
    tail = " ".join([normalise_space(paragraphs[i])[start:], *paragraphs[i + 1 :]])
    return parse_copy_footer(" ".join(tail.split()))


def _has_footer_verb(text: str) -> bool:
    """True when ``text`` holds one of the copy footer's verbs as ``re.IGNORECASE`` reads them
    ("TAYANG", "dımuat"): a paragraph without one, next to one without one, is not searched."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text):
        text = text.translate(_DOTTED_I)  # slow (a lookup per character): only when needed
    text = text.lower()
    return "tayang" in text or "dimuat" in text or "terbit" in text


def _footer_start(paragraphs: list[str]) -> tuple[int, int] | None:
    """(paragraph index, offset in the space-normalised paragraph) where the copy footer
    begins; its words may be split over two paragraphs ("Artikel ini telah<br><br>tayang").

    Speed: the footer's verb is in the paragraph it starts in or in the next one, so only
    those paragraphs pay for the regular expression (most bodies have no footer), and a body
    without a verb anywhere (a verb never spans two paragraphs) is not looked at one by one."""
    if not _has_footer_verb("\n".join(paragraphs)):
        return None
    verbs = [_has_footer_verb(p) for p in paragraphs]
    verbs.append(False)
    for i, raw in enumerate(paragraphs):
        if not (verbs[i] or verbs[i + 1]):
            continue
        para = normalise_space(raw)
        following = normalise_space(paragraphs[i + 1])[:90] if i + 1 < len(paragraphs) else ""
        found = _COPY_FOOTER.search(f"{para} {following}")
        if found and found.start() < len(para):
            return i, found.start()
    return None


def _name_like(text: str) -> bool:
    return (
        bool(_NAME_LINE.match(text))
        and not text.endswith((".", "!", "?", ":"))
        and any(c.isupper() for c in text[:1])
    )


def clean_paragraphs(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Drop text-level boilerplate from body paragraphs; return (paragraphs, reporter)."""
    kept: list[str] = []
    reporter: str | None = None
    footer = _footer_start(paragraphs)
    end = footer[0] + 1 if footer else len(paragraphs)
    skip_name = False  # the line after a lone "Penulis:" holds the name
    in_font_control = False
    in_recap = False
    after_photo = False  # the line after a photo credit may be the caption
    for i in range(end):
        para = normalise_space(paragraphs[i])
        if footer and i == footer[0]:  # the footer and everything after it go
            para = para[: footer[1]].strip()
        if not para:
            continue
        if skip_name:
            skip_name = False
            if _name_like(para):
                continue
        if in_font_control:
            if _AMP_FONT_PART.match(para):
                continue
            in_font_control = False
        if _REPORTER.match(para):
            first_line, _, after = para.partition("\n")
            dateline = _DATELINE.search(first_line)
            if dateline and dateline.start() > 0:
                after = first_line[dateline.start() :] + ("\n" + after if after else "")
                first_line = first_line[: dateline.start()]
            reporter = reporter or reporter_name(first_line)
            para = after.strip()
            if not para:
                continue
        para = repair_dateline(para)
        if in_recap:
            if _BULLET.match(para) or (
                not _DATELINE_HEAD.match(para) and _recap_continues(paragraphs, i, end)
            ):
                continue
            in_recap = False
        if _RECAP.match(para):
            in_recap = True
            continue
        if _LABEL_ALONE.match(para):
            skip_name = True
            continue
        if _AMP_FONT.match(para):
            in_font_control = True
            continue
        if _DROP_LINE.match(para) or is_photo_line(para):
            after_photo = bool(_PHOTO_START.match(para) or is_photo_line(para))
            continue
        if after_photo and _caption_before_story(para, paragraphs, i, end):
            after_photo = False
            continue
        if not kept and _PAREN_CREDIT.match(para) and _story_follows(paragraphs, i, end):
            # "(Tribunnews/Jeprima)" above the story is the photo's credit, not an end credit
            after_photo = True
            continue
        after_photo = False
        if "\n" in para:  # a related link or credit on a line of its own inside a paragraph
            lines = para.split("\n")
            para = "\n".join(x for x in lines if not (_DROP_LINE.match(x) or is_photo_line(x)))
        if "(*)" in para:
            para = _TRAILING_STAR.sub("", para)
        para = para.strip()
        if para and _WORD_CHAR.search(para):  # a lone "|" or "•" is no paragraph
            kept.append(para)
    return kept, reporter


def _story_follows(paragraphs: list[str], i: int, end: int) -> bool:
    """The story's dateline (or reporter line) comes within the next three paragraphs."""
    for later in paragraphs[i + 1 : min(end, i + 4)]:
        text = repair_dateline(normalise_space(later))
        if _DATELINE_HEAD.match(text) or _REPORTER.match(text):
            return True
    return False


def _caption_before_story(para: str, paragraphs: list[str], i: int, end: int) -> bool:
    """A caption without a label right after a photo credit or zoom line, with the story's
    dateline (or reporter line) in the next paragraph: the photo block moved into the body
    (docs/variants.md 3, m. pages [P6][P11])."""
    if _DATELINE_HEAD.match(para) or _REPORTER.match(para) or i + 1 >= end:
        return False
    following = repair_dateline(normalise_space(paragraphs[i + 1]))
    return bool(_DATELINE_HEAD.match(following) or _REPORTER.match(following))


def _recap_continues(paragraphs: list[str], i: int, end: int) -> bool:
    """Inside a recap whose bullets lost their markers: a dateline paragraph soon after says
    where the story starts; without one only bulleted lines count as the recap."""
    for later in paragraphs[i : min(end, i + 8)]:
        if _DATELINE_HEAD.match(repair_dateline(normalise_space(later))):
            return True
    return False


def split_body(body: str | None) -> list[str]:
    """Body text → paragraphs (they are separated by one blank line)."""
    if not body:
        return []
    return [p for p in body.split("\n\n") if p.strip()]


def join_body(paragraphs: list[str]) -> str | None:
    """Paragraphs → body text, or None when nothing is left."""
    return "\n\n".join(paragraphs) or None


# --- leak check ------------------------------------------------------------------------------
# Phrases of docs/site-structure.md §2 (and the tail blocks of §1.1, §1.13) that must never be
# left in a body, whatever removed them: the evaluation (bench/evaluate.py) counts them over the
# gold set and ``newscrawl check-live`` over today's live articles, so both use this one list.
LEAK_PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, flags)
    for name, pattern, flags in (
        ("Baca juga", r"\bbaca\s+juga\b", re.IGNORECASE),
        ("Baca:", r"\bbaca\s*:", re.IGNORECASE),
        ("Artikel ini telah tayang", r"artikel\s+ini\s+telah\s+tayang", re.IGNORECASE),
        ("Ringkasan Berita", r"ringkasan\s+berita", re.IGNORECASE),
        ("N dari M halaman", r"\b\d+\s+dari\s+\d+\s+halaman\b", re.IGNORECASE),
        ("Halaman selanjutnya", r"halaman\s+selanjutnya", re.IGNORECASE),
        ("Berita Terkait", r"berita\s+terkait", re.IGNORECASE),
        ("Berita Rekomendasi", r"berita\s+rekomendasi", re.IGNORECASE),
        ("Rekomendasi untuk Anda", r"rekomendasi\s+untuk\s+anda", re.IGNORECASE),
        ("Sesuai Minatmu", r"sesuai\s+minatmu", re.IGNORECASE),
        ("Ikuti kami di", r"ikuti\s+kami\s+di", re.IGNORECASE),
        ("Simak berita terbaru", r"simak\s+berita\s+terbaru", re.IGNORECASE),
        ("Dapatkan Berita Pilihan", r"dapatkan\s+berita\s+pilihan", re.IGNORECASE),
        ("Video Pilihan", r"video\s+pilihan", re.IGNORECASE),
        ("lihat foto", r"lihat\s+foto", re.IGNORECASE),
        ("zoom-in", r"zoom-in", re.IGNORECASE),
        ("Tags", r"\bTags\b", 0),
        ("(*)", r"\(\*\)", 0),
        ("googletag", r"googletag", re.IGNORECASE),
        ("Advertisement", r"\badvertisement\b", re.IGNORECASE),
        ("Laporan Wartawan", r"laporan\s+wartawan", re.IGNORECASE),
        ("Penulis:", r"\bpenulis\s*:", re.IGNORECASE),
        ("Editor:", r"\beditor\s*:", re.IGNORECASE),
        ("Sumber:", r"\bsumber\s*:", re.IGNORECASE),
        ("Text Sizes", r"text\s+sizes", re.IGNORECASE),
        ("Nikmati berita interaktif", r"nikmati\s+berita\s+interaktif", re.IGNORECASE),
        ("All Right Reserved", r"all\s+rights?\s+reserved", re.IGNORECASE),
        ("Infografis caption", r"TRIBUNNEWS/Ridho", 0),
    )
}


def leaked_phrases(body: str | None) -> Counter[str]:
    """How often each phrase of ``LEAK_PATTERNS`` occurs in ``body``."""
    found: Counter[str] = Counter()
    for name, pattern in LEAK_PATTERNS.items():
        n = len(pattern.findall(body or ""))
        if n:
            found[name] += n
    return found
