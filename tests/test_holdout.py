"""The blind held-out corpora load and evaluate (their figures are reported in
docs/holdout-eval.md; no threshold here: rules are never tuned against them)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT


@pytest.mark.parametrize("corpus", ["holdout", "holdout2"])
def test_held_out_corpus_evaluates(cli, corpus):
    result = cli("eval", str(ROOT / "tests" / corpus), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    report = json.loads(result.stdout)
    assert report["stories"]["dirty"] >= 20 and report["stories"]["clean"] >= 20
