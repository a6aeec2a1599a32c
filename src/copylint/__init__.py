"""copylint: an editorial quality linter for translated wire copy."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "Finding", "Severity"]


def __getattr__(name):
    # Lazy: `import copylint` stays cheap for the CLI's start-up time.
    if name in ("Finding", "Severity"):
        from . import finding

        return getattr(finding, name)
    raise AttributeError(name)


def lint_text(text: str, path: str = "<text>", config=None):
    """Lint ``text`` as if read from ``path``; return the sorted findings.

    ``config`` is a :class:`copylint.config.Config`, a mapping in the
    ``.copylint.yaml`` format, or None for the defaults.
    """
    from .engine import Linter

    return Linter.from_config(config).lint_text(text, path)
