"""JSON: an array of findings with exactly the documented fields (see README)."""

from __future__ import annotations

import json


def render(report) -> str:
    return json.dumps([f.to_dict() for f in report.findings], indent=2, ensure_ascii=False) + "\n"
