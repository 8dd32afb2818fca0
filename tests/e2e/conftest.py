"""End-to-end fixtures: the dashboard on a free local port, and Debian's Chromium driven by Playwright.

Every non-local request is blocked: Chromium resolves no host name but localhost.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from geo.export.snapshot import CHROMIUM_ARGS as SNAPSHOT_ARGS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("GEO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    *SNAPSHOT_ARGS,
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
COUNT_FEATURES = """async () => {
  const maps = Object.values(window).filter(v => v && window.L && v instanceof L.Map);
  if (!maps.length) return -1;
  if (window.gmFeed) { try { await window.gmFeed; } catch (e) {} }  // the events come from the feed
  const names = [];
  maps[0].eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties._id) names.push(l.feature.properties._tooltip); });
  return names;
}"""

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    if not CHROMIUM.exists():
        skip = pytest.mark.skip(
            reason=f"{CHROMIUM} is missing: `make test` installs Debian's chromium"
        )
        for item in items:
            if "e2e" in str(item.fspath):
                item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_dashboard(store: Path):
    """The dashboard on a free local port over ``store``, without tiles; yields its URL."""
    port = free_port()
    env = {**os.environ, "GEO_STORE": str(store), "GEO_TILES": "none"}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1"]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the dashboard did not start within 60 s") from None
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def ingest_demo(store: Path) -> None:
    """Store the demo articles."""
    command = [sys.executable, "-m", "geo", "ingest", "--quiet", "--store", str(store), "data/demo"]
    subprocess.run(command, cwd=ROOT, check=True)


@pytest.fixture(scope="session")
def dashboard(tmp_path_factory):
    """The dashboard serving a store that holds the demo articles."""
    store = tmp_path_factory.mktemp("store") / "store.sqlite3"
    ingest_demo(store)
    with serve_dashboard(store) as url:
        yield {"url": url, "store": store}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1300}, accept_downloads=True)
    page = context.new_page()
    page.external_requests = []
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(
                ("http://localhost", "http://127.0.0.1", "data:", "blob:", "about:")
            )
            else page.external_requests.append(r.url)
        ),
    )
    yield page
    context.close()


def wait_until_idle(page, timeout: float = 60) -> None:
    """Wait until the app has finished its rerun: Streamlit's "Running" status is gone."""
    page.wait_for_timeout(300)  # a rerun that was just triggered shows its status first
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=timeout * 1000)


def map_frame(page, timeout: float = 45):
    """The frame of the map component, once its map has drawn."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for handle in page.query_selector_all('iframe[title*="st_folium"]'):
            frame = handle.content_frame()
            try:
                if frame is not None and frame.evaluate(COUNT_FEATURES) != -1:
                    return frame
            except Exception:  # the frame is being replaced by a rerun
                pass
        time.sleep(0.5)
    raise AssertionError("the map did not render")


def shown_features(page, timeout: float = 20) -> list[str]:
    """Tooltips of the features drawn on the map (one per feature), once the map has settled:
    the same features twice in a row, and some features unless none came for ``timeout``."""
    deadline = time.monotonic() + timeout
    previous = None
    while True:
        try:
            now = map_frame(page).evaluate(COUNT_FEATURES)
        except Exception:  # the frame was replaced by a rerun meanwhile
            if time.monotonic() > deadline:
                raise
            now = None
        if now is not None and now == previous and (now or time.monotonic() > deadline):
            return now
        previous = now
        time.sleep(0.6)


def wait_for_change(page, before: list[str], timeout: float = 40) -> list[str]:
    """The features shown once they differ from ``before``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            now = shown_features(page)
            if now != before:
                return now
        except Exception:
            pass
        time.sleep(0.7)
    raise AssertionError("the map did not change")


def in_map(page, script: str, timeout: float = 30):
    """Run a script in the map's frame, again if a rerun replaces the frame meanwhile."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return map_frame(page).evaluate(script)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
