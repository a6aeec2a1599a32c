"""grammar/languagetool against a stand-in LanguageTool server (tests/lt_server.py).

The real client path runs end to end: copylint's engine, language-tool-python's
``LanguageTool`` (languages query, request parameters), HTTP on 127.0.0.1, LanguageTool's
JSON. Nothing is mocked; the server is made slow, failing or absent instead.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytest.importorskip("language_tool_python")

sys.path.insert(0, str(Path(__file__).parent))
from lt_server import FakeLanguageTool  # noqa: E402

from copylint.config import ConfigError, config_from_mapping  # noqa: E402
from copylint.document import Document  # noqa: E402
from copylint.engine import Linter  # noqa: E402
from copylint.finding import Hit, Severity  # noqa: E402
from copylint.languagetool import session as lt_session  # noqa: E402
from copylint.languagetool.settings import settings_from_flags, validate_settings  # noqa: E402
from copylint.languagetool.units import Unit, Utf16Map, batches, document_units, utf16_len  # noqa: E402
from copylint.registry import Registry  # noqa: E402
from copylint.rule import Rule  # noqa: E402
from copylint.rules.languagetool import LanguageToolRule  # noqa: E402

STORY = textwrap.dedent("""\
    Ministers back trade pact

    LIMA, Peru, May 4 (EFE) - The ministers has recieved a informal offer from Tokayevv on Tuesday.

    Officials said the talks would resume in June.
    """)


@pytest.fixture
def server():
    with FakeLanguageTool() as fake:
        yield fake


@pytest.fixture(autouse=True)
def fresh_sessions():
    """Each test is one 'run': sessions (and their warnings) do not leak across tests."""
    yield
    for session in lt_session._SESSIONS.values():
        session.close()
    lt_session._SESSIONS.clear()


class DoubleSpace(Rule):
    """Another rule, to show it still runs when LanguageTool cannot."""

    id = "typography/test-double-space"
    description = "Two spaces in a row."

    def check(self, document, options):
        return [Hit(m.start(), m.end(), "Two spaces.") for m in re.finditer("  ", document.text)]


def registry():
    """Only the rules these tests need, so other rules' work in progress cannot break them."""
    rules = Registry()
    rules.add(LanguageToolRule(), "test")
    rules.add(DoubleSpace(), "test")
    return rules


def lint(text, settings, tmp_path, select=("grammar/languagetool",)):
    options = {"cache-dir": str(tmp_path / "cache"), **settings}
    config = config_from_mapping({"select": list(select), "rules": {"grammar/languagetool": options}},
                                 "<test>", tmp_path)
    return Linter(config, registry()).lint_text(text, "story.txt")


def spans(findings, text):
    lines = text.splitlines()
    return [(f.rule, f.line, f.column, lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in findings]


# -- mapping ------------------------------------------------------------------
def test_matches_become_grammar_findings_with_suggestions(server, tmp_path):
    findings = lint(STORY, {"url": server.url}, tmp_path)
    assert spans(findings, STORY) == [
        ("grammar/PLURAL_VERB_AFTER_THIS", 3, 41, "has"),
        ("grammar/MORFOLOGIK_RULE_EN_US", 3, 45, "recieved"),
        ("grammar/EN_A_VS_AN", 3, 54, "a"),
    ]
    assert [f.suggestion for f in findings] == ["have", "received", "an"]
    assert findings[0].message.startswith("The verb ‘has’ does not agree")


def test_dateline_is_not_sent_and_request_carries_wire_defaults(server, tmp_path):
    lint(STORY, {"url": server.url}, tmp_path)
    (request,) = server.requests
    assert "LIMA" not in request["text"] and request["text"].startswith("Ministers back trade pact\n\nThe ministers")
    assert request["language"] == "en-US"
    disabled = request["disabledRules"].split(",")
    assert {"ENGLISH_WORD_REPEAT_RULE", "WHITESPACE_RULE", "UPPERCASE_SENTENCE_START"} <= set(disabled)


def test_no_doubles_of_our_own_rules(server, tmp_path):
    text = "Talks\n\nThe the talks  resumed on Monday.\n"
    assert lint(text, {"url": server.url}, tmp_path) == []
    # A user who wants LanguageTool's version back can enable it.
    again = lint(text, {"url": server.url, "enabled-rules": ["WHITESPACE_RULE"], "cache": False}, tmp_path)
    assert [f.rule for f in again] == ["grammar/WHITESPACE_RULE"]


def test_issue_types_map_to_severities(server, tmp_path):
    text = "Talks\n\nOfficials met in order to recieved a offer.\n"
    settings = validate_settings("<t>", {"url": server.url, "cache-dir": str(tmp_path),
                                         "severities": {"misspelling": "error"}})
    document = Document.from_text(text, "story.txt")
    hits = {h.rule: h.severity for h in LanguageToolRule().check(document, settings)}
    assert hits == {
        "grammar/EN_PLAIN_ENGLISH_REPLACE": Severity.INFO,  # style
        "grammar/MORFOLOGIK_RULE_EN_US": Severity.ERROR,  # configured
        "grammar/EN_A_VS_AN": Severity.ERROR,  # LanguageTool types it misspelling
    }


def test_capitalised_misspellings_are_names_unless_asked(server, tmp_path):
    text = "Visit\n\nPresident Tokayevv visited Almatyy on Monday.\n"
    assert lint(text, {"url": server.url}, tmp_path) == []
    named = lint(text, {"url": server.url, "check-proper-nouns": True}, tmp_path)
    assert [(f.column, f.suggestion) for f in named] == [(11, "Tokayev"), (28, "Almaty")]


def test_language_variant_is_sent(server, tmp_path):
    text = "Paint\n\nThe colour of the flag changed.\n"
    us = lint(text, {"url": server.url}, tmp_path)
    gb = lint(text, {"url": server.url, "language": "en-GB"}, tmp_path)
    assert [f.rule for f in us] == ["grammar/MORFOLOGIK_RULE_EN_US"] and gb == []
    assert [r["language"] for r in server.requests] == ["en-US", "en-GB"]


# -- offsets --------------------------------------------------------------------
def test_utf16_map_matches_java_offsets():
    text = "a😀b🇰🇿c 𝔘 d"
    offsets = Utf16Map(text)
    for index in range(len(text) + 1):
        assert offsets.to_python(len(text[:index].encode("utf-16-le")) // 2) == index
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2


def test_astral_characters_do_not_shift_findings(server, tmp_path):
    text = "Fans 🎉 cheer 🇵🇪\n\nThe crowd 😀😀 waved 🇵🇪 flags as officials has recieved a offer.\n\n𝐍ote: a informal 🎉 meeting.\n"
    findings = lint(text, {"url": server.url}, tmp_path)
    assert [(rule, line, col, s) for rule, line, col, s in spans(findings, text)] == [
        ("grammar/PLURAL_VERB_AFTER_THIS", 3, 42, "has"),
        ("grammar/MORFOLOGIK_RULE_EN_US", 3, 46, "recieved"),
        ("grammar/EN_A_VS_AN", 3, 55, "a"),
        ("grammar/EN_A_VS_AN", 5, 7, "a"),
    ]


# -- batching -------------------------------------------------------------------
def long_story(paragraphs=12):
    body = "\n\n".join(f"Paragraph {i} says the officials has met again in city number {i}." for i in range(paragraphs))
    return f"Long story\n\n{body}\n"


def test_paragraphs_are_batched_under_the_size_limit(server, tmp_path):
    text = long_story()
    findings = lint(text, {"url": server.url, "batch-size": 200}, tmp_path)
    assert len(server.requests) > 3
    assert all(utf16_len(t) <= 200 for t in server.texts)
    assert len([f for f in findings if f.rule == "grammar/PLURAL_VERB_AFTER_THIS"]) == 12
    assert sorted(f.line for f in findings) == [3 + 2 * i for i in range(12)]


def test_requests_in_flight_are_bounded(tmp_path):
    with FakeLanguageTool(delay=0.15) as slow:
        lint(long_story(), {"url": slow.url, "batch-size": 100, "max-in-flight": 2}, tmp_path)
        assert len(slow.requests) >= 6
        assert slow.max_in_flight_seen == 2


def test_a_paragraph_longer_than_a_batch_is_cut_at_sentences():
    sentence = "The officials has met. "
    text = "Head\n\n" + sentence * 30 + "\n"
    document = Document.from_text(text, "story.txt")
    units = document_units(document, 100)
    assert len(units) > 5 and all(utf16_len(u.text) <= 100 for u in units)
    assert all(text[u.start:u.start + len(u.text)] == u.text for u in units)
    assert all(u.text.endswith(".") for u in units[1:])


def test_batches_pack_in_order():
    units = [Unit(i * 10, "x" * 8) for i in range(5)]
    assert [len(b) for b in batches(units, 20)] == [2, 2, 1]


# -- cache ------------------------------------------------------------------------
def test_warm_cache_sends_nothing_and_edits_send_only_the_edit(server, tmp_path):
    first = lint(STORY, {"url": server.url}, tmp_path)
    assert len(server.requests) == 1
    lt_session._SESSIONS.clear()  # a new run
    assert lint(STORY, {"url": server.url}, tmp_path) == first
    assert len(server.requests) == 1
    edited = STORY.replace("resume in June", "resume in July")
    lint(edited, {"url": server.url}, tmp_path)
    assert server.texts[-1] == "Officials said the talks would resume in July."


def test_cache_is_keyed_by_rule_settings(server, tmp_path):
    lint(STORY, {"url": server.url}, tmp_path)
    lint(STORY, {"url": server.url, "disabled-rules": ["EN_A_VS_AN"]}, tmp_path)
    assert len(server.requests) == 2
    assert "EN_A_VS_AN" in server.requests[1]["disabledRules"]


def test_warm_cache_works_with_the_server_gone(tmp_path):
    with FakeLanguageTool() as fake:
        url = fake.url
        first = lint(STORY, {"url": url}, tmp_path)
    lt_session._SESSIONS.clear()
    assert lint(STORY, {"url": url}, tmp_path) == first


# -- failures -----------------------------------------------------------------------
def test_server_errors_are_retried(server, tmp_path):
    server.fail_next(503, count=1, retry_after=0)
    server.fail_next(429, count=1, retry_after=0)
    findings = lint(STORY, {"url": server.url}, tmp_path)
    assert len(findings) == 3 and len(server.requests) == 3


def test_500_without_retry_after_backs_off(server, tmp_path):
    server.fail_next(500, count=1)
    started = time.monotonic()
    assert len(lint(STORY, {"url": server.url}, tmp_path)) == 3
    assert time.monotonic() - started >= lt_session.BACKOFF


def test_persistent_failure_warns_once_and_other_rules_run(server, tmp_path, capsys):
    server.fail_next(500, count=50, retry_after=0)
    text = STORY.replace("informal offer", "informal  offer")
    for _ in range(2):
        findings = lint(text, {"url": server.url, "retries": 1}, tmp_path,
                        select=("grammar/languagetool", "typography/test-double-space"))
        assert [f.rule for f in findings] == ["typography/test-double-space"]
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"copylint: warning: LanguageTool at {server.url} failed (HTTP 500: Error: Internal "
                   "Error: java.lang.RuntimeException: test failure); grammar checks skipped"]
    assert len(server.requests) == 2  # gave up on the server for the rest of the run


def test_413_halves_the_batch(tmp_path):
    with FakeLanguageTool(max_text_length=180) as small:
        findings = lint(long_story(6), {"url": small.url, "batch-size": 1000}, tmp_path)
        assert len(findings) == 6
        refused = [t for t in small.texts if utf16_len(t) > 180]
        assert refused and len(small.texts) > len(refused) + 1


def test_413_on_one_paragraph_is_a_clear_warning(tmp_path, capsys):
    with FakeLanguageTool(max_text_length=30) as tiny:
        assert lint(STORY, {"url": tiny.url}, tmp_path) == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "refused a paragraph of 69 characters as too long (HTTP 413: Error: Your text exceeds the limit of 30" in err
    assert "set languagetool batch-size below the server's limit" in err


def test_absent_server_warns_quickly(tmp_path, capsys):
    with FakeLanguageTool() as gone:
        url = gone.url
    started = time.monotonic()
    assert lint(STORY, {"url": url}, tmp_path) == []
    assert time.monotonic() - started < 5
    assert capsys.readouterr().err.strip() == (
        f"copylint: warning: LanguageTool at {url} not reachable (connection refused); grammar checks skipped")


def test_slow_server_times_out(tmp_path, capsys):
    with FakeLanguageTool(delay=3) as slow:
        started = time.monotonic()
        assert lint(STORY, {"url": slow.url, "timeout": 0.3, "retries": 1}, tmp_path) == []
        assert time.monotonic() - started < 2.5
    assert f"LanguageTool at {slow.url} not reachable (no answer within 0.3 s)" in capsys.readouterr().err


def test_unknown_language_is_a_warning(server, tmp_path, capsys):
    assert lint(STORY, {"url": server.url, "language": "xx-YY"}, tmp_path) == []
    assert "language 'xx-YY' not offered" in capsys.readouterr().err


# -- settings and flags ------------------------------------------------------------------
def test_settings_validation():
    assert validate_settings("f", None) == {} and validate_settings("f", False) == {}
    assert validate_settings("f", "http://lt:8010")["url"] == "http://lt:8010"
    for bad, says in [({"url": "http://x", "colour": 1}, "unknown key 'colour'"),
                      ({"url": "lt:8010"}, "http:// or https://"),
                      ({"url": "http://x", "timeout": -1}, "must be above 0"),
                      ({"url": "http://x", "disabled-rules": [1]}, "list of LanguageTool ids"),
                      ({"url": "http://x", "severities": {"style": "loud"}}, "error, warning or info"),
                      ({"language": "en-GB"}, "needs 'url'"),
                      ({"url": "http://x", "local": True}, "not both")]:
        with pytest.raises(ConfigError, match=says):
            validate_settings("f", bad)


def test_config_key_is_validated_by_the_config_loader(tmp_path):
    config = config_from_mapping({"languagetool": {"url": "public"}}, "c.yaml", tmp_path)
    assert config.languagetool["url"] == "public" and config.languagetool["max-in-flight"] == 2
    with pytest.raises(ConfigError, match="c.yaml: languagetool: unknown key 'server'"):
        config_from_mapping({"languagetool": {"server": "x"}}, "c.yaml", tmp_path)


def test_flags():
    configured = validate_settings("f", {"url": "http://a", "language": "en-GB"})
    assert settings_from_flags(configured, None, False, False) is None
    assert settings_from_flags(configured, None, False, True) == {}
    moved = settings_from_flags(configured, "http://b", True, False)
    assert (moved["url"], moved["language"], moved["required"]) == ("http://b", "en-GB", True)
    assert settings_from_flags({}, "http://b", False, False)["url"] == "http://b"
    with pytest.raises(ConfigError, match="no LanguageTool configured"):
        settings_from_flags({}, None, True, False)


# -- the command line ---------------------------------------------------------------------
def write_project(tmp_path, settings):
    import yaml

    (tmp_path / ".copylint.yaml").write_text(yaml.safe_dump(
        {"select": ["grammar/languagetool"],
         "rules": {"grammar/languagetool": {"cache-dir": str(tmp_path / "cache"), **settings}}}))
    (tmp_path / "story.txt").write_text(STORY)


def test_cli_findings_and_exit_code(server, tmp_path, cli):
    write_project(tmp_path, {"url": server.url})
    result = cli("check", "story.txt", cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 1, result.stderr
    assert "story.txt:3:41" in out and "grammar/PLURAL_VERB_AFTER_THIS" in out


def test_cli_unreachable_keeps_exit_code_unless_required(tmp_path, cli):
    with FakeLanguageTool() as gone:
        url = gone.url
    write_project(tmp_path, {"url": url})
    result = cli("check", "story.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.decode().count("copylint: warning: LanguageTool at") == 1
    write_project(tmp_path, {"url": url, "required": True})
    required = cli("check", "story.txt", cwd=tmp_path)
    assert required.returncode == 2
    assert "not reachable (connection refused)" in required.stderr.decode()


def test_unconfigured_rule_is_silent_and_imports_nothing(tmp_path, cli):
    (tmp_path / "story.txt").write_text(STORY)
    probe = ("import sys, copylint; from copylint.engine import Linter; from copylint.config import Config;"
             "f = Linter(Config(select=('grammar/languagetool',))).lint_text(open('story.txt').read());"
             "print(len(f), 'language_tool_python' in sys.modules, 'requests' in sys.modules)")
    import subprocess

    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True)
    assert result.stdout.split() == ["0", "False", "False"], result.stderr


def test_warm_cache_run_does_not_import_the_client(server, tmp_path):
    import subprocess

    write_project(tmp_path, {"url": server.url})
    probe = ("import sys; from copylint.cli import main; code = main(['check', '-q', 'story.txt']);"
             "print(code, 'language_tool_python' in sys.modules, file=sys.stderr)")
    subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True)
    warm = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True)
    assert warm.stderr.split()[-2:] == ["1", "False"], warm.stderr
    assert len(server.requests) == 1


# -- a local install managed by language-tool-python -----------------------------------------
def fake_install(tmp_path, java_body):
    """A LanguageTool 'install' for language-tool-python and a `java` that plays it."""
    install = tmp_path / "ltp"
    (install / "LanguageTool-6.8").mkdir(parents=True)
    (install / "LanguageTool-6.8" / "languagetool-server.jar").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        if [ "$1" = "-version" ]; then echo 'openjdk version "17.0.15" 2025-04-15' >&2; exit 0; fi
        {java_body}
        """))
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return {"LTP_PATH": str(install), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def test_local_install_is_started_and_stopped(tmp_path, cli):
    server_script = Path(__file__).parent / "lt_server.py"
    # java -cp JAR org.languagetool.server.HTTPServer -p PORT  ->  the stand-in server on PORT
    env = fake_install(tmp_path, f'exec "{sys.executable}" "{server_script}" --port "$5"')
    write_project(tmp_path, {"local": True, "startup-timeout": 20})
    result = cli("check", "story.txt", cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    assert "grammar/MORFOLOGIK_RULE_EN_US" in result.stdout.decode()


def test_broken_local_install_times_out(tmp_path, cli):
    env = fake_install(tmp_path, "sleep 60")
    write_project(tmp_path, {"local": True, "startup-timeout": 1})
    started = time.monotonic()
    result = cli("check", "story.txt", cwd=tmp_path, env=env)
    assert time.monotonic() - started < 20
    assert result.returncode == 0
    err = result.stderr.decode()
    assert err.count("copylint: warning:") == 1 and "local LanguageTool install not reachable" in err


def test_missing_install_says_how_to_install(tmp_path, cli):
    env = fake_install(tmp_path, "exit 1")
    env["LTP_PATH"] = str(tmp_path / "empty")
    write_project(tmp_path, {"local": True})
    result = cli("check", "story.txt", cwd=tmp_path, env=env)
    assert result.returncode == 0
    assert "LanguageTool 6.8 is not installed; install it once with: python -c" in result.stderr.decode()


def test_one_paragraph_story_cache_round_trip(server, tmp_path):
    text = "The ministers has met.\n"
    first = lint(text, {"url": server.url}, tmp_path)
    lt_session._SESSIONS.clear()
    assert lint(text, {"url": server.url}, tmp_path) == first and len(first) == 1
    assert len(server.requests) == 1
