"""The article page object, split by job (see ``page.py`` for how the rooms compose).

``from newscrawl.pages.article import TribunArticlePage`` is the public entry point.
"""

from newscrawl.pages.article.page import TribunArticlePage

__all__ = ["TribunArticlePage"]
