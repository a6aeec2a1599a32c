"""Safe automatic fixes (``copylint check --fix`` and ``--diff``).

The contract, in one place:

* Only findings of rules that declare ``fixable = True`` (``fixable: true`` in a
  pack) are fixed, and only those left after suppressions and the baseline; a line
  holding a baselined finding is not touched at all.
* A finding whose suggestion is a string replaces its span with it.
* A finding whose suggestion is ``None`` or ``""`` deletes its span. When nothing
  but spaces or bullets is left on the span's line(s), the whole line goes,
  newline included, and so does one neighbouring blank line when the line stood
  between two blank lines (or at the start or end of the file), so no double
  blank line is left. Otherwise the spaces around the span are tidied so that
  no double space or space before punctuation is left.
* Overlapping fixes are not applied together: the text is linted again and the
  rest applied, until nothing changes (at most ``MAX_PASSES`` passes), so a
  second run changes nothing.
* Offsets are worked out on the text with line endings folded to ``\\n`` (what
  rules see) and mapped back to the original string, so untouched bytes,
  ``\\r\\n``/``\\r`` endings and a UTF-8 BOM are kept exactly.
"""

from __future__ import annotations

import bisect
import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import regex

MAX_PASSES = 5
BOM = "\ufeff"
_NEWLINE = regex.compile(r"\r\n|\r|\n")
# What may be left of a line once a deleted span is gone for the line to go too:
# spaces, bullets, quote marks of Markdown, dashes.
_LEFTOVER = regex.compile(r"[\s\W_]*")
_SPACES = " \t\u00a0"
_CLOSING = ".,;:!?)]}”’»"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (folded offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str
    rule: str = field(default="", compare=False)


@dataclass
class FixResult:
    text: str  # the fixed text, in the original's line endings
    findings: list  # what is left after fixing
    applied: int = 0  # fixes applied, over every pass
    rules: list[str] = field(default_factory=list)  # rule id of each fix applied


def fold(text: str) -> str:
    """The text as rules see it (the same folding as the Document model)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in regex.finditer("\n", text)]


def _offsets(finding, starts: list[int], length: int) -> tuple[int, int]:
    start = starts[finding.line - 1] + finding.column - 1
    end = starts[finding.end_line - 1] + finding.end_column - 1
    return min(start, length), min(end, length)


def edits_for(text: str, findings, fixable) -> list[Edit]:
    """The edits for the fixable findings of ``text`` (folded), sorted, maybe overlapping."""
    starts = _line_starts(text)
    edits = []
    for finding in findings:
        if not fixable(finding.rule):
            continue
        start, end = _offsets(finding, starts, len(text))
        if finding.suggestion:
            if text[start:end] != finding.suggestion:
                edits.append(Edit(start, end, finding.suggestion, finding.rule))
        else:
            edits.append(Edit(*_deletion(text, starts, start, end), "", finding.rule))
    return sorted(set(edits), key=lambda e: (e.start, e.end))


def _deletion(text: str, starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The span to delete for a finding at start..end: the span, or its whole lines."""
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, max(start, end - 1)) - 1
    line_start = starts[first]
    line_end = _line_end(text, starts, last)
    rest = text[line_start:start] + text[end:line_end]
    if _LEFTOVER.fullmatch(rest):
        return _line_deletion(text, starts, first, last)
    before, after = text[line_start:start], text[end:line_end]
    if not after.strip():  # trailing span: drop it with the spaces before it
        return len(before.rstrip(_SPACES)) + line_start, line_end
    if not before.strip():  # leading span: drop it with the spaces after it
        return start, end + len(after) - len(after.lstrip(_SPACES))
    gap_after = len(after) - len(after.lstrip(_SPACES))
    if before[-1] in _SPACES and (gap_after or after[0] in _CLOSING):
        # "said (Photo: X) that" -> "said that"; "said (Photo: X)." -> "said."
        gap_before = len(before) - len(before.rstrip(_SPACES))
        if gap_after:
            return start, end + gap_after
        return start - gap_before, end
    return start, end


def _line_end(text: str, starts: list[int], index: int) -> int:
    return starts[index + 1] - 1 if index + 1 < len(starts) else len(text)


def _is_blank(text: str, starts: list[int], index: int) -> bool:
    return not text[starts[index]:_line_end(text, starts, index)].strip()


def _line_deletion(text: str, starts: list[int], first: int, last: int) -> tuple[int, int]:
    """Delete lines first..last, and one blank neighbour if they stood between blanks."""
    final = len(starts) - 1
    blank_before = first == 0 or _is_blank(text, starts, first - 1)
    blank_after = last == final or _is_blank(text, starts, last + 1)
    if blank_before and blank_after:
        if last < final:
            last += 1
        elif first > 0:
            first -= 1
    if last < final:
        return starts[first], starts[last + 1]
    if first > 0:  # the file's last lines: take the newline before them
        return starts[first] - 1, len(text)
    return 0, len(text)


def apply_edits(original: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """Apply the non-overlapping edits (folded offsets) to ``original`` (any line endings).

    Returns the new text and the edits applied.
    """
    chosen: list[Edit] = []
    for edit in edits:
        if chosen and edit.start < chosen[-1].end:
            continue
        if chosen and edit.start == edit.end == chosen[-1].end:
            continue
        chosen.append(edit)
    if not chosen:
        return original, []
    mapping = _offset_map(original)
    newline = _dominant_newline(original)
    parts, cursor = [], 0
    for edit in chosen:
        start, end = mapping(edit.start), mapping(edit.end)
        parts.append(original[cursor:start])
        parts.append(edit.replacement.replace("\n", newline))
        cursor = end
    parts.append(original[cursor:])
    return "".join(parts), chosen


def _offset_map(original: str):
    """Folded offset -> offset in ``original``: each folded line starts where the
    original one does, and a line ending is one character when folded."""
    if "\r" not in original:
        return lambda offset: offset
    folded_starts, original_starts = [0], [0]
    for match in _NEWLINE.finditer(original):
        folded_starts.append(folded_starts[-1] + (match.start() - original_starts[-1]) + 1)
        original_starts.append(match.end())

    def mapping(offset: int) -> int:
        index = bisect.bisect_right(folded_starts, offset) - 1
        return original_starts[index] + offset - folded_starts[index]

    return mapping


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"


def fix_text(text: str, lint, fixable, keep=None) -> FixResult:
    """Fix ``text`` until stable.

    ``lint(text)`` returns the findings (suppressions applied); ``keep(findings)``,
    when given, returns those not in the baseline; ``fixable(rule_id)`` says whether
    a rule's findings may be fixed. A line holding a baselined finding is left as it
    is: fixing something else on it would change the line the baseline recognises
    the finding by.
    """
    from .engine import CONTEXT_LIMIT

    result = FixResult(text, [])
    protected: set[str] = set()
    for number in range(MAX_PASSES + 1):
        found = lint(result.text)
        result.findings = keep(found) if keep is not None else found
        if number == MAX_PASSES:
            break
        if keep is not None:
            fresh = {id(f) for f in result.findings}
            protected |= {f.context for f in found if id(f) not in fresh}
        lines = fold(result.text).split("\n")
        candidates = [
            f for f in result.findings
            if not any(line[:CONTEXT_LIMIT] in protected for line in lines[f.line - 1:f.end_line])
        ]
        new_text, applied = apply_edits(result.text, edits_for(fold(result.text), candidates, fixable))
        if not applied or new_text == result.text:
            break
        result.applied += len(applied)
        result.rules.extend(edit.rule for edit in applied)
        result.text = new_text
    return result


def unified_diff(original: str, fixed: str, name: str) -> str:
    """A unified diff like ``git diff`` prints, marking a missing final newline."""
    before = original.splitlines(keepends=True)
    after = fixed.splitlines(keepends=True)
    out = []
    old, new = (name, name) if os.path.isabs(name) else (f"a/{name}", f"b/{name}")
    for line in difflib.unified_diff(before, after, old, new):
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, text: str, bom: bool) -> None:
    """Write ``text`` as UTF-8 (with the BOM it had) through a temporary file in the
    same folder and ``os.replace``, keeping the file's permissions; a symlink's
    target is written, the link kept."""
    target = Path(os.path.realpath(path))
    data = ((BOM if bom else "") + text).encode("utf-8")
    mode = target.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".copylint-fix", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def has_bom(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(3) == BOM.encode("utf-8")
