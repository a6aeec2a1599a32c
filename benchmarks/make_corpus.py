"""Generate the benchmark corpus: N articles recombined, with a fixed seed, from the
bundled examples and the development corpus (tests/corpus).

    python benchmarks/make_corpus.py OUT_DIR [--articles 10000] [--seed 7] [--jsonl FILE]

Each article keeps the top of one real story (site chrome, headline, dateline
paragraph) and continues with body paragraphs drawn from all the stories until it
reaches a length drawn around the typical 3 KB, so the mix of clean copy and
artifacts matches the sources. The same seed and sources give byte-identical
output. The corpus measures speed only: recombined stories are not annotated.
Articles go to OUT_DIR/NNN/NNNNN.txt (1,000 per folder); ``--jsonl`` also writes
them as one JSONL file for ``copylint audit``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TYPICAL_BYTES, SPREAD_BYTES, MIN_BYTES, MAX_BYTES = 3000, 900, 800, 9000


def sources() -> list[Path]:
    found = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").rglob("*.txt"))
    return [p for p in found if not p.name.upper().startswith("README")]


def split_story(text: str) -> tuple[str, list[str], str]:
    """(the top through the dateline paragraph, as written; body paragraphs; their separator)."""
    lines = text.strip().split("\n")
    # The dateline paragraph is the first long line; everything above it is the top.
    first_long = next((i for i, line in enumerate(lines) if len(line) > 120), 0)
    body = lines[first_long + 1:]
    separator = "\n\n" if body.count("") * 3 >= len(body) else "\n"
    return "\n".join(lines[: first_long + 1]), [line for line in body if line.strip()], separator


def generate(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    stories = [split_story(p.read_text(encoding="utf-8")) for p in sources()]
    pool = [paragraph for _, body, _ in stories for paragraph in body]
    articles = []
    for index in range(count):
        top, body, separator = stories[rng.randrange(len(stories))]
        target = min(MAX_BYTES, max(MIN_BYTES, int(rng.gauss(TYPICAL_BYTES, SPREAD_BYTES))))
        parts = [top]
        size = len(top)
        # Start with the story's own next paragraphs, then recombine from the pool.
        for paragraph in body[: rng.randint(0, len(body))]:
            parts.append(paragraph)
            size += len(paragraph)
        while size < target:
            paragraph = pool[rng.randrange(len(pool))]
            parts.append(paragraph)
            size += len(paragraph)
        articles.append((f"{index // 1000:03d}/{index:05d}.txt", separator.join(parts) + "\n"))
    return articles


def write(articles, out_dir: Path, jsonl: Path | None = None) -> str:
    """Write the articles; return a digest of the whole corpus (to check reproducibility)."""
    digest = hashlib.sha256()
    for name, text in articles:
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        digest.update(name.encode() + b"\0" + text.encode("utf-8"))
    if jsonl is not None:
        with jsonl.open("w", encoding="utf-8") as out:
            for name, text in articles:
                out.write(json.dumps({"id": name, "path": str(out_dir / name), "text": text},
                                     ensure_ascii=False) + "\n")
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jsonl", type=Path, help="also write the articles to this JSONL file")
    args = parser.parse_args()
    articles = generate(args.articles, args.seed)
    digest = write(articles, args.out_dir, args.jsonl)
    size = sum(len(text.encode("utf-8")) for _, text in articles)
    print(f"{len(articles)} articles, {size / 1e6:.1f} MB, from {len(sources())} stories, "
          f"seed {args.seed}: sha256 {digest[:16]}")


if __name__ == "__main__":
    main()
