"""Articles for the scale benchmarks: the demo articles' sentences recombined, never committed.

    .venv/bin/python bench/recombined.py --articles 100000 --out var/recombined.jsonl

Each article takes 6 to 14 sentences of one language's demo articles, in a random order, and a
publication date drawn from 2015 to 2018, so the events fall into many months.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.datafiles import DATA_DIR
from geo.text.language import detect_language
from geo.text.reading import read_articles
from geo.text.sentences import split_sentences

FIRST_DAY, DAYS = dt.date(2015, 1, 1), 4 * 365


def demo_sentences() -> dict[str, list[str]]:
    """The sentences of the demo articles, by language."""
    by_lang: dict[str, list[str]] = {"en": [], "fr": []}
    for path in sorted((DATA_DIR / "demo").iterdir()):
        if path.suffix == ".md":
            continue
        for article in read_articles(path):
            text = article.text
            spans = split_sentences(text)
            by_lang[detect_language(text)] += [text[start:end] for start, end in spans]
    return by_lang


def recombined_records(count: int, seed: int = 1) -> Iterator[dict]:
    """``count`` article records (title, text, published) of recombined demo sentences."""
    rng = random.Random(seed)
    sentences = demo_sentences()
    for number in range(count):
        lang = rng.choice(("en", "fr"))
        picked = rng.sample(sentences[lang], min(len(sentences[lang]), rng.randint(6, 14)))
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        yield {
            "title": f"Recombined article {number}",
            "published": day.isoformat(),
            "text": "\n\n".join(" ".join(picked[i : i + 3]) for i in range(0, len(picked), 3)),
        }


def write_jsonl(path: Path, count: int, seed: int = 1) -> Path:
    """Write ``count`` recombined articles to a JSON Lines file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in recombined_records(count, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(write_jsonl(args.out, args.articles, args.seed))


if __name__ == "__main__":
    main()
