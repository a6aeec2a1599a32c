"""The per-user cache of validated packs and parsed data files."""

from __future__ import annotations

import textwrap

import pytest

from copylint import diskcache
from copylint.packs import PackError, load_pack

PACK = textwrap.dedent(
    """\
    pack: cached
    rules:
      - id: calque/cached-rule
        message: "m {match}"
        patterns:
          - regex: '\\balways\\s+according to'
    """
)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(folder))
    return folder


def test_second_load_uses_the_cache_and_edits_invalidate_it(tmp_path, cache_dir, monkeypatch):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK)
    first = load_pack(path, "t")
    assert first.rules[0].triggers == frozenset({"according to"})
    assert len(list(cache_dir.rglob("*.pickle"))) == 1

    def no_validation(_path):
        raise AssertionError("validated again despite an unchanged pack")

    monkeypatch.setattr("copylint.packs._validated_spec", no_validation)
    again = load_pack(path, "t")
    assert again.rules[0].id == "calque/cached-rule" and again.rules[0].pack is again
    monkeypatch.undo()
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(cache_dir))
    path.write_text(PACK.replace("paterns", "x").replace("patterns:", "paterns:"))
    with pytest.raises(PackError, match="unknown rule key"):
        load_pack(path, "t")


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(blocker))
    source = tmp_path / "data.txt"
    source.write_text("x")
    assert diskcache.cached("data", source, lambda: 42) == 42


def test_corrupt_entry_is_rebuilt(tmp_path, cache_dir):
    source = tmp_path / "data.txt"
    source.write_text("x")
    assert diskcache.cached("data", source, lambda: {"a": 1}) == {"a": 1}
    for entry in cache_dir.rglob("*.pickle"):
        entry.write_bytes(b"garbage")
    assert diskcache.cached("data", source, lambda: {"a": 2}) == {"a": 2}


def test_langid_profiles_come_back_from_the_cache_as_built(cache_dir):
    from copylint import langid

    built = langid.profiles.__wrapped__()
    assert len(list((cache_dir / "langid").glob("*.pickle"))) == 1
    loaded = langid.profiles.__wrapped__()
    assert (loaded.words, loaded.unique, loaded.markers) == (built.words, built.unique, built.markers)
    haystack = " « que le ministre l'a dit, dijo el ministro. "
    assert list(loaded.screen.iter(haystack)) == list(built.screen.iter(haystack))
    assert loaded.loanwords.sub(" ", "a de facto ban") == built.loanwords.sub(" ", "a de facto ban")


def test_regex_patterns_come_back_compiled_as_built(cache_dir, monkeypatch):
    import regex

    from copylint.rules._lazy import cached_regex, lazy_regex

    source = r"(?<=\d\s)millones\b|\p{Lu}\w+(?P<tail>ing)"
    built = cached_regex(source, regex.IGNORECASE)
    assert len(list((cache_dir / "regex").glob("*.pickle"))) == 1

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again despite the cached pattern")

    monkeypatch.setattr(regex, "compile", no_compile)
    loaded = cached_regex(source, regex.IGNORECASE)
    text = "Son 3 MILLONES, said Running"
    assert (loaded.pattern, loaded.flags, loaded.groupindex) == (built.pattern, built.flags, built.groupindex)
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in built.finditer(text)] == [(6, 14), (21, 28)]
    assert lazy_regex(source, regex.IGNORECASE).search(text).span() == (6, 14)
    monkeypatch.undo()
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(cache_dir))
    assert cached_regex(source).flags != built.flags  # other flags, another entry
    assert len(list((cache_dir / "regex").glob("*.pickle"))) == 2
