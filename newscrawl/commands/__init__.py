"""Project commands: ``crawl`` with spider-argument validation before anything starts."""
