"""The dashboard: a thin Streamlit app over geo/ (filters, map, timeline, table, corrections, exports).

Run with ``make run`` (or ``streamlit run dashboard.py``); settings come from the environment
(see the README's settings table).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import view as state
from geo.datafiles import DATA_DIR
from geo.errors import GeoError, SettingsError
from geo.export.downloads import EXPORTS, export_file
from geo.gazetteer.embedded import load_embedded_gazetteer
from geo.mapview import build_map, control_layer, event_feed, event_layers, selected_layer
from geo.mapview.cells import CELLS_NOTE, cell_layers, opening_view
from geo.mapview.feed import EventFeed
from geo.mapview.histogram import histogram
from geo.mapview.river_layer import rivers_named
from geo.mapview.style import event_label
from geo.mapview.view_dates import view_dates_layer
from geo.model import Article
from geo.pipeline import geoparse_features
from geo.schema import DateWindow, Feature
from geo.settings import load_settings
from geo.shapes import load_rivers
from geo.store import Store, open_store
from geo.store.backends import queried_on_server
from geo.store.ingest import (
    IngestReport,
    ingest_article,
    ingest_paths,
    ingest_received,
    reprocess_store,
)
from geo.store.parquet import ParquetStore
from geo.store.parquet_map import (
    MapWindow,
    archive_summary,
    cell_degrees,
    map_window,
    window_features,
)
from geo.store.pool import EmbeddedGeoparser, default_workers
from geo.text.reading import SUFFIXES
from geo.view.import_report import article_label, batch_label, import_result

DEMO_DIR = DATA_DIR / "demo"
PLAY_STEP_SECONDS = 1.5
MAP_TITLE = "Events"  # the legend's title, and the exports' too
TABLE_ROWS = 2_000  # a longer table costs seconds on every redraw
EXPORT_AT_MOST = 100_000  # an archive's larger windows are exported with `python -m geo export`
st.set_page_config(page_title="News events map", page_icon="🗺️", layout="wide")
try:
    settings = load_settings()
except SettingsError as err:  # one line naming the variable, not a traceback
    st.error(state.markdown_literal(f"Cannot start: {err}"), icon="⚠️")
    st.stop()


@st.cache_resource(show_spinner="Loading the gazetteer…")
def gazetteer():
    """The embedded gazetteer, loaded once per server."""
    return load_embedded_gazetteer()


@st.cache_resource(show_spinner=False, max_entries=4)
def stored_features(path: str, version: tuple[int, ...]) -> list[Feature]:
    """Every stored feature, shared read-only by all sessions until an article or a correction
    is added (``version``); nothing downstream mutates them."""
    with open_store(path) as store:
        return store.features()


@st.cache_resource(show_spinner=False, max_entries=4)
def summary(path: str, version: tuple[int, ...]) -> dict:
    """What the widgets offer, computed once per store version: choices, date bounds, events per
    day (an archive's counted by DuckDB, not loaded)."""
    if queried_on_server(path):
        return archive_summary(archive(path))
    return state.widget_summary(stored_features(path, version))


@st.cache_resource(show_spinner=False)
def archive(path: str) -> ParquetStore:
    """A Parquet archive's store, shared by every session: one DuckDB connection whose cache of
    Parquet footers stays warm (each query has its own cursor)."""
    return open_store(path)


@st.cache_resource(show_spinner=False, max_entries=64)
def window_map(
    path: str, version: tuple[int, ...], view: state.ViewFilter, area: state.MapBounds, zoom: int
) -> MapWindow:
    """What an archive's window shows in ``area`` at ``zoom``: its events, or its places in cells,
    with the first rows of the table."""
    drawn = map_window(archive(path), view, area, zoom)
    listed = window_features(archive(path), view, area, TABLE_ROWS)
    return replace(drawn, listed=tuple(listed))


def features_version() -> tuple[int, ...]:
    """The store's version stamp, read once per run."""
    return st.session_state["_version"]


def page_store() -> Store:
    """The store the settings name, opened for one run of the page."""
    return open_store(settings.store)


def geoparse(article: Article) -> list[Feature]:
    return geoparse_features(article, gazetteer(), max_bytes=settings.max_article_bytes)


def pool_geoparser() -> EmbeddedGeoparser:
    """What an import's worker processes run (each loads its gazetteer; this one's first)."""
    gazetteer()
    return EmbeddedGeoparser(settings.max_article_bytes)


def say(kind: str, text: object) -> None:
    """A message box (``error``, ``warning``, ``info``, ``success``) showing ``text`` as it
    is: file names, values and link parameters are never read as Markdown."""
    box = {"error": st.error, "warning": st.warning, "info": st.info}.get(kind, st.success)
    box(state.markdown_literal(text))


def initial_view() -> state.ViewFilter:
    """The filter of the URL on the first run of a session, then the widgets' state."""
    if "view" not in st.session_state:
        params = st.query_params.to_dict()
        view = state.from_query_params(params)
        map_view, map_problems = state.map_view_from_query_params(params)
        for problem in (*view.problems, *map_problems):
            say("warning", f"Ignored a bad link parameter: {problem}")
        st.session_state.view = view
        st.session_state.map_start = st.session_state.map_view = map_view
    return st.session_state.view


def sidebar_filters(view: state.ViewFilter) -> state.ViewFilter:
    """Event type, actor, source, confidence and precision state."""
    st.sidebar.header("Filters")
    options = summary(str(settings.store), features_version())["choices"]

    def pick(label: str, key: str, chosen: tuple[str, ...], shown=str) -> list[str]:
        return st.sidebar.multiselect(
            label,
            options[key],
            default=[c for c in chosen if c in options[key]],
            key=f"f_{key}",
            format_func=shown,
        )

    types = pick("Event type", "event_type", view.event_types, event_label)
    actors = pick("Actor", "actors", view.actors)
    sources = pick("Source", "source", view.sources)
    separate = st.sidebar.toggle(
        "Show separate reports",
        value=view.separate_reports,
        key="f_separate_reports",
        help=state.REPORTS_HELP,
    )
    confidence = st.sidebar.slider(
        "Minimum confidence", 0.0, 1.0, view.min_confidence, 0.05, key="f_confidence"
    )
    precision = st.sidebar.select_slider(
        "Geo precision at most",
        options=[1, 2, 3],
        value=view.max_geo_precision,
        key="f_precision",
        help="1: the place itself · 2: part of or near it · 3: region or country",
    )
    undated = summary(str(settings.store), features_version())["undated"]
    show_undated = st.sidebar.toggle(
        f"Show undated features ({undated:,})",
        value=bool(view.undated),
        key="f_undated",
        disabled=not undated,
        help="Features whose date the articles do not give are never inside a date window; "
        "shown, they stay on the map whatever the dates.",
    )
    demonyms = st.sidebar.toggle(
        "Show nationality mentions",
        value=view.demonyms,
        key="f_demonyms",
        help='Words such as "Iraqi" or "syrienne" name who acts, not where: '
        "shown, each is a point at its country.",
    )
    return state.ViewFilter(
        window=view.window,
        event_types=tuple(types),
        actors=tuple(actors),
        sources=tuple(sources),
        min_confidence=confidence,
        max_geo_precision=precision,
        undated=True if show_undated else None,
        separate_reports=separate,
        demonyms=demonyms,
    )


def toggle_play(bounds: DateWindow) -> None:
    """Play or pause; runs before the script, so the button and the slider are drawn in the new state."""
    st.session_state.playing = not st.session_state.get("playing", False)
    if st.session_state.playing:
        st.session_state.window = tuple(state.first_play_window(st.session_state.window, bounds))
        st.session_state.play_started = True  # the first window shows before the first step


def timeline(view: state.ViewFilter) -> DateWindow | None:
    """Histogram of events per day, the date-range slider and play/pause."""
    known = summary(str(settings.store), features_version())
    bounds, counts = known["bounds"], known["per_day"]
    if bounds is None:
        return None
    if "window" not in st.session_state:
        st.session_state.window = tuple(state.initial_window(view, bounds))
    st.columns([1, 9])[1].altair_chart(histogram(counts, bounds), width="stretch")
    play, slider = st.columns([1, 9], vertical_alignment="bottom")
    with play:
        playing = st.session_state.get("playing", False)
        st.button(
            "⏸ Pause" if playing else "▶ Play",
            key="play",
            help="Step the window through time",
            on_click=toggle_play,
            args=(bounds,),
        )
    with slider:
        window = st.slider(
            "Dates",
            min_value=bounds[0],
            max_value=bounds[1],
            key="window",
            format="YYYY-MM-DD",
            label_visibility="collapsed",
        )
    return DateWindow(*window)


def add_articles(store: Store) -> None:
    """Paste, upload or point at a folder; each article is geoparsed and stored."""
    # open once something was added, and left as the user leaves it from then on
    with st.sidebar.expander("Add articles", expanded=st.session_state.get("add_open", False)):
        ingest_result()
        pasted = st.text_area("Paste an article", key="paste_text", height=120)
        title = st.text_input("Title (optional)", key="paste_title")
        published = st.date_input(
            "Published",
            value=None,
            key="paste_date",
            help="The publication date of the pasted text, and of uploaded files that give none",
        )
        kinds = [suffix.lstrip(".") for suffix in SUFFIXES]  # what the readers read
        uploads = st.file_uploader(
            "Or upload files", kinds, accept_multiple_files=True, key="uploads"
        )
        folder = st.text_input("Or a folder on the server", key="folder")
        if st.button("Geoparse and add", key="add"):
            report = IngestReport()
            if pasted.strip():
                article = Article(
                    pasted, title or "pasted text", title or None, published=published
                )
                ingest_article(article, store, geoparse, report)
            ingest_files(uploads or [], folder.strip(), store, report, published)
            show_ingest_result(report)
        if st.button(
            "Re-geoparse stored articles",
            key="reprocess",
            help="Geoparse every stored article again with this version; corrections are kept",
        ):
            show_ingest_result(
                reprocess_store(store, geoparse, progress=progress_bar("Re-geoparsing…"))
            )


def show_ingest_result(report) -> None:
    """Keep what an import or re-geoparsing did for the panel, and draw the page again with it."""
    st.session_state.ingest_result = import_result(report)
    st.session_state.add_open = True
    stored_features.clear()
    st.rerun()


def ingest_result() -> None:
    """The last import's messages, and the list of its problems when they were many."""
    messages, problems = st.session_state.get("ingest_result", ([], None))
    for kind, message in messages:
        say(kind, message)
    if problems:
        st.download_button(
            "Download the list of problems", problems, "import_problems.csv", "text/csv"
        )


def manage_articles(store: Store) -> None:
    """Delete a stored article, or undo an import, each after a confirmation."""
    with st.sidebar.expander("Delete articles or undo an import"):
        if message := st.session_state.pop("deleted_message", None):
            say("success", message)
        articles = {a["id"]: article_label(a) for a in store.articles()}
        article = st.selectbox("Article", list(articles), None, articles.get, key="delete_pick")
        if st.button("Delete this article…", key="delete", disabled=article is None):
            confirm_deletion("article", article, articles[article])
        batches = {b["batch"]: batch_label(b) for b in store.batches()}
        batch = st.selectbox("Import", list(batches), None, batches.get, key="undo_pick")
        if st.button("Undo this import…", key="undo", disabled=batch is None):
            confirm_deletion("import", batch, batches[batch])


@st.dialog("Delete for good?")
def confirm_deletion(kind: str, key: int | str, label: str) -> None:
    """Ask before deleting an article or every article of an import; the deletion is logged."""
    what = "this article" if kind == "article" else "every article of this import"
    st.text(f"This deletes {what}, with its features and corrections:\n{label}")
    reason = st.text_input("Why (kept in the deletions log)", key="delete_reason")
    if not st.button("Delete", type="primary", key="confirm_delete"):
        return
    with page_store() as store:
        try:
            if kind == "article":
                deleted = [store.delete_article(key, reason=reason or None)]
            else:
                deleted = store.delete_batch(key, reason=reason or None)
        except GeoError as err:
            say("error", err)
            return
    st.session_state.deleted_message = f"Deleted {len(deleted)} article(s): " + ", ".join(
        e["title"] or e["source"] for e in deleted
    )
    st.session_state.pop("window", None)  # the timeline's bounds may have moved
    stored_features.clear()
    st.rerun()


def ingest_files(
    uploads: list, folder: str, store: Store, report: IngestReport, published: dt.date | None
) -> None:
    """Uploaded files (dated ``published`` where they give no date), then a folder on the
    server, with a progress bar; failures go to ``report``."""
    progress = progress_bar("Reading…")
    folder_path = None
    if folder:
        try:
            folder_path = settings.server_folder(folder)
        except GeoError as err:
            report.failed.append((folder, str(err)))
    received = [(upload.name, upload.getvalue()) for upload in uploads]
    ingest_received(
        received,
        folder_path,
        store,
        pool_geoparser(),
        report,
        progress=progress,
        root=settings.folder_root,
        max_bytes=settings.max_article_bytes,
        published=published,
        workers=default_workers(),
    )


def progress_bar(text: str):
    """A progress bar, and the ``(done, total, name)`` callback that moves it."""
    bar = st.progress(0.0, text=text)
    return lambda done, total, name: bar.progress(
        done / total, text=state.markdown_literal(f"{name} ({done}/{total})")
    )


def correction_panel(feature: Feature, store: Store) -> None:
    """Pick another ranked candidate, or type coordinates, for a wrongly placed mention."""
    p, fid = feature["properties"], feature["id"]
    alternatives = p.get("alternatives") or []
    st.subheader("Correct this place")
    if message := st.session_state.pop("correction_message", None):
        say("success", message)
    st.text(f"“{p.get('mention') or p.get('name')}” is placed at {p.get('name')}")
    if any(a.get("evidence") for a in alternatives):
        with st.expander("Why this place: the evidence of each candidate"):
            st.dataframe(pd.DataFrame(state.evidence_rows(alternatives)), hide_index=True)
    labels = [state.alternative_label(a) for a in alternatives]
    pick = st.selectbox(
        "Ranked alternatives", ["(keep)", *labels], key=f"alt_{fid}", help="Best first"
    )
    typed = st.text_input(
        "Or coordinates: lat, lon", key=f"coords_{fid}", placeholder="36.34, 43.13"
    )
    note = st.text_input("Note (why)", key=f"note_{fid}")
    if not st.button("Save correction", key=f"save_{fid}"):
        return
    picked = alternatives[labels.index(pick)] if pick in labels else None
    try:
        chosen = state.correction(typed, picked)
        if chosen is None:
            st.info("Nothing to change: pick an alternative or type coordinates.")
            return
        lat, lon, place = chosen
        store.add_correction(fid, lat, lon, **place, note=note or None)
    except GeoError as err:
        say("error", err)
        return
    stored_features.clear()
    st.session_state.correction_message = (
        f"Correction saved: {p.get('name')} moved to ({lat}, {lon})."
    )
    st.rerun()


def exports(
    features: Callable[[], list[Feature]],
    window: DateWindow | None,
    title: str,
    everywhen: Callable[[], list[Feature] | None],
) -> None:
    """Exports of the filtered view: GeoJSON, CSV, standalone HTML, a PNG rendered on the server
    (both with the control layer, from the statements of the view at every date), animations.
    ``features`` and ``everywhen`` give the view and the view at every date when a button is
    pressed."""
    cols = st.columns(len(EXPORTS) + 1)
    for col, kind in zip(cols, EXPORTS, strict=False):
        if col.button(kind, key=f"export_{kind}"):
            try:
                with st.spinner(f"Making the {kind} export…"):
                    st.session_state.export_file = export_file(
                        kind, features(), window, title, everywhen()
                    )
            except GeoError as err:
                say("error", err)
    if st.session_state.get("export_file"):
        name, mime, data = st.session_state.export_file
        cols[-1].download_button(
            f"Download {name}", data, name, mime, key="export_download", type="primary"
        )


@st.cache_resource(show_spinner=False, max_entries=16)
def view_feed(path: str, version: tuple[int, ...], everywhen: state.ViewFilter) -> EventFeed | None:
    """The feed of a view's events at every date, published once per store version and filter."""
    return event_feed(state.apply_filter(stored_features(path, version), everywhen))


def show_map(
    view: state.ViewFilter, shown: list[Feature], window: DateWindow | None, selected: str | None
) -> None:
    """The map: a base that a date change leaves as it is (view, basemap, rivers, legend over every
    date, and a feed of the view's events that the page fetches once), and layers naming the date
    window, so that moving the slider sends a few bytes rather than every marker again."""
    everywhen = view.at_any_date()
    window = window or DateWindow()
    path, version = str(settings.store), features_version()
    undated_view = state.apply_filter(stored_features(path, version), everywhen)
    feed = view_feed(path, version, everywhen)
    if feed is not None and not feed.path.exists():  # pruned by other views meanwhile
        view_feed.clear()
        feed = view_feed(path, version, everywhen)
    base = build_map(
        undated_view,
        tiles=settings.tiles,
        tiles_attribution=settings.tiles_attribution,
        title=MAP_TITLE,
        context=rivers_named(undated_view, load_rivers()),
        with_events=False,
        feed=feed,
    )
    if feed is None:  # too many places for the page: grouped per window on the server
        layers = event_layers(shown, selected)
    else:
        layers = feed.window_layers(DateWindow(*window)) + selected_layer(shown, selected, feed)
    day = state.control_day(undated_view, DateWindow(*window).end)
    control = control_layer(undated_view, day) if day else None
    layers = ([control] if control else []) + layers  # under the events
    draw_map(base, layers, window)


def draw_map(base: folium.Map, layers: list, window: DateWindow) -> None:
    """Show the base map with the window's layers; a date change or a pan sends the layers only."""
    if start := st.session_state.get("map_start"):  # a link's view: the map opens there
        base.location, base.options["zoom"] = [start.lat, start.lon], start.zoom
    target = st.session_state.get("map_target")  # moves the map only when it changes
    st_folium(
        base,
        height=560,
        use_container_width=True,
        # for the link, and an archive's query: a pan reruns the dated part only
        returned_objects=["center", "zoom", "bounds"],
        center=(target.lat, target.lon) if target else None,
        zoom=target.zoom if target else None,
        key="map",
        feature_group_to_add=[*layers, view_dates_layer(window)],
        layer_control=folium.LayerControl(collapsed=False),
    )


def empty_store(store: Store) -> None:
    """What an empty store offers: the demo articles, or the sidebar's ways in."""
    st.info("The store is empty: add articles from the sidebar, or load the demo articles.")
    if st.button("Load the demo articles", key="load_demo", type="primary"):
        with st.spinner("Geoparsing the demo articles…"):
            report = ingest_paths(
                [DEMO_DIR], store, geoparse, progress=False, max_bytes=settings.max_article_bytes
            )
        show_ingest_result(report)


def main() -> None:
    st.title("News events map")
    with page_store() as store:
        st.session_state["_version"] = store.version()
        on_server = queried_on_server(settings.store)  # an archive: never every feature here
        features = None if on_server else stored_features(str(settings.store), features_version())
        view = sidebar_filters(initial_view())
        if not isinstance(store, ParquetStore):  # an archive is read-only here
            add_articles(store)
            manage_articles(store)
        if not summary(str(settings.store), features_version())["count"]:
            empty_store(store)
            return
        playing = st.session_state.get("playing", False)
        # While playing, only this part of the page runs again at each step, on a timer.
        st.fragment(dated_view, run_every=PLAY_STEP_SECONDS if playing else None)(
            features, view, playing
        )


def dated_view(features: list[Feature] | None, view: state.ViewFilter, timed: bool) -> None:
    """Timeline, map, table and exports of the window; a timed run while playing steps the window.
    It runs again alone (a date change, a table selection, a step of Play), after the page's
    own store is closed: it opens its own. ``features`` is None for an archive, which DuckDB
    queries for each window."""
    playing = st.session_state.get("playing", False)
    if playing != timed:  # Play or Pause was pressed here: the timer starts or stops with the page
        st.rerun(scope="app")
    if playing and not st.session_state.pop("play_started", False):
        step_window(summary(str(settings.store), features_version())["bounds"])
    window = timeline(view)
    view = view.with_window(window) if window else view
    st.session_state.view = view
    follow_the_map()
    wanted = state.to_query_params(view) | state.map_view_params(st.session_state.map_view)
    if st.query_params.to_dict() != wanted:  # writing the same again would only cost a round trip
        st.query_params.from_dict(wanted)
    if features is None:
        archive_window(view, window)
        return
    shown = state.apply_filter(features, view)
    undated = summary(str(settings.store), features_version())["undated"]
    hidden = 0 if view.shows_undated else undated
    st.caption(state.window_caption(len(shown), len(features), window, hidden))
    found = search_box(shown)
    show_map(view, shown, window, state.selected_id(st.session_state.get("table"), shown))
    with page_store() as store:
        events_table(shown if found is None else found, store)
    st.subheader("Export this view")
    exports(
        lambda: shown, window, MAP_TITLE, lambda: state.apply_filter(features, view.at_any_date())
    )


def archive_window(view: state.ViewFilter, window: DateWindow | None) -> None:
    """Caption, map, table and exports of an archive's window: DuckDB counts the window and
    draws it around the map's view, as cells while it holds too many events to draw."""
    path, version = str(settings.store), features_version()
    known = summary(path, version)
    extent = known["extent"]
    looking = st.session_state.map_view or opening_view(extent)
    seen = state.map_bounds_seen(st.session_state.get("map"))
    area = state.query_area(seen, looking, cell_degrees(looking.zoom))
    drawn = window_map(path, version, view, area, looking.zoom)
    hidden = 0 if view.shows_undated else known["undated"]
    caption = state.window_caption(drawn.total, known["count"], window, hidden)
    if drawn.grouped:
        caption += " · " + state.grouped_caption(
            drawn.in_bounds, len(drawn.cells), drawn.cell_degrees
        )
    st.caption(caption)
    listed = list(drawn.listed)
    selected = state.selected_id(st.session_state.get("table"), listed)
    if drawn.grouped:
        layers = cell_layers(drawn.cells, drawn.cell_degrees) + selected_layer(listed, selected)
    else:
        layers = event_layers(drawn.features, selected)
    base = build_map(
        [],
        tiles=settings.tiles,
        tiles_attribution=settings.tiles_attribution,
        title=MAP_TITLE,
        with_events=False,
        extent=extent and extent.corners(),
        legend_types=known["choices"]["event_type"],
        legend_note=CELLS_NOTE,
    )
    draw_map(base, layers, window or DateWindow())
    if len(listed) < drawn.in_bounds:
        st.caption(f"The table lists the first {len(listed):,} features around the map's view.")
    events_table(listed, None)
    st.subheader("Export this view")
    if drawn.total > EXPORT_AT_MOST:
        st.caption(
            f"This window holds {drawn.total:,} features: narrow the dates or filters to "
            f"{EXPORT_AT_MOST:,} or fewer, or export it with `python -m geo export --store`."
        )
    else:
        exports(
            lambda: window_features(archive(path), view, None),
            window,
            MAP_TITLE,
            lambda: None,  # the window's own statements: an archive's every date is too many
        )


def follow_the_map() -> None:
    """Keep where the map looks, for the link, once it reports a view it has not reported before
    (a rerun for another reason repeats the last report, older than a search's zoom)."""
    seen = state.map_view_seen(st.session_state.get("map"))
    if seen is not None and seen != st.session_state.get("map_seen"):
        st.session_state.map_seen = st.session_state.map_view = seen


def search_box(shown: list[Feature]) -> list[Feature] | None:
    """Search the window's events; a new search zooms the map to its matches (None: no search)."""
    query = st.text_input(
        "Search events",
        key="search",
        placeholder="Search a place, an actor or words of the quote, then press Enter",
        label_visibility="collapsed",
    ).strip()
    if not query:
        st.session_state.pop("searched", None)
        st.session_state.pop("map_target", None)
        return None
    found = state.search_features(shown, query)
    if st.session_state.get("searched") != (query, len(found)):  # a new search: zoom to it
        st.session_state.searched = (query, len(found))
        st.session_state.map_target = state.fitted_view(found) or st.session_state.get("map_target")
    where = (
        "the map is zoomed to them, the table lists them" if found else "try other words or dates"
    )
    st.caption(
        state.markdown_literal(f"{len(found):,} features match “{query}” in this window: {where}.")
    )
    return found


def events_table(shown: list[Feature], store: Store | None) -> None:
    """The filtered features as a table; a selected place row opens its correction panel (not
    for a read-only store, None)."""
    if len(shown) > TABLE_ROWS:
        st.caption(
            f"The table lists the first {TABLE_ROWS:,} of {len(shown):,} features: narrow the filters to see the rest."
        )
    correct = ", for a place, to correct where it is" if store is not None else ""
    st.caption(f"Select a row to highlight it on the map{correct}.")
    event = st.dataframe(
        pd.DataFrame(state.table_rows(shown[:TABLE_ROWS])).assign(
            event=lambda rows: rows["event"].map(event_label)
        ),
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="table",
        column_config={"id": None, "quote": st.column_config.TextColumn(width="large")},
    )
    picked = event.selection.rows if event and event.selection else []
    chosen = picked and picked[0] < len(shown) and shown[picked[0]]["geometry"]["type"] == "Point"
    if chosen and store is not None:
        correction_panel(shown[picked[0]], store)


def step_window(bounds: DateWindow) -> None:
    """One step of Play: the next window of the same width; at the end of the timeline, stop."""
    following = state.step_window(st.session_state.window, bounds)
    if following is None:
        st.session_state.playing = False
        st.rerun(scope="app")
    st.session_state.window = tuple(following)


main()
