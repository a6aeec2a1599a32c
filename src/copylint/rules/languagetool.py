"""grammar/languagetool: agreement, word-order and spelling errors found by LanguageTool.

Machine translation leaves errors no pattern of ours describes ("the ministers has
said", "a informal meeting", "recieved"); LanguageTool has thousands of rules for them.
Each of its matches becomes a finding ``grammar/<LanguageTool rule id>``. The rule is
silent, and imports nothing, unless a server url or a local install is configured.
"""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule


def _defaults() -> dict:
    from ..languagetool.settings import DEFAULTS

    return dict(DEFAULTS)


class LanguageToolRule(Rule):
    id = "grammar/languagetool"
    severity = Severity.WARNING
    description = "Grammar, agreement and spelling errors reported by a LanguageTool server."
    rationale = (
        "Machine-translated copy is full of small grammatical faults (subject-verb "
        "agreement, a/an, word order, misspelt common words) that read as careless to "
        "subscribers. LanguageTool checks for thousands of them. copylint sends the "
        "headline and body paragraphs (never the dateline or page chrome) to a "
        "LanguageTool server you run, the public API, or a local install, caches the "
        "answers on disk, and reports each match as grammar/<LanguageTool rule id>. "
        "LanguageTool rules that copylint already covers (repeated words, space runs, "
        "quotes, lower-case sentence starts) are disabled, and spelling matches on "
        "capitalised words (names of people and places) are dropped by default, since "
        "wire copy is full of names no dictionary has. Off unless configured: see "
        "docs/languagetool.md."
    )
    bad_example = "The ministers has agreed to a informal meeting on Tuesday."
    good_example = "The ministers have agreed to an informal meeting on Tuesday."
    options = _defaults()

    def check(self, document, options):
        if not (options.get("url") or options.get("local")):
            return ()
        return self._hits(document, options)

    def _hits(self, document, options):
        from ..languagetool.session import Skipped, session_for
        from ..languagetool.settings import severity_for
        from ..languagetool.units import document_units
        from ..source import InputError

        session = session_for(options)
        settings = session.settings
        units = document_units(document, settings["batch-size"])
        try:
            results = session.results(units)
        except Skipped as exc:
            if settings["required"]:
                raise InputError(f"{document.path}: {exc} (LanguageTool is required)") from None
            session.warn_once("skipped", f"{exc}; grammar checks skipped")
            return
        for unit, found in zip(units, results):
            for match in found:
                words = unit.text[match["start"]:match["end"]]
                if match["issue"] == "misspelling" and words[:1].isupper() and not settings["check-proper-nouns"]:
                    continue
                replacements = match["replacements"]
                message = match["message"]
                if len(replacements) > 1:
                    message += f" (or: {', '.join(replacements[1:4])})"
                yield Hit(
                    unit.start + match["start"],
                    unit.start + max(match["end"], match["start"] + 1),
                    message,
                    replacements[0] if replacements else None,
                    rule=f"grammar/{match['rule']}",
                    severity=Severity.parse(severity_for(settings, match["issue"])),
                )
