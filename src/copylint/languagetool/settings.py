"""The ``languagetool:`` settings: one schema for the config file, rule options and flags.

LanguageTool is off unless a server ``url`` is given or ``local: true`` asks
language-tool-python to run its own install. The defaults are tuned for wire copy:
LanguageTool rules that copylint's own rules already report are disabled, so one
problem is never reported twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..config import ConfigError

PUBLIC = "public"
PUBLIC_URL = "https://api.languagetool.org/"

# LanguageTool rules whose problems copylint's own rules already report.
DUPLICATED_RULES = (
    "ENGLISH_WORD_REPEAT_RULE",  # grammar/repeated-word
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # style noise on wire copy ("He said ... He added")
    "WHITESPACE_RULE",  # typography/space-run
    "CONSECUTIVE_SPACES",  # typography/space-run
    "EN_QUOTES",  # typography rules own straight/typographic quotes
    "TYPOGRAPHICAL_APOSTROPHE",
    "UPPERCASE_SENTENCE_START",  # fragment/lowercase-start
)

ISSUE_SEVERITIES = {
    # LanguageTool issue type (ITS 2.0 localization quality) -> copylint severity.
    "misspelling": "warning",
    "grammar": "warning",
    "mistranslation": "warning",
    "untranslated": "warning",
    "omission": "warning",
    "addition": "warning",
}
OTHER_SEVERITY = "info"  # style, typographical, register, uncategorized ...

DEFAULTS: dict[str, Any] = {
    "url": "",
    "local": False,
    "language": "en-US",
    "enabled-rules": [],
    "disabled-rules": [],
    "enabled-categories": [],
    "disabled-categories": [],
    "picky": False,
    "check-proper-nouns": False,
    "severities": {},
    "timeout": 10.0,
    "startup-timeout": 60.0,
    "retries": 2,
    "max-in-flight": 2,
    "batch-size": 10000,
    "cache": True,
    "cache-dir": "",
    "required": False,
}

_POSITIVE = {"timeout", "startup-timeout", "max-in-flight", "batch-size"}
_SEVERITY_NAMES = ("error", "warning", "info")


def is_configured(settings: Mapping[str, Any]) -> bool:
    """True when a server or a local install was asked for."""
    return bool(settings.get("url") or settings.get("local"))


def validate_settings(where: str, value: Any) -> dict[str, Any]:
    """Check a ``languagetool:`` value; return it merged over the defaults.

    ``false``/empty turns LanguageTool off (``{}``); a string is shorthand for
    ``{url: ...}``. Unknown keys and values of the wrong type are one-line errors.
    """
    if value is None or value is False or value == {}:
        return {}
    if value is True:
        raise ConfigError(f"{where}: languagetool: give a server url, 'public' or {{local: true}}")
    if isinstance(value, str):
        value = {"url": value}
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: languagetool: must be a server url or a mapping of settings")
    settings = dict(DEFAULTS)
    for key, item in value.items():
        if key not in DEFAULTS:
            known = ", ".join(DEFAULTS)
            raise ConfigError(f"{where}: languagetool: unknown key '{key}' (known keys: {known})")
        settings[key] = _check_value(where, key, item)
    if settings["url"] and settings["local"]:
        raise ConfigError(f"{where}: languagetool: give either 'url' or 'local: true', not both")
    if not is_configured(settings):
        raise ConfigError(f"{where}: languagetool: needs 'url' (a server or 'public') or 'local: true'")
    return settings


def _check_value(where: str, key: str, value: Any) -> Any:
    default = DEFAULTS[key]
    name = f"{where}: languagetool.{key}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{name}: expected true or false, got {value!r}")
        return value
    if isinstance(default, list):
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{name}: expected a list of LanguageTool ids")
        return list(value)
    if isinstance(default, dict):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{name}: expected a mapping of issue type to severity")
        for issue, severity in value.items():
            if str(severity).lower() not in _SEVERITY_NAMES:
                raise ConfigError(f"{name}.{issue}: severity must be error, warning or info")
        return {str(k).lower(): str(v).lower() for k, v in value.items()}
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{name}: expected a number, got {value!r}")
        if isinstance(default, int) and not float(value).is_integer():
            raise ConfigError(f"{name}: expected a whole number, got {value!r}")
        if value < 0 or (key in _POSITIVE and value == 0):
            raise ConfigError(f"{name}: must be {'above' if key in _POSITIVE else 'at least'} 0")
        return type(default)(value)
    if not isinstance(value, str):
        raise ConfigError(f"{name}: expected text, got {value!r}")
    value = value.strip()
    if key == "url" and value and value != PUBLIC and not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name}: expected an http:// or https:// url or 'public', got {value!r}")
    if key == "language" and not value:
        raise ConfigError(f"{name}: give a language code such as en-US or en-GB")
    return value


def settings_from_flags(
    settings: Mapping[str, Any], url: str | None, require: bool, disable: bool
) -> dict[str, Any] | None:
    """Apply ``--languagetool URL``, ``--require-languagetool`` and ``--no-languagetool``.

    Returns the new settings, or None when no flag was given (config unchanged).
    """
    if disable:
        return {}
    if url is None and not require:
        return None
    merged = dict(settings) if settings else {}
    if url is not None:
        merged.update(url=url, local=False)
    if require:
        if not is_configured(merged):
            raise ConfigError(
                "--require-languagetool: no LanguageTool configured "
                "(give --languagetool URL or a languagetool: section)"
            )
        merged["required"] = True
    return validate_settings("command line", {k: v for k, v in merged.items() if k in DEFAULTS})


def severity_for(settings: Mapping[str, Any], issue_type: str) -> str:
    """The copylint severity of a LanguageTool issue type (config overrides first)."""
    issue = (issue_type or "").lower()
    overrides = settings.get("severities") or {}
    return overrides.get(issue) or ISSUE_SEVERITIES.get(issue, OTHER_SEVERITY)


def request_rules(settings: Mapping[str, Any]) -> dict[str, list[str]]:
    """The rule and category lists sent to LanguageTool (wire defaults applied)."""
    enabled = list(settings.get("enabled-rules") or [])
    disabled = [r for r in (*DUPLICATED_RULES, *(settings.get("disabled-rules") or [])) if r not in enabled]
    return {
        "enabled-rules": sorted(set(enabled)),
        "disabled-rules": sorted(set(disabled)),
        "enabled-categories": sorted(set(settings.get("enabled-categories") or [])),
        "disabled-categories": sorted(set(settings.get("disabled-categories") or [])),
    }
