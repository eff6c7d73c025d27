"""The date cascade: a page's publication and modification date strings, strongest first.

JSON-LD ``datePublished``, the ``article:published_time`` meta tags, ``dataLayer``'s
``publish_date``, ``time`` elements, the "Tayang:" box under the title, and at worst a date
written anywhere under the title (a redesign). Which candidate wins (zones, precision) is
``newscrawl.dates_arbitration``'s call; reading a string into a moment is ``newscrawl.dates``'.
The header date ``li.fbo2.grey.ar`` is the *crawl* date [R1][R4] and is never read.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from newscrawl.dates_arbitration import (
    choose_published,
    find_text_date,
    first_readable,
    strip_label,
)
from newscrawl.pages.article.body import classes
from newscrawl.pages.article.document import ArticleDocument, all_text, first_of, node_text


def _in_list_item(el: Any) -> bool:
    return next(el.iterancestors("li"), None) is not None


class DateFields(ArticleDocument):
    """``published_raw``, ``published_from_fallback``, ``modified_raw`` and their sources."""

    def _date_times(self) -> list[Any]:
        """``time`` elements that may date this story: not in lists (other stories' times)."""
        return [t for t in self._markup["time"] if not _in_list_item(t)]

    def published_candidates(self) -> list[str]:
        """Raw date strings for the publication date, most precise and strongest first."""
        out: list[str] = []
        value = self.jsonld.text("datePublished")
        if value:
            out.append(value)
        metas = self._head[0]
        out.extend(metas[k] for k in self.rules.published_metas if metas.get(k))
        if self.datalayer.get("publish_date"):  # seconds, in the site's zone [R1]
            out.append(self.datalayer["publish_date"])
        times = self._date_times()
        out.extend(t.get("datetime") or "" for t in times if t.get("datetime"))
        box_classes = self.rules.date_box_classes
        boxes = (
            [
                d
                for el in self._title_region
                for d in el.iter("div")
                if box_classes <= set(classes(d))
            ]
            if box_classes
            else []
        )
        for box in boxes:  # "Tayang: Senin, 3 November 2025 19:26 WIB"
            text = node_text(box)
            if text:
                out.append(strip_label(text))
        for t in times:  # div.mt10 time.grey [F4]; #article time; m./AMP pages
            text = node_text(t)
            if text:
                out.append(strip_label(text))
        out = [c.strip() for c in out if c and c.strip()]
        self._has_date_markup = bool(out)
        return out or self._dates_near_title()

    def _dates_near_title(self) -> list[str]:
        """A date written in the block under the title, whatever its markup (a redesign)."""
        out = []
        for sibling in self._title_region:
            if sibling.tag not in ("script", "style"):
                found = find_text_date(all_text(sibling))
                if found:
                    out.append(found)
        return out

    def published_raw(self) -> str | None:
        """The first candidate that parses as a full date (never a guessed day or zone)."""
        return self._published[0]

    def published_from_fallback(self) -> bool:
        """True when the date was only found as loose text under the title: the known date
        markup is gone (a redesign), which the run report must flag even though a date was read."""
        return self._published[1]

    @cached_property
    def _published(self) -> tuple[str | None, bool]:
        candidates = self.published_candidates()
        raw = choose_published(candidates, self.site.tz)
        if raw is not None:
            return raw, not self._has_date_markup
        # every candidate unreadable: the visible date
        raw = first_readable(self._dates_near_title(), self.site.tz)
        return (raw, True) if raw is not None else (None, False)

    def modified_raw(self) -> str | None:
        metas = self._head[0]
        return first_of(
            self.jsonld.text("dateModified"),
            *(metas.get(k) for k in self.rules.modified_metas),
        )
