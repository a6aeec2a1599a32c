"""`copylint check --fix` / `--diff`: golden before/after files, idempotence, bytes
left alone (encoding, BOM, line endings, suppressed and unfixable findings)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from copylint.config import Config
from copylint.engine import Linter
from copylint.finding import Finding, Severity
from copylint.fix import apply_edits, edits_for, fix_text, fold, unified_diff, write_atomic

GOLDEN = Path(__file__).parent / "golden_fix"
BEFORE = sorted(GOLDEN.glob("*.before.*"))
# The safe fixes the goldens exercise; selected so a new rule elsewhere cannot move them.
SAFE = ("boilerplate/site-chrome,boilerplate/related-link,boilerplate/share-prompt,"
        "duplicate/headline,typography/space-run,names/glossary,numbers/decimal-comma")


def _after(before: Path) -> Path:
    return before.with_name(before.name.replace(".before.", ".after."))


@pytest.mark.parametrize("before", BEFORE, ids=lambda p: p.name)
def test_golden_fix_then_nothing_left_to_fix(before, tmp_path, cli):
    target = tmp_path / before.name.replace(".before", "")
    shutil.copyfile(before, target)
    first = cli("check", "--isolated", "--select", SAFE, "--fix", str(target))
    assert first.returncode in (0, 1), first.stderr
    assert b"applied" in first.stderr
    assert target.read_bytes() == _after(before).read_bytes()
    stamp = target.stat().st_mtime_ns
    second = cli("check", "--isolated", "--select", SAFE, "--fix", str(target))
    assert b"nothing to fix" in second.stderr
    assert target.read_bytes() == _after(before).read_bytes()
    assert target.stat().st_mtime_ns == stamp  # not even rewritten


@pytest.mark.parametrize("before", BEFORE, ids=lambda p: p.name)
def test_golden_diff_previews_and_writes_nothing(before, tmp_path, cli):
    target = tmp_path / before.name.replace(".before", "")
    shutil.copyfile(before, target)
    result = cli("check", "--isolated", "--select", SAFE, "--diff", target.name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert target.read_bytes() == before.read_bytes()
    diff = result.stdout.decode("utf-8")
    assert diff.startswith(f"--- a/{target.name}\n+++ b/{target.name}\n@@ ")
    assert b"would be applied" in result.stderr
    clean = tmp_path / ("clean" + target.suffix)
    shutil.copyfile(_after(before), clean)
    again = cli("check", "--isolated", "--select", SAFE, "--diff", clean.name, cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == b""


@pytest.mark.parametrize("before", BEFORE, ids=lambda p: p.name)
def test_golden_lines_without_findings_are_kept_byte_for_byte(before):
    """Every non-blank line no selected rule flags is in the result, endings and all."""
    raw = before.read_bytes()
    text = raw.decode("utf-8-sig")
    config = Config().with_overrides(select=tuple(SAFE.split(",")))
    flagged = set()
    for finding in Linter(config).lint_text(text, before.name):
        flagged.update(range(finding.line, finding.end_line + 1))
    original_lines = text.splitlines(keepends=True)
    kept = [line for number, line in enumerate(original_lines, 1)
            if number not in flagged and line.strip() and not line.startswith("\ufeff")]
    after_lines = _after(before).read_bytes().decode("utf-8-sig").splitlines(keepends=True)
    position = 0
    for line in kept:
        assert line in after_lines[position:], f"{line!r} was changed or lost"
        position = after_lines.index(line, position) + 1
    assert raw.startswith(b"\xef\xbb\xbf") == _after(before).read_bytes().startswith(b"\xef\xbb\xbf")


# -- deletion semantics -------------------------------------------------------------

def _finding(text: str, start: int, end: int, rule="boilerplate/share-prompt", suggestion=None):
    starts = [0] + [i + 1 for i, c in enumerate(fold(text)) if c == "\n"]

    def position(offset):
        line = max(i for i, s in enumerate(starts) if s <= offset)
        return line + 1, offset - starts[line] + 1

    line, column = position(start)
    end_line, end_column = position(max(end, start + 1) - 1)
    return Finding("x.txt", line, column, end_line, end_column + 1, rule, Severity.WARNING,
                   "m", suggestion, "")


def _delete(text: str, phrase: str) -> str:
    start = fold(text).index(phrase)
    finding = _finding(text, start, start + len(phrase))
    return apply_edits(text, edits_for(fold(text), [finding], lambda rule: True))[0]


@pytest.mark.parametrize("text, phrase, expected", [
    # Between paragraphs: the line and one blank line go.
    ("Head\n\nBody one.\n\nShare this\n\nBody two.\n", "Share this", "Head\n\nBody one.\n\nBody two.\n"),
    # At the top: no blank line is left above the headline.
    ("Menu | A | B\n\nHead\n\nBody.\n", "Menu | A | B", "Head\n\nBody.\n"),
    # At the end, with and without a final newline (which is kept as it was).
    ("Head\n\nBody.\n\nSee also: X\n", "See also: X", "Head\n\nBody.\n"),
    ("Head\n\nBody.\n\nSee also: X", "See also: X", "Head\n\nBody."),
    # Inside a paragraph of several lines: only that line.
    ("Head\n\nBody one\nShare this\nBody two.\n", "Share this", "Head\n\nBody one\nBody two.\n"),
    # A bullet or quote mark left alone on the line goes with it.
    ("Head\n\n- Read more: X\n\nBody.\n", "Read more: X", "Head\n\nBody.\n"),
    # Part of a line: the span and the spaces it leaves.
    ("He spoke. (AP Photo/Evan Vucci) Then he left.\n", "(AP Photo/Evan Vucci)", "He spoke. Then he left.\n"),
    ("Police clear a square. EFE / Kulpash Konyrova\n", "EFE / Kulpash Konyrova", "Police clear a square.\n"),
    ("He said (Photo: EFE).\n", "(Photo: EFE)", "He said.\n"),
    ("<p>See also: X</p>\n<p>Body.</p>\n", "See also: X", "<p></p>\n<p>Body.</p>\n"),
    # CRLF and CR endings are kept.
    ("Head\r\n\r\nShare this\r\n\r\nBody.\r\n", "Share this", "Head\r\n\r\nBody.\r\n"),
    ("Head\r\rShare this\r\rBody.", "Share this", "Head\r\rBody."),
])
def test_deletion(text, phrase, expected):
    assert _delete(text, phrase) == expected


def test_replacement_maps_offsets_through_mixed_line_endings():
    text = "One\r\ntwo\rthree\nfour  five\r\n"
    start = fold(text).index("  ")
    finding = _finding(text, start, start + 2, rule="typography/space-run", suggestion=" ")
    fixed, applied = apply_edits(text, edits_for(fold(text), [finding], lambda rule: True))
    assert fixed == "One\r\ntwo\rthree\nfour five\r\n" and len(applied) == 1


def test_only_fixable_rules_are_touched():
    text = "Head\n\nThe rate rose to 8,4 % in May.\n"
    start = text.index("8,4")
    findings = [_finding(text, start, start + 3, rule="numbers/decimal-comma", suggestion="8.4"),
                _finding(text, 0, 4, rule="calque/something", suggestion="Headline")]
    edits = edits_for(fold(text), findings, lambda rule: rule == "numbers/decimal-comma")
    assert apply_edits(text, edits)[0] == "Head\n\nThe rate rose to 8.4 % in May.\n"


def test_overlapping_fixes_are_applied_over_several_passes():
    """A share prompt inside a chrome paragraph: one edit per pass, stable at the end."""
    linter = Linter(Config())
    rules = linter.registry.rules
    text = ("News Site\n\nHome | World | Sport\n\nFloods kill 15 in Brazil\n\nFloods kill 15 in Brazil\n\n"
            "PORTO ALEGRE, Brazil (AP) - At least 15 people died after  heavy rain.\n\n"
            "Share this article\n\nSee also: Storms expected\n")
    result = fix_text(text, lambda t: linter.lint_text(t, "x.txt"), lambda r: rules[r].fixable)
    assert result.text == ("Floods kill 15 in Brazil\n\n"
                           "PORTO ALEGRE, Brazil (AP) - At least 15 people died after heavy rain.\n")
    again = fix_text(result.text, lambda t: linter.lint_text(t, "x.txt"), lambda r: rules[r].fixable)
    assert again.text == result.text and again.applied == 0


def _corpus():
    return sorted((ROOT / "tests" / "corpus" / "dirty").glob("*.*")) + sorted(
        (ROOT / "examples").glob("*.txt"))


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_fix_is_idempotent_on_the_dirty_corpus(path):
    linter = Linter(Config())
    rules = linter.registry.rules
    fixable = lambda rule: rule in rules and rules[rule].fixable  # noqa: E731
    text = path.read_text(encoding="utf-8-sig")
    first = fix_text(text, lambda t: linter.lint_text(t, path.name), fixable)
    second = fix_text(first.text, lambda t: linter.lint_text(t, path.name), fixable)
    assert second.applied == 0 and second.text == first.text
    assert not [f for f in second.findings if fixable(f.rule) and f.suggestion != _span(first.text, f)]


def _span(text, finding):
    lines = fold(text).split("\n")
    return lines[finding.line - 1][finding.column - 1:finding.end_column - 1] if (
        finding.line == finding.end_line) else None


def test_seed_fix_is_idempotent(seed_path):
    linter = Linter(Config())
    rules = linter.registry.rules
    text = seed_path.read_text(encoding="utf-8-sig")
    fixable = lambda rule: rule in rules and rules[rule].fixable  # noqa: E731
    first = fix_text(text, lambda t: linter.lint_text(t, "seed.txt"), fixable)
    assert first.applied > 0
    assert fix_text(first.text, lambda t: linter.lint_text(t, "seed.txt"), fixable).applied == 0


# -- the command line ----------------------------------------------------------------

def test_baselined_findings_and_their_lines_are_not_fixed(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text("Head line here\n\nRates rose to 8,4 % in May and  then fell.\n", encoding="utf-8")
    cli("check", "--isolated", "--select", "typography/space-run", "--write-baseline", "base.json",
        "story.txt", cwd=tmp_path)
    with story.open("a", encoding="utf-8") as handle:
        handle.write("\nExports grew  by 2,5 % in June.\n")
    result = cli("check", "--isolated", "--select", "typography/space-run,numbers/decimal-comma",
                 "--baseline", "base.json", "--fix", "story.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the 8,4 on the baselined line is left
    assert story.read_text(encoding="utf-8") == (
        "Head line here\n\nRates rose to 8,4 % in May and  then fell.\n\nExports grew by 2.5 % in June.\n")
    assert b"numbers/decimal-comma" in result.stdout and b"space-run" not in result.stdout


def test_stdin_fix_prints_the_fixed_text_and_reports_on_stderr(cli):
    result = cli("check", "--isolated", "--select", "numbers/decimal-comma,typography/space-run", "--fix", "-",
                 stdin="Head line here\n\nRates rose to 8,4 % in May  and 0,2 % in June.\n".encode())
    assert result.stdout == "Head line here\n\nRates rose to 8.4 % in May and 0.2 % in June.\n".encode()
    assert b"All clear" in result.stderr


def test_fix_and_diff_are_exclusive_and_refuse_write_baseline(cli):
    assert cli("check", "--fix", "--diff", "x.txt").returncode == 2
    result = cli("check", "--fix", "--write-baseline", "b.json", "examples")
    assert result.returncode == 2 and b"cannot be combined" in result.stderr


def test_write_atomic_keeps_mode_and_writes_through_symlinks(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new\r\n", bom=True)
    assert link.is_symlink()
    assert real.read_bytes() == b"\xef\xbb\xbfnew\r\n"
    assert real.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if "copylint-fix" in p.name] == []


def test_unified_diff_marks_a_missing_final_newline():
    diff = unified_diff("a\nb", "a\nc", "s.txt")
    assert diff.endswith("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
