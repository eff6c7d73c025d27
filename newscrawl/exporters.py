"""Feed exporters: CSV with list fields joined by "; " so each article stays one row."""

from __future__ import annotations

from typing import Any

from scrapy.exporters import CsvItemExporter

from newscrawl.items import ARTICLE_FIELDS, LIST_FIELDS

LIST_SEPARATOR = "; "


class ArticleCsvItemExporter(CsvItemExporter):
    """CSV in the item's field order; ``authors``/``tags`` joined with "; ", nulls empty."""

    def __init__(self, file: Any, **kwargs: Any) -> None:
        kwargs.setdefault("fields_to_export", list(ARTICLE_FIELDS))
        super().__init__(file, **kwargs)

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        if name in LIST_FIELDS and isinstance(value, list):
            return LIST_SEPARATOR.join(value)
        return super().serialize_field(field, name, value)
