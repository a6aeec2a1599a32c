"""The ``copylint`` command: check, rules, explain, eval, serve.

Exit codes: 0 nothing at or above ``--fail-on``; 1 something is; 2 usage,
config or input errors (every other file is still linted and reported).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad arguments; printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line and exit 2, as argparse does, without the usage dump
        self.exit(EXIT_ERROR, f"copylint: error: {message} (see copylint {self.prog.split()[-1]} --help)\n")


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; given the ``command`` about to run, the arguments of
    ``eval`` and ``audit`` are only added for them (their modules cost more to
    import than a one-file check)."""
    from .formatters import FORMATS
    from .readers import FORMATS as READER_FORMATS

    parser = _Parser(prog="copylint", description="Editorial quality linter for translated wire copy.")
    parser.add_argument("--version", action="version", version=f"copylint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files, folders or stdin (-)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin (default: .)")
    check.add_argument("--format", choices=sorted(FORMATS), help="report format (default: text)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--select", metavar="RULES", help="comma-separated rule ids or categories to run")
    check.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or categories to skip")
    check.add_argument("--extend-ignore", metavar="RULES", help="add to the configured ignore list")
    check.add_argument("--config", metavar="FILE", help="config file (default: found upward from here)")
    check.add_argument("--isolated", action="store_true", help="ignore every config file")
    check.add_argument("--stdin-filename", metavar="NAME", help="name to report (and pick the format) for stdin")
    check.add_argument("--input-format", choices=READER_FORMATS,
                       help="force the input format instead of guessing by extension and content")
    check.add_argument("--include", action="append", metavar="GLOB", help="files to lint in folders (repeatable)")
    check.add_argument("--exclude", action="append", metavar="GLOB", help="paths to skip (repeatable)")
    check.add_argument("--source-language", action="append", metavar="LANG",
                       help="source language of the translation, e.g. es (repeatable)")
    check.add_argument("--max-file-size", metavar="SIZE", help="refuse larger files (default 10MB)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0")
    check.add_argument("--statistics", action="store_true", help="print counts per rule")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--quiet", "-q", action="store_true", help="print nothing when there are no findings")
    check.add_argument("--jobs", "-j", type=positive_int, metavar="N",
                       help="lint in N processes (default: all cores; small runs stay serial)")
    check.add_argument("--no-cache", action="store_true",
                       help="lint every file again, even if its content, config and rules are unchanged")
    check.add_argument("--languagetool", metavar="URL",
                       help="check grammar with the LanguageTool server at URL ('public' for the public API)")
    check.add_argument("--require-languagetool", action="store_true",
                       help="an unreachable LanguageTool is an error (exit 2)")
    check.add_argument("--no-languagetool", action="store_true", help="skip LanguageTool this run")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="apply the safe fixes of fixable rules to the files, then report what is left")
    fixing.add_argument("--diff", action="store_true",
                        help="print the safe fixes as a unified diff and write nothing (exit 1 if any)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--config", metavar="FILE")

    explain = sub.add_parser("explain", help="explain a rule: rationale and examples")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="FILE")

    evaluate = sub.add_parser("eval", help="measure recall and precision on an annotated corpus")
    if command in (None, "eval"):
        from . import evaluate as evaluate_module

        evaluate_module.add_arguments(evaluate)

    audit = sub.add_parser("audit", help="audit an archive of stories on Dask (folder, JSONL or Parquet)")
    if command in (None, "audit"):
        from . import audit as audit_module

        audit_module.add_arguments(audit)

    serve = sub.add_parser("serve", help="a local web page where editors paste or upload a story")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    serve.add_argument("--config", metavar="FILE", help="config file (default: found upward from here)")
    serve.add_argument("--isolated", action="store_true", help="ignore every config file")
    return parser


def parse_codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip() for c in value.split(",") if c.strip())


def _load_config(args):
    from .config import Config, load_config, parse_size
    from .languagetool.settings import settings_from_flags

    if getattr(args, "isolated", False):
        config = Config()
    else:
        config = load_config(args.config)
    if args.command != "check":
        return config
    ignore = parse_codes(args.ignore)
    if args.extend_ignore:
        ignore = (ignore if ignore is not None else config.ignore) + parse_codes(args.extend_ignore)
    return config.with_overrides(
        select=parse_codes(args.select),
        ignore=ignore,
        fail_on=args.fail_on,
        include=tuple(args.include) if args.include else None,
        exclude=config.exclude + tuple(args.exclude) if args.exclude else None,
        source_languages=tuple(s.lower() for s in args.source_language) if args.source_language else None,
        max_file_size=parse_size("--max-file-size", args.max_file_size) if args.max_file_size else None,
        languagetool=settings_from_flags(
            config.languagetool, args.languagetool, args.require_languagetool, args.no_languagetool
        ),
    )


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the program itself, not a caller in the same process
        _tune_garbage_collection()
        argv = sys.argv[1:]
    # The top-level options take no value: the first other word names the command.
    parser = build_parser(next((a for a in argv if not a.startswith("-")), None))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    from .config import ConfigError
    from .plugins import RegistryError
    from .source import InputError

    try:
        config = _load_config(args)
        if args.command == "check":
            return _check(args, config)
        if args.command == "rules":
            return _rules(args, config)
        if args.command == "explain":
            return _explain(args, config)
        if args.command == "serve":
            from . import serve

            return serve.run(args, config)
        if args.command == "audit":
            from . import audit

            return audit.run(args, config)
        from . import evaluate

        return evaluate.run(args, config)
    except (ConfigError, RegistryError, InputError, UsageError) as exc:
        print(f"copylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR


def _tune_garbage_collection() -> None:
    """Collect young objects less often, and never at exit.

    Why: a run builds its rules' data (patterns, word lists, automata: some 50,000
    objects) and keeps it; collecting every 700 new objects walks them again and
    again (6 ms of a one-file run), and the interpreter's final collections walk
    everything once more (20 ms) for memory the system frees at exit anyway.
    Frozen objects are never collected, and finalizers of cyclic garbage are not
    guaranteed at exit in any case. Garbage is still collected while linting.
    """
    import atexit
    import gc

    gc.set_threshold(50_000, *gc.get_threshold()[1:])
    atexit.register(gc.freeze)


FORMATS_WITH_SOURCES = ("html",)
FORMATS_WITH_RULES = ("html", "sarif")


def _check(args, config) -> int:
    from .finding import Finding, Severity
    from .formatters import Report, body_formatter, render_chunks
    from .paths import collect_paths

    if (args.fix or args.diff) and args.write_baseline:
        raise UsageError("--fix and --diff cannot be combined with --write-baseline")
    if args.stdin_filename and "-" not in args.paths:
        args.paths.append("-")
    fmt = args.format or "text"
    known = None
    if args.baseline and not args.write_baseline:
        from .baseline import load_baseline

        known = load_baseline(Path(args.baseline))
    from .runner import LazyLinter

    linter = LazyLinter(config)
    targets, missing = collect_paths(args.paths or ["."], config)
    stdin_name = args.stdin_filename or "<stdin>"
    keep_sources = fmt in FORMATS_WITH_SOURCES
    to_terminal = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (
        args.color == "auto" and to_terminal and fmt == "text" and not os.environ.get("NO_COLOR")
    )
    bodies = None
    fixer = _Fixer(linter.get(), args) if args.fix or args.diff else None
    if fixer is None:
        from .cache import ContentCache, rules_fingerprint
        from .runner import lint_targets

        cache = None if args.no_cache else ContentCache(rules_fingerprint(config))
        # A baseline drops findings after the run, so their report is formatted after it.
        body = body_formatter(fmt, color) if known is None and not args.write_baseline else None
        result = lint_targets(linter, targets, stdin_name=stdin_name, input_format=args.input_format,
                              jobs=args.jobs, cache=cache, keep_sources=keep_sources,
                              progress=not args.quiet, body=body)
        files, findings, sources, bodies = result.files, result.findings, result.sources, result.bodies
        errors = missing + result.errors
        if known is not None:
            from .baseline import filter_new

            findings = filter_new(findings, known)
    else:
        files, findings, sources, errors = fixer.run_all(targets, stdin_name, known, keep_sources)
        findings.sort(key=Finding.sort_key)
        errors = missing + errors
    for message in errors:
        print(f"copylint: error: {message}", file=sys.stderr)

    if args.write_baseline:
        from .baseline import write_baseline

        count = write_baseline(Path(args.write_baseline), findings)
        print(f"copylint: wrote {count} baseline entries for {len(findings)} findings to "
              f"{args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if errors else EXIT_CLEAN
    if fixer is not None:
        print(f"copylint: {fixer.summary()}", file=sys.stderr)
        if args.diff:
            return EXIT_ERROR if errors else (EXIT_FINDINGS if fixer.changed else EXIT_CLEAN)

    # Rule metadata for the formats that show it; a fully cached run of another
    # format never builds the registry.
    rules = linter.get().registry.rules if linter.built or fmt in FORMATS_WITH_RULES else {}
    report = Report(findings, files, errors, rules, color=color,
                    statistics=args.statistics, tool_version=__version__, sources=sources,
                    bodies=bodies)
    if not (args.quiet and not findings and fmt == "text"):
        # `--fix` on stdin prints the fixed text on stdout, so the report goes to stderr.
        to_stderr = args.fix and "-" in targets and args.output is None
        write_output(render_chunks(fmt, report), args.output, sys.stderr if to_stderr else sys.stdout)

    if errors:
        return EXIT_ERROR
    if config.fail_on != "never":
        threshold = Severity.parse(config.fail_on)
        if any(f.severity >= threshold for f in findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN


class _Fixer:
    """`--fix` writes each fixed file (stdin: prints it); `--diff` prints the diff."""

    def __init__(self, linter, args):
        self.linter = linter
        self.input_format = args.input_format
        self.rules = linter.registry.rules
        self.diff = args.diff
        self.changed: list[str] = []
        self.applied = 0

    def run_all(self, targets, stdin_name: str, known, keep_sources: bool):
        """Fix (or diff) each target in turn: (files, findings left, sources, errors)."""
        from .engine import RuleCrash
        from .source import InputError, read_path, read_stdin

        files, findings, sources, errors = [], [], {}, []
        keep = None
        if known is not None:
            from .baseline import filter_new

            keep = lambda found: filter_new(found, known)  # noqa: E731
        for target in targets:
            name = stdin_name if target == "-" else str(target)
            try:
                max_size = self.linter.config.max_file_size
                text = read_stdin(name, max_size) if target == "-" else read_path(target, max_size)

                def lint(source: str, name=name) -> list:
                    return self.linter.lint_text(source, name, input_format=self.input_format)

                text, found = self.run(target, name, text, lint, keep)
                findings.extend(found)
                files.append(name)
                if keep_sources:
                    sources[name] = text
            except (InputError, RuleCrash) as exc:
                errors.append(str(exc))
        return files, findings, sources, errors

    def fixable(self, rule_id: str) -> bool:
        rule = self.rules.get(rule_id)
        return bool(rule is not None and rule.fixable)

    def run(self, target, name: str, text: str, lint, keep) -> tuple[str, list]:
        """Fix one file; returns its (fixed) text and the findings left."""
        from .fix import fix_text, has_bom, unified_diff, write_atomic

        result = fix_text(text, lint, self.fixable, keep)
        if result.text != text:
            self.changed.append(name)
            self.applied += result.applied
        if self.diff:
            if result.text != text:
                sys.stdout.write(unified_diff(text, result.text, name))
                sys.stdout.flush()
            return text, result.findings
        if target == "-":
            sys.stdout.write(result.text)
            sys.stdout.flush()
        elif result.text != text:
            try:
                write_atomic(target, result.text, has_bom(target))
            except OSError as exc:
                from .source import InputError

                raise InputError(f"{name}: cannot write the fixed file: {exc.strerror or exc}") from None
        return result.text, result.findings

    def summary(self) -> str:
        files = len(self.changed)
        fixes = f"{self.applied} fix{'es' if self.applied != 1 else ''}"
        where = f"{files} file{'s' if files != 1 else ''}"
        if self.diff:
            return f"{fixes} would be applied to {where}" if files else "no fixes to apply"
        return f"applied {fixes} to {where}" if files else "nothing to fix"


def write_output(text, output: str | None, stream=None) -> None:
    """Write a report (a string or an iterable of pieces) to ``output`` or ``stream``."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        stream = stream or sys.stdout
        for piece in pieces:
            stream.write(piece)
        stream.flush()
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            for piece in pieces:
                handle.write(piece)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write report: {exc.strerror or exc}") from None


def _rules(args, config) -> int:
    import json

    from .registry import build_registry

    registry = build_registry(list(config.packs))
    rules = sorted(registry.rules.values(), key=lambda r: r.id)
    if args.format == "json":
        print(json.dumps([r.metadata() for r in rules], indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    width = max(len(r.id) for r in rules)
    for rule in rules:
        flags = ("fix " if rule.fixable else "    ") + ("" if rule.enabled_by_default else "(off) ")
        print(f"{rule.id:<{width}}  {str(rule.severity):<7}  {flags}{rule.description}")
    return EXIT_CLEAN


def _explain(args, config) -> int:
    from .registry import build_registry

    registry = build_registry(list(config.packs))
    rule = registry.rules.get(args.rule)
    if rule is None:
        close = [r for r in registry.rules if args.rule in r] or [
            r for r in registry.rules if r.startswith(args.rule.split("/")[0] + "/")
        ]
        hint = f" (did you mean: {', '.join(sorted(close)[:8])}?)" if close else ""
        raise UsageError(f"no rule named '{args.rule}'{hint}; `copylint rules` lists them")
    print(f"{rule.id}  [{rule.severity}]{'  (fixable)' if rule.fixable else ''}")
    print()
    print(rule.description)
    if rule.rationale:
        print()
        print(rule.rationale.strip())
    for label, example in (("Bad", rule.bad_example), ("Good", rule.good_example)):
        if example:
            print()
            print(f"{label}:")
            for line in example.strip().splitlines():
                print(f"    {line}")
    if rule.options:
        print()
        print("Options (set under `rules:` in the config):")
        for name, default in rule.options.items():
            print(f"    {name}: {default!r}")
    print()
    print(f"Origin: {rule.origin}. Disable with `ignore: [{rule.id}]` or an inline "
          f"`<!-- copylint: disable-next-line={rule.id} -->`.")
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
