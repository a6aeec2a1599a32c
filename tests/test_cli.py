"""The command line as users meet it: exit codes, bad input, config, formats."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

PACK = textwrap.dedent(
    """\
    pack: test-pack
    description: A pack written for the CLI tests.
    rules:
      - id: boilerplate/test-marker
        severity: warning
        message: "Remove the marker “{match}”."
        description: Flags the test marker phrase.
        scope: line
        patterns: [click here now]
      - id: calque/test-soft
        severity: info
        message: "Soft note on “{match}”."
        description: An info-level test rule.
        patterns: [perhaps maybe]
    """
)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "test.yaml").write_text(PACK)
    (tmp_path / ".copylint.yaml").write_text(
        "packs: [packs]\nselect: [boilerplate/test-marker, calque/test-soft]\n"
    )
    (tmp_path / "dirty.txt").write_text("A headline here\n\nPlease click here now to read.\n")
    (tmp_path / "clean.txt").write_text("A headline here\n\nNothing to see in this story.\n")
    (tmp_path / "soft.txt").write_text("A headline here\n\nIt is perhaps maybe true.\n")
    return tmp_path


def test_clean_file_exits_0(cli, project):
    result = cli("check", "clean.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    assert b"All clear" in result.stdout


def test_findings_exit_1_with_location(cli, project):
    result = cli("check", "dirty.txt", cwd=project)
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "dirty.txt:3:8: warning boilerplate/test-marker Remove the marker “click here now”." in out
    assert "^^^^^^^^^^^^^^" in out


def test_fail_on_threshold(cli, project):
    assert cli("check", "soft.txt", cwd=project).returncode == 0  # info < warning
    assert cli("check", "soft.txt", "--fail-on", "info", cwd=project).returncode == 1
    assert cli("check", "dirty.txt", "--fail-on", "error", cwd=project).returncode == 0
    assert cli("check", "dirty.txt", "--fail-on", "never", cwd=project).returncode == 0


def test_flags_override_config(cli, project):
    result = cli("check", "dirty.txt", "--ignore", "boilerplate/test-marker", cwd=project)
    assert result.returncode == 0
    (project / ".copylint.yaml").write_text(
        "packs: [packs]\nselect: [boilerplate/test-marker]\nfail-on: error\n"
    )
    assert cli("check", "dirty.txt", cwd=project).returncode == 0
    assert cli("check", "dirty.txt", "--fail-on", "warning", cwd=project).returncode == 1


def test_directory_recursion_with_include_and_exclude(cli, project):
    nested = project / "stories" / "archive"
    nested.mkdir(parents=True)
    (nested / "old.txt").write_text("Headline\n\nclick here now\n")
    (nested / "old.md").write_text("Headline\n\nclick here now\n")
    (project / "stories" / "notes.csv").write_text("click here now\n")
    out = cli("check", "stories", "--format", "json", cwd=project)
    paths = sorted({f["path"] for f in json.loads(out.stdout)})
    assert paths == ["stories/archive/old.md", "stories/archive/old.txt"]
    out = cli("check", "stories", "--format", "json", "--exclude", "stories/archive/*.md", cwd=project)
    assert sorted({f["path"] for f in json.loads(out.stdout)}) == ["stories/archive/old.txt"]
    out = cli("check", "stories", "--format", "json", "--include", "*.md", cwd=project)
    assert sorted({f["path"] for f in json.loads(out.stdout)}) == ["stories/archive/old.md"]


def test_stdin_with_filename(cli, project):
    result = cli("check", "-", "--stdin-filename", "wire/story.txt", "--format", "json",
                 cwd=project, stdin="Title\n\nclick here now\n".encode())
    findings = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(f["path"], f["line"], f["column"]) for f in findings] == [("wire/story.txt", 3, 1)]


def test_output_file(cli, project):
    result = cli("check", "dirty.txt", "--format", "json", "--output", "report.json", cwd=project)
    assert result.returncode == 1 and result.stdout == b""
    assert json.loads((project / "report.json").read_text())[0]["rule"] == "boilerplate/test-marker"


def test_json_fields_are_exactly_the_documented_ones(cli, project):
    findings = json.loads(cli("check", "dirty.txt", "--format", "json", cwd=project).stdout)
    assert set(findings[0]) == {
        "path", "line", "column", "end_line", "end_column", "rule", "severity",
        "message", "suggestion", "context",
    }
    assert findings[0]["end_column"] == findings[0]["column"] + len("click here now")


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("latin1.txt", "Caf\xe9 story\n".encode("latin-1"), "not valid UTF-8"),
        ("binary.txt", b"\x00\x01\x02PNG", "binary file"),
    ],
)
def test_bad_file_is_one_line_exit_2_and_others_still_linted(cli, project, name, content, message):
    (project / name).write_bytes(content)
    result = cli("check", name, "dirty.txt", cwd=project)
    assert result.returncode == 2
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and message in err[0] and name in err[0]
    assert "Traceback" not in result.stderr.decode()
    assert b"dirty.txt:3:8" in result.stdout


def test_missing_path(cli, project):
    result = cli("check", "nowhere.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "copylint: error: nowhere.txt: no such file or directory"


def test_empty_file_is_clean(cli, project):
    (project / "empty.txt").write_bytes(b"")
    assert cli("check", "empty.txt", cwd=project).returncode == 0


def test_huge_file(cli, project):
    (project / "huge.txt").write_text("word " * 5000)
    result = cli("check", "huge.txt", "--max-file-size", "10KB", cwd=project)
    assert result.returncode == 2
    assert "over the 10240 bytes limit" in result.stderr.decode()


def test_default_size_limit_is_10mb(cli, project):
    (project / "huge.txt").write_bytes(b"a" * (10 * 1024 * 1024 + 1))
    result = cli("check", "huge.txt", cwd=project)
    assert result.returncode == 2 and "10.0 MB limit" in result.stderr.decode()


def test_broken_pack_names_file_and_line(cli, project):
    (project / "packs" / "broken.yaml").write_text(
        "pack: broken\nrules:\n  - id: boilerplate/x\n    message: m\n    paterns: [a]\n"
    )
    result = cli("check", "clean.txt", cwd=project)
    assert result.returncode == 2
    err = result.stderr.decode().strip()
    assert "broken.yaml:3: unknown rule key(s): paterns" in err and "\n" not in err


def test_invalid_yaml_pack(cli, project):
    (project / "packs" / "bad.yaml").write_text("pack: bad\nrules: [\n  - id: x\n")
    result = cli("check", "clean.txt", cwd=project)
    assert result.returncode == 2
    assert "bad.yaml:" in result.stderr.decode() and "invalid YAML" in result.stderr.decode()


@pytest.mark.parametrize(
    "config, message",
    [
        ("selec: [boilerplate]\n", "unknown key 'selec'"),
        ("fail-on: sometimes\n", "'fail-on' must be one of"),
        ("select: [nonsense/rule]\n", "no rule or category named 'nonsense/rule'"),
        ("rules: {boilerplate/test-marker: {severity: fatal}}\n", "unknown severity 'fatal'"),
        ("max-file-size: lots\n", "'max-file-size' must be bytes"),
        ("select: [boilerplate\n", "invalid YAML"),
    ],
)
def test_bad_config_is_exit_2(cli, project, config, message):
    (project / ".copylint.yaml").write_text("packs: [packs]\n" + config)
    result = cli("check", "clean.txt", cwd=project)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_config_found_upward_and_in_pyproject(cli, project):
    sub = project / "deep" / "er"
    sub.mkdir(parents=True)
    (sub / "story.txt").write_text("Title\n\nclick here now\n")
    assert cli("check", "story.txt", cwd=sub).returncode == 1
    (project / ".copylint.yaml").unlink()
    (project / "pyproject.toml").write_text(
        '[tool.copylint]\npacks = ["packs"]\nselect = ["boilerplate/test-marker"]\nfail-on = "error"\n'
    )
    assert cli("check", "story.txt", cwd=sub).returncode == 0
    (project / "pyproject.toml").write_text('[tool.copylint]\nbogus = 1\n')
    result = cli("check", "story.txt", cwd=sub)
    assert result.returncode == 2 and "unknown key 'bogus'" in result.stderr.decode()


def test_explicit_config_flag(cli, project, tmp_path):
    other = project / "strict.yaml"
    other.write_text("packs: [packs]\nselect: [calque/test-soft]\nfail-on: info\n")
    assert cli("check", "soft.txt", "--config", "strict.yaml", cwd=project).returncode == 1
    result = cli("check", "soft.txt", "--config", "missing.yaml", cwd=project)
    assert result.returncode == 2 and "config file not found" in result.stderr.decode()


def test_usage_errors_exit_2(cli, project):
    assert cli("check", "--format", "yaml", cwd=project).returncode == 2
    assert cli("frobnicate", cwd=project).returncode == 2
    assert cli(cwd=project).returncode == 2


def test_rules_listing_and_explain(cli, project):
    listing = json.loads(cli("rules", "--format", "json", cwd=project).stdout)
    marker = next(r for r in listing if r["id"] == "boilerplate/test-marker")
    assert marker["severity"] == "warning" and marker["category"] == "boilerplate"
    text = cli("rules", cwd=project).stdout.decode()
    assert "boilerplate/test-marker" in text
    explained = cli("explain", "meta/unused-suppression", cwd=project)
    assert explained.returncode == 0
    assert b"Bad:" in explained.stdout and b"Good:" in explained.stdout
    unknown = cli("explain", "boilerplate/nope", cwd=project)
    assert unknown.returncode == 2 and b"no rule named" in unknown.stderr


def test_statistics(cli, project):
    out = cli("check", "dirty.txt", "soft.txt", "--statistics", cwd=project).stdout.decode()
    assert "     1  boilerplate/test-marker" in out and "     1  calque/test-soft" in out


def test_never_modifies_files(cli, project):
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    cli("check", ".", cwd=project)
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert before == after


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.startswith(b"copylint ")


def test_repo_root_has_no_stray_config():
    # the project's own tests must not depend on a config file at the repo root
    assert not (ROOT / ".copylint.yaml").exists()


def test_jobs_give_the_same_report(cli, project):
    for i in range(12):
        (project / f"s{i}.txt").write_text(f"Title {i}\n\nPlease click here now, story {i}.\n")
    serial = cli("check", ".", "--format", "json", "--jobs", "1", "--no-cache", cwd=project)
    parallel = cli("check", ".", "--format", "json", "--jobs", "2", "--no-cache", cwd=project)
    assert serial.returncode == parallel.returncode == 1
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    assert len(json.loads(serial.stdout)) == 14  # 12 new stories, dirty.txt, soft.txt (info)
    assert cli("check", ".", "--jobs", "0", cwd=project).returncode == 2


def test_content_cache_is_used_and_keyed_by_content(cli, project, tmp_path):
    env = {"COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    first = cli("check", "dirty.txt", "--format", "json", cwd=project, env=env)
    entries = list((tmp_path / "cache" / "content").rglob("*.json"))
    assert len(entries) == 1
    again = cli("check", "dirty.txt", "--format", "json", cwd=project, env=env)
    assert again.stdout == first.stdout
    (project / "dirty.txt").write_text("A headline here\n\nNothing left to flag here.\n")
    edited = cli("check", "dirty.txt", "--format", "json", cwd=project, env=env)
    assert edited.returncode == 0 and json.loads(edited.stdout) == []
    assert len(list((tmp_path / "cache" / "content").rglob("*.json"))) == 2
    cli("check", "clean.txt", "--no-cache", cwd=project, env=env)
    assert len(list((tmp_path / "cache" / "content").rglob("*.json"))) == 2


def test_require_languagetool_without_a_server_configured(cli, project):
    result = cli("check", "clean.txt", "--require-languagetool", cwd=project)
    assert result.returncode == 2 and "no LanguageTool configured" in result.stderr.decode()


def test_folders_contribute_every_supported_format(cli, project):
    stories = project / "formats"
    stories.mkdir()
    names = ["a.txt", "b.md", "c.html", "d.xml", "e.nitf", "f.xlf", "g.xliff", "h.csv", "i.py"]
    for name in names:
        (stories / name).write_text("x\n")
    from copylint.config import Config
    from copylint.paths import collect_paths

    found, _ = collect_paths([str(stories)], Config(root=project))
    assert sorted(p.name for p in found) == names[:7]


def test_config_compares_by_value_and_never_changes():
    from copylint.config import Config

    base = Config(root=Path("/tmp"))
    assert base == Config(root=Path("/tmp"))
    assert base.with_overrides(fail_on="error") != base
    assert base.with_overrides(fail_on=None) == base
    with pytest.raises(AttributeError):
        base.fail_on = "error"
