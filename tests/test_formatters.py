"""Report formats: golden files for a fixed story, and each CI format read back
the way its consumer reads it (SARIF against the official schema, JUnit with
ElementTree, GitHub commands with the runner's grammar).

Golden files live in tests/golden/; after an intended change of a format,
rewrite them with ``COPYLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_formatters.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.finding import Finding, Severity
from copylint.formatters import Report, render
from copylint.formatters.text import describe
from copylint.rule import Rule

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SCHEMA_PATH = HERE / "schemas" / "sarif-schema-2.1.0.json"
OASIS_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINDING_FIELDS = {"path", "line", "column", "end_line", "end_column", "rule", "severity",
                  "message", "suggestion", "context"}

# --- the fixed story --------------------------------------------------------

STORY_PATH = "stories/peru/chancay, día 1.txt"
CLEAN_PATH = "stories/peru/callao.txt"
BAD_PATH = "stories/peru/broken.txt"
STORY = (
    "Lima, 4 jun (EFE).- El puerto de Chancay recibió ayer su primer buque\n"
    "procedente de Shanghái, informó el ministerio.\n"
    "\n"
    "LIMA, June 4 (EFE) - The port of Chancay, north of Lima, received its first ship on Tuesday.\n"
    "Read more: Peru's exports rise 12%\n"
    "Transport minister Raúl Pérez said the terminal would “change the history of trade”.\n"
    "Minister Raul Perez added that 1.500 containers had arrived, the ministry said.\n"
)


class _ExampleRule(Rule):
    def check(self, document, options):  # metadata only: these findings are built by hand
        return ()


class Untranslated(_ExampleRule):
    id = "untranslated/example-paragraph"
    severity = Severity.ERROR
    description = "A paragraph left in the source language."
    rationale = "Readers of the English wire cannot read it; it was meant to be replaced."
    bad_example = "El puerto recibió su primer buque.\nThe port received its first ship."
    good_example = "The port received its first ship."


class RelatedLink(_ExampleRule):
    id = "boilerplate/example-link"
    severity = Severity.WARNING
    description = "A site's related-link line copied into the story."
    rationale = "Web chrome is not copy: it points at a page the wire client does not have."
    bad_example = "Read more: Peru's exports rise 12%"
    good_example = ""


class Spelling(_ExampleRule):
    id = "names/example-spelling"
    severity = Severity.WARNING
    description = "A name spelt two ways in one story."
    fixable = True


class Separator(_ExampleRule):
    id = "numbers/example-separator"
    severity = Severity.INFO
    description = "A thousands separator from the source language."
    rationale = "In English copy 1.500 reads as one and a half."
    bad_example = "1.500 containers"
    good_example = "1,500 containers"


RULES = {rule.id: rule() for rule in (Untranslated, RelatedLink, Spelling, Separator)}


def _at(needle: str, *, through: str | None = None) -> dict:
    """Line/column span of ``needle`` in STORY (to the end of ``through`` if given)."""
    start = STORY.index(needle)
    end = STORY.index(through, start) + len(through) if through else start + len(needle)
    line = STORY.count("\n", 0, start) + 1
    column = start - (STORY.rfind("\n", 0, start) + 1) + 1
    end_line = STORY.count("\n", 0, end - 1) + 1
    end_column = end - 1 - (STORY.rfind("\n", 0, end - 1) + 1) + 2
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "context": STORY.split("\n")[line - 1]}


def _finding(rule: str, message: str, suggestion: str | None, **where) -> Finding:
    return Finding(path=STORY_PATH, rule=rule, severity=RULES[rule].severity, message=message,
                   suggestion=suggestion, **where)


def story_report() -> Report:
    findings = sorted([
        _finding("untranslated/example-paragraph", "Paragraph left in Spanish; translate or delete it.",
                 None, **_at("Lima, 4 jun", through="ministerio.")),
        _finding("boilerplate/example-link", 'Site chrome: "Read more:" link, 100% boilerplate, not copy.',
                 "", **_at("Read more: Peru's exports rise 12%")),
        _finding("names/example-spelling", 'Name spelt "Raul Perez" here but "Raúl Pérez" on line 6.',
                 "Raúl Pérez", **_at("Raul Perez")),
        _finding("numbers/example-separator", "Spanish thousands separator in English copy: 1.500.",
                 "1,500", **_at("1.500")),
    ])
    errors = [f"{BAD_PATH}: not valid UTF-8 (byte 0xFF on line 3); convert the file to UTF-8"]
    return Report(findings, [CLEAN_PATH, STORY_PATH], errors, RULES, tool_version="1.2.3")


GOLDEN_FILES = {"text": "story.txt", "json": "story.json", "github": "story.github",
                "sarif": "story.sarif", "junit": "story.junit.xml"}


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_golden(fmt):
    out = render(fmt, story_report())
    golden = GOLDEN / GOLDEN_FILES[fmt]
    if os.environ.get("COPYLINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8", newline="")
    assert out == golden.read_text(encoding="utf-8")


def test_story_spans_are_what_they_claim():
    """The hand-built findings point at the text their messages name."""
    report = story_report()
    lines = STORY.split("\n")
    spans = {f.rule: lines[f.line - 1][f.column - 1:f.end_column - 1]
             for f in report.findings if f.line == f.end_line}
    assert spans == {"boilerplate/example-link": "Read more: Peru's exports rise 12%",
                     "names/example-spelling": "Raul Perez",
                     "numbers/example-separator": "1.500"}
    multi = [f for f in report.findings if f.line != f.end_line]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in multi] == [
        (1, 1, 2, len(lines[1]) + 1)]


# --- JSON ---------------------------------------------------------------------

def test_json_has_exactly_the_documented_fields():
    report = story_report()
    data = json.loads(render("json", report))
    assert len(data) == len(report.findings)
    for item, finding in zip(data, report.findings):
        assert set(item) == FINDING_FIELDS
        assert item["severity"] == str(finding.severity)
        assert Finding(**{**item, "severity": Severity.parse(item["severity"])}) == finding


def test_json_matches_the_schema_in_the_docs():
    doc = (HERE.parent / "docs" / "formats.md").read_text(encoding="utf-8")
    block = re.search(r"As a JSON Schema \(draft-07\):\n\n```json\n(.*?)```", doc, re.S)
    schema = json.loads(block.group(1))
    jsonschema.Draft7Validator.check_schema(schema)
    assert set(schema["items"]["properties"]) == FINDING_FIELDS
    for report in (story_report(), _engine_report()):
        jsonschema.validate(json.loads(render("json", report)), schema)


# --- GitHub -------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<kind>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def parse_github(output: str) -> list[dict]:
    """Read workflow commands back as the runner does: split properties on ','
    and '=', then undo the escapes."""
    commands = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match["props"].split(",")) if match["props"] else {}
        commands.append({"kind": match["kind"], "message": _unescape(match["message"]),
                         **{k: _unescape(v) for k, v in props.items()}})
    return commands


def test_github_lines_read_back_as_the_findings():
    report = story_report()
    commands = parse_github(render("github", report))
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    expected = [
        {"kind": kinds[str(f.severity)], "file": f.path, "line": str(f.line), "col": str(f.column),
         "endLine": str(f.end_line), "endColumn": str(f.end_column), "title": f.rule,
         "message": f.message}
        for f in report.findings
    ]
    assert commands[:len(expected)] == expected
    assert commands[len(expected):] == [{
        "kind": "error", "file": BAD_PATH, "title": "copylint",
        "message": "not valid UTF-8 (byte 0xFF on line 3); convert the file to UTF-8"}]


def test_github_escapes_what_would_cut_a_command_short():
    finding = Finding("a,b:c%d.txt", 1, 1, 1, 2, "x/y", Severity.ERROR,
                      "100% wrong:\r\nsee, here", None, "x")
    out = render("github", Report([finding], [finding.path]))
    assert out == ("::error file=a%2Cb%3Ac%25d.txt,line=1,col=1,endLine=1,endColumn=2,"
                   "title=x/y::100%25 wrong:%0D%0Asee, here\n")
    assert parse_github(out)[0]["file"] == "a,b:c%d.txt"
    assert parse_github(out)[0]["message"] == "100% wrong:\r\nsee, here"


def test_github_error_without_a_path():
    out = render("github", Report([], [], ["something went wrong"]))
    assert out == "::error title=copylint::something went wrong\n"


# --- SARIF --------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _validate(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$")


def test_vendored_schema_is_the_oasis_one(sarif_validator):
    schema = sarif_validator.schema
    assert schema["id"] == OASIS_ID
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    jsonschema.Draft4Validator.check_schema(schema)
    assert {"run", "result", "region", "fix", "notification"} <= set(schema["definitions"])


def test_sarif_is_valid_and_says_what_the_findings_say(sarif_validator):
    report = story_report()
    log = json.loads(render("sarif", report))
    _validate(sarif_validator, log)
    assert log["$schema"] == OASIS_ID and log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("copylint", "1.2.3")
    assert driver["informationUri"] == "https://github.com/copylint/copylint"
    assert [r["id"] for r in driver["rules"]] == sorted({f.rule for f in report.findings})
    assert len(run["results"]) == len(report.findings)
    for result, finding in zip(run["results"], report.findings):
        rule = driver["rules"][result["ruleIndex"]]
        assert result["ruleId"] == rule["id"] == finding.rule
        assert rule["defaultConfiguration"]["level"] == {
            "error": "error", "warning": "warning", "info": "note"}[str(RULES[finding.rule].severity)]
        assert rule["properties"]["category"] == finding.category
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            str(finding.severity)]
        assert result["message"]["text"] == finding.message
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert URI_REFERENCE.match(uri) and unquote(uri) == finding.path
        region = physical["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            finding.line, finding.column, finding.end_line, finding.end_column)
        assert physical["contextRegion"]["snippet"]["text"] == finding.context
        if finding.line == finding.end_line:
            assert region["snippet"]["text"] == finding.context[finding.column - 1:finding.end_column - 1]
        if finding.suggestion is None:
            assert "fixes" not in result
        else:
            (replacement,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
            assert replacement["insertedContent"]["text"] == finding.suggestion
            assert replacement["deletedRegion"]["startColumn"] == finding.column
            assert replacement["deletedRegion"]["endColumn"] == finding.end_column
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == BAD_PATH
    assert [a["location"]["uri"] for a in run["artifacts"]] == [CLEAN_PATH, "stories/peru/chancay%2C%20d%C3%ADa%201.txt"]


def test_sarif_rule_help_carries_the_examples():
    log = json.loads(render("sarif", story_report()))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    link = rules["boilerplate/example-link"]
    assert link["shortDescription"]["text"] == RelatedLink.description
    assert link["fullDescription"]["text"] == RelatedLink.rationale
    assert "Read more: Peru's exports rise 12%" in link["help"]["text"]
    assert "```text\nRead more: Peru's exports rise 12%\n```" in link["help"]["markdown"]
    separator = rules["numbers/example-separator"]["help"]["markdown"]
    assert "**Bad:**" in separator and "**Good:**" in separator and "1,500 containers" in separator


def test_sarif_edge_cases_stay_valid(sarif_validator):
    """No findings, unknown rules, absolute and odd paths, empty context."""
    empty = json.loads(render("sarif", Report([], ["a.txt"])))
    _validate(sarif_validator, empty)
    assert empty["runs"][0]["results"] == []
    assert empty["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    odd = [
        Finding("/abs/dir/story #1.txt", 1, 1, 1, 4, "x/not-registered", Severity.INFO, "m", None, ""),
        Finding("<stdin>", 2, 5, 2, 5, "x/not-registered", Severity.ERROR, "m", "", "line"),
        Finding(r"win\dir\story.txt", 1, 1, 1, 2, "x/not-registered", Severity.WARNING, "m", None, "ab"),
    ]
    log = json.loads(render("sarif", Report(sorted(odd), ["<stdin>", "<stdin>"], ["no path here"])))
    _validate(sarif_validator, log)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert uris == ["file:///abs/dir/story%20%231.txt", "%3Cstdin%3E", "win/dir/story.txt"]
    assert log["runs"][0]["tool"]["driver"]["rules"] == [{"id": "x/not-registered", "name": "NotRegistered"}]
    assert log["runs"][0]["invocations"][0]["toolExecutionNotifications"] == [
        {"level": "error", "message": {"text": "no path here"}}]


# --- JUnit --------------------------------------------------------------------

def test_junit_counts_and_contents():
    report = story_report()
    root = ET.fromstring(render("junit", report))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [CLEAN_PATH, STORY_PATH, BAD_PATH]
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == ("3", "1", "1")
    assert cases[0].find("failure") is None and cases[0].find("error") is None
    failures = cases[1].findall("failure")
    assert [(f.get("type"), f.get("message")) for f in failures] == [
        (f.rule, f.message) for f in report.findings]
    for failure, finding in zip(failures, report.findings):
        assert failure.text.startswith(f"{finding.path}:{finding.line}:{finding.column}: ")
        assert finding.context in failure.text
    (error,) = cases[2].findall("error")
    assert error.get("message") == "not valid UTF-8 (byte 0xFF on line 3); convert the file to UTF-8"


def test_junit_is_well_formed_with_hostile_text():
    nasty = 'Bad <tag> & "quotes" ]]> \x0c\x1b end'
    finding = Finding("a&b<c>.txt", 1, 1, 1, 4, "x/y", Severity.ERROR, nasty, nasty, nasty)
    out = render("junit", Report([finding], [finding.path], [f"z<1>.txt: {nasty}"]))
    root = ET.fromstring(out)  # raises if not well-formed
    case, bad = root.iter("testcase")
    assert case.get("name") == "a&b<c>.txt"
    assert case.find("failure").get("message") == nasty.replace("\x0c", "\ufffd").replace("\x1b", "\ufffd")
    assert bad.find("error").get("message").startswith("Bad <tag> &")


# --- text ---------------------------------------------------------------------

def _underlined(finding: Finding) -> tuple[str, str]:
    rows = describe(finding)
    return rows[1].removeprefix("    | "), rows[2].removeprefix("    | ")


def test_text_underline_under_curly_quotes_and_accents():
    report = story_report()
    spelling = next(f for f in report.findings if f.rule == "names/example-spelling")
    line, carets = _underlined(spelling)
    assert carets == " " * line.index("Raul Perez") + "^" * len("Raul Perez")
    context = "El ministro Pérez dijo: “Según el acuerdo, 1.500 barcos llegarán”."
    column = context.index("1.500") + 1
    finding = Finding("a.txt", 1, column, 1, column + 5, "x/y", Severity.INFO, "m", None, context)
    line, carets = _underlined(finding)
    assert line == context
    assert carets.index("^") == context.index("1.500") and carets.count("^") == 5


def test_text_underline_counts_display_columns_not_code_points():
    # "Cafe" + combining acute: 5 code points, 4 columns; 東京 is 2 characters, 4 columns.
    context = "Cafe\u0301 “Hola” 東京 fin"
    column = context.index("“Hola”") + 1
    finding = Finding("a.txt", 1, column, 1, column + 6, "x/y", Severity.INFO, "m", None, context)
    assert _underlined(finding)[1] == " " * 5 + "^" * 6
    column = context.index("東京") + 1
    finding = Finding("a.txt", 1, column, 1, column + 2, "x/y", Severity.INFO, "m", None, context)
    assert _underlined(finding)[1] == " " * 12 + "^" * 4


def test_text_underline_on_a_long_line():
    words = " ".join(f"palabra{i}" for i in range(60))
    context = f"{words} “Bogotá” {words}"
    column = context.index("“Bogotá”") + 1
    finding = Finding("a.txt", 1, column, 1, column + 8, "x/y", Severity.WARNING, "m", None, context)
    line, carets = _underlined(finding)
    assert line.startswith("…") and line.endswith("…") and len(line) <= 102
    start = carets.index("^")
    assert line[start:start + carets.count("^")] == "“Bogotá”"


# --- the real engine, and the CLI ---------------------------------------------

SUPPRESSED = (
    "QUITO, May 2 (AP) - Ecuador's electoral council confirmed the results on Thursday.\n"
    "<!-- copylint: disable-next-line=boilerplate/retired-check -->\n"
    "Turnout was 82%, the council said.\n"
)


def _engine_report() -> Report:
    linter = Linter(config_from_mapping({"select": ["meta/unused-suppression"]}, "<test>", Path.cwd()))
    findings = linter.lint_text(SUPPRESSED, "quito.md")
    return Report(findings, ["quito.md"], [], linter.registry.rules, tool_version="0.0.0")


def test_engine_findings_through_every_ci_format(sarif_validator):
    report = _engine_report()
    assert [(f.rule, f.line, f.column) for f in report.findings] == [("meta/unused-suppression", 2, 1)]
    log = json.loads(render("sarif", report))
    _validate(sarif_validator, log)
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "meta/unused-suppression" and rule["help"]["text"]
    (command,) = parse_github(render("github", report))
    assert (command["file"], command["line"], command["title"]) == ("quito.md", "2", "meta/unused-suppression")
    root = ET.fromstring(render("junit", report))
    assert root.get("failures") == "1" and len(list(root.iter("failure"))) == 1


def test_cli_writes_sarif_to_a_file(cli, tmp_path, sarif_validator):
    story = tmp_path / "quito.md"
    story.write_text(SUPPRESSED, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"caf\xe9\n")
    out = tmp_path / "report.sarif"
    result = cli("check", "--isolated", "--select", "meta/unused-suppression", "--format", "sarif",
                 "--output", str(out), str(story), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout == b""
    log = json.loads(out.read_text(encoding="utf-8"))
    _validate(sarif_validator, log)
    (finding,) = log["runs"][0]["results"]
    assert finding["ruleId"] == "meta/unused-suppression"
    assert finding["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True

    result = cli("check", "--isolated", "--select", "meta/unused-suppression", "--format", "sarif",
                 "--output", str(out), "broken.txt", cwd=tmp_path)
    assert result.returncode == 2
    log = json.loads(out.read_text(encoding="utf-8"))
    _validate(sarif_validator, log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.txt"
    assert "UTF-8" in note["message"]["text"]
