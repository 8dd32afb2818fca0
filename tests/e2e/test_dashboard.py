"""The dashboard in a real Chromium: what users see and do."""

import time
import urllib.parse

import pytest

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


def open_dashboard(page, url, query=""):
    page.goto(url + query)
    page.wait_for_selector("text=News events map", timeout=60_000)
    return shown_features(page)


def test_the_map_renders_with_the_demo_events(page, dashboard):
    features = open_dashboard(page, dashboard["url"])
    assert len(features) > 20
    assert any("Mosul" in f for f in features) and any("Euphrates" in f for f in features)
    assert page.external_requests == []


def test_moving_the_slider_changes_the_features_shown(page, dashboard):
    before = open_dashboard(page, dashboard["url"])
    in_map(page, "() => { window.sameMap = true; }")
    thumb = page.locator('[role="group"][aria-label="Dates"] input[type="range"]').last
    thumb.focus()
    for _ in range(60):
        page.keyboard.press("ArrowLeft")
    after = wait_for_change(page, before)
    assert 0 < len(after) < len(before)
    # the map stayed in the page: only the window was sent, the events came from its feed
    assert in_map(page, "() => window.sameMap") is True


def test_a_popup_shows_the_place_date_precision_type_quote_and_source(page, dashboard):
    open_dashboard(page, dashboard["url"])
    text = in_map(
        page,
        """() => { const m = Object.values(window).find(v => v && window.L && v instanceof L.Map);
                   let town = null;
                   m.eachLayer(l => { if (!town && l.feature && l.getLatLng
                                          && l.feature.properties._tooltip.startsWith('Mosul')) { town = l; } });
                   town.fire('click', {latlng: town.getLatLng()}, true);
                   return document.querySelector('.leaflet-popup-content').innerText; }""",
    )
    assert text.startswith("Mosul")
    for label in ("Date", "2017-", "Event", "Precision", "Confidence", "Source:"):
        assert label in text


def test_an_event_reported_by_two_demo_articles_lists_both_sources_in_its_popup(page, dashboard):
    open_dashboard(page, dashboard["url"])
    found = in_map(
        page,
        """() => { const m = Object.values(window).find(v => v && window.L && v instanceof L.Map);
                   let fused = null;
                   m.eachLayer(l => { if (!fused && l.feature && l.getLatLng
                                           && (l.feature.properties._p || []).join(' ').includes('reported by')) { fused = l; } });
                   if (!fused) return null;
                   fused.fire('click', {latlng: fused.getLatLng()}, true);
                   const box = document.querySelector('.leaflet-popup-content');
                   return {text: box.innerText, sources: box.querySelectorAll('.gm-reports li').length,
                           links: Array.from(box.querySelectorAll('.gm-reports a')).map(a => a.href)}; }""",
    )
    assert found is not None, "no fused event on the map"
    assert "reported by 2 sources" in found["text"] and found["sources"] == 2
    assert all(link.startswith("https://") for link in found["links"])


HIGHLIGHTED = """() => { const m = Object.values(window).find(v => v && window.L && v instanceof L.Map);
  const out = []; m.eachLayer(l => { if (l.feature && l.options.color === '#ffd400') out.push(l.feature.properties._tooltip); });
  return out; }"""


def test_selecting_a_row_highlights_its_feature_and_offers_a_correction(page, dashboard):
    open_dashboard(page, dashboard["url"])
    assert in_map(page, HIGHLIGHTED) == []
    table = page.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 54)  # the first row's selection box
    page.get_by_text("Correct this place").wait_for(timeout=30_000)
    deadline = time.monotonic() + 30
    while not (highlighted := in_map(page, HIGHLIGHTED)):
        assert time.monotonic() < deadline, "no feature was highlighted"
        time.sleep(0.5)
    assert len(highlighted) == 1


def window_caption(page) -> str:
    """The line under the slider: features shown and the date window."""
    return page.locator('[data-testid="stCaptionContainer"]').first.inner_text()


def wait_for_caption(page, before: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while (now := window_caption(page)) == before:
        assert time.monotonic() < deadline, f"the window stayed at {before!r}"
        time.sleep(0.3)
    return now


def test_play_steps_the_window_through_time_until_paused(page, dashboard):
    open_dashboard(page, dashboard["url"])
    whole = window_caption(page)
    page.get_by_role("button", name="Play").click()
    first = wait_for_caption(page, whole)
    second = wait_for_caption(page, first)
    assert first != second
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for(timeout=10_000)
    time.sleep(1)  # a step already under way may still land
    paused = window_caption(page)
    time.sleep(3)
    assert window_caption(page) == paused


def test_a_filter_in_the_url_is_applied_on_load(page, dashboard):
    everything = open_dashboard(page, dashboard["url"])
    airstrikes = open_dashboard(page, dashboard["url"], "/?types=Explosions%2FRemote+violence")
    assert 0 < len(airstrikes) < len(everything)


def test_a_link_in_a_bad_link_parameter_shows_as_text_and_links_nowhere(page, dashboard):
    evil = "[Log in again](https://evil.example/q)"
    open_dashboard(page, dashboard["url"], "/?confidence=" + urllib.parse.quote(evil))
    alert = page.locator('[data-testid="stAlert"]', has_text="Ignored a bad link parameter")
    alert.wait_for(timeout=30_000)
    assert evil in alert.inner_text().replace("\u2060", "")  # word joiners show nothing
    assert page.locator('a[href*="evil.example"]').count() == 0


def test_the_server_side_png_export_is_an_image_of_the_map(page, dashboard, tmp_path):
    open_dashboard(page, dashboard["url"])
    page.get_by_role("button", name="Render PNG").click()
    button = page.get_by_role("button", name="Download events_2017-01-05_2017-07-10.png")
    button.wait_for(timeout=60_000)
    with page.expect_download() as download:
        button.click()
    path = tmp_path / "map.png"
    download.value.save_as(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def upload(page, *paths):
    if not page.get_by_text("Or upload files").is_visible():
        page.get_by_text("Add articles").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(path) for path in paths]
    )
    time.sleep(1)
    page.get_by_role("button", name="Geoparse and add").click()
    page.wait_for_selector("text=added,", timeout=60_000)


def show_undated(page):
    """Turn on the sidebar's toggle: articles that give no date are never inside a date window."""
    page.locator("[data-testid=stSidebar]").get_by_text("Show undated features").click()


def test_an_uploaded_article_appears_on_the_map(page, dashboard, tmp_path):
    before = open_dashboard(page, dashboard["url"])
    article = tmp_path / "kirkuk.txt"
    article.write_text(
        "Kirkouk : des renforts arrivent\n\nDes renforts irakiens sont arrivés mardi à Kirkouk.\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": ', encoding="utf-8")
    upload(page, article, broken)
    assert page.get_by_text("broken.json: not valid JSON").is_visible()
    show_undated(page)  # the article gives no publication date
    after = wait_for_change(page, before, timeout=60)
    assert any("Kirkuk" in f for f in after)
    with SQLiteStore(dashboard["store"]) as store:
        assert "kirkuk.txt" in {f["properties"]["source"] for f in store.features()}


def test_an_uploaded_file_takes_the_publication_date_given_with_it(page, dashboard, tmp_path):
    open_dashboard(page, dashboard["url"])
    article = tmp_path / "kirkuk-tuesday.txt"
    article.write_text(
        "Kirkouk : des renforts\n\nDes renforts irakiens sont arrivés mardi à Kirkouk.\n",
        encoding="utf-8",
    )
    page.get_by_text("Add articles").click()
    page.get_by_role("spinbutton", name="year, Published").click()
    page.keyboard.type("20170105", delay=50)  # a Thursday: "mardi" is the Tuesday before
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    upload(page, article)
    with SQLiteStore(dashboard["store"]) as store:
        starts = {
            f["properties"].get("start")
            for f in store.features()
            if f["properties"]["source"] == "kirkuk-tuesday.txt"
        }
    assert starts == {"2017-01-03"}


def test_an_article_with_script_tags_runs_nothing(page, dashboard, tmp_path):
    before = open_dashboard(page, dashboard["url"])
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Basra <script>window.__pwned=1</script>\n\n"
        'Des inondations ont frappé Bassora lundi. <img src=x onerror="window.__pwned=2">\n',
        encoding="utf-8",
    )
    upload(page, article)
    show_undated(page)
    wait_for_change(page, before, timeout=60)
    in_map(
        page,
        """() => { const m = Object.values(window).find(v => v && window.L && v instanceof L.Map);
                       m.eachLayer(l => { if (l.getPopup && l.getPopup()) { l.openPopup(); } }); }""",
    )
    time.sleep(1)
    assert any("Basra" in f for f in shown_features(page))  # the article is on the map, popups open
    assert page.evaluate("() => window.__pwned") is None
    assert in_map(page, "() => window.__pwned") is None
    assert page.external_requests == []


def test_a_correction_saved_from_the_table_is_stored(page, tmp_path):
    store = tmp_path / "store.sqlite3"
    ingest_demo(store)
    with serve_dashboard(store) as url:
        open_dashboard(page, url)
        table = page.locator('[data-testid="stDataFrame"]').first
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        page.mouse.click(
            box["x"] + 16, box["y"] + 54
        )  # the first row: only the table's part reruns
        page.get_by_text("Correct this place").wait_for(timeout=30_000)
        coords = page.get_by_label("Or coordinates: lat, lon")
        coords.fill("33.5, 43.5")
        coords.press("Enter")  # the value reaches the app before the button is pressed
        wait_until_idle(page)
        page.get_by_role("button", name="Save correction").click()
        page.get_by_text("Correction saved").wait_for(timeout=60_000)
    with SQLiteStore(store) as stored:
        moved = [f for f in stored.features() if f["geometry"]["coordinates"] == [43.5, 33.5]]
    assert len(moved) == 1
