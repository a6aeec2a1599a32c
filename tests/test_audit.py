"""``copylint audit`` on a real two-worker distributed cluster: its findings equal
those of ``copylint check`` on the same stories, from a folder, JSONL or Parquet,
written to Parquet or JSONL; bad input is one line and exit 2."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the audit extra (dask[distributed]) is not installed")
pa = pytest.importorskip("pyarrow", reason="the audit extra (pyarrow) is not installed")
import pyarrow.parquet as pq  # noqa: E402

from copylint import audit  # noqa: E402
from copylint.cli import main as cli_main  # noqa: E402
from copylint.config import Config  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cluster():
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> Path:
    """Real stories, dirty and clean, from the examples and the development corpus."""
    folder = tmp_path_factory.mktemp("stories")
    sources = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").rglob("*.*"))
    for source in sources[:16]:
        if source.name != "expected.yaml":
            target = folder / source.parent.name / source.name
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(source.read_bytes())
    return folder


def audit_cli(*argv: str) -> int:
    """``copylint audit ...`` as the CLI will run it (config: --isolated defaults)."""
    parser = argparse.ArgumentParser()
    audit.add_arguments(parser)
    args = parser.parse_args(["--isolated", *argv])
    return audit.run(args, Config())


def check_findings(folder: Path, capsys) -> list[dict]:
    cli_main(["check", str(folder), "--isolated", "--format", "json", "--fail-on", "never"])
    report = json.loads(capsys.readouterr().out)
    return report["findings"] if isinstance(report, dict) else report


def as_check(rows: list[dict]) -> list[dict]:
    """Audit rows without the story id, as check reports them, in check's order."""
    return sorted(({k: v for k, v in row.items() if k != "story"} for row in rows),
                  key=lambda r: json.dumps(r, sort_keys=True))


def read_output(path: Path) -> list[dict]:
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def story_records(folder: Path) -> list[dict]:
    return [{"id": f"story-{i}", "path": str(p), "text": p.read_text(encoding="utf-8")}
            for i, p in enumerate(sorted(p for p in folder.rglob("*") if p.is_file()))]


def test_folder_to_parquet_equals_check(cluster, stories, tmp_path, capsys):
    expected = as_check(check_findings(stories, capsys))
    out = tmp_path / "findings.parquet"
    code = audit_cli(str(stories), "--scheduler", cluster, "--output", str(out), "--partitions", "5",
                     "--format", "json")
    summary = json.loads(capsys.readouterr().out)
    rows = read_output(out)
    assert expected and as_check(rows) == expected
    assert all(row["story"] == row["path"] for row in rows)
    assert code == 1  # dirty stories have warnings: exit as check would
    assert summary["stories"] == len(list(p for p in stories.rglob("*") if p.is_file()))
    assert summary["findings"] == len(rows)
    by_rule: dict[str, int] = {}
    for row in rows:
        by_rule[row["rule"]] = by_rule.get(row["rule"], 0) + 1
    assert {r: s["findings"] for r, s in summary["rules"].items()} == by_rule
    assert sum(summary["categories"].values()) == len(rows)
    worst = summary["worst"]
    assert worst == sorted(worst, key=lambda w: (-w["score"], -w["findings"], w["story"]))
    top = worst[0]
    weights = {"info": 1, "warning": 3, "error": 9}
    assert top["score"] == sum(weights[r["severity"]] for r in rows if r["story"] == top["story"])


def test_jsonl_and_parquet_inputs_equal_check(cluster, stories, tmp_path, capsys):
    expected = as_check(check_findings(stories, capsys))
    records = story_records(stories)
    source = tmp_path / "stories.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    table = tmp_path / "stories.parquet"
    pq.write_table(pa.Table.from_pylist(records), table, row_group_size=3)  # several row groups
    for source_file, out in ((source, tmp_path / "a.jsonl"), (table, tmp_path / "b.parquet")):
        code = audit_cli(str(source_file), "--scheduler", cluster, "--output", str(out),
                         "--fail-on", "never")
        assert code == 0, capsys.readouterr().err
        rows = read_output(out)
        assert as_check(rows) == expected
        ids = {r["path"]: r["id"] for r in records}
        assert all(row["story"] == ids[row["path"]] for row in rows)
    text = capsys.readouterr().out
    assert "Per rule" in text and "Per category" in text and "Worst" in text


def test_default_local_cluster(stories, tmp_path, capsys):
    """Without --scheduler the audit starts (and stops) its own cluster of processes."""
    expected = as_check(check_findings(stories, capsys))
    out = tmp_path / "f.jsonl"
    assert audit_cli(str(stories), "--jobs", "2", "--output", str(out), "--fail-on", "never") == 0
    assert as_check(read_output(out)) == expected


def test_malformed_jsonl_line_is_one_error_and_the_rest_is_audited(cluster, tmp_path, capsys):
    story = (ROOT / "examples" / "dirty-story.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": story}), '{"id": "b", "text": "unterminated',
             "", json.dumps({"id": "c"}), json.dumps({"id": "d", "path": "d.txt", "text": story})]
    source = tmp_path / "bad.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = audit_cli(str(source), "--scheduler", cluster, "--partitions", "3", "--format", "json")
    captured = capsys.readouterr()
    assert code == 2
    errors = captured.err.splitlines()
    assert errors[0].startswith(f"copylint: error: {source}:2: not valid JSON")
    assert errors[1] == f"copylint: error: {source}:4: missing 'text'"
    assert len(errors) == 2 and "Traceback" not in captured.err
    summary = json.loads(captured.out)
    assert summary["stories"] == 2 and summary["findings"] > 0


def test_a_story_that_cannot_be_linted_is_one_error_and_the_rest_is_audited(cluster, tmp_path, capsys):
    """Malformed XML inside one JSONL record stops that story, not its partition."""
    story = (ROOT / "examples" / "dirty-story.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": story}),
             json.dumps({"id": "b", "format": "nitf", "text": "<nitf><body><p>unclosed"}),
             json.dumps({"id": "c", "path": "c.txt", "text": story})]
    source = tmp_path / "xml.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "f.jsonl"
    code = audit_cli(str(source), "--scheduler", cluster, "--partitions", "1", "--output", str(out),
                     "--format", "json")
    captured = capsys.readouterr()
    assert code == 2 and "Traceback" not in captured.err
    assert captured.err.splitlines() == ["copylint: error: b:1:24: malformed XML: no element found"]
    rows = read_output(out)
    assert {row["story"] for row in rows} == {"a", "c"}
    assert len([r for r in rows if r["story"] == "a"]) == len([r for r in rows if r["story"] == "c"]) > 0


@pytest.mark.parametrize("argv, message", [
    (["missing.jsonl"], "missing.jsonl: no such file or directory"),
    (["{stories}/notes.csv"], "expected a folder, a .jsonl file or a .parquet file"),
    (["{stories}", "--output", "{stories}/out.csv"], "must end in .parquet or .jsonl"),
    (["{stories}/t.parquet"], "needs a 'text' column and an 'id' or 'path' column"),
    (["{stories}/broken.parquet"], "not a readable Parquet file"),
])
def test_bad_input_is_one_line_before_any_cluster(argv, message, tmp_path, capsys):
    (tmp_path / "notes.csv").write_text("id,text\n")
    pq.write_table(pa.Table.from_pylist([{"id": "x", "body": "y"}]), tmp_path / "t.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"not parquet at all")
    argv = [a.replace("{stories}", str(tmp_path)) for a in argv]
    assert audit_cli(*argv, "--scheduler", "tcp://127.0.0.1:1") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("copylint: error: ")


def test_unreachable_scheduler_is_one_line(stories, capsys):
    assert audit_cli(str(stories), "--scheduler", "tcp://127.0.0.1:1") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler" in err
