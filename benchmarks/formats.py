"""Parse overhead per input format: read_document of the same stories as text and wrapped.

    python benchmarks/formats.py [--articles 200] [--repeat 5]

Each seeded article of benchmarks/make_corpus.py is wrapped the way its format's
real files are laid out (an HTML CMS page with head, scripts, menus and an
<article>; NITF 3.x; a NewsML-G2 newsItem with metadata and XHTML inlineXML;
XLIFF 1.2 and 2.0 with a source beside each target; Markdown with YAML front
matter), then each format's read_document is timed over all articles (best of
``--repeat`` passes, the formats taking turns within each pass; readers imported
and warmed first). It prints microseconds per
article and the ratio to plain text; the issue's budget is 2x.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402

from copylint.readers import read_document  # noqa: E402


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def as_html(text: str) -> str:
    first, *rest = [html.escape(p, quote=False) for p in _paragraphs(text)]
    body = "\n".join(f"    <p>{p}</p>" for p in rest)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n'
        '  <meta property="article:published_time" content="2024-05-02T14:05:00Z">\n'
        f"  <title>{first}</title>\n  <style>p {{ margin: 0 }}</style>\n"
        '  <script>window.dataLayer = [{"section": "world"}];</script>\n</head>\n<body>\n'
        '  <nav><a href="/">Home</a> | <a href="/world">World</a></nav>\n'
        f'  <article>\n    <h1>{first}</h1>\n{body}\n  </article>\n'
        "  <footer><p>&copy; 2024 Example</p></footer>\n</body>\n</html>\n"
    )


def as_nitf(text: str) -> str:
    first, *rest = [html.escape(p, quote=False) for p in _paragraphs(text)]
    body = "\n".join(f"      <p>{p}</p>" for p in rest)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<nitf version="-//IPTC//DTD NITF 3.5//EN">\n'
        '  <head><title>story</title><docdata><date.issue norm="20240502T101500Z"/></docdata></head>\n'
        f"  <body>\n    <body.head><hedline><hl1>{first}</hl1></hedline></body.head>\n"
        f"    <body.content>\n{body}\n    </body.content>\n  </body>\n</nitf>\n"
    )


def as_newsml(text: str) -> str:
    first, *rest = [html.escape(p, quote=False) for p in _paragraphs(text)]
    body = "\n".join(f"          <p>{p}</p>" for p in rest)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1" '
        'standard="NewsML-G2" standardversion="2.33">\n'
        '  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-05-02T10:00:00Z'
        "</versionCreated></itemMeta>\n"
        f"  <contentMeta><headline>{first}</headline></contentMeta>\n"
        '  <contentSet><inlineXML contenttype="application/xhtml+xml">\n'
        '    <html xmlns="http://www.w3.org/1999/xhtml"><body>\n'
        f"{body}\n    </body></html>\n  </inlineXML></contentSet>\n</newsItem>\n"
    )


def as_xliff12(text: str) -> str:
    units = "\n".join(
        f'      <trans-unit id="{i}">\n        <source>{p}</source>\n'
        f"        <target>{p}</target>\n      </trans-unit>"
        for i, p in enumerate(html.escape(p, quote=False) for p in _paragraphs(text)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2">\n'
        '  <file source-language="es" target-language="en" datatype="plaintext" original="x">\n'
        f"    <body>\n{units}\n    </body>\n  </file>\n</xliff>\n"
    )


def as_xliff20(text: str) -> str:
    units = "\n".join(
        f'    <unit id="u{i}"><segment>\n      <source>{p}</source>\n'
        f"      <target>{p}</target>\n    </segment></unit>"
        for i, p in enumerate(html.escape(p, quote=False) for p in _paragraphs(text)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" '
        f'trgLang="en">\n  <file id="f">\n{units}\n  </file>\n</xliff>\n'
    )


def as_markdown(text: str) -> str:
    first, *rest = _paragraphs(text)
    body = "\n\n".join(rest)
    return (f'---\ntitle: "{first}"\ndate: 2024-05-02\nlang: en\nsource: EFE\n---\n\n'
            f"{body}\n\n[Source](https://example.com/story)\n")


FORMATS = {"text": (".txt", lambda t: t), "markdown": (".md", as_markdown),
           "html": (".html", as_html), "nitf": (".nitf", as_nitf),
           "newsml": (".xml", as_newsml), "xliff 1.2": (".xlf", as_xliff12),
           "xliff 2.0": (".xlf", as_xliff20)}


def measure(batches: dict[str, tuple[list[str], str]], repeat: int) -> dict[str, float]:
    """Best wall time of ``repeat`` passes per format, in microseconds per article.

    The formats take turns within each pass, so a burst of load on a shared
    machine hits them alike and the ratios of one run stay comparable.
    """
    for texts, suffix in batches.values():
        for text in texts[:5]:
            read_document(text, "warm" + suffix)
    best = dict.fromkeys(batches, float("inf"))
    for _ in range(repeat):
        for name, (texts, suffix) in batches.items():
            start = time.perf_counter()
            for text in texts:
                read_document(text, "story" + suffix)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: best[name] / len(texts) * 1e6 for name, (texts, _) in batches.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    stories = [text for _, text in make_corpus.generate(args.articles, seed=7)]
    batches = {name: ([wrap(story) for story in stories], suffix)
               for name, (suffix, wrap) in FORMATS.items()}
    costs = measure(batches, args.repeat)
    print(f"{'format':<10} {'bytes':>7} {'us/article':>11} {'x text':>7}")
    for name, (texts, _) in batches.items():
        size = sum(len(t) for t in texts) // len(texts)
        print(f"{name:<10} {size:>7} {costs[name]:>11.0f} {costs[name] / costs['text']:>7.2f}")

if __name__ == "__main__":
    main()
