"""Dashboard speed: time to first map on a warm server, redraw time after a date-range change,
and the server's peak memory.

    .venv/bin/python bench/dashboard.py [--sizes 10000 100000] [--archives 1000000 10000000]

Starts the dashboard on a free local port for each store (the demo articles, synthetic SQLite
stores of N events, then synthetic GeoParquet archives of N events, written once under
``var/bench/`` by ``bench/synthetic_archive.py`` and kept), drives Debian's Chromium through
Playwright, and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic_archive import write_archive  # noqa: E402
from geo.model import Article  # noqa: E402
from geo.store import open_store  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, COUNT_FEATURES, ingest_demo, serve_dashboard  # noqa: E402

ARCHIVES = ROOT / "var" / "bench"

EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Strategic developments",
)


def synthetic_store(path: Path, size: int, per_article: int = 50) -> None:
    """A store of ``size`` point events spread over Iraq and Syria through 2017."""
    rng = random.Random(7)
    first = dt.date(2017, 1, 1)
    with open_store(path) as store:
        for a in range(size // per_article):
            features = []
            for k in range(per_article):
                day = (first + dt.timedelta(days=rng.randrange(365))).isoformat()
                features.append(
                    {
                        "type": "Feature",
                        "id": f"s{a}-{k}",
                        "geometry": {
                            "type": "Point",
                            "coordinates": [rng.uniform(38, 46), rng.uniform(31, 37)],
                        },
                        "properties": {
                            "feature_type": "place",
                            "name": f"Place {a}-{k}",
                            "start": day,
                            "end": day,
                            "event_type": rng.choice(EVENT_TYPES),
                            "confidence": 0.9,
                            "geo_precision": 1,
                            "source": f"synthetic-{a}",
                            "actors": [],
                        },
                    }
                )
            store.add_article(Article(f"synthetic article {a}", f"synthetic-{a}"), features)


def drawn(page) -> list[str] | None:
    """The tooltips of the features the map draws right now, or None before it has drawn."""
    for handle in page.query_selector_all('iframe[title*="st_folium"]'):
        frame = handle.content_frame()
        try:
            names = frame.evaluate(COUNT_FEATURES) if frame else -1
            if names != -1:
                return names
        except Exception:
            pass
    return None


def wait_until(predicate, timeout: float = 120.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(0.05)
    raise TimeoutError("the map did not draw in time")


def server_peak_mb(url: str) -> float | None:
    """The peak resident memory of the dashboard serving ``url`` (Linux), in MB."""
    port = url.rsplit(":", 1)[1]
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
            if b"streamlit" in b" ".join(words) and port.encode() in words:
                status = (cmdline.parent / "status").read_text()
                peak = next(line for line in status.splitlines() if line.startswith("VmHWM"))
                return int(peak.split()[1]) / 1024
        except OSError:  # a process that ended meanwhile
            continue
    return None


def archive_of(size: int) -> Path:
    """The synthetic archive of ``size`` events under var/bench/, written on first use."""
    path = ARCHIVES / f"archive-{size}"
    if not (path / "_commits").is_dir():
        started = time.perf_counter()
        write_archive(path, size)
        print(f"wrote {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def measure(browser, url: str) -> tuple[float, float, int, int]:
    """(seconds to the first drawn map, seconds to redraw after narrowing the dates, features before, after)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.goto(url)
    wait_until(lambda: drawn(page))  # warms the server's caches
    page.goto(url)
    started = time.perf_counter()
    wait_until(lambda: drawn(page))
    first = time.perf_counter() - started
    before = drawn(page)
    thumb = page.locator('[role="group"][aria-label="Dates"] input[type="range"]').last
    thumb.focus()
    started = time.perf_counter()
    page.keyboard.press("PageDown")
    wait_until(lambda: drawn(page) not in (None, [], before))
    redraw = time.perf_counter() - started
    after = drawn(page)
    page.close()
    return first, redraw, len(before), len(after)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--archives", type=int, nargs="*", default=[], metavar="SIZE")
    parser.add_argument("--no-demo", action="store_true", help="leave the demo store out")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        stores = []
        if not args.no_demo:
            demo = Path(tmp) / "demo.sqlite3"
            ingest_demo(demo)
            stores.append(("demo articles", demo))
        for size in args.sizes:
            path = Path(tmp) / f"synthetic-{size}.sqlite3"
            synthetic_store(path, size)
            stores.append((f"{size:,} synthetic events", path))
        for size in args.archives:
            stores.append((f"{size:,} events, GeoParquet", f"parquet:{archive_of(size)}"))
        for label, path in stores:
            with serve_dashboard(path) as url:
                first, redraw, before, after = measure(browser, url)
                peak = server_peak_mb(url)
            memory = f"{peak:,.0f}" if peak is not None else "–"
            row = f"| {label} | {first:.2f} | {redraw:.2f} | {before:,} → {after:,} | {memory} |"
            print(row, file=sys.stderr)
            rows.append(row)
        browser.close()
    print(
        "| Store | First map on a warm server (s) | Redraw after a date change (s)"
        " | Markers drawn | Server peak memory (MB) |"
    )
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
