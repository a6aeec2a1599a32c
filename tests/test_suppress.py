"""Inline suppression comments and the unused-suppression check."""

from __future__ import annotations

import textwrap

from copylint.config import config_from_mapping
from copylint.engine import Linter

PACK = textwrap.dedent(
    """\
    pack: t
    rules:
      - id: boilerplate/marker
        message: "marker"
        scope: line
        patterns: [zzmark]
      - id: calque/other
        message: "other"
        patterns: [qqother]
    """
)


def lint(tmp_path, text):
    (tmp_path / "p.yaml").write_text(PACK)
    config = config_from_mapping(
        {"packs": ["."], "select": ["boilerplate/marker", "calque/other", "meta"]}, "<t>", tmp_path
    )
    return [(f.line, f.rule) for f in Linter(config).lint_text(text, "s.md")]


def test_disable_next_line_with_reason(tmp_path):
    text = "Title\n\n<!-- copylint: disable-next-line=boilerplate/marker -- quoted on purpose -->\nzzmark one\n\nzzmark two\n"
    assert lint(tmp_path, text) == [(6, "boilerplate/marker")]


def test_disable_and_enable_block_by_category(tmp_path):
    text = ("Title\n\n<!-- copylint: disable=boilerplate -->\nzzmark a\n\nzzmark b qqother\n"
            "<!-- copylint: enable=boilerplate -->\nzzmark c\n")
    assert lint(tmp_path, text) == [(6, "calque/other"), (8, "boilerplate/marker")]


def test_disable_everything_and_disable_line(tmp_path):
    text = "Title\n\nzzmark qqother <!-- copylint: disable-line -->\nzzmark\n"
    assert lint(tmp_path, text) == [(4, "boilerplate/marker")]
    text = "Title\n\n<!-- copylint: disable -->\nzzmark qqother\n"
    assert lint(tmp_path, text) == []


def test_unused_and_unknown_suppressions_are_reported(tmp_path):
    text = ("Title\n\n<!-- copylint: disable-next-line=boilerplate/marker -->\nA clean line.\n"
            "<!-- copylint: disable-next-line=boilerplate/no-such-rule -->\nzzmark\n")
    assert lint(tmp_path, text) == [
        (3, "meta/unused-suppression"), (5, "meta/unused-suppression"), (6, "boilerplate/marker")]


def test_comment_text_is_not_linted(tmp_path):
    text = "Title\n\n<!-- zzmark in a comment -->\nBody.\n"
    assert lint(tmp_path, text) == []
