"""``python -m geo``: the command line's options and their checks; each subcommand runs in
:mod:`geo.commands`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from geo import commands
from geo.errors import GeoError


def iso_date(value: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` argument, naming the bad value when it is not one."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from err


def workers_count(value: str) -> int:
    """A ``--workers`` argument: a whole number of at least 1."""
    from geo.store.pool import checked_workers

    try:
        return checked_workers(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from err


STORE_HELP = "SQLite store file (default: the GEO_STORE setting)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand; it reads no setting, so that ``--help`` works
    whatever the environment holds."""
    parser = argparse.ArgumentParser(
        prog="python -m geo",
        description="Turn news articles (French, English) into dated places, routes and areas.",
    )
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = subcommands.add_parser(
        "extract",
        help="print the GeoJSON of articles",
        description="Geoparse articles and print one GeoJSON FeatureCollection on standard output.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help="text files; - reads stdin")
    extract.add_argument("--lang", choices=("fr", "en", "auto"), default="auto")
    extract.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD")
    extract.add_argument(
        "--online", action="store_true", help="also ask Nominatim (geopy) for unknown places"
    )
    extract.set_defaults(run=commands.run_extract)

    ingest = subcommands.add_parser(
        "ingest",
        help="geoparse and store articles",
        description="Store .txt/.html/.json/.jsonl "
        "articles and folders of them; an article already stored is skipped.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--store", type=Path, help=STORE_HELP)
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument(
        "--workers",
        type=workers_count,
        metavar="N",
        help="processes that geoparse (default: this machine's cores); one process writes",
    )
    ingest.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process pool into the SQLite store; dask: a Dask cluster into a "
        "GeoParquet archive (--store FOLDER, default var/archive)",
    )
    ingest.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://HOST:8786); default: a local cluster",
    )
    ingest.set_defaults(run=commands.run_ingest)

    load = subcommands.add_parser(
        "load",
        help="fill the SQLite store from a GeoParquet archive",
        description="Add every article of a GeoParquet archive (made by ingest --engine dask) "
        "with its features to the SQLite store; an article already stored is skipped.",
    )
    load.add_argument("archive", type=Path, metavar="ARCHIVE", help="the archive's folder")
    load.add_argument("--store", type=Path, help=STORE_HELP)
    load.set_defaults(run=commands.run_load)

    reprocess = subcommands.add_parser(
        "reprocess",
        help="geoparse the stored articles again",
        description="Geoparse every stored article again with this version and replace its "
        "features where they differ; corrections follow their mentions.",
    )
    reprocess.add_argument("--store", type=Path, help=STORE_HELP)
    reprocess.add_argument("--quiet", action="store_true", help="no progress bar")
    reprocess.set_defaults(run=commands.run_reprocess)

    export = subcommands.add_parser(
        "export",
        help="write the stored events",
        description="Write the stored features of a view (the dashboard's filters) as GeoJSON or CSV.",
    )
    export.add_argument("--format", choices=("geojson", "csv"), default="geojson")
    add_view_arguments(export)
    export.add_argument("--store", type=Path, help=STORE_HELP)
    export.add_argument("--out", type=Path, help="output file (default: standard output)")
    export.set_defaults(run=commands.run_export)

    snapshot = subcommands.add_parser(
        "snapshot",
        help="render the stored events to a PNG map",
        description="Render the stored features of a view (the dashboard's filters) to a PNG.",
    )
    add_view_arguments(snapshot)
    snapshot.add_argument("--out", type=Path, required=True, help="PNG file to write")
    snapshot.add_argument("--store", type=Path, help=STORE_HELP)
    snapshot.add_argument(
        "--tiles", default=None, help="tile URL template; default: vector basemap"
    )
    snapshot.set_defaults(run=commands.run_snapshot)

    articles = subcommands.add_parser(
        "articles",
        help="list the stored articles",
        description="List the stored articles: id, import (batch), features, source and title.",
    )
    articles.add_argument("--store", type=Path, help=STORE_HELP)
    articles.set_defaults(run=commands.run_articles)

    delete = subcommands.add_parser(
        "delete",
        help="delete stored articles, or undo an import",
        description="Delete stored articles with their features and corrections (each deletion "
        "is logged), by id (see `articles`) or by import (the batch `ingest` names).",
    )
    which = delete.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", type=int, action="append", metavar="ID", help="article id")
    which.add_argument("--batch", metavar="BATCH", help="undo the import BATCH")
    delete.add_argument("--reason", help="why, kept in the deletions log")
    delete.add_argument("--store", type=Path, help=STORE_HELP)
    delete.set_defaults(run=commands.run_delete)

    animate = subcommands.add_parser(
        "animate",
        help="render the timeline's playback to a GIF, MP4 or WebM",
        description="Render the stored features of a view as an animation: one frame per step "
        "from --from to --to (default: the stored events' first and last dates), the dates "
        "stamped on each frame.",
    )
    add_view_arguments(animate)
    animate.add_argument(
        "--step", default="1w", help="one frame per step: 3d, 1w, 2w, 1m, 1y (default: 1w)"
    )
    animate.add_argument("--out", type=Path, required=True, help="file to write: .gif, .mp4, .webm")
    animate.add_argument("--store", type=Path, help=STORE_HELP)
    animate.set_defaults(run=commands.run_animate)

    assets = subcommands.add_parser(
        "assets",
        help="copy the map's front-end assets from node_modules",
        description="Copy what the map needs from an npm install into the folder Streamlit serves.",
    )
    assets.add_argument("node_modules", type=Path, help="the npm install's node_modules")
    assets.add_argument("static", type=Path, help="folder to fill, e.g. static/vendor")
    assets.set_defaults(run=commands.run_assets)
    return parser


def add_view_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of a view, as the dashboard's filters and link parameters name them."""
    view = parser.add_argument_group("view", "which features, as the dashboard's filters")
    view.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
    view.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
    view.add_argument("--type", dest="event_types", action="append", metavar="TYPE", default=[])
    view.add_argument("--actor", dest="actors", action="append", metavar="ACTOR", default=[])
    view.add_argument("--source", dest="sources", action="append", metavar="SOURCE", default=[])
    view.add_argument("--min-confidence", type=float, default=0.0, metavar="0..1")
    view.add_argument("--max-precision", type=int, choices=(1, 2, 3), default=3)
    view.add_argument(
        "--undated",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="keep features of unknown date (default: only when no date is given)",
    )
    view.add_argument(
        "--separate-reports",
        action="store_true",
        help="each article's report of an event apart (default: the reports of one event fused)",
    )
    view.add_argument(
        "--demonyms",
        action="store_true",
        help='keep nationality mentions ("Iraqi", "syrienne"), which are off the map by default',
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; errors print one line on standard error and exit 2."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except GeoError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
