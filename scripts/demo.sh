#!/usr/bin/env bash
# Install newscrawl into .venv and run the main job on the bundled offline replica:
# four sites in three time zones, 2025-10-05..06, written to data/demo/articles.{jsonl,csv}.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/newscrawl demo "$@"
