"""Exports of the map: a standalone HTML page that works offline, and a PNG rendered in headless Chromium."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from branca.element import MacroElement

from geo.errors import SnapshotError
from geo.mapview import build_map
from geo.mapview.assets import asset_path, inline_assets
from geo.mapview.controls import BUTTON_CLASSES, VectorBasemap
from geo.mapview.river_layer import rivers_named
from geo.schema import DateWindow
from geo.settings import load_settings
from geo.shapes import load_rivers
from geo.view.filter import ViewFilter
from geo.view.front import control_day
from geo.view.timeline import date_bounds

INLINE_BASE = "vendor"
T = TypeVar("T")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


# A still image has no use for the map's buttons.
STILL_IMAGE_CSS = ", ".join(f".{c}" for c in BUTTON_CLASSES) + " { display: none !important; }"


def standalone_html(
    features: Sequence[Mapping[str, Any]],
    *,
    tiles: str | None = None,
    date_range: DateWindow | None = None,
    title: str = "Events",
    timeline: bool = False,
    extra_elements: Sequence[MacroElement] = (),
    **map_options: Any,
) -> str:
    """A self-contained page of the map: assets and basemap inlined, so it opens from disk offline.

    With ``timeline`` the page has its own slider and play button over the events' dates;
    ``extra_elements`` are added to the map; ``map_options`` go to ``build_map``
    (``with_events``, ``feed``, ``png_button``).
    """
    basemap = VectorBasemap(
        asset_path("countries-110m.json").read_text(encoding="utf-8"), inline=True
    )
    fmap = build_map(
        features,
        tiles=tiles,
        asset_base=INLINE_BASE,
        basemap=basemap,
        date_range=date_range,
        title=title,
        timeline=timeline,
        context=rivers_named(features, load_rivers()),
        **map_options,
    )
    for element in extra_elements:
        element.add_to(fmap)
    return inline_assets(fmap.get_root().render(), INLINE_BASE)


def export_html(features: Sequence[Mapping[str, Any]], out: Path, **options: Any) -> Path:
    """Write the standalone HTML page of the map to ``out``."""
    out.write_text(standalone_html(features, **options), encoding="utf-8")
    return out


def render_png(
    html: str,
    out: Path,
    *,
    width: int = 1280,
    height: int = 800,
    chromium: str | Path | None = None,
) -> Path:
    """Render a standalone map page to a PNG in headless Chromium, with every network request blocked."""
    return outside_event_loop(_render_png, html, out, width, height, chromium)


def outside_event_loop(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)``, in a thread of its own when this one runs an event loop (Playwright's
    sync API refuses to run inside one, as in a notebook or an async server)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def _render_png(html: str, out: Path, width: int, height: int, chromium: str | Path | None) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "map.html"
        page_file.write_text(html, encoding="utf-8")
        with chromium_page(width, height, chromium) as page:
            page.goto(page_file.as_uri())
            page.wait_for_selector(".leaflet-container .gm-legend", timeout=15_000)
            page.add_style_tag(content=STILL_IMAGE_CSS)
            page.wait_for_timeout(400)
            page.screenshot(path=str(out), full_page=False)
    return out


@contextmanager
def chromium_page(width: int, height: int, chromium: str | Path | None = None) -> Iterator[Any]:
    """A Playwright page of one headless Chromium, every request but ``file:`` ones blocked;
    a failure of the browser is a :class:`SnapshotError`. Sync API: not inside an event loop."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    browser_path = Path(chromium or load_settings().chromium)
    if not browser_path.exists():
        raise SnapshotError(
            f"Chromium not found at {browser_path}: install it (make setup) or set GEO_CHROMIUM"
        )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(browser_path), args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith("file:") else route.abort()
                ),
            )
            try:
                yield page
            finally:
                browser.close()
    except PlaywrightError as err:
        raise SnapshotError(f"Chromium could not render the map: {err}") from err


def snapshot_features(features: Sequence[Mapping[str, Any]], out: Path, **options: Any) -> Path:
    """A PNG of the map of ``features`` (vector basemap; tiles when given and reachable)."""
    return render_png(standalone_html(features, **options), out)


def snapshot_store(
    store_url: str | Path, out: Path, view: ViewFilter | None = None, *, tiles: str | None = None
) -> Path:
    """A PNG of the stored events of a view (the ``python -m geo snapshot`` command)."""
    from geo.store import open_store

    with open_store(store_url) as store:
        features = store.features(view)
        everywhen = store.features(view.at_any_date()) if view else features
    span = shown_span(features, view)
    return snapshot_features(
        features,
        out,
        tiles=tiles,
        date_range=span,
        control_day=control_day(everywhen, span.end if span else None),
        control_from=everywhen,
    )


def shown_span(features: Sequence[Mapping[str, Any]], view: ViewFilter | None) -> DateWindow | None:
    """The dates a picture of ``features`` covers: the view's window, its open ends closed by
    the features' own dates; None when neither gives a date."""
    window = view.window if view else DateWindow()
    bounds = date_bounds(features)
    start = window.start or (bounds.start if bounds else None)
    end = window.end or (bounds.end if bounds else None)
    return DateWindow(start, end) if start and end else None
