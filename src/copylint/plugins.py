"""Third-party rules are found through the ``copylint.rules`` entry-point group.

Kept apart from the registry so that a run answered from the content cache can
key on the installed plugins without importing any rule machinery.
"""

from __future__ import annotations

ENTRY_POINT_GROUP = "copylint.rules"


class RegistryError(Exception):
    """A rule, pack or plugin could not be loaded; the message says where."""


def plugin_entry_points() -> list[tuple[str, str]]:
    """(name, value) of the ``copylint.rules`` entry points, remembered between runs.

    Why: asking importlib.metadata reads every installed distribution's metadata
    (tens of milliseconds in a large environment), on every pre-commit run. The
    answer only changes when something is installed, upgraded or removed, which
    changes the metadata folders on ``sys.path``; they are the cache key.
    """
    from .diskcache import cached_by_key

    def discover():
        from importlib.metadata import entry_points

        return [(ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP)]

    return cached_by_key("entry-points", _sys_path_stamps().encode(), discover)


def _sys_path_stamps() -> str:
    """Changes whenever a distribution is installed, upgraded or removed: the
    names (with versions) and times of the metadata folders on ``sys.path``, not
    the folders' own times (the working directory changes at every commit)."""
    import os
    import sys

    stamps = []
    for folder in sys.path:
        try:
            with os.scandir(folder or os.curdir) as entries:
                for entry in entries:
                    if entry.name.endswith((".dist-info", ".egg-info", ".egg-link", ".pth")):
                        stamps.append(f"{entry.path}\0{entry.stat().st_mtime_ns}")
        except OSError:
            continue
    return "\n".join(sorted(stamps))


def plugin_environment() -> str:
    """A key that changes when plugin rules could: their list and, if there are
    any, the installed code around them."""
    plugins = plugin_entry_points()
    return repr(plugins) + (_sys_path_stamps() if plugins else "")
