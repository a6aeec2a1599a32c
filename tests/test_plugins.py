"""Third-party rules through the ``copylint.rules`` entry-point group."""

from __future__ import annotations

import json
import textwrap

PLUGIN = textwrap.dedent(
    '''\
    """A third-party rule, as a plugin author would write it."""
    import re

    from copylint.finding import Hit, Severity
    from copylint.rule import Rule


    class ShoutingHeadline(Rule):
        id = "typography/shouting-headline"
        severity = Severity.INFO
        description = "Headline written in capitals."
        rationale = "Capitals read as shouting."
        bad_example = "MARKETS FALL"
        good_example = "Markets fall"
        options = {"min_letters": 6}

        def check(self, document, options):
            headline = document.headline
            letters = re.sub(r"[^A-Za-z]", "", headline.text) if headline else ""
            if len(letters) >= options["min_letters"] and letters.isupper():
                yield Hit(headline.start, headline.end, "Headline is in capitals; use sentence case.")
    '''
)


def install_plugin(tmp_path, target="shouting:ShoutingHeadline"):
    (tmp_path / "shouting.py").write_text(PLUGIN)
    dist = tmp_path / "copylint_shouting-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: copylint-shouting\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[copylint.rules]\nshouting = {target}\n")
    return {"PYTHONPATH": str(tmp_path)}


def test_plugin_rule_is_listed_and_runs_with_options(cli, tmp_path):
    env = install_plugin(tmp_path)
    listing = json.loads(cli("rules", "--format", "json", cwd=tmp_path, env=env).stdout)
    rule = next(r for r in listing if r["id"] == "typography/shouting-headline")
    assert rule["origin"] == "plugin:shouting" and rule["options"] == {"min_letters": 6}

    (tmp_path / "story.txt").write_text("MARKETS FALL SHARPLY\n\nShares fell on Monday in early trade, dealers said.\n")
    result = cli("check", "story.txt", "--select", "typography/shouting-headline", "--format", "json",
                 "--fail-on", "info", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert [(f["line"], f["rule"]) for f in json.loads(result.stdout)] == [(1, "typography/shouting-headline")]

    (tmp_path / ".copylint.yaml").write_text(
        "select: [typography/shouting-headline]\nrules:\n  typography/shouting-headline: {min_letters: 50}\n")
    assert cli("check", "story.txt", "--fail-on", "info", cwd=tmp_path, env=env).returncode == 0
    (tmp_path / ".copylint.yaml").write_text(
        "rules:\n  typography/shouting-headline: {min_letters: many}\n")
    bad = cli("check", "story.txt", cwd=tmp_path, env=env)
    assert bad.returncode == 2 and "expected int" in bad.stderr.decode()


def test_broken_plugin_is_a_clear_error(cli, tmp_path):
    env = install_plugin(tmp_path, target="shouting:DoesNotExist")
    result = cli("rules", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "plugin shouting" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
