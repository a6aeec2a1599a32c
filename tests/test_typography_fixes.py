"""The typography suggestions are real fixes: applied, they leave nothing to report."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter

LINTER = Linter(config_from_mapping({"select": ["typography"]}, "<test>", Path.cwd()))

TEXTS = [
    "Le Pen called the result « a humiliation » for the government.",
    "Il ministro ha definito il piano «una svolta» e «un dovere».",
    "Scholz sprach von einer „Zeitenwende“ und von ‚Verantwortung‘.",
    "Polish farmers called the deal „a betrayal” of the countryside.",
    "The Danish minister called it »a mistake« and left.",
    "He said  the talks\u00a0\u00a0would resume on Monday.",
    "A Swiss paper called it ‹unfair› twice.",
]


def _apply(text: str, findings) -> str:
    lines = text.split("\n")
    for finding in sorted(findings, key=lambda f: (f.line, f.column), reverse=True):
        line = lines[finding.line - 1]
        start, end = finding.column - 1, finding.end_column - 1
        lines[finding.line - 1] = line[:start] + finding.suggestion + line[end:]
    return "\n".join(lines)


@pytest.mark.parametrize("sentence", TEXTS)
def test_suggestions_fix_the_copy(sentence):
    text = f"Headline of the story\n\nPARIS, May 2 (AFP) - {sentence}\n"
    findings = LINTER.lint_text(text)
    assert findings and all(f.suggestion for f in findings)
    fixed = _apply(text, findings)
    assert LINTER.lint_text(fixed) == [], fixed
    assert not set(fixed) & set("«»„‚‹›")
