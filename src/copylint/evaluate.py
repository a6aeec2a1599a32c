"""``copylint eval``: placeholder wiring, implemented in the rules issue."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("corpus", metavar="CORPUS")


def run(args, config) -> int:
    raise NotImplementedError
