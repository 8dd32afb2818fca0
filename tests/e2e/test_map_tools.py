"""The dashboard's tools in a real Chromium: the window's dates in the legend and the PNG's name,
search, the map view in the link, delete and undo, the Add articles panel, animated exports."""

import datetime as dt
import time
import urllib.parse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from geo.store.sqlite import SQLiteStore
from tests.e2e.conftest import (
    in_map,
    ingest_demo,
    serve_dashboard,
    shown_features,
    wait_for_change,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

MAP = "Object.values(window).find(v => v && window.L && v instanceof L.Map)"
MAP_VIEW = (
    f"() => {{ const m = {MAP}; const c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; }}"
)
PICK = '[data-testid=stSidebar] [data-testid=stSelectbox] input[aria-label="{}"]'
LEGEND_DATES = "() => document.querySelector('.gm-legend .gm-range').textContent"


def open_dashboard(page, url, query=""):
    page.goto(url + query)
    page.wait_for_selector("text=News events map", timeout=60_000)
    return shown_features(page)


def until(check, timeout: float = 30, what: str = "the page did not change"):
    """The first truthy value of ``check()``, tried until ``timeout``."""
    deadline = time.monotonic() + timeout
    while not (value := check()):
        assert time.monotonic() < deadline, f"{what}: {value!r}"
        time.sleep(0.4)
    return value


def choose_first_option(page, pick, text: str = "") -> None:
    """Open a select box and choose its first option (holding ``text``), again if a rerun
    closed the list first."""

    def chosen() -> bool:
        if not page.get_by_role("option").count():
            pick.click()
        try:
            page.get_by_role("option").filter(has_text=text).first.click(timeout=2_000)
        except PlaywrightTimeoutError:
            return False
        return True

    until(chosen, what="no option chosen")


def link_params(page) -> dict[str, str]:
    """The query parameters of the page's address as the browser shows it now."""
    address = page.evaluate("() => location.href")  # page.url waits for Playwright's events
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(address).query))


def window_of(page) -> tuple[str, str]:
    """The window's first and last days, as the link names them (other tests may add articles)."""
    params = until(lambda: (p := link_params(page)).get("to") and p)
    return params["from"], params["to"]


def legend_label(day_from: str, day_to: str) -> str:
    return " – ".join(dt.date.fromisoformat(d).strftime("%d %b %Y") for d in (day_from, day_to))


def test_the_legend_in_the_page_states_the_windows_dates(page, dashboard):
    before = open_dashboard(page, dashboard["url"])
    first, last = window_of(page)
    assert last == "2017-07-10"
    assert until(lambda: in_map(page, LEGEND_DATES) == legend_label(first, last))
    thumb = page.locator('[role="group"][aria-label="Dates"] input[type="range"]').last
    thumb.focus()
    for _ in range(60):
        page.keyboard.press("ArrowLeft")
    wait_for_change(page, before)
    end = until(lambda: link_params(page)["to"] < last and link_params(page)["to"])
    assert until(lambda: in_map(page, LEGEND_DATES) == legend_label(first, end))


def test_the_maps_own_png_is_named_after_the_windows_dates(page, dashboard):
    open_dashboard(page, dashboard["url"])
    first, last = window_of(page)
    with page.expect_download(timeout=60_000) as download:
        in_map(page, "() => document.querySelector('.gm-png').click()")
    assert download.value.suggested_filename == f"events_{first}_{last}.png"


def search(page, words: str) -> None:
    box = page.get_by_placeholder(
        "Search a place, an actor or words of the quote, then press Enter"
    )
    box.fill(words)
    box.press("Enter")
    page.get_by_text(f"match “{words}”").wait_for(timeout=30_000)


def test_a_search_zooms_the_map_to_the_events_it_finds(page, dashboard):
    open_dashboard(page, dashboard["url"])
    zoom_before = in_map(page, MAP_VIEW)[2]
    search(page, "Haditha")
    matched = f"""() => {{ const m = {MAP}; const b = m.getBounds(); const inside = [];
      m.eachLayer(l => {{ if (l.feature && l.getLatLng && /Haditha/.test(l.feature.properties._tooltip))
                          inside.push(b.contains(l.getLatLng())); }});
      return [m.getZoom(), inside]; }}"""

    def zoomed_onto_every_match():  # the map may still be moving when it is first asked
        zoom, inside = in_map(page, matched)
        return zoom > zoom_before and inside and all(inside)

    until(zoomed_onto_every_match, what="the map did not zoom onto every Haditha event")


def test_a_search_lists_its_matches_in_the_table(page, dashboard):
    open_dashboard(page, dashboard["url"])
    search(page, "Islamic State")
    caption = page.get_by_text("match “Islamic State”").inner_text()
    assert caption.split()[0].isdigit() and int(caption.split()[0]) > 0


def test_the_link_keeps_where_the_map_looks(page, dashboard):
    open_dashboard(page, dashboard["url"])
    until(lambda: "zoom" in link_params(page))  # the map has said where it opened
    in_map(page, f"() => {{ {MAP}.setView([36.34, 43.13], 9); }}")
    params = until(lambda: (p := link_params(page)).get("zoom") == "9" and p)
    assert (params["lat"], params["lon"]) == ("36.3400", "43.1300")
    assert params["to"] == "2017-07-10"  # with the filters


def test_a_link_with_a_map_view_opens_there(page, dashboard):
    open_dashboard(page, dashboard["url"], "/?lat=35.5&lon=42.25&zoom=8&types=battle")
    lat, lon, _ = until(lambda: (v := in_map(page, MAP_VIEW))[2] == 8 and v)
    assert abs(lat - 35.5) < 0.01 and abs(lon - 42.25) < 0.01


@pytest.fixture
def own_dashboard(tmp_path):
    """A dashboard over a store of its own, which a test may change."""
    store = tmp_path / "store.sqlite3"
    ingest_demo(store)
    with serve_dashboard(store) as url:
        yield url, store


def test_an_article_is_deleted_after_a_confirmation(page, own_dashboard):
    url, store = own_dashboard
    before = open_dashboard(page, url)
    until(lambda: "zoom" in link_params(page))  # the map's first report has rerun its part
    page.get_by_text("Delete articles or undo an import").click()
    choose_first_option(page, page.locator(PICK.format("Article")), "Anbar")
    page.get_by_role("button", name="Delete this article…").click()
    dialog = page.get_by_role("dialog")
    why = dialog.get_by_label("Why (kept in the deletions log)")
    why.fill("a test")
    why.press("Enter")  # the reason reaches the app before the button is pressed
    wait_until_idle(page)
    with SQLiteStore(store) as stored:
        assert stored.deletions_log() == []  # nothing deleted before the confirmation
    dialog.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_text("Deleted 1 article(s)").wait_for(timeout=30_000)
    after = wait_for_change(page, before)
    assert len(after) < len(before)
    with SQLiteStore(store) as stored:
        [logged] = stored.deletions_log()
        assert logged["reason"] == "a test" and "anbar" in logged["source"]


def test_an_import_is_undone_after_a_confirmation(page, own_dashboard):
    url, store = own_dashboard
    open_dashboard(page, url)
    until(lambda: "zoom" in link_params(page))  # the map's first report has rerun its part
    page.get_by_text("Delete articles or undo an import").click()
    choose_first_option(page, page.locator(PICK.format("Import")))
    page.get_by_role("button", name="Undo this import…").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete", exact=True).click()
    page.get_by_text("The store is empty").wait_for(timeout=30_000)
    with SQLiteStore(store) as stored:
        assert stored.articles() == [] and len(stored.deletions_log()) > 1


def test_the_add_panel_stays_open_and_many_problems_are_one_summary(page, own_dashboard, tmp_path):
    url, _ = own_dashboard
    before = open_dashboard(page, url)
    notes = []
    for i in range(7):
        notes.append(tmp_path / f"note-{i}.txt")
        notes[-1].write_text(f"Meeting number {i} of the board, nothing else.", encoding="utf-8")
    page.get_by_text("Add articles").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(p) for p in notes]
    )
    time.sleep(1)
    page.get_by_role("button", name="Geoparse and add").click()
    page.get_by_text("7 articles need a look").wait_for(timeout=120_000)
    assert page.get_by_text("No place found in").count() == 0  # not one message per article
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the list of problems").click()
    listed = download.value.path().read_text(encoding="utf-8").splitlines()
    assert len(listed) == 8 and listed[1].startswith("no place found,note-")
    thumb = page.locator('[role="group"][aria-label="Dates"] input[type="range"]').last
    thumb.focus()
    for _ in range(60):  # another part of the page runs again
        page.keyboard.press("ArrowLeft")
    wait_for_change(page, before)
    assert page.get_by_label("Paste an article").is_visible()


def test_the_animated_export_of_the_view_is_a_gif_of_its_window(page, dashboard, tmp_path):
    import imageio.v3 as iio

    open_dashboard(page, dashboard["url"])
    first, last = window_of(page)
    page.get_by_role("button", name="Animated GIF").click()
    button = page.get_by_role("button", name=f"Download events_{first}_{last}.gif")
    button.wait_for(timeout=120_000)
    with page.expect_download() as download:
        button.click()
    frames = iio.imread(download.value.path(), index=None, extension=".gif")
    assert 10 <= frames.shape[0] <= 14  # about twelve steps of the window
