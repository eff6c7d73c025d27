"""Scrapy settings for newscrawl: only what differs from Scrapy 2.19's defaults, each with why.

Proxies come from the standard ``http_proxy``/``https_proxy`` environment variables through
Scrapy's ``HttpProxyMiddleware`` (enabled by default); the offline replica uses exactly that.
Project settings are prefixed ``NEWSCRAWL_``; code that reads one falls back to the value
here (``newscrawl.settings.NAME``), so a default lives in one place.
"""

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"
# ``scrapy crawl`` checks spider arguments and feed paths up front and exits non-zero when a
# feed could not be written (newscrawl/commands/crawl.py).
COMMANDS_MODULE = "newscrawl.commands"

# The CDN answers 403 to bare bot user agents (docs/site-structure.md §5); a browser-compatible
# string that still names the project and where to reach its maintainers.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36 newscrawl/0.1 (+https://github.com/newscrawl/newscrawl)"
)
# Polite: the sites publish robots.txt rules for crawlers (docs/site-structure.md §7).
ROBOTSTXT_OBEY = True

# At most 4 parallel requests per site (Scrapy: 8), a short delay that AutoThrottle then adapts
# to the site's response times, starting fast (Scrapy starts at 5 s) and never slower than 10 s.
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Throughput (bench/bench_crawl.py): Scrapy starts CONCURRENT_ITEMS tasks for every callback's
# output (100 by default) although each callback yields one item or a handful of requests and
# every pipeline is synchronous; one is enough. Scrapy's run-time check of generator callbacks
# for "return value" re-reads their source (inspect + ast) again and again: a test does it once
# (tests/test_throughput_settings.py).
CONCURRENT_ITEMS = 1
WARN_ON_GENERATOR_RETURN_VALUE = False
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
# A news page answers in seconds; Scrapy's 180 s would stall a nightly run on a hung server.
DOWNLOAD_TIMEOUT = 30
# One more retry than Scrapy's 2: the CDN sheds load with short bursts of 5xx/429.
RETRY_TIMES = 3
# Longest wait (seconds) for a 429/503's Retry-After before its retry (newscrawl/retry.py): the
# site's own pace, but "come back in an hour" must not park a nightly run.
NEWSCRAWL_MAX_RETRY_AFTER = 60
# A real article page is well under 1 MB (index pages too): 8 MiB leaves room for any redesign
# yet refuses a gzip bomb or a runaway page (Scrapy's 1 GiB cost 2 GB of memory) — refusals are
# counted in newscrawl/download/too_large; 2 MiB already logs a warning worth looking at.
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

# An unattended crawler needs no interactive console (Scrapy starts one and logs its password).
TELNETCONSOLE_ENABLED = False

# Items are cleaned, dated, windowed, validated and deduplicated here, in this order (one
# concern per pipeline, each counting what it drops under newscrawl/...).
ITEM_PIPELINES = {
    "newscrawl.pipelines.BoilerplatePipeline": 100,
    "newscrawl.pipelines.DatesPipeline": 200,
    "newscrawl.pipelines.DateWindowPipeline": 300,
    "newscrawl.pipelines.ValidationPipeline": 400,
    "newscrawl.pipelines.DedupePipeline": 500,
    # Revision numbering against the incremental state; NotConfigured when state is off.
    "newscrawl.state.StatePipeline": 600,
}

# Plain UTF-8 in the output instead of Scrapy's \uXXXX escapes in JSON.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {"csv": "newscrawl.exporters.ArticleCsvItemExporter"}

# DEBUG (Scrapy's default) logs every request and item: too much for a nightly log.
LOG_LEVEL = "INFO"
LOG_FORMATTER = "newscrawl.logformatter.NewscrawlLogFormatter"
# Drops are routine (neighbouring days in the index, duplicates): INFO, counted in the stats.
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"

# --- newscrawl ------------------------------------------------------------------------------
# Safety cap on pages walked in one paginated index (the real site repeats page 10 past the end).
NEWSCRAWL_MAX_INDEX_PAGES = 100
# Longest date window (days) a run accepts: a typo like 2205 for 2025 is refused instead of
# planning centuries of index pages; raise it for a deliberate backfill (newscrawl/params.py).
NEWSCRAWL_MAX_WINDOW_DAYS = 366

# --- incremental nightly runs (docs/nightly.md) ----------------------------------------------
# Where `newscrawl nightly` writes per-run output (<dir>/<site>/<YYYY-MM-DD>/tribun-<time>.jsonl),
# run reports and logs (<dir>/runs/<YYYY-MM-DD>/), the lock file and, by default, the state.
NEWSCRAWL_DATA_DIR = "data"
# SQLite file of the incremental state; None means <NEWSCRAWL_DATA_DIR>/state.sqlite3.
NEWSCRAWL_STATE_PATH = None
# Incremental state (skip already-exported articles, number revisions). Off for ad-hoc
# `scrapy crawl` runs, so they always fetch everything; `newscrawl nightly` turns it on.
NEWSCRAWL_STATE_ENABLED = False
# Exported articles published within this many days are fetched again to catch corrections.
NEWSCRAWL_RECHECK_DAYS = 2
# Seconds a state write waits for a lock another process holds before the commit fails (the run
# is then unhealthy, and the next run re-imports this run's output files).
NEWSCRAWL_STATE_TIMEOUT = 30
# Forget every exported article before crawling (`newscrawl nightly --reset-state`).
NEWSCRAWL_STATE_RESET = False
# Also discover articles through the news sitemaps (docs/site-structure.md §7): a second way in
# when an index page fails; entries outside the window are filtered by news:publication_date.
NEWSCRAWL_SITEMAPS = True
# Hand the window's index walks to Scrapy as its queue drains, not all at start, so memory does
# not grow with the window (a year of 60 sites is ~22,000 walks). A shared Redis queue
# (REDIS_URL, newscrawl/distributed.py) is always seeded at once.
NEWSCRAWL_PACE_START = True
# Run health (newscrawl/monitors.py, Spidermon): minimum share of extracted articles having each
# field, the most ERROR log lines tolerated, and the fewest articles a run must account for
# (emitted, unchanged or skipped as already exported).
NEWSCRAWL_MIN_COVERAGE_PUBLISHED_AT = 0.99
NEWSCRAWL_MIN_COVERAGE_BODY = 0.99
NEWSCRAWL_MIN_COVERAGE_TITLE = 0.99
NEWSCRAWL_MIN_COVERAGE_AUTHORS = 0.80
NEWSCRAWL_MAX_ERRORS = 0
# Share of article pages per site whose date was read from loose text because no known date
# markup was left (a redesign); above it the run is unhealthy although dates were read.
NEWSCRAWL_MAX_DATE_FALLBACK_SHARE = 0.01
NEWSCRAWL_MIN_ARTICLES = 1
# CSV (`newscrawl export` and `-O x.csv`): prefix text cells starting with = + - @ (tab, CR)
# with ' against formula injection.
NEWSCRAWL_CSV_NEUTRALISE_FORMULAS = True
# Seconds between live progress lines on stderr; 0 = off (nightly sets 10 on a terminal).
NEWSCRAWL_PROGRESS_INTERVAL = 0

# Each entry says why it is there; Scrapy's own middlewares stay in place unless replaced.
DOWNLOADER_MIDDLEWARES = {
    # Incremental state: page-1 article requests already exported are skipped before download.
    "newscrawl.middlewares.SeenArticleMiddleware": 50,
    # After decompression (590): UTF-8 bytes under a wrong declared charset are read as UTF-8.
    "newscrawl.encoding.Utf8BodyMiddleware": 100,
    # Scrapy's redirects, but a page lost to a redirect loop or too many hops is counted and
    # logged at WARNING (Scrapy says DEBUG, or nothing for a loop): same place, 600.
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "newscrawl.redirects.CountedRedirectMiddleware": 600,
    # Scrapy's decompression, also counting bodies refused over DOWNLOAD_MAXSIZE.
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "newscrawl.sizecap.SizeCapMiddleware": 590,
    # Scrapy's retries, but a 429/503 retry waits its Retry-After first (capped): same place, 550.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.retry.RetryAfterMiddleware": 550,
}
# Local feed files are written as .<name>.part and renamed into place when complete.
FEED_STORAGES = {
    "": "newscrawl.feeds.AtomicFileFeedStorage",
    "file": "newscrawl.feeds.AtomicFileFeedStorage",
}
# Health monitors at spider close (newscrawl/monitors.py). The add-on turns the NEWSCRAWL_*
# thresholds above into SPIDERMON_FIELD_COVERAGE_RULES and SPIDERMON_MAX_ERRORS.
ADDONS = {
    "newscrawl.monitors.MonitoringAddon": 0,
    # -s REDIS_URL=redis://host:6379/0: many workers share one queue (newscrawl/distributed.py).
    "newscrawl.distributed.RedisAddon": 0,
}
# The state store, the feed exporter's failure counting, health monitors and progress lines.
EXTENSIONS = {
    # The incremental state (NotConfigured when off); reached with crawler.get_extension().
    "newscrawl.state.StateStore": 100,
    # Scrapy's feed exporter, but an item a feed cannot take is logged once and counted.
    "scrapy.extensions.feedexport.FeedExporter": None,
    "newscrawl.feeds.CheckedFeedExporter": 0,
    "newscrawl.monitors.CoverageExtension": 450,  # must run before Spidermon's at close
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
    "newscrawl.progress.ProgressExtension": 600,
}
# Health monitors run for `newscrawl nightly`, which sets SPIDERMON_ENABLED (off by default, so
# a plain `scrapy crawl` keeps its log free of monitor ERROR lines; -s SPIDERMON_ENABLED=True).
SPIDERMON_ADD_FIELD_COVERAGE = True
# ArticleItem always has every field, None when missing; Spidermon counts None as present unless
# told otherwise, which would make every coverage 100 %.
SPIDERMON_FIELD_COVERAGE_SKIP_NONE = True
# Run when the engine stops, i.e. after the feeds are closed and the state is committed
# (at spider close both happen concurrently with the monitors): health includes the commit.
SPIDERMON_ENGINE_STOP_MONITORS = ["newscrawl.monitors.NightlyMonitorSuite"]
# Per-site exceptions to the coverage thresholds above: solo's (2020) template shows no
# "Penulis" byline at all (replica and real page R1), so authors cannot be expected there.
NEWSCRAWL_COVERAGE_SITE_OVERRIDES = {"solo": {"authors": 0.0}}
# Items dropped for these reasons still count in field coverage (they were extracted; see
# newscrawl/monitors.py): a page whose date or body markup broke is dropped, not emitted.
NEWSCRAWL_COVERAGE_DROPS = [
    "newscrawl.pipelines.MissingPublicationDate",
    "newscrawl.pipelines.NotAnArticle",
    "newscrawl.state.UnchangedArticle",
]
