"""newscrawl/feeds.py: the atomic feed file through links, and a failing feed reported once."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from newscrawl.feeds import AtomicFileFeedStorage, FeedWriteError, part_path


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_bytes(b"old\n")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    storage = AtomicFileFeedStorage(str(link), feed_options={"overwrite": True})
    fh = storage.open(None)  # type: ignore[arg-type]
    fh.write(b'{"url": "x"}\n')
    storage.store(fh)
    assert link.is_symlink()
    assert real.read_bytes() == b'{"url": "x"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.jsonl", "real.jsonl"]


class _FullDisk:
    """A file whose writes fail as on a full disk."""

    closed = False

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


def test_a_full_disk_is_reported_once_and_store_fails(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "run.jsonl"
    storage = AtomicFileFeedStorage(str(out), feed_options={"overwrite": True})
    monkeypatch.setattr(storage, "_open", lambda spider: _FullDisk())
    fh = storage.open(None)  # type: ignore[arg-type]
    for _ in range(1000):
        assert fh.write(b'{"url": "x"}\n') == 13  # dropped, not raised per item
    with pytest.raises(FeedWriteError, match="No space left on device"):
        storage.store(fh)
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "Cannot write feed" in errors[0].getMessage()
    assert not out.exists()
    assert not part_path(out).exists()
