"""Spider arguments: strings from ``-a name=value``, validated once into typed values.

``scrapy crawl tribun -a …`` (newscrawl/commands/crawl.py), the spider itself and
``newscrawl nightly --site/--since/--until/--sections`` all go through :meth:`TribunParams.parse`,
so every entry point rejects the same inputs with the same one-line message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from newscrawl.sites import Site, parse_site_keys

_SECTION = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9-]+)*$")

SPIDER_ARGUMENTS = ("site", "since", "until", "sections")
"""The ``-a`` names the ``tribun`` spider understands."""
# Passed to every spider by scrapyd (the job id); not ours to reject.
SCHEDULER_ARGUMENTS = frozenset({"_job"})

NETWORK_FIRST_DAY = date(2010, 1, 1)
"""No window starts earlier: tribunnews.com went online in 2010 and the regional titles' web
pages live on its subdomains since (their older print archives were never on these sites)."""
DEFAULT_MAX_WINDOW_DAYS = 366
"""``NEWSCRAWL_MAX_WINDOW_DAYS``' default: a year of days is a big backfill; more is a typo."""
MAX_WINDOW_SETTING = "NEWSCRAWL_MAX_WINDOW_DAYS"


class ParamsError(ValueError):
    """A bad spider argument; the message is one line that names the valid choices."""


def _parse_day(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ParamsError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None


def check_argument_names(names: Iterable[str]) -> None:
    """Raise ``ParamsError`` naming every unknown ``-a`` argument and the valid ones."""
    unknown = sorted(n for n in names if n not in SPIDER_ARGUMENTS and n not in SCHEDULER_ARGUMENTS)
    if unknown:
        raise ParamsError(
            f"unknown spider argument(s) {', '.join(unknown)}; valid: {', '.join(SPIDER_ARGUMENTS)}"
        )


def _last_allowed_day(sites: Iterable[Site], now: datetime | None) -> date:
    """Tomorrow in the westernmost of ``sites``' zones: no site has published later than that."""
    moment = now or datetime.now(UTC)
    return min(moment.astimezone(s.tz).date() for s in sites) + timedelta(days=1)


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
        *,
        max_window_days: int | None = DEFAULT_MAX_WINDOW_DAYS,
        now: datetime | None = None,
    ) -> TribunParams:
        """Validate the arguments; ``max_window_days`` None skips the span check (trusted)."""
        try:
            # An empty site (``-a site=``) is an error, not www: only an absent one means www.
            sites = tuple(parse_site_keys("www" if site is None else site))
        except ValueError as exc:
            raise ParamsError(str(exc)) from None
        since_day = _parse_day("since", since) if since is not None else None
        until_day = _parse_day("until", until) if until is not None else None
        last = _last_allowed_day(sites, now)
        for name, day in (("since", since_day), ("until", until_day)):
            if day is not None and day > last:
                raise ParamsError(f"{name} ({day}) is in the future; the latest allowed is {last}")
            if day is not None and day < NETWORK_FIRST_DAY:
                raise ParamsError(
                    f"{name} ({day}) is before the Tribun Network went online ({NETWORK_FIRST_DAY})"
                )
        if since_day and until_day and since_day > until_day:
            raise ParamsError(f"since ({since_day}) is after until ({until_day})")
        if since_day and max_window_days is not None:
            span = ((until_day or last - timedelta(days=1)) - since_day).days + 1
            if span > max_window_days:
                raise ParamsError(
                    f"the window {since_day}..{until_day or 'today'} spans {span} days, more than"
                    f" {max_window_days}; crawl it in parts or raise {MAX_WINDOW_SETTING}"
                )
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

    @classmethod
    def from_arguments(
        cls, arguments: Mapping[str, Any], *, max_window_days: int | None = DEFAULT_MAX_WINDOW_DAYS
    ) -> TribunParams:
        """``-a`` arguments as given (a spider's keyword arguments): names checked, then parsed."""
        check_argument_names(arguments)
        known = {name: arguments[name] for name in SPIDER_ARGUMENTS if name in arguments}
        return cls.parse(**known, max_window_days=max_window_days)

    def window(self, site: Site, now: datetime | None = None) -> tuple[date, date]:
        """The inclusive local-date window for ``site``: default yesterday and today there."""
        today = (now or datetime.now(site.tz)).astimezone(site.tz).date()
        until = self.until or (max(today, self.since) if self.since else today)
        since = self.since or min(today - timedelta(days=1), until)
        return since, until


def days(since: date, until: date) -> list[date]:
    """Every date from ``since`` to ``until`` inclusive."""
    return [since + timedelta(days=i) for i in range((until - since).days + 1)]
