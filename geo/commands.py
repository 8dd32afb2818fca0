"""The subcommands of ``python -m geo``: extract, ingest, load, reprocess, export, snapshot,
articles, delete, animate and assets, each given the options :mod:`geo.cli` parsed."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.model import Article
from geo.settings import load_settings

if TYPE_CHECKING:
    from geo.store.ingest import IngestReport


def view_of(args: argparse.Namespace):
    """The view the options name, checked: a bad value is an :class:`InputError` naming it."""
    from geo.schema import DateWindow
    from geo.view.filter import ViewFilter

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise InputError(f"--from {args.date_from} is after --to {args.date_to}")
    if not 0.0 <= args.min_confidence <= 1.0:
        raise InputError(f"--min-confidence {args.min_confidence} is not between 0 and 1")
    return ViewFilter(
        window=DateWindow(args.date_from, args.date_to),
        event_types=tuple(args.event_types),
        actors=tuple(args.actors),
        sources=tuple(args.sources),
        min_confidence=args.min_confidence,
        max_geo_precision=args.max_precision,
        undated=args.undated,
        separate_reports=args.separate_reports,
        demonyms=args.demonyms,
    )


def run_extract(args: argparse.Namespace) -> int:
    """Read every file first, then print one FeatureCollection for all of them; a file or
    record that cannot be read is named on standard error (each one), and nothing is printed."""
    from geo.export.geojson import feature_collection
    from geo.gazetteer.embedded import load_embedded_gazetteer
    from geo.pipeline import geoparse_features

    lang = None if args.lang == "auto" else args.lang
    max_bytes = load_settings().max_article_bytes
    articles, failures = [], 0
    for name in args.files:
        for article in _extract_inputs(name, lang, args.published, max_bytes):
            if isinstance(article, InputError):
                print(f"error: {article}", file=sys.stderr)
                failures += 1
                continue
            if article.encoding not in (None, "utf-8", "utf-8-sig"):
                print(f"note: {article.source}: read as {article.encoding}", file=sys.stderr)
            articles.append(article)
    if failures:
        return 2
    gazetteer = load_embedded_gazetteer()
    if args.online:
        from geo.gazetteer.online import with_online_fallback

        gazetteer = with_online_fallback(gazetteer)
    features = [
        f
        for article in articles
        for f in geoparse_features(article, gazetteer, max_bytes=max_bytes)
    ]
    json.dump(feature_collection(features), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _extract_inputs(
    name: str, lang: str | None, published: dt.date | None, max_bytes: int
) -> Iterator[Article | InputError]:
    """The articles a command-line argument names: a text file, a page, a record or each
    record of a JSON Lines file, or standard input for ``-``; what cannot be read is yielded
    as the InputError naming it."""
    import dataclasses

    from geo.text.reading import checked_size, read_articles

    try:
        if name == "-":
            text, encoding = _standard_input(max_bytes)
            article = Article(text, "-", published=published, lang=lang, encoding=encoding)
            yield checked_size(article, max_bytes, "standard input")
            return
        # a page's or record's offsets are into its article's text, not the markup
        for article in read_articles(name, max_bytes=max_bytes):
            if isinstance(article, InputError):
                yield article
                continue
            yield dataclasses.replace(
                article, source=name, lang=lang, published=published or article.published
            )
    except InputError as err:
        yield err


def _standard_input(max_bytes: int) -> tuple[str, str]:
    """The text of standard input, decoded as files are (see ``geo.text.reading``)."""
    from geo.text.reading import MAX_FILE_FACTOR, decode_text

    limit = MAX_FILE_FACTOR * max_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input: more than {limit:,} bytes, too large for one article")
    return decode_text(data, "standard input")


def run_ingest(args: argparse.Namespace) -> int:
    """Ingest files and folders; exit 1 when some article failed, after storing the rest."""
    from geo.store import open_store
    from geo.store.ingest import ingest_paths
    from geo.store.pool import default_workers

    if args.engine == "dask":
        return _reported(_dask_ingest(args))
    if args.scheduler:
        raise InputError("--scheduler needs --engine dask")
    path = _store_path(args)
    max_bytes = load_settings().max_article_bytes
    with open_store(path) as store:
        report = ingest_paths(
            args.paths,
            store,
            _embedded_geoparser(max_bytes),
            progress=not args.quiet,
            max_bytes=max_bytes,
            workers=args.workers or default_workers(),
        )
    _print_import(report)
    return _reported(report)


def _print_import(report: IngestReport) -> None:
    """Name the import an ingest or a load stored, and how to undo it."""
    if report.added:
        print(
            f"import {report.batch} (undo: python -m geo delete --batch {report.batch})",
            file=sys.stderr,
        )


def _dask_ingest(args: argparse.Namespace):
    """Ingest on a Dask cluster into the GeoParquet archive ``--store`` names."""
    from geo.store.dask_ingest import ingest_on_dask

    archive = str(args.store or "var/archive").removeprefix("parquet:")
    return ingest_on_dask(
        args.paths,
        archive,
        scheduler=args.scheduler,
        workers=args.workers,
        progress=not args.quiet,
        max_bytes=load_settings().max_article_bytes,
    )


def run_load(args: argparse.Namespace) -> int:
    """Fill the SQLite store from a GeoParquet archive."""
    from geo.store import open_store
    from geo.store.transfer import fill_from_archive

    archive = Path(str(args.archive).removeprefix("parquet:"))
    if not (archive / "_commits").is_dir():
        raise InputError(f"{archive}: no GeoParquet archive there (no _commits folder)")
    with open_store(_store_path(args)) as store:
        report = fill_from_archive(archive, store)
    _print_import(report)
    return _reported(report)


def run_reprocess(args: argparse.Namespace) -> int:
    """Reprocess a store; exit 1 when some article failed (it keeps its old features)."""
    from geo.store import open_store
    from geo.store.ingest import reprocess_store

    path = _store_path(args)
    if not path.exists():
        raise InputError(f"no store at {path}")
    geoparse = _embedded_geoparser(load_settings().max_article_bytes)
    with open_store(path) as store:
        report = reprocess_store(store, geoparse, progress=not args.quiet)
    return _reported(report)


def _store_path(args: argparse.Namespace) -> Path:
    """The store file: ``--store``, else the ``GEO_STORE`` setting."""
    return args.store if args.store is not None else load_settings().store


def _embedded_geoparser(max_bytes: int):
    """Article -> features, over the embedded gazetteer (loaded once per process), for
    articles of at most ``max_bytes``."""
    from geo.store.pool import EmbeddedGeoparser

    return EmbeddedGeoparser(max_bytes)


def _reported(report) -> int:
    """Print an ingest or reprocess report on standard error; exit 1 when something failed."""
    print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0


def run_export(args: argparse.Namespace) -> int:
    """Write the stored features of a view as GeoJSON or CSV."""
    from geo.export.tables import export_features
    from geo.store import open_store

    view = view_of(args)
    with open_store(_store_path(args)) as store:
        features = store.features(view)
    if args.out is None:
        export_features(features, args.format, sys.stdout)
    else:
        with args.out.open("w", encoding="utf-8", newline="") as out:
            export_features(features, args.format, out)
    return 0


def run_snapshot(args: argparse.Namespace) -> int:
    """Render the stored features of a view to a PNG in headless Chromium."""
    from geo.export.snapshot import snapshot_store

    snapshot_store(_store_path(args), args.out, view_of(args), tiles=args.tiles)
    print(args.out)
    return 0


def run_articles(args: argparse.Namespace) -> int:
    """Print one line per stored article: id, batch, features, source, title (tab-separated)."""
    from geo.store import open_store

    with open_store(_existing_store(args)) as store:
        for a in store.articles():
            fields = (a["id"], a["batch"] or "-", a["feature_count"], a["source"], a["title"] or "")
            print("\t".join(str(f) for f in fields))
    return 0


def run_delete(args: argparse.Namespace) -> int:
    """Delete articles by id, or every article of an import; each deletion is logged."""
    from geo.store import open_store

    with open_store(_existing_store(args)) as store:
        if args.batch is not None:
            deleted = store.delete_batch(args.batch, reason=args.reason)
        else:
            known = {a["id"] for a in store.articles()}
            for article_id in args.article:  # every id checked before any is deleted
                if article_id not in known:
                    raise InputError(f"--article {article_id}: no stored article with this id")
            deleted = [store.delete_article(i, reason=args.reason) for i in args.article]
    for entry in deleted:
        print(
            f"deleted article {entry['article_id']} ({entry['source']}): {entry['features']} "
            f"features, {entry['corrections']} corrections",
            file=sys.stderr,
        )
    return 0


def _existing_store(args: argparse.Namespace) -> Path:
    """The store file, which must exist (a command that only reads or deletes makes none)."""
    path = _store_path(args)
    if not path.exists():
        raise InputError(f"no store at {path}")
    return path


def run_animate(args: argparse.Namespace) -> int:
    """Render the stored features of a view to an animated GIF, MP4 or WebM."""
    from geo.export.animation import animate_store, output_format, parse_step

    view, step = view_of(args), parse_step(args.step)
    output_format(args.out)
    frames = animate_store(_existing_store(args), args.out, view, step)
    print(f"{args.out}: {len(frames)} frames", file=sys.stderr)
    return 0


def run_assets(args: argparse.Namespace) -> int:
    from geo.mapview.assets import install_assets

    files = install_assets(args.node_modules, args.static)
    print(f"{len(files)} asset files installed in {args.static}")
    return 0
