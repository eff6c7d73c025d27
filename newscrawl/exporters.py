"""The one CSV writer for people: ``scrapy crawl -O x.csv``, ``newscrawl demo`` and ``export``.

``ArticleCsvItemExporter`` is registered for the ``csv`` feed format (``FEED_EXPORTERS``) and
``newscrawl export`` writes its file through the same class, so a CSV from either path has the
same bytes for the same articles:

- UTF-8 with a byte-order mark (Excel opens a double-clicked file as UTF-8 only with it),
  ``\\r\\n`` row ends, ``csv.QUOTE_MINIMAL``; the header is written even when there is no row;
- the columns of ``newscrawl.items.ArticleItem`` in declaration order, except that the
  ``syndicated_from`` object is spread over three columns in its place,
  ``syndicated_from_site_name``, ``syndicated_from_url``, ``syndicated_from_title``
  (``CSV_COLUMNS``), so a spreadsheet can filter and join on them; JSON Lines keeps the object;
- ``None`` → empty cell, booleans → ``true``/``false``, numbers as numbers;
- ``authors``/``tags`` joined with ``"; "``; inside one element a backslash is written ``\\\\``
  and a semicolon ``\\;`` so an element containing ``"; "`` cannot be read as two
  (``split_list_cell`` is the inverse);
- **formula cells neutralised** (default on): a *text* cell starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return gets an apostrophe in front. Numbers (``word_count``,
  ``revision``, ``page_count``) are never prefixed: a spreadsheet reads ``-3`` as the number
  −3, which runs nothing, while ``'-3`` would turn it into text. Off with the feed option
  ``neutralise_formulas: false`` or the setting ``NEWSCRAWL_CSV_NEUTRALISE_FORMULAS = False``.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter
from scrapy.exporters import BaseItemExporter

from newscrawl.items import ARTICLE_FIELDS

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

LIST_SEPARATOR = "; "
# Item fields holding an object, written as one column per key (``<field>_<key>``).
OBJECT_COLUMNS: dict[str, tuple[str, ...]] = {"syndicated_from": ("site_name", "url", "title")}


def csv_columns(fields: Iterable[str]) -> list[str]:
    """The CSV header for item ``fields``: an object field becomes its ``<field>_<key>`` columns."""
    columns: list[str] = []
    for name in fields:
        keys = OBJECT_COLUMNS.get(name)
        if keys:
            columns.extend(f"{name}_{key}" for key in keys)
        else:
            columns.append(name)
    return columns


CSV_COLUMNS: tuple[str, ...] = tuple(csv_columns(ARTICLE_FIELDS))
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf-8-sig", "utf_8", "utf_8_sig"})


def escape_list_element(value: Any) -> str:
    """One element of a list cell: ``\\`` → ``\\\\``, ``;`` → ``\\;`` (so "; " never splits it)."""
    return ("" if value is None else str(value)).replace("\\", "\\\\").replace(";", "\\;")


def split_list_cell(text: str) -> list[str]:
    """The elements of an ``authors``/``tags`` cell (the inverse of the joining rule)."""
    if not text:
        return []
    elements: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == ";":
            elements.append("".join(current))
            current = []
            next(chars, None)  # the space of the "; " separator
        else:
            current.append(char)
    elements.append("".join(current))
    return elements


def cell(value: Any, *, neutralise: bool = True) -> str:
    """One CSV cell: None empty, booleans true/false, lists joined, text formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number is not a formula; a prefix would make it text
    if isinstance(value, list | tuple):
        text = LIST_SEPARATOR.join(escape_list_element(v) for v in value)
    else:
        text = str(value)
    if neutralise and text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    return text


class ArticleCsvItemExporter(BaseItemExporter):
    """CSV in ``ArticleItem`` field order, written with ``cell`` (see the module docstring)."""

    def __init__(self, file: IO[bytes], **kwargs: Any) -> None:
        self.neutralise = _truthy(kwargs.pop("neutralise_formulas", True))
        if not kwargs.get("fields_to_export"):  # the feed passes None when FEED_EXPORT_FIELDS is
            kwargs["fields_to_export"] = list(ARTICLE_FIELDS)
        super().__init__(dont_fail=True, **kwargs)
        encoding = (self.encoding or "utf-8").lower()
        self.bom = encoding in _UTF8_NAMES
        self.file = file
        self.stream = io.TextIOWrapper(
            file,
            encoding="utf-8" if self.bom else encoding,
            newline="",
            write_through=True,
        )
        self.writer = csv.writer(self.stream, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self.fields = [str(f) for f in self.fields_to_export or ARTICLE_FIELDS]
        self.columns = csv_columns(self.fields)

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: IO[bytes], **kwargs: Any) -> Self:
        """A feed's exporter: ``NEWSCRAWL_CSV_NEUTRALISE_FORMULAS`` unless the feed says."""
        kwargs.setdefault(
            "neutralise_formulas",
            crawler.settings.getbool("NEWSCRAWL_CSV_NEUTRALISE_FORMULAS", True),
        )
        return cls(file, **kwargs)

    def start_exporting(self) -> None:
        # Appending (``-o`` on an existing file) continues it: no second BOM or header.
        if _at_start(self.file):
            if self.bom:
                self.file.write(codecs.BOM_UTF8)
            self.writer.writerow(self.columns)

    def export_item(self, item: Any) -> None:
        adapter = ItemAdapter(item)
        row: list[str] = []
        for name in self.fields:
            value = adapter.get(name)
            keys = OBJECT_COLUMNS.get(name)
            if keys is None:
                row.append(cell(value, neutralise=self.neutralise))
                continue
            obj = value if isinstance(value, dict) else {}
            row.extend(cell(obj.get(key), neutralise=self.neutralise) for key in keys)
        self.writer.writerow(row)

    def export_rows(self, items: Iterable[Any]) -> int:
        """Export every item; return how many (``newscrawl export``)."""
        count = 0
        for item in items:
            self.export_item(item)
            count += 1
        return count

    def finish_exporting(self) -> None:
        self.stream.flush()
        self.stream.detach()  # the feed storage (or the caller) owns and closes the file


def _at_start(file: IO[bytes]) -> bool:
    try:
        return file.tell() == 0
    except (OSError, AttributeError, io.UnsupportedOperation):
        return True  # a pipe or a post-processing wrapper: a new stream


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in {"0", "false", "no", "off", ""}
    return bool(value)
