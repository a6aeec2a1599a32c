"""``copylint eval``: matching, arithmetic, thresholds, exit codes, malformed corpora.

The synthetic corpus is scored with a tiny rule pack of its own (rules that fire on
made-up words), so these tests measure the harness, not the built-in rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"

PACK = """\
pack: evaltest
description: Rules that fire on made-up words, to test the eval harness.
rules:
  - id: calque/test-zork
    kind: existence
    severity: warning
    scope: line
    message: "zork"
    description: Fires on the word zork.
    patterns: [zork]
  - id: numbers/test-quux
    kind: existence
    severity: error
    scope: line
    message: "quux"
    description: Fires on the word quux.
    patterns: [quux]
  - id: grammar/test-blip
    kind: existence
    severity: info
    scope: line
    message: "blip"
    description: Fires on the word blip.
    patterns: [blip]
"""

STORY_A = """\
Headline with zork

Body with quux here.
Another zork line.
Nothing wrong but zork.
A blip at info level.
"""

EXPECTED = {
    "a.txt": [
        {"line": 1, "cat": ["calque"], "level": "must", "note": "first"},
        {"line": [2, 3], "cat": ["numbers", "dates"], "level": "must", "note": "second"},
        {"line": 5, "cat": ["grammar"], "level": "should", "note": "third"},
    ],
    "c.txt": [],
}


@pytest.fixture
def corpus(tmp_path):
    """A corpus with one dirty story, one clean by listing and one under clean/."""
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "evaltest.yaml").write_text(PACK, encoding="utf-8")
    config = tmp_path / "copylint.yaml"
    config.write_text(
        "packs: [packs]\nselect: [calque/test-zork, numbers/test-quux, grammar/test-blip]\n",
        encoding="utf-8",
    )
    root = tmp_path / "corpus"
    (root / "clean").mkdir(parents=True)
    (root / "a.txt").write_text(STORY_A, encoding="utf-8")
    (root / "c.txt").write_text("Clean copy.\n", encoding="utf-8")
    (root / "clean" / "b.txt").write_text("A zork in clean copy.\n", encoding="utf-8")
    (root / "README.md").write_text("Not a story.\n", encoding="utf-8")
    (root / "expected.yaml").write_text(yaml.safe_dump(EXPECTED), encoding="utf-8")
    return root, config


def _eval(cli, root, config, *args):
    return cli("eval", str(root), "--config", str(config), *args)


def _json(cli, root, config, *args):
    result = _eval(cli, root, config, "--format", "json", *args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_matching_and_arithmetic(cli, corpus):
    data = _json(cli, *corpus)
    assert data["stories"] == {"dirty": 1, "clean": 2}
    assert data["artifacts"] == {"total": 3, "must": 2, "should": 1}
    # Line 1 calque and line 3 numbers match; line 4 (no artifact) and line 5
    # (artifact of another category) do not; the info finding is not counted.
    assert data["recall"]["overall"] == {"caught": 2, "total": 3, "recall": pytest.approx(2 / 3)}
    assert data["recall"]["by_level"]["must"] == {"caught": 2, "total": 2, "recall": 1.0}
    assert data["recall"]["by_level"]["should"] == {"caught": 0, "total": 1, "recall": 0.0}
    by_cat = data["recall"]["by_category"]
    assert by_cat["calque"]["recall"] == 1.0
    assert by_cat["dates"] == {"caught": 1, "total": 1, "recall": 1.0}  # listed with numbers
    assert by_cat["grammar"] == {"caught": 0, "total": 1, "recall": 0.0}
    assert data["precision"] == {"matched": 2, "total": 4, "precision": 0.5}
    assert data["clean_alarms"] == {"count": 1, "stories": 1}
    assert [m["line"] for m in data["misses"]] == [[5]]
    assert sorted(u["line"] for u in data["unmatched"]) == [4, 5]
    assert data["false_alarms"][0]["file"] == "clean/b.txt"
    assert data["rules"]["calque/test-zork"] == {
        "findings": 4, "matched": 1, "unmatched": 2, "clean_alarms": 1,
    }
    assert data["failures"] == []


def test_min_severity_info_counts_info_findings(cli, corpus):
    data = _json(cli, *corpus, "--min-severity", "info")
    assert data["precision"] == {"matched": 2, "total": 5, "precision": 0.4}
    data = _json(cli, *corpus, "--min-severity", "error")
    assert data["precision"] == {"matched": 1, "total": 1, "precision": 1.0}
    assert data["clean_alarms"]["count"] == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 0),
        (("--min-must-recall", "1"), 0),
        (("--min-recall", "0.6"), 0),
        (("--min-recall", "90%"), 1),
        (("--min-precision", "0.5"), 0),
        (("--min-precision", "0.51"), 1),
        (("--max-clean-alarms", "1"), 0),
        (("--max-clean-alarms", "0"), 1),
    ],
)
def test_thresholds_and_exit_codes(cli, corpus, args, code):
    result = _eval(cli, *corpus, *args)
    assert result.returncode == code, result.stdout.decode() + result.stderr.decode()
    last = result.stdout.decode().strip().splitlines()[-1]
    assert ("PASS" in last) == (code == 0)


def test_bad_threshold_is_a_usage_error(cli, corpus):
    result = _eval(cli, *corpus, "--min-precision", "1.5")
    assert result.returncode == 2
    assert b"between 0 and 1" in result.stderr


def test_text_report_lists_misses_and_false_alarms(cli, corpus):
    result = _eval(cli, *corpus)
    out = result.stdout.decode()
    assert "a.txt:5  [grammar] should  third" in out
    assert "clean/b.txt:1:3  calque/test-zork  zork" in out
    assert "a.txt:4:" in out  # an unmatched finding on a dirty story
    assert "must-recall 100.0%  recall 66.7%  precision 50.0%  clean alarms 1  PASS" in out


def _mutate_expected(root, change):
    data = yaml.safe_load((root / "expected.yaml").read_text(encoding="utf-8"))
    change(data)
    (root / "expected.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda r: (r / "expected.yaml").unlink(), "expected.yaml: not found"),
        (lambda r: (r / "expected.yaml").write_text("a.txt: [\n"), "invalid YAML"),
        (lambda r: (r / "expected.yaml").write_text("- a.txt\n"), "must map story file names"),
        (lambda r: _mutate_expected(r, lambda d: d.update({"gone.txt": []})),
         "'gone.txt': no such story file"),
        (lambda r: _mutate_expected(r, lambda d: d["a.txt"][0].update(cat=["spelling"])),
         "'a.txt' entry 1: unknown category 'spelling'"),
        (lambda r: _mutate_expected(r, lambda d: d["a.txt"][2].update(line=[5, 40])),
         "'a.txt' entry 3: line 40 is out of range (the story has 6 lines)"),
        (lambda r: _mutate_expected(r, lambda d: d["a.txt"][1].update(line="two")),
         "'a.txt' entry 2: 'line' must be a line number"),
        (lambda r: _mutate_expected(r, lambda d: d["a.txt"][1].update(level="could")),
         "'a.txt' entry 2: 'level' must be must or should"),
        (lambda r: _mutate_expected(r, lambda d: d["a.txt"][1].pop("cat")),
         "'a.txt' entry 2: missing 'cat'"),
        (lambda r: _mutate_expected(r, lambda d: d["a.txt"][0].update(lines=3)),
         "'a.txt' entry 1: unknown key 'lines'"),
        (lambda r: _mutate_expected(r, lambda d: d.update({"clean/b.txt": d["a.txt"][:1]})),
         "'clean/b.txt': a story under clean/ cannot have artifacts"),
        (lambda r: (r / "new.txt").write_text("Unlisted.\n"), "new.txt: story not annotated"),
    ],
)
def test_malformed_corpus_is_one_line_and_exit_2(cli, corpus, breakage, message):
    root, config = corpus
    breakage(root)
    result = _eval(cli, root, config)
    err = result.stderr.decode()
    assert result.returncode == 2, result.stdout.decode()
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert result.stdout == b""


def test_a_story_that_cannot_be_linted_is_an_error_and_the_rest_is_scored(cli, corpus):
    """As with check: malformed XML in one story is one line and exit 2, the others are still scored."""
    root, config = corpus
    (root / "d.nitf").write_text("<nitf><body><p>unclosed", encoding="utf-8")
    _mutate_expected(root, lambda d: d.update({"d.nitf": []}))
    result = _eval(cli, root, config, "--format", "json")
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.splitlines() == [f"copylint: error: {root / 'd.nitf'}:1:24: malformed XML: no element found"]
    report = json.loads(result.stdout)
    assert report["errors"] == [f"{root / 'd.nitf'}:1:24: malformed XML: no element found"]
    assert report["recall"]["overall"]["caught"] == 2  # a.txt is scored as without the bad story


def test_corpus_must_be_a_folder(cli, corpus, tmp_path):
    root, config = corpus
    result = _eval(cli, root / "a.txt", config)
    assert result.returncode == 2
    assert b"not a folder" in result.stderr


def test_output_file(cli, corpus, tmp_path):
    out = tmp_path / "report.json"
    result = _eval(cli, *corpus, "--format", "json", "--output", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert json.loads(out.read_text(encoding="utf-8"))["artifacts"]["total"] == 3


def test_development_corpus_runs_and_reports_every_category(cli):
    """The corpus under tests/corpus is well-formed and exercises every category.

    No recall target is asserted here: that threshold belongs with the rules.
    """
    result = cli("eval", str(CORPUS), "--isolated", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["stories"]["dirty"] >= 30 and data["stories"]["clean"] >= 30
    expected_categories = {
        "boilerplate", "duplicate", "fragment", "geography", "names", "numbers", "dates",
        "calque", "untranslated", "typography", "grammar",
    }
    by_cat = data["recall"]["by_category"]
    assert expected_categories <= set(by_cat)
    for cat in expected_categories:
        assert by_cat[cat]["total"] >= 5, cat
    assert data["artifacts"]["must"] > 0 and data["artifacts"]["should"] > 0
    text = cli("eval", str(CORPUS), "--isolated")
    assert text.returncode == 0
    assert text.stdout.decode().strip().splitlines()[-1].startswith("must-recall ")


def test_seed_as_a_one_story_corpus(cli, tmp_path, seed_path, seed_expected):
    root = tmp_path / "seed"
    root.mkdir()
    (root / seed_path.name).write_bytes(seed_path.read_bytes())
    (root / "expected.yaml").write_text(
        yaml.safe_dump({seed_path.name: seed_expected}, allow_unicode=True), encoding="utf-8"
    )
    result = cli("eval", str(root), "--isolated", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["stories"] == {"dirty": 1, "clean": 0}
    assert data["artifacts"]["total"] == len(seed_expected)
    caught = data["recall"]["overall"]["caught"]
    assert caught + len(data["misses"]) == len(seed_expected)
