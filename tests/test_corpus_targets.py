"""The dev corpus targets of the rules issue, checked on every CI run:
must-recall at least 90 % and no warning or error on any clean story."""

from __future__ import annotations

from conftest import ROOT


def test_dev_corpus_meets_the_targets(cli):
    result = cli("eval", str(ROOT / "tests" / "corpus"), "--min-must-recall", "0.9",
                 "--max-clean-alarms", "0")
    report = result.stdout.decode()
    assert result.returncode == 0, report[-3000:]
    assert "clean alarms 0" in report
