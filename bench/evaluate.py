"""Score newscrawl and trafilatura side by side on the gold set.

Run ``.venv/bin/python bench/evaluate.py [--gold tests/gold] [--json]``. For every gold case
(``tests/goldset.py``) both extractors get the same saved pages and fetch time:

* newscrawl: ``tests.goldset.extract_story`` on all the case's pages (the crawl's story merge
  and item pipelines);
* trafilatura: ``bare_extraction(html, url=…, with_metadata=True, include_comments=False)``
  on each page; the bodies of a multi-page story are concatenated (the best a generic
  extractor can do), metadata comes from page 1.

Metrics (macro-averaged over cases): body token precision / recall / F1 (``\\w+`` tokens,
lower-cased, multiset overlap), the share of bodies equal paragraph by paragraph, title
accuracy, published_at accuracy as an instant and as the exact ISO string with its offset,
authors (set equality, None == []), tags (set equality) and the number of boilerplate phrases
of docs/site-structure.md §2 leaked into bodies. Real pages (``meta.json`` ``source``
starting with "real": saved from the real site, or verbatim fragments of it) and pages this
project made (hand-made from the site description, or rendered by the replica) are scored
separately: a score on made pages says less, since the same people wrote pages and extractor.
It prints a table per group and one summary line each, and always exits 0: it reports;
``tests/test_gold.py`` enforces.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscrawl.boilerplate import leaked_phrases
from newscrawl.sites import SITES
from tests.goldset import GOLD_DIR, GoldCase, load_cases

_TOKEN = re.compile(r"\w+")
_WS = re.compile(r"\s+")


def tokens(text: str | None) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text or ""))


def prf(predicted: str | None, gold: str | None) -> tuple[float, float, float]:
    """Token precision, recall and F1 of a body against the gold body."""
    pred, ref = tokens(predicted), tokens(gold)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def paragraphs(body: str | None, sep: str = "\n\n") -> list[str]:
    out = []
    for part in (body or "").split(sep):
        norm = _WS.sub(" ", part).strip()
        if norm:
            out.append(norm)
    return out


def leaks(body: str | None) -> Counter[str]:
    return leaked_phrases(body)


def _instant(value: str | None, zone_key: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:  # generous to zone-less output: read it in the site's zone
        moment = moment.replace(tzinfo=SITES.get(zone_key, SITES["www"]).tz)
    return moment


def _names(value: Sequence[str] | str | None) -> frozenset[str]:
    if not value:
        return frozenset()
    if isinstance(value, str):
        value = re.split(r"\s*[;,]\s*|\s+dan\s+", value)
    return frozenset(_WS.sub(" ", v).strip().casefold() for v in value if v and v.strip())


@dataclass
class Prediction:
    """What one extractor said about one case (the compared fields only)."""

    title: str | None = None
    body_paragraphs: list[str] = field(default_factory=list)
    published_at: str | None = None
    authors: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()

    @property
    def body(self) -> str:
        return "\n\n".join(self.body_paragraphs)


def predict_newscrawl(case: GoldCase) -> Prediction:
    got = case.extract()
    return Prediction(
        title=got["title"],
        body_paragraphs=paragraphs(got["body"]),
        published_at=got["published_at"],
        authors=_names(got["authors"]),
        tags=_names(got["tags"]),
    )


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def predict_trafilatura(case: GoldCase) -> Prediction | None:
    trafilatura = _trafilatura()
    if trafilatura is None:
        return None
    docs = [
        trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={
                "extensive_search": True,
                "original_date": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
        for html, url in case.pages
    ]
    first = docs[0]
    body: list[str] = []
    for doc in docs:
        if doc is not None:
            body += paragraphs(doc.text, "\n")
    if first is None:
        return Prediction(body_paragraphs=body)
    return Prediction(
        title=first.title,
        body_paragraphs=body,
        published_at=first.date,
        authors=_names(first.author),
        tags=_names(list(first.tags or []) or None),
    )


@dataclass
class Score:
    """Per-extractor totals over the gold set."""

    name: str
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    exact: list[bool] = field(default_factory=list)
    title: list[bool] = field(default_factory=list)
    instant: list[bool] = field(default_factory=list)
    iso: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    tags: list[bool] = field(default_factory=list)
    leaked: Counter[str] = field(default_factory=Counter)
    failures: dict[str, list[str]] = field(default_factory=dict)

    def add(self, case: GoldCase, pred: Prediction) -> None:
        exp = case.expected
        zone = case.meta.get("site", "www")
        p, r, f = prf(pred.body, exp["body"])
        self.precision.append(p)
        self.recall.append(r)
        self.f1.append(f)
        checks = {
            "exact": pred.body_paragraphs == paragraphs(exp["body"]),
            "title": _WS.sub(" ", pred.title or "").strip() == (exp["title"] or ""),
            "instant": _instant(pred.published_at, zone) == _instant(exp["published_at"], zone),
            "iso": pred.published_at == exp["published_at"],
            "authors": pred.authors == _names(exp["authors"]),
            "tags": pred.tags == _names(exp["tags"]),
        }
        for key, ok in checks.items():
            getattr(self, key).append(ok)
            if not ok:
                self.failures.setdefault(key, []).append(case.name)
        self.leaked.update(leaks(pred.body))

    def summary(self) -> dict[str, float]:
        def mean(xs: list[float] | list[bool]) -> float:
            return statistics.fmean(xs) if xs else 0.0

        return {
            "body_precision": mean(self.precision),
            "body_recall": mean(self.recall),
            "body_f1": mean(self.f1),
            "body_exact": mean(self.exact),
            "title": mean(self.title),
            "published_at_instant": mean(self.instant),
            "published_at_iso": mean(self.iso),
            "authors": mean(self.authors),
            "tags": mean(self.tags),
            "leaked_phrases": float(sum(self.leaked.values())),
        }


ROWS: list[tuple[str, str, Callable[[float], str]]] = [
    ("body_precision", "body token precision (macro)", lambda v: f"{v:.4f}"),
    ("body_recall", "body token recall (macro)", lambda v: f"{v:.4f}"),
    ("body_f1", "body token F1 (macro)", lambda v: f"{v:.4f}"),
    ("body_exact", "bodies exactly equal", lambda v: f"{v:.1%}"),
    ("title", "title accuracy", lambda v: f"{v:.1%}"),
    ("published_at_instant", "published_at (instant)", lambda v: f"{v:.1%}"),
    ("published_at_iso", "published_at (ISO + offset)", lambda v: f"{v:.1%}"),
    ("authors", "authors accuracy", lambda v: f"{v:.1%}"),
    ("tags", "tags accuracy", lambda v: f"{v:.1%}"),
    ("leaked_phrases", "boilerplate phrases leaked", lambda v: f"{int(v)}"),
]


@dataclass
class Group:
    """The scores of one kind of page: ``real`` or ``made``."""

    name: str
    cases: int
    pages: int
    ours: Score
    theirs: Score | None


GROUPS = {"real": "real pages", "made": "pages made by this project"}


def evaluate(gold_dir: Path | str = GOLD_DIR) -> list[Group]:
    """One :class:`Group` per kind of page that has cases, real pages first."""
    cases = load_cases(gold_dir)
    with_trafilatura = _trafilatura() is not None
    groups = []
    for name in GROUPS:
        members = [c for c in cases if c.is_real == (name == "real")]
        if not members:
            continue
        ours = Score("newscrawl")
        theirs = Score("trafilatura") if with_trafilatura else None
        for case in members:
            ours.add(case, predict_newscrawl(case))
            if theirs is not None:
                pred = predict_trafilatura(case)
                if pred is not None:
                    theirs.add(case, pred)
        n_pages = sum(len(c.pages) for c in members)
        groups.append(Group(name, len(members), n_pages, ours, theirs))
    return groups


def render_table(ours: Score, theirs: Score | None) -> str:
    a, b = ours.summary(), theirs.summary() if theirs else None
    width = max(len(label) for _k, label, _f in ROWS)
    lines = [
        f"{'metric':<{width}} | {'newscrawl':>11} | {'trafilatura':>11}",
        f"{'-' * width}-+-{'-' * 11}-+-{'-' * 11}",
    ]
    for key, label, fmt in ROWS:
        other = fmt(b[key]) if b else "n/a"
        lines.append(f"{label:<{width}} | {fmt(a[key]):>11} | {other:>11}")
    return "\n".join(lines)


def summary_line(group: Group) -> str:
    def part(score: Score) -> str:
        s = score.summary()
        return (
            f"{score.name} body F1 {s['body_f1']:.3f}, exact {s['body_exact']:.1%}, "
            f"published_at {s['published_at_iso']:.0%}, title {s['title']:.0%}, "
            f"authors {s['authors']:.0%}, tags {s['tags']:.0%}, leaks {int(s['leaked_phrases'])}"
        )

    tail = f" | {part(group.theirs)}" if group.theirs else " | trafilatura not installed"
    head = f"gold, {GROUPS[group.name]}: {group.cases} cases ({group.pages} pages)"
    return f"{head}: {part(group.ours)}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/evaluate.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", default=str(GOLD_DIR), help="gold set folder (default: tests/gold)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list newscrawl's failing cases per metric"
    )
    args = parser.parse_args(argv)
    groups = evaluate(args.gold)
    if args.json:
        out = {g.name: {"cases": g.cases, "pages": g.pages, "newscrawl": g.ours.summary(),
                        "trafilatura": g.theirs.summary() if g.theirs else None,
                        "newscrawl_leaks": dict(g.ours.leaked),
                        "trafilatura_leaks": dict(g.theirs.leaked) if g.theirs else None,
                        "newscrawl_failures": g.ours.failures}
               for g in groups}  # fmt: skip
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for group in groups:
        ours, theirs = group.ours, group.theirs
        print(f"\n{GROUPS[group.name]} ({group.cases} cases, {group.pages} pages)")
        print(render_table(ours, theirs))
        if args.verbose:
            for metric, names in sorted(ours.failures.items()):
                print(f"newscrawl misses {metric}: {', '.join(names)}")
            if ours.leaked:
                print(f"newscrawl leaks: {dict(ours.leaked)}")
        if theirs and theirs.leaked:
            top = ", ".join(f"{k} ×{v}" for k, v in theirs.leaked.most_common(6))
            print(f"trafilatura's most leaked phrases: {top}")
    print()
    for group in groups:
        print(summary_line(group))
    return 0


if __name__ == "__main__":
    sys.exit(main())
