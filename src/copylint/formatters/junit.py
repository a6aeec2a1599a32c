"""JUnit XML, for CI systems that show test reports (Jenkins, GitLab, Azure).

One test suite per run and one test case per file: a linted file with no
findings passes; each finding is a ``<failure>`` of its file's case (type =
rule, message = message, text = position, severity, the line and its
underline, the suggestion); a file that could not be read is a case with an
``<error>``. Counts follow JUnit's meaning: ``tests`` cases, ``failures`` cases
that failed, ``errors`` cases that could not run. Built with ElementTree, so
everything is escaped; characters XML 1.0 forbids become U+FFFD (one
character, so underlines stay aligned).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from .input_errors import split_error
from .text import describe

SUITE = "copylint"
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str) -> str:
    return XML_FORBIDDEN.sub("\ufffd", value)


def build(report) -> ET.Element:
    """The ``<testsuites>`` tree (``render`` serialises it)."""
    by_file = defaultdict(list)
    for finding in report.findings:
        by_file[finding.path].append(finding)
    cases = []
    for path in dict.fromkeys([*report.files, *by_file]):
        case = ET.Element("testcase", name=_clean(path), classname=SUITE, file=_clean(path))
        for finding in by_file.get(path, ()):
            failure = ET.SubElement(case, "failure", type=finding.rule, message=_clean(finding.message))
            failure.text = _clean("\n".join(describe(finding)))
        cases.append(case)
    for message in report.errors:
        path, reason = split_error(message)
        name = path if path is not None else "copylint"
        case = ET.Element("testcase", name=_clean(name), classname=SUITE)
        if path is not None:
            case.set("file", _clean(path))
        error = ET.SubElement(case, "error", type="InputError", message=_clean(reason))
        error.text = _clean(message)
        cases.append(case)

    counts = {
        "tests": str(len(cases)),
        "failures": str(sum(1 for c in cases if c.find("failure") is not None)),
        "errors": str(sum(1 for c in cases if c.find("error") is not None)),
        "skipped": "0",
    }
    root = ET.Element("testsuites", name=SUITE, **counts)
    suite = ET.SubElement(root, "testsuite", name=SUITE, **counts)
    if report.tool_version:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="copylint.version", value=report.tool_version)
    suite.extend(cases)
    return root


def render(report) -> str:
    root = build(report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
