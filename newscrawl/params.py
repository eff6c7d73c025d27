"""Spider arguments: strings from ``-a name=value``, validated once into typed values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newscrawl.sites import Site, parse_site_keys

_SECTION = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9-]+)*$")


class ParamsError(ValueError):
    """A bad spider argument; the message is one line that names the valid choices."""


def _parse_day(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ParamsError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None


@dataclass(frozen=True, slots=True)
class TribunParams:
    """What to crawl: sites, an inclusive window of local dates, extra sections."""

    sites: tuple[Site, ...]
    since: date | None
    until: date | None
    sections: tuple[str, ...]

    @classmethod
    def parse(
        cls,
        site: str | None = "www",
        since: str | None = None,
        until: str | None = None,
        sections: str | None = None,
    ) -> TribunParams:
        try:
            sites = tuple(parse_site_keys(site or "www"))
        except ValueError as exc:
            raise ParamsError(str(exc)) from None
        since_day = _parse_day("since", since) if since else None
        until_day = _parse_day("until", until) if until else None
        if since_day and until_day and since_day > until_day:
            raise ParamsError(f"since ({since_day}) is after until ({until_day})")
        section_list = tuple(
            dict.fromkeys(
                s.strip().strip("/").lower() for s in (sections or "").split(",") if s.strip()
            )
        )
        bad = [s for s in section_list if not _SECTION.match(s)]
        if bad:
            raise ParamsError(
                f"sections must be section paths like nasional or news/nasional, got {', '.join(bad)}"
            )
        return cls(sites=sites, since=since_day, until=until_day, sections=section_list)

    def window(self, site: Site, now: datetime | None = None) -> tuple[date, date]:
        """The inclusive local-date window for ``site``: default yesterday and today there."""
        today = (now or datetime.now(site.tz)).astimezone(site.tz).date()
        until = self.until or (max(today, self.since) if self.since else today)
        since = self.since or min(today - timedelta(days=1), until)
        return since, until


def days(since: date, until: date) -> list[date]:
    """Every date from ``since`` to ``until`` inclusive."""
    return [since + timedelta(days=i) for i in range((until - since).days + 1)]
