"""Shared fixtures: the offline Tribun Network replica (an HTTP(S) proxy on 127.0.0.1).

The crawler keeps its real ``https://….tribunnews.com`` URLs; a test routes them to the replica
through Scrapy's own proxy support (``https_proxy``/``http_proxy``), so nothing in the spider
knows it is under test.

* ``replica`` (session): the running :class:`~newscrawl.replica.ReplicaServer`.
* ``fresh_replica``: the same server with counted faults re-armed (``flaky-500`` fails twice
  again) and its request log cleared, for a test that checks a full crawl.
* ``replica_env``: the proxy environment variables, to merge into a subprocess environment.
* ``replica_proxy``: sets those variables in ``os.environ`` for an in-process crawl.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newscrawl.replica import ReplicaServer


@pytest.fixture(scope="session")
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0) as srv:
        yield srv


@pytest.fixture
def fresh_replica(replica: ReplicaServer) -> ReplicaServer:
    replica.reset_faults()
    return replica


@pytest.fixture
def replica_env(replica: ReplicaServer) -> dict[str, str]:
    """``https_proxy``, ``http_proxy``, ``HTTPS_PROXY``, ``HTTP_PROXY`` and empty ``no_proxy``."""
    return replica.env()


@pytest.fixture
def replica_proxy(replica: ReplicaServer, monkeypatch: pytest.MonkeyPatch) -> ReplicaServer:
    for key, value in replica.env().items():
        monkeypatch.setenv(key, value)
    return replica


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-internet",
        action="store_true",
        help="also run tests marked requires_internet (they reach the live site)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``requires_internet`` are skipped unless ``--run-internet`` is given."""
    if config.getoption("--run-internet"):
        return
    skip = pytest.mark.skip(reason="needs the live site; run with --run-internet")
    for item in items:
        if "requires_internet" in item.keywords:
            item.add_marker(skip)
