"""Finds every rule: built-in Python rules, YAML packs, and entry-point plugins."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from . import rules as builtin_rules
from .packs import Pack, PackError, iter_pack_files, load_pack
from .plugins import RegistryError, plugin_entry_points
from .resources import builtin_pack_dir
from .rule import Rule, validate_rule



class Registry:
    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.packs: list[Pack] = []

    def add(self, rule: Rule, where: str) -> None:
        try:
            validate_rule(rule, where)
        except ValueError as exc:
            raise RegistryError(str(exc)) from None
        if rule.id in self.rules:
            raise RegistryError(f"{where}: rule id {rule.id} is already defined")
        self.rules[rule.id] = rule

    def load_builtin_python(self) -> None:
        for name in _module_names(builtin_rules.__path__[0]):
            module = importlib.import_module(f"{builtin_rules.__name__}.{name}")
            for rule in _rules_in_module(module):
                self.add(rule, module.__name__)

    def load_pack_dir(self, folder: Path, origin: str) -> None:
        if not folder.is_dir():
            raise RegistryError(f"{folder}: rule pack folder does not exist")
        for path in iter_pack_files(folder):
            try:
                pack = load_pack(path, origin)
            except PackError as exc:
                raise RegistryError(str(exc)) from None
            self.packs.append(pack)
            for rule in pack.rules:
                self.add(rule, str(path))

    def load_entry_points(self) -> None:
        for name, value in plugin_entry_points():
            where = f"plugin {name} ({value})"
            try:
                loaded = _load_object(value)
            except Exception as exc:  # a broken plugin must not take the run down silently
                raise RegistryError(f"{where}: cannot load: {exc}") from None
            for rule in _rules_from_object(loaded):
                rule.origin = f"plugin:{name}"
                self.add(rule, where)

    def get(self, rule_id: str) -> Rule:
        return self.rules[rule_id]


def _module_names(folder: str) -> list[str]:
    """The modules in ``folder`` in file name order, as pkgutil.iter_modules lists a
    package's (rules are modules, not subpackages), without the import of inspect
    that costs it 4 ms a run."""
    from importlib.machinery import all_suffixes

    suffixes = sorted(all_suffixes(), key=len, reverse=True)  # the longest that fits
    names = []
    for file_name in sorted(os.listdir(folder)):
        suffix = next((s for s in suffixes if file_name.endswith(s)), None)
        name = file_name[: -len(suffix)] if suffix else ""
        if name and "." not in name and name != "__init__" and name not in names:
            names.append(name)
    return names


def _load_object(value: str):
    """What an entry point's ``module:attribute`` value names (as EntryPoint.load)."""
    module_name, _, attribute = value.partition(":")
    loaded = importlib.import_module(module_name.strip())
    for part in filter(None, attribute.strip().split(".")):
        loaded = getattr(loaded, part)
    return loaded


def _rules_from_object(obj) -> list[Rule]:
    """An entry point may name a Rule subclass, an instance, a list of either, or a module."""
    if isinstance(obj, Rule):
        return [obj]
    if isinstance(obj, type) and issubclass(obj, Rule):
        return [obj()]
    if isinstance(obj, (list, tuple)):
        return [rule for item in obj for rule in _rules_from_object(item)]
    if hasattr(obj, "__dict__") and hasattr(obj, "__name__"):
        return _rules_in_module(obj)
    raise RegistryError(f"{obj!r} is not a copylint rule")


def _rules_in_module(module) -> list[Rule]:
    return [
        value()
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value.__module__ == module.__name__
        and value.id
    ]


def build_registry(extra_pack_dirs: list[Path] = ()) -> Registry:
    """All rules copylint knows in this environment and configuration."""
    registry = Registry()
    registry.load_builtin_python()
    registry.load_pack_dir(builtin_pack_dir(), "pack")
    for folder in extra_pack_dirs:
        registry.load_pack_dir(Path(folder), "pack")
    registry.load_entry_points()
    return registry
