"""Scrapy settings for newscrawl: polite by default, every project setting prefixed NEWSCRAWL_.

Proxies come from the standard ``http_proxy``/``https_proxy`` environment variables through
Scrapy's ``HttpProxyMiddleware`` (enabled by default); the offline replica uses exactly that.
"""

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# The CDN answers 403 to bare bot user agents (STRUCTURE.md §5, [C1]); a browser-compatible
# string that still names the project and where to reach its maintainers.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36 newscrawl/0.1 (+https://github.com/newscrawl/newscrawl)"
)
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

ITEM_PIPELINES = {
    "newscrawl.pipelines.BoilerplatePipeline": 100,
    "newscrawl.pipelines.DatesPipeline": 200,
    "newscrawl.pipelines.DateWindowPipeline": 300,
    "newscrawl.pipelines.ValidationPipeline": 400,
    "newscrawl.pipelines.DedupePipeline": 500,
    # Revision numbering against the incremental state; NotConfigured when state is off.
    "newscrawl.state.StatePipeline": 600,
}

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {"csv": "newscrawl.exporters.ArticleCsvItemExporter"}

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
LOG_FORMATTER = "newscrawl.logformatter.NewscrawlLogFormatter"
# Drops are routine (neighbouring days in the index, duplicates): INFO, counted in the stats.
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"

# --- newscrawl ------------------------------------------------------------------------------
# Safety cap on pages walked in one paginated index (the real site repeats page 10 past the end).
NEWSCRAWL_MAX_INDEX_PAGES = 100

# ``scrapy crawl`` validates spider arguments up front (newscrawl/commands/crawl.py).
COMMANDS_MODULE = "newscrawl.commands"

# --- incremental nightly runs (issue 4; docs/nightly.md) -------------------------------------
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
# Also discover articles through the news sitemaps (§7): a second way in when an index page
# fails; entries outside the window are filtered by news:publication_date before fetching.
NEWSCRAWL_SITEMAPS = True
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

# Incremental state: page-1 article requests already exported are skipped before download.
DOWNLOADER_MIDDLEWARES = {
    "newscrawl.middlewares.SeenArticleMiddleware": 50,
    # After decompression (590): UTF-8 bytes under a wrong declared charset are read as UTF-8.
    "newscrawl.encoding.Utf8BodyMiddleware": 100,
    # Scrapy's redirects, but a page lost to a redirect loop or too many hops is counted and
    # logged at WARNING (Scrapy says DEBUG, or nothing for a loop): same place, 600.
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "newscrawl.redirects.CountedRedirectMiddleware": 600,
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
EXTENSIONS = {
    # The incremental state (NotConfigured when off); reached with crawler.get_extension().
    "newscrawl.state.StateStore": 100,
    "newscrawl.monitors.CoverageExtension": 450,  # must run before Spidermon's at close
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
    "newscrawl.progress.ProgressExtension": 600,
}
# Health monitors run for `newscrawl nightly` (which turns them on); a plain `scrapy crawl`
# keeps its log free of monitor ERROR lines and tracebacks (enable with -s SPIDERMON_ENABLED=True).
SPIDERMON_ENABLED = False
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
