"""Time one long article: repeated, varied news sentences, up to the size limit of an article.

    .venv/bin/python bench/long_article.py [--bytes N] [--profile]

Prints the size, the number of features, the seconds and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.gazetteer.embedded import load_embedded_gazetteer
from geo.model import Article
from geo.pipeline import geoparse_features
from geo.settings import DEFAULT_MAX_ARTICLE_BYTES

PLACES = (  # noqa: SIM905 (a list that reads as a sentence)
    "Mosul Baghdad Raqqa Aleppo Damascus Kirkuk Tikrit Haditha Fallujah Ramadi Homs Idlib Palmyra "
    "Tripoli Benghazi Sirte Gaza Beirut Amman Ankara Tehran Sanaa Aden Cairo Tunis Kabul Paris "
    "London Berlin Madrid Lyon Marseille Toulouse Basra Erbil Samarra Baiji Qayyarah Hawija"
).split()
SENTENCES = (
    "Fighting broke out in {a} on Monday, near {b}.",
    "An airstrike hit {a} last week, officials in {b} said.",
    "Thousands protested in {a} and {b} on 5 January 2017.",
    "Iraqi forces retook 70% of east {a}, while the west is still held by the Islamic State.",
    "Les forces irakiennes ont repris {a} hier, à l'ouest de {b}.",
    "A car bomb exploded in {a}, killing ten people, the police in {b} said.",
    "Forces advanced along the Tigris from Mosul to Baiji on Tuesday.",
    "Des frappes aériennes ont visé {a} et {b} il y a deux jours.",
    "The offensive on {a} began after nearly three months of fighting around {b}.",
)


def long_article(size: int, seed: int = 1) -> str:
    """At most ``size`` bytes (in UTF-8) of varied news sentences, in paragraphs."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        sentence = rng.choice(SENTENCES).format(a=rng.choice(PLACES), b=rng.choice(PLACES))
        parts.append(sentence + ("\n\n" if rng.random() < 0.2 else " "))
        total += len(sentence.encode("utf-8")) + 1
    cut = "".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
    return cut.rsplit(" ", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=DEFAULT_MAX_ARTICLE_BYTES)
    parser.add_argument("--profile", action="store_true", help="print the costliest functions")
    args = parser.parse_args()
    gazetteer = load_embedded_gazetteer()
    article = Article(long_article(args.bytes), "long article")
    started = time.perf_counter()
    if args.profile:
        profile = cProfile.Profile()
        features = profile.runcall(geoparse_features, article, gazetteer)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    else:
        features = geoparse_features(article, gazetteer)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = len(article.text.encode("utf-8"))
    print(f"{size:,} bytes, {len(features):,} features, {seconds:.1f} s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
