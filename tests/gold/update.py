"""Rewrite chosen fields of gold cases' ``output.json`` from the current extractor, with a diff.

Usage::

    python tests/gold/update.py CASE [CASE …] --fields body,title
    python tests/gold/update.py --all --fields section        # every case
    python tests/gold/update.py CASE --fields body --dry-run  # show the diff only

Expected outputs come from ground truth (``make_gold.py``); this helper is for a *deliberate*
change (a convention decided again, a case whose truth was wrong), in the spirit of
``python -m web_poet.testing rerun --fields``: it prints a unified diff of every changed
field, so the change is visible in review, and touches only the fields named.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from newscrawl.items import ARTICLE_FIELDS
from tests.goldset import GOLD_DIR, IGNORED_FIELDS, load_cases

FIELDS = [f for f in ARTICLE_FIELDS if f not in IGNORED_FIELDS]


def _lines(value: object) -> list[str]:
    if isinstance(value, str):
        return value.split("\n")
    return json.dumps(value, ensure_ascii=False, indent=1).split("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="case folder names")
    parser.add_argument("--all", action="store_true", help="every case")
    parser.add_argument("--fields", required=True, help=f"comma-separated, of: {', '.join(FIELDS)}")
    parser.add_argument("--gold", default=str(GOLD_DIR))
    parser.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    args = parser.parse_args(argv)

    fields = [f.strip() for f in args.fields.split(",") if f.strip()]
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        parser.error(f"unknown field(s): {', '.join(unknown)}")
    cases = {c.name: c for c in load_cases(args.gold)}
    names = sorted(cases) if args.all else args.cases
    missing = [n for n in names if n not in cases]
    if missing or not names:
        parser.error(f"unknown case(s): {', '.join(missing) or '(none given)'}")

    changed = 0
    for name in names:
        case = cases[name]
        expected = dict(case.expected)
        actual = case.extract()
        for field in fields:
            if expected.get(field) == actual[field]:
                continue
            changed += 1
            diff = difflib.unified_diff(
                _lines(expected.get(field)), _lines(actual[field]),
                f"{name}/output.json:{field} (expected)", f"{name}:{field} (extractor)", lineterm="",
            )  # fmt: skip
            print("\n".join(diff))
            expected[field] = actual[field]
        if not args.dry_run and expected != case.expected:
            ordered = {f: expected[f] for f in FIELDS}
            path = Path(case.path) / "output.json"
            path.write_text(
                json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    verb = "would change" if args.dry_run else "changed"
    print(f"{verb} {changed} field value(s) in {len(names)} case(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
