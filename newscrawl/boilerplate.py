"""Text-level boilerplate of Tribun bodies: the lines a structural clean-up cannot see.

The structural part (``p.baca``, ad slots, figures, recaps, pagers) is removed from the DOM by
the article page object; what is left here are lines that only their words give away, such as the
"Artikel ini telah tayang di …" copy footer, "Baca juga:" written as plain text, "2 dari 3
halaman" markers, the reporter credit and a lone "(*)" (STRUCTURE.md §2). Pure functions, so the
pipeline and the evaluation share them.
"""

from __future__ import annotations

import re

from newscrawl.sites import SITES

# A paragraph starting with one of these is boilerplate from there to its end (§2 phrase list).
_DROP_LINE = re.compile(
    r"""^(?:
        baca\s*(?:juga)?\s*:            # "Baca juga:", "Baca:", "BACA JUGA :"
      | baca\s+juga\b
      | simak\s+berita\s+terbaru\b
      | ikuti\s+kami\s+di\b
      | dapatkan\s+berita\s+pilihan\b
      | lihat\s+artikel\s+asli\b
      | ringkasan\s+berita\s*:?
      | halaman\s+selanjutnya\b
      | berita\s+terkait\s*:
      | (?:penulis|editor|sumber|reporter)\s*:\s*\S.{0,80}$   # trailing credit lines
      | \d+\s+dari\s+\d+\s+halaman\s*$  # "2 dari 3 halaman" page-break marker
      | halaman\s+\d+(?:\s*/\s*\d+)?\s*$
      | \(\*\)\s*$
      | (?:tags?|advertisement|iklan|sponsored|scroll\s+to\s+continue(?:\s+with\s+content)?)\s*:?\s*$
      | [•·]\s
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# The copy footer ends the story: it and everything after it go (§2, [R3][F30]).
_COPY_FOOTER = re.compile(r"artikel\s+ini\s+(?:telah|sudah)\s+tayang\s+di\b", re.IGNORECASE)
_TRAILING_STAR = re.compile(r"\s*\(\*\)\s*$")
_REPORTER = re.compile(
    r"^laporan\s+(?:wartawan|reporter|kontributor|jurnalis)\s+(?P<rest>.+)$", re.IGNORECASE
)
# Dateline "TRIBUNSOLO.COM, SOLO -" (§2): where a reporter line runs into the story text.
_DATELINE = re.compile(
    r"\b[A-Z][A-Z0-9-]*(?:\.[A-Z]{2,})+(?:\s*,\s*[A-Z][A-Z .'-]*?)?\s*[-–—]{1,2}"
)
_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _brand_prefixes() -> tuple[str, ...]:
    names: set[str] = {"Tribunnews.com", "Tribunnews", "Tribun Network"}
    for site in SITES.values():
        names.update({site.brand, site.name, site.name.replace(" ", "")})
        names.add(site.brand.rsplit(".", 2)[0] if "." in site.brand else site.brand)
    return tuple(sorted(names, key=len, reverse=True))


_BRANDS = _brand_prefixes()


def normalise_space(text: str) -> str:
    """Collapse runs of blanks (incl. NBSP) inside lines and trim each line."""
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


def clean_paragraphs(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Drop text-level boilerplate from body paragraphs; return (paragraphs, reporter)."""
    kept: list[str] = []
    reporter: str | None = None
    for i, raw in enumerate(paragraphs):
        para = normalise_space(raw)
        if not para:
            continue
        # The footer's words may be split over two paragraphs ("Artikel ini telah<br><br>tayang").
        following = normalise_space(paragraphs[i + 1])[:40] if i + 1 < len(paragraphs) else ""
        footer = _COPY_FOOTER.search(f"{para} {following}")
        if footer and footer.start() < len(para):
            head = para[: footer.start()].strip()
            if head:
                kept.append(head)
            break
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
        if _DROP_LINE.match(para):
            continue
        para = _TRAILING_STAR.sub("", para).strip()
        if para:
            kept.append(para)
    return kept, reporter


def split_body(body: str | None) -> list[str]:
    """Body text → paragraphs (they are separated by one blank line)."""
    if not body:
        return []
    return [p for p in body.split("\n\n") if p.strip()]


def join_body(paragraphs: list[str]) -> str | None:
    """Paragraphs → body text, or None when nothing is left."""
    return "\n\n".join(paragraphs) or None
