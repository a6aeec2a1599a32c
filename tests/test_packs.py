"""YAML pack loading, validation and matching."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.packs import PackError, load_pack
from copylint.resources import builtin_pack_dir
from copylint.registry import build_registry


def write_pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent(body))
    return path


def lint(tmp_path, text, select):
    config = config_from_mapping({"packs": ["."], "select": select}, "<test>", tmp_path)
    return Linter(config).lint_text(text, "story.txt")


BASE = """\
    pack: t
    rules:
      - id: calque/always-according
        kind: substitution
        message: "Write “{suggestion}”, not “{match}”."
        swap:
          always according to: according to
          re:the past (Monday|Tuesday): last \\1
      - id: boilerplate/share
        message: "Share prompt “{match}”."
        scope: paragraph
        patterns:
          - share this
          - regex: '^Follow us on \\w+$'
        exceptions: [share this view]
      - id: typography/case-test
        message: "Shouting “{match}”."
        case-sensitive: true
        patterns: [NEWS]
"""


def test_substitution_phrases_and_regexes(tmp_path):
    write_pack(tmp_path, BASE)
    findings = lint(tmp_path, "Title here\n\nIt was so, always according to police. It rained the past Tuesday.\n",
                    ["calque/always-according"])
    assert [(f.line, f.column, f.suggestion) for f in findings] == [
        (3, 12, "according to"), (3, 50, "last Tuesday")]
    assert findings[0].message == "Write “according to”, not “always according to”."


def test_word_boundaries_case_and_whitespace(tmp_path):
    write_pack(tmp_path, BASE)
    text = "Title here\n\nAlways   according to x. Nevalways according to y.\nALWAYS ACCORDING\nTO z.\n"
    findings = lint(tmp_path, text, ["calque/always-according"])
    # doubled spaces do not match a phrase; a word inside another word does not;
    # case is ignored, and a line break counts as a space.
    assert [(f.line, f.column) for f in findings] == [(4, 1)]
    assert findings[0].end_line == 5


def test_case_sensitive_phrase(tmp_path):
    write_pack(tmp_path, BASE)
    findings = lint(tmp_path, "Title here\n\nNEWS and news.\n", ["typography/case-test"])
    assert [(f.line, f.column) for f in findings] == [(3, 1)]


def test_scope_anchors_and_exceptions(tmp_path):
    write_pack(tmp_path, BASE)
    text = "Title here\n\nFollow us on Twitter\n\nPlease share this story. They share this view.\n\nDo Follow us on X now\n"
    findings = lint(tmp_path, text, ["boilerplate/share"])
    assert [(f.line, f.column) for f in findings] == [(3, 1), (5, 8)]


@pytest.mark.parametrize(
    "body, message",
    [
        ("rules: []\n", "missing 'pack'"),
        ("pack: x\nrules:\n  - id: nocategory\n    message: m\n    patterns: [a]\n", "is not 'category/name'"),
        ("pack: x\nrules:\n  - id: weird/x\n    message: m\n    patterns: [a]\n", "unknown category 'weird'"),
        ("pack: x\nrules:\n  - id: calque/x\n    patterns: [a]\n", "missing 'message'"),
        ("pack: x\nrules:\n  - id: calque/x\n    message: m\n    scope: page\n    patterns: [a]\n", "scope must be one of"),
        ("pack: x\nrules:\n  - id: calque/x\n    message: m\n    patterns:\n      - regex: '(unclosed'\n", ":6: invalid regex"),
        ("pack: x\nrules:\n  - id: calque/x\n    message: m\n    patterns: [a]\n  - id: calque/x\n    message: m\n    patterns: [b]\n", ":6: rule calque/x is declared twice"),
        ("pack: x\nrules:\n  - id: calque/x\n    message: m\n    severity: loud\n    patterns: [a]\n", "unknown severity 'loud'"),
        ("pack: x\nrules:\n  - id: calque/x\n    kind: substitution\n    message: m\n    patterns: [a]\n", "use 'swap'"),
        ("pack: x\nextra: 1\nrules:\n  - id: calque/x\n    message: m\n    patterns: [a]\n", "unknown pack key(s): extra"),
        ("pack: x\nrules: [\n", "invalid YAML"),
    ],
)
def test_malformed_packs_name_file_and_line(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(PackError) as info:
        load_pack(path, "test")
    assert str(info.value).startswith(f"{path}:")
    assert message in str(info.value)


def test_catastrophic_regex_times_out_instead_of_hanging(tmp_path):
    write_pack(tmp_path, """\
        pack: slow
        rules:
          - id: typography/backtrack
            message: "m"
            scope: paragraph
            patterns:
              - regex: '^(a+)+$'
        """)
    text = "Title here\n\n" + "a" * 40 + "b\n"
    started = time.monotonic()
    findings = lint(tmp_path, text, ["typography/backtrack"])
    assert findings == []
    assert time.monotonic() - started < 10


def test_one_scan_of_the_story_serves_every_pack(tmp_path, monkeypatch):
    from copylint.packs import Pack, PackSet

    write_pack(tmp_path, BASE)
    (tmp_path / "second.yaml").write_text(
        "pack: second\nrules:\n  - id: calque/second\n    message: m\n    patterns: [in the frame of]\n")
    linter = Linter(config_from_mapping({"packs": ["."]}, "<test>", tmp_path))
    scans, own_scans = [], []
    original_scan, original_own = PackSet.scan, Pack._scan_alone
    monkeypatch.setattr(PackSet, "scan", lambda self, d: scans.append(1) or original_scan(self, d))
    monkeypatch.setattr(Pack, "_scan_alone", lambda self, d: own_scans.append(1) or original_own(self, d))
    findings = linter.lint_text("Title\n\nalways according to them, in the frame of the plan.\n", "s.txt")
    assert {"calque/always-according", "calque/second"} <= {f.rule for f in findings}
    assert scans == [1]
    assert own_scans == []  # no pack scans the story by itself in a run


def test_shipped_packs_load_and_declare_docs():
    registry = build_registry()
    for pack in registry.packs:
        assert pack.path.is_relative_to(builtin_pack_dir())
        for rule in pack.rules:
            assert rule.description and rule.message, rule.id


@pytest.mark.parametrize(
    "pattern, literals",
    [
        (r"always\s+according to", {"according to"}),
        (r"^(?:Read|See) (?:also|more)\b", {"also", "more"}),
        (r"the past (Monday|Tuesday)", {"the past "}),
        (r"(?<=^\W{0,6}|[.!?]\s{1,3})Photo:\s*\p{Lu}\p{L}+", {"photo:"}),
        (r"(a+)+$", None),
        (r"x?y", None),
        (r"\bfo|bar", None),  # an alternative with no selective literal
    ],
)
def test_required_literals(pattern, literals):
    from copylint.packs import required_literals

    assert required_literals(pattern) == (frozenset(literals) if literals else None)


@pytest.mark.parametrize(
    "pattern, rewritten",
    [
        (r"(?<=\d\s?)Mio\.", r"Mio\.(?<=\d\s?Mio\.)"),
        (r"(?<=\d\s)milliards?", r"milliard(?<=\d\smilliard)s?"),  # the s is optional
        (r"(?<!\b(?:was|is)\s+)\bassist\s+to", r"\bassist(?<!\b(?:was|is)\s+assist)\s+to"),
        (r"(?<=,\s)(?<!x\s)informed", r"informed(?<=,\sinformed)(?<!x\sinformed)"),
        (r"(?<=^[“(]?)(?-i:I)n\s+the", r"(?<=^[“(]?)(?-i:I)n\s+the"),  # no literal: unchanged
        (r"(?<=a)b", r"(?<=a)b"),  # one character: nothing to gain
        (r"(?x)(?<=a) bc", r"(?x)(?<=a) bc"),  # verbose: spaces are not text
        (r"always\s+according", r"always\s+according"),  # no lookbehind
    ],
)
def test_literal_first(pattern, rewritten):
    from copylint.packs import literal_first

    assert literal_first(pattern) == rewritten


def test_literal_first_matches_what_the_pattern_matches():
    """Every shipped pack regex finds the same spans and groups once rewritten."""
    import regex

    from copylint.packs import literal_first

    root = Path(__file__).resolve().parents[1]
    texts = [path.read_text(encoding="utf-8") for folder in ("examples", "tests/corpus",
             "tests/holdout", "tests/holdout2") for path in sorted((root / folder).rglob("*.txt"))]
    rewritten = 0
    for pack in build_registry().packs:
        for rule in pack.rules:
            flags = 0 if rule.case_sensitive else regex.IGNORECASE
            for pattern in rule.regexes:
                if literal_first(pattern.text) == pattern.text:
                    continue
                rewritten += 1
                before = regex.compile(pattern.text, flags)
                after = regex.compile(literal_first(pattern.text), flags)
                for text in texts + [rule.bad_example, rule.good_example]:
                    assert [(m.span(), m.groupdict()) for m in after.finditer(text)] == \
                        [(m.span(), m.groupdict()) for m in before.finditer(text)], (rule.id, pattern.text)
    assert rewritten >= 20  # the shipped packs do open many patterns with a lookbehind


def test_prefilter_never_hides_a_match(tmp_path):
    write_pack(tmp_path, """\
        pack: pre
        rules:
          - id: calque/prefiltered
            message: "m"
            patterns:
              - regex: '\\bcelebrat(?:e|ed|ing)\\s+(?:the\\s+)?elections\\b'
        """)
    text = ("Title here\n\nThe country CELEBRATED the Elections in May. Nothing here.\n"
            "They will celebrate elections soon.\n")
    findings = lint(tmp_path, text, ["calque/prefiltered"])
    assert [(f.line, f.column) for f in findings] == [(3, 13), (4, 11)]


def test_source_language_lists_gate_rules(tmp_path):
    write_pack(tmp_path, """\
        pack: shared
        source-language: [es, pt]
        rules:
          - id: calque/shared-frame
            message: "m"
            patterns: [in the frame of]
          - id: calque/french-only
            source-language: fr
            message: "m"
            patterns: [it is question of]
        """)
    text = "Title here\n\nAid came in the frame of the plan. It is question of money.\n"
    ours = {"calque/shared-frame", "calque/french-only"}
    assert {f.rule for f in lint(tmp_path, text, ["calque"])} & ours == ours
    for languages, expected in (([], {"calque/shared-frame", "calque/french-only"}),
                                (["pt"], {"calque/shared-frame"}),
                                (["fr", "de"], {"calque/french-only"})):
        config = config_from_mapping({"packs": ["."], "select": ["calque"],
                                      "source-languages": languages}, "<t>", tmp_path)
        assert {f.rule for f in Linter(config).lint_text(text, "s.txt")} & ours == expected
    (tmp_path / "pack.yaml").write_text("pack: x\nsource-language: [Spanish]\nrules:\n  - id: calque/x\n    message: m\n    patterns: [a]\n")
    with pytest.raises(PackError, match="'source-language' is a language code"):
        load_pack(tmp_path / "pack.yaml", "t")


def test_replacement_groups_work_with_lookarounds(tmp_path):
    write_pack(tmp_path, """\
        pack: look
        rules:
          - id: calque/look
            kind: substitution
            message: "Write “{suggestion}”."
            swap:
              "re:(?<=\\\\bthey )assist(?P<at>ed|s)?(?= to the meeting)": "attend\\\\g<at>"
              "re:never (\\\\w+)": "not \\\\1"
        """)
    text = "Title here\n\nYesterday they assisted to the meeting. It never rains.\n"
    findings = lint(tmp_path, text, ["calque/look"])
    assert [f.suggestion for f in findings] == ["attended", "not rains"]


def test_plain_replacement_compiles_no_pattern_alone(tmp_path):
    write_pack(tmp_path, """\
        pack: plain
        rules:
          - id: calque/plain
            kind: substitution
            message: "Write “{suggestion}”."
            swap:
              "re:(?<=, )informed(?=\\\\.)": "said"
              "re:never (\\\\w+)": "not \\\\1"
        """)
    text = "Title here\n\nTwo died, informed. It never rains.\n"
    config = config_from_mapping({"packs": ["."], "select": ["calque/plain"]}, "<t>", tmp_path)
    linter = Linter(config)
    assert [f.suggestion for f in linter.lint_text(text, "s.txt")] == ["said", "not rains"]
    rule = linter.registry.rules["calque/plain"]
    # Nothing to expand in "said": only the pattern with a group compiled on its own.
    assert ["match" in vars(single) for single in rule._singles] == [False, True]


def test_word_start_triggers_skip_longer_words(tmp_path):
    write_pack(tmp_path, """\
        pack: wordstart
        rules:
          - id: calque/count-with-test
            message: "m"
            patterns:
              - regex: '\\bcount\\s+with(?= the support)'
        """)
    text = "Title here\n\nThe country will count with the support of allies.\n\nThe country grew.\n"
    config = config_from_mapping({"packs": ["."], "select": ["calque/count-with-test"]}, "<t>", tmp_path)
    linter = Linter(config)
    findings = linter.lint_text(text, "s.txt")
    assert [(f.line, f.column) for f in findings] == [(3, 18)]
    pack = next(p for p in linter.registry.packs if p.name == "wordstart")
    from copylint.readers import read_document

    document = read_document(text, "s.txt")
    rule = pack.rules[0]
    assert len(pack.trigger_positions(document, rule)) == 1  # not the two "country"


def test_folding_knows_every_unicode_space():
    import regex

    from copylint.packs import _WHITESPACE

    expected = {c for c in map(chr, range(0x110000)) if c != " " and regex.match(r"\s", c)}
    assert set(_WHITESPACE) == expected


@pytest.mark.parametrize(
    "pattern, texts",
    [
        # \s+ is one space of the squeezed unit; an alternative takes the text after its group.
        (r"\b(?:according\s+to|after)\s+own\s+data\b", [{" own data"}, {"according to own data", "after own data"}]),
        (r"(?-i:I)n\s+the\s+result(?!s)\s+of\b", [{"in the result of"}]),  # through groups and zero-width items
        (r"\basked(?=\s+the\s+(?:resignation|release)\s+of)", [{"asked"}, {"asked the re"}, {"asked the resignation of", "asked the release of"}]),
        (r"(?<=\d\s)mil(?=\s+\p{Ll})", [{" mil"}, {" mil "}]),  # a lone lookbehind is text before
        (r"(?<!x)(?<=a)bcd", [{"bcd"}]),  # two lookbehinds: neither is read
        (r"came\s*during", [{"came"}, {"during"}]),  # \s* may be nothing
        (r"(?:word){e<=1}", []),  # fuzzy matching: nothing derived
        (r"ſince|x", []),
    ],
)
def test_unit_conditions(pattern, texts):
    from copylint.packs import unit_conditions

    assert sorted(map(sorted, unit_conditions(pattern))) == sorted(map(sorted, texts))


def test_unit_conditions_see_through_doubled_spaces(tmp_path):
    write_pack(tmp_path, """\
        pack: spaced
        rules:
          - id: calque/the-also-test
            message: "m"
            patterns:
              - regex: '\\bthe\\s+also(?=\\s+minister)'
        """)
    config = config_from_mapping({"packs": ["."], "select": ["calque/the-also-test"]}, "<t>", tmp_path)
    rule = next(p for p in Linter(config).registry.packs if p.name == "spaced").rules[0]
    assert rule.conditions == ((("the also minister",),),)  # one regex, one set of one text
    assert rule._may_match("by the   also  minister")
    assert not rule._may_match("the minister also")


def test_unit_conditions_never_hide_a_match():
    """Wherever a shipped rule's regexes match a unit, the unit holds its required texts."""
    from copylint.packs import _odd_case, _scope_units, folded_text
    from copylint.readers import read_document

    root = Path(__file__).resolve().parents[1]
    paths = [path for folder in ("examples", "tests/corpus", "tests/holdout", "tests/holdout2")
             for path in sorted((root / folder).rglob("*.txt"))]
    rules = [rule for pack in build_registry().packs for rule in pack.rules if rule.conditions]
    documents = [read_document(path.read_text(encoding="utf-8"), str(path)) for path in paths]
    documents += [read_document(f"Title\n\n{rule.bad_example}\n", "bad.txt") for rule in rules]
    # Conditions read \s+ as one space of the squeezed unit: spaces doubled too.
    documents += [read_document(f"Title\n\n{rule.bad_example.replace(' ', '  ')}\n", "bad.txt") for rule in rules]
    checked = 0
    for document in documents:
        assert not _odd_case(document)
        folded = folded_text(document)
        for rule in rules:
            for start, end in _scope_units(document, rule.scope):
                if rule._regex.search(document.text[start:end]):
                    checked += 1
                    assert rule._may_match(folded[start:end]), (rule.id, document.text[start:end])
    assert checked >= 20


def test_triggers_never_hide_a_match():
    """Wherever a shipped rule's regexes match, the story scan finds one of its
    trigger literals inside the match (the trigger choice only picks the units tried)."""
    from copylint.packs import _scope_units
    from copylint.readers import read_document

    root = Path(__file__).resolve().parents[1]
    paths = [path for folder in ("examples", "tests/corpus", "tests/holdout", "tests/holdout2")
             for path in sorted((root / folder).rglob("*.txt"))]
    packs = build_registry().packs
    rules = [(pack, rule) for pack in packs for rule in pack.rules if rule.regexes and rule.triggers]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    texts += [f"Title\n\n{rule.bad_example}\n" for _, rule in rules]
    checked = 0
    for text in texts:
        document = read_document(text, "s.txt")
        for pack, rule in rules:
            positions = pack.trigger_positions(document, rule)
            for start, end in _scope_units(document, rule.scope):
                for match in rule._regex.finditer(document.text[start:end]):
                    checked += 1
                    assert any(start + match.start() <= p < start + match.end() for p in positions), (
                        rule.id, match.group())
    assert checked >= 50


@pytest.mark.parametrize(
    "patterns, literals",
    [
        # 'always', not the longer 'according' that most news stories hold.
        ([r"\balways\s+according\s+to\b"], {"\x00always\x01"}),
        # The parser factors award|after into a(?:ward|fter): the a and the \b
        # before it stay on each alternative, the \s after the group ends them.
        ([r"\b(?:award|after)\s+\d+"], {"\x00award\x01", "\x00after\x01"}),
        ([r"(?:alpha|gamma)\s+x"], {"alpha\x01", "gamma\x01"}),
        # A whole word between \s and \s: ^own$ is not found in "down" or "owner".
        ([r"\b(?:according\s+to|after)\s+own\s+(?:data|figures)\b"], {"\x00own\x01"}),
        ([r"x(?=\s) foo\s"], {" foo\x01"}),  # a lookahead consumes no space: no word start
        # 'arriv' finds every 'arrive': the longer literal adds nothing.
        ([r"\barriv(?:e|ed|ing)\b", r"\barriv\w*\s+at"], {"\x00arriv"}),
    ],
)
def test_trigger_choice(patterns, literals):
    from copylint.packs import Pattern, _rule_triggers

    assert _rule_triggers([Pattern(p, True) for p in patterns]) == frozenset(literals)
