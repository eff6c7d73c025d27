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
}

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {"csv": "newscrawl.exporters.ArticleCsvItemExporter"}

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"

# --- newscrawl ------------------------------------------------------------------------------
# Safety cap on pages walked in one paginated index (the real site repeats page 10 past the end).
NEWSCRAWL_MAX_INDEX_PAGES = 100

# ``scrapy crawl`` validates spider arguments up front (newscrawl/commands/crawl.py).
COMMANDS_MODULE = "newscrawl.commands"
