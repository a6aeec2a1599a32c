"""Input errors as the CI formats need them: the file they name, and why.

The CLI words every input error as ``PATH: reason`` (see cli.py ``_check``);
formats that can point at a file (GitHub annotations, SARIF notifications,
JUnit test cases) split it here, once, the same way.
"""

from __future__ import annotations


def split_error(message: str) -> tuple[str | None, str]:
    """``("a.txt", "not valid UTF-8 ...")`` for ``"a.txt: not valid UTF-8 ..."``.

    The path is None when the message does not start with one. The first
    ``": "`` separates them, so a Windows drive (``C:\\x``) stays in the path.
    """
    path, sep, reason = message.partition(": ")
    if not sep or not path.strip():
        return None, message
    return path, reason
