"""The wheel holds the product: the crawler, the nightly tooling and what ``newscrawl demo``
needs (the replica and its data), but no gold set, evaluation or benchmark tooling."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Top-level folders a build never needs; building from a copy keeps the tree free of build/.
SKIP_TOP = {".venv", ".git", "build", "data", "out", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def _skip(folder: str, names: list[str]) -> set[str]:
    skipped = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    return skipped | (SKIP_TOP & set(names) if Path(folder) == ROOT else set())


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=_skip)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(tmp / "w")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = (tmp / "w").glob("newscrawl-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def test_the_wheel_has_no_gold_or_evaluation_tooling(wheel_files):
    stray = [
        name
        for name in wheel_files
        if any(word in name for word in ("gold", "evaluat", "bench", "tests/"))
    ]
    assert stray == []


def test_the_wheel_has_the_crawler_and_what_the_demo_needs(wheel_files):
    for needed in (
        "newscrawl/spiders/tribun.py",
        "newscrawl/story.py",
        "newscrawl/pipelines.py",
        "newscrawl/cli.py",
        "newscrawl/demo.py",
        "newscrawl/replica/server.py",
    ):
        assert needed in wheel_files
    assert any(name.startswith("newscrawl/replica/data/") for name in wheel_files)
