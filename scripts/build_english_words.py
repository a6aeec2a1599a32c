#!/usr/bin/env python3
"""Build rules/data/english_words.yaml from a system word list (a developer runs this).

names/inconsistent asks whether a capitalised word is also an ordinary English word
("Shell" the company): such a word is not another spelling of a name one letter
away ("Shelly"). The source is SCOWL size 35, as Debian's wamerican-small
package installs it (`apt-get install wamerican-small`); only lower-case ASCII words
of five or more letters are kept (shorter capitalised words are never compared).

    python scripts/build_english_words.py           # writes rules/data/english_words.yaml
    python scripts/build_english_words.py --check   # exit 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

SOURCE = Path("/usr/share/dict/american-english-small")
OUTPUT = Path(__file__).resolve().parents[1] / "rules" / "data" / "english_words.yaml"
_KEPT = re.compile(r"[a-z]{5,}")
HEADER = """\
# Ordinary English words of five or more letters, lower case, read by
# names/inconsistent (src/copylint/rules/names_inconsistent.py).
# Built by scripts/build_english_words.py from SCOWL size 35 (Debian wamerican-small).
# SCOWL: Copyright 2000-2019 Kevin Atkinson and others; permission to use, copy,
# modify, distribute and sell these word lists is granted without fee, provided the
# copyright notice appears in all copies (see the wamerican package's copyright file).
"""


def build(source: Path = SOURCE) -> str:
    words = sorted({w for w in source.read_text(encoding="utf-8").split() if _KEPT.fullmatch(w)})
    lines, line = [], ""
    for word in words:  # a folded scalar of ~100-character lines: small diffs, fast parse
        if len(line) + len(word) + 1 > 100:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    lines.append(line)
    return HEADER + "words: >-\n" + "".join(f"  {text}\n" for text in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args()
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: apt-get install wamerican-small", file=sys.stderr)
        return 2
    text = build()
    if args.check:
        return 0 if OUTPUT.read_text(encoding="utf-8") == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
