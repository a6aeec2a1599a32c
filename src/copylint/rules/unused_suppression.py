"""meta/unused-suppression: a suppression comment that no longer suppresses anything."""

from __future__ import annotations

from ..finding import Severity
from ..rule import Rule


class UnusedSuppression(Rule):
    id = "meta/unused-suppression"
    severity = Severity.WARNING
    description = "A copylint suppression comment that matches no finding."
    rationale = (
        "Suppressions outlive the problems they hid: once the copy is fixed, a stale "
        "`disable` comment would silently hide the next real problem on that line. "
        "The engine reports every directive that suppressed nothing (as ruff's "
        "unused-noqa check does); this rule exists so the check can be selected, "
        "ignored and explained like any other."
    )
    bad_example = "<!-- copylint: disable-next-line=boilerplate -->\nA clean paragraph."
    good_example = "A clean paragraph."

    def check(self, document, options):
        # The engine compares directives with the findings of every other rule;
        # a single rule cannot see those, so it reports nothing itself.
        return ()
