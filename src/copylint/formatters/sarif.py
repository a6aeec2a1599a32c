"""SARIF 2.1.0 (OASIS): the format GitHub code scanning and most CI dashboards read.

One run. ``tool.driver.rules`` describes every rule that produced a finding
(results point at it by ``ruleIndex``); each result carries its region in
characters (``columnKind: unicodeCodePoints``, end column exclusive as SARIF
wants), the flagged text as ``region.snippet``, the whole line as
``contextRegion``, a fix when the rule suggests a replacement, and the
baseline fingerprint so dashboards can track a finding across edits. Files
that could not be read become tool execution notifications and make
``executionSuccessful`` false.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from ..baseline import fingerprint
from .input_errors import split_error

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/copylint/copylint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "copylint/v1"


def artifact_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (POSIX
    separators, percent-escaped); absolute ones become ``file://`` URIs."""
    if PureWindowsPath(path).drive or path.startswith("/"):
        pure = PureWindowsPath(path) if PureWindowsPath(path).drive else PurePosixPath(path)
        return pure.as_uri()
    return quote(path.replace("\\", "/"), safe="/")


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("/", 1)[-1].replace("_", "-").split("-"))


def _help(rule) -> dict:
    text = [rule.description]
    markdown = [rule.description]
    if rule.rationale:
        text += ["", rule.rationale.strip()]
        markdown += ["", rule.rationale.strip()]
    for label, example in (("Bad", rule.bad_example), ("Good", rule.good_example)):
        if example:
            body = example.strip()
            text += ["", f"{label}:"] + [f"    {line}" for line in body.splitlines()]
            markdown += ["", f"**{label}:**", "", "```text", body, "```"]
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


def _descriptor(rule_id: str, rule) -> dict:
    descriptor = {"id": rule_id, "name": _pascal(rule_id)}
    if rule is None:  # a finding from a rule the report has no metadata for
        return descriptor
    descriptor.update(
        shortDescription={"text": rule.description},
        fullDescription={"text": (rule.rationale or rule.description).strip()},
        help=_help(rule),
        defaultConfiguration={"level": LEVELS[str(rule.severity)]},
        properties={"category": rule.category, "tags": [rule.category]},
    )
    return descriptor


def _location(finding, artifact_index: dict) -> dict:
    artifact = {"uri": artifact_uri(finding.path)}
    if finding.path in artifact_index:
        artifact["index"] = artifact_index[finding.path]
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    physical = {"artifactLocation": artifact, "region": region}
    context = finding.context
    if context:
        if finding.end_line == finding.line and finding.end_column - 1 <= len(context):
            region["snippet"] = {"text": context[finding.column - 1 : finding.end_column - 1]}
        physical["contextRegion"] = {
            "startLine": finding.line,
            "startColumn": 1,
            "endLine": finding.line,
            "endColumn": len(context) + 1,
            "snippet": {"text": context},
        }
    return {"physicalLocation": physical}


def _fix(finding) -> dict:
    replacement = finding.suggestion
    return {
        "description": {"text": f'Replace with "{replacement}"' if replacement else "Delete the flagged text"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(finding.path)},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            "endColumn": finding.end_column,
                        },
                        "insertedContent": {"text": replacement},
                    }
                ],
            }
        ],
    }


def _notification(error: str) -> dict:
    path, reason = split_error(error)
    notification = {"level": "error", "message": {"text": error}}
    if path is not None:
        notification["message"] = {"text": reason}
        notification["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}]
    return notification


def build(report) -> dict:
    """The SARIF log as a dict (``render`` serialises it)."""
    rule_ids = sorted({f.rule for f in report.findings})
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    files = list(dict.fromkeys(report.files))  # SARIF wants each artifact once
    artifact_index = {path: i for i, path in enumerate(files)}
    driver = {"name": "copylint", "informationUri": INFORMATION_URI}
    if report.tool_version:
        driver["version"] = report.tool_version
    driver["rules"] = [_descriptor(rule_id, report.rules.get(rule_id)) for rule_id in rule_ids]

    results = []
    for finding in report.findings:
        result = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index[finding.rule],
            "level": LEVELS[str(finding.severity)],
            "message": {"text": finding.message},
            "locations": [_location(finding, artifact_index)],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        }
        if finding.suggestion is not None:
            result["fixes"] = [_fix(finding)]
        results.append(result)

    invocation = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [_notification(e) for e in report.errors]
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "artifacts": [
            {"location": {"uri": artifact_uri(path)}, "roles": ["analysisTarget"]} for path in files
        ],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report) -> str:
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"
