"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice``
line per finding, which the runner turns into annotations on the pull request.

Escaping follows @actions/core (``escapeData``/``escapeProperty``): a message
may not carry a raw newline, and a property value may not carry ``:`` or ``,``
either, or the runner would cut the command short. ``endColumn`` is copylint's
exclusive end column, as in every other format.
"""

from __future__ import annotations

from .input_errors import split_error

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def render(report) -> str:
    lines = [
        _command(
            COMMANDS[str(f.severity)],
            {
                "file": f.path,
                "line": f.line,
                "col": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
                "title": f.rule,
            },
            f.message,
        )
        for f in report.findings
    ]
    for error in report.errors:
        path, reason = split_error(error)
        if path is None:
            lines.append(_command("error", {"title": "copylint"}, error))
        else:
            lines.append(_command("error", {"file": path, "title": "copylint"}, reason))
    return "".join(line + "\n" for line in lines)
