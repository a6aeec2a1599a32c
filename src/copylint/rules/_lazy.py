"""Regexes compiled on first use: importing a rule module then costs next to nothing.

Not a rule module. Why: every `copylint check` imports every rule module, and
compiling a pattern (the ``regex`` module's parser is pure Python) costs far more
than the first lint that uses it; a pattern behind a rule's cheap gate is often
never compiled at all. After the first use the pattern's methods are plain
attributes of the proxy, so later calls cost what a compiled pattern's do. A
``regex`` pattern's compiled form is kept per user between runs (``cached_regex``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
            "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """Stands for ``engine.compile(pattern, flags)``, compiled when first touched."""

    def __init__(self, engine: str, pattern: str, flags: int = 0) -> None:
        self._source = (engine, pattern, flags)

    def __getattr__(self, name: str):
        # Only called for names not yet set: compile once, then bind the methods.
        engine, pattern, flags = self._source
        compiled = cached_regex(pattern, flags) if engine == "regex" else re.compile(pattern, flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """A stdlib ``re`` pattern (faster to compile and to run) compiled on first use."""
    return LazyPattern("re", pattern, flags)


def lazy_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """A ``regex`` pattern (for \\p{..} classes, \\K, variable lookbehind) compiled on first use."""
    return LazyPattern("regex", pattern, flags)


def cached_regex(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags)``, kept per user between runs (see diskcache).

    Why: the ``regex`` module parses a pattern in pure Python (up to 6 ms for a large
    one), while unpickling its compiled form skips the parser (a twentieth of the
    time). The key holds everything the compiled form depends on: the pattern, its
    flags, the default version, and the installed ``regex`` module.
    """
    import regex

    from ..diskcache import cached_by_key

    key = _regex_stamp() + f"\0{regex.DEFAULT_VERSION}\0{flags}\0{pattern}".encode(
        "utf-8", "surrogatepass")
    return cached_by_key("regex", key, lambda: regex.compile(pattern, flags))


@lru_cache(maxsize=1)
def _regex_stamp() -> bytes:
    """The installed ``regex`` module (its version and install, which any reinstall
    changes), with the interpreter whose pickles it reads."""
    import sys

    import regex

    from ..diskcache import module_stamp

    return module_stamp(regex) + f"\0{regex.__version__}\0{sys.version}".encode()


# Characters that re or regex match case-insensitively to an ASCII letter although
# their str.lower() is no such letter: İ (i), ı (i, re only), ſ (s).
_ODD_CASES = frozenset("\u0130\u0131\u017f")


class Openings:
    """Lower-case texts one of which a pattern (matched case-insensitively at the
    start of a string) opens with: ``admits(text)`` False proves the pattern cannot
    match at the start of ``text``, so it need not be compiled or tried there."""

    def __init__(self, prefixes) -> None:
        self.prefixes = tuple(prefixes)
        self.length = max(map(len, self.prefixes), default=0)

    def admits(self, text: str) -> bool:
        head = text[:self.length]
        return head.lower().startswith(self.prefixes) or not _ODD_CASES.isdisjoint(head)
