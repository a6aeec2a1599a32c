"""Output formats: a registry of small modules sharing one interface.

Each module exposes ``render(report: Report) -> str``. Modules are imported only
when their format is asked for, so the default path stays light.
"""

from __future__ import annotations

import importlib
from collections import Counter
from functools import partial

FORMATS = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "html": "html",
}


class Report:
    """Everything a formatter may show about one run (a plain class, not a dataclass:
    importing dataclasses costs a one-file run more than formatting its report)."""

    def __init__(self, findings: list, files: list[str] | None = None, errors: list[str] | None = None,
                 rules: dict | None = None, color: bool = False, statistics: bool = False,
                 tool_version: str = "", sources: dict | None = None, bodies: list[bytes] | None = None):
        self.findings = findings  # of Finding, sorted
        self.files = files if files is not None else []  # every file linted (clean ones too)
        self.errors = errors if errors is not None else []  # one-line input errors
        self.rules = rules if rules is not None else {}  # rule id -> Rule, for metadata
        self.color = color
        self.statistics = statistics
        self.tool_version = tool_version
        # path -> full text of each linted file; filled only for formats that show the
        # documents themselves (html), so the other formats keep no copies.
        self.sources = sources if sources is not None else {}
        # Each file's findings as the format writes them, in UTF-8, formatted by the
        # workers of a parallel run (see body_formatter), in report order; ``findings``
        # are then runner.Tally records. None: the format writes them from ``findings``.
        self.bodies = bodies

    def counts_by_severity(self) -> Counter:
        return Counter(str(f.severity) for f in self.findings)

    def counts_by_rule(self) -> Counter:
        return Counter(f.rule for f in self.findings)


def render(name: str, report: Report) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.render(report)


def render_chunks(name: str, report: Report):
    """The report in pieces: formats that can (``stream``) never build it whole."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    stream = getattr(module, "stream", None)
    return stream(report) if stream else [module.render(report)]


def body_formatter(name: str, color: bool = False):
    """``body(findings) -> str``: one file's findings as format ``name`` writes them
    in its report; None for a format whose report is not its findings one after
    another. Why: the workers of a parallel run format their own files, so the
    parent only writes the pieces (its serial share is what limits the speed-up)."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    body = getattr(module, "body", None)
    return None if body is None else partial(body, color=color)
