"""Reading files: encodings, line endings, binary and over-size input."""

from __future__ import annotations

import pytest

from copylint.source import InputError, decode, read_path


def test_utf8_with_bom_is_read_without_the_bom():
    assert decode("\ufeffHello".encode("utf-8"), "x") == "Hello"


@pytest.mark.parametrize(
    "data, fragment",
    [
        ("café".encode("latin-1"), "not valid UTF-8 (byte 0xE9 on line 1)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("hi".encode("utf-16"), "UTF-16"),
    ],
)
def test_bad_encodings_are_one_line_errors(data, fragment):
    with pytest.raises(InputError) as info:
        decode(data, "story.txt")
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_oversize_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("a" * 2048)
    with pytest.raises(InputError, match="over the 1024 bytes limit"):
        read_path(path, 1024)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt", 100)
