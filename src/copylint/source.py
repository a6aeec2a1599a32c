"""Reading input safely: every bad input becomes one clear :class:`InputError`."""

from __future__ import annotations

import sys
from pathlib import Path

BINARY_SNIFF = 8192


class InputError(Exception):
    """A file that cannot be linted; the message is the one line users see."""


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def decode(data: bytes, name: str) -> str:
    """UTF-8 with or without BOM; anything else is refused with a reason."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: UTF-16 text is not supported; save the file as UTF-8")
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputError(f"{name}: binary file (contains NUL bytes); not linted")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02X} on line {line}); "
            "convert the file to UTF-8"
        ) from None


def read_path(path: Path, max_size: int) -> str:
    return decode(read_bytes(path, max_size), str(path))


def read_bytes(path: Path, max_size: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_size:
            raise InputError(
                f"{path}: {_human(size)} is over the {_human(max_size)} limit "
                "(raise max-file-size to lint it)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_stdin_bytes(name: str, max_size: int) -> bytes:
    data = sys.stdin.buffer.read(max_size + 1)
    if len(data) > max_size:
        raise InputError(f"{name}: standard input is over the {_human(max_size)} limit")
    return data


def read_stdin(name: str, max_size: int) -> str:
    return decode(read_stdin_bytes(name, max_size), name)
