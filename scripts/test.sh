#!/usr/bin/env bash
# Install newscrawl with its dev extras into .venv, lint, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check newscrawl tests bench
.venv/bin/ruff format --check --quiet newscrawl tests bench
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
