"""The standalone HTML export, opened from disk in Chromium with the network blocked."""

import pytest

from geo.export.snapshot import export_html
from tests.mapview.examples import FEATURES, place

pytestmark = pytest.mark.browser


def test_a_hostile_article_runs_nothing_in_the_exported_page(browser, tmp_path):
    hostile = place("x", 43.1, 36.3, quote='<img src=x onerror="window.__pwned=1">')
    page_file = export_html([hostile], tmp_path / "map.html")
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(page_file.as_uri())
    page.wait_for_selector(".gm-legend")
    page.evaluate(  # the places layer is the page's only GeoJSON layer
        "() => window[Object.keys(window).find(k => /^geo_json_[0-9a-f]+$/.test(k))].openPopup() && null"
    )
    text = page.locator(".leaflet-popup-content").first.inner_text()
    assert "<img src=x" in text
    assert page.evaluate("() => window.__pwned") is None
    page.close()


def test_the_png_button_downloads_the_map_with_its_legend(browser, tmp_path):
    page_file = export_html(FEATURES, tmp_path / "map.html")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
    )
    page.goto(page_file.as_uri())
    page.wait_for_selector(".gm-legend")
    with page.expect_download(timeout=20_000) as download:
        page.click("button.gm-png")
    saved = download.value.path().read_bytes()
    context.close()
    assert saved[:8] == b"\x89PNG\r\n\x1a\n" and len(saved) > 10_000


def test_the_timeline_page_shows_each_event_at_its_own_dates(browser, tmp_path):
    later = place("later", 43.2, 36.4, start="2017-03-01", end="2017-03-01")
    page_file = export_html([*FEATURES, later], tmp_path / "map.html", timeline=True)
    shown = (
        "() => Object.keys(window).filter(k => /^timeline_[0-9a-f]+$/.test(k))"
        ".reduce((n, k) => n + window[k].getLayers().length, 0)"
    )
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(page_file.as_uri())
    page.wait_for_selector(".gm-legend")
    first = page.evaluate(shown)
    slider = page.locator("input.time-slider")
    slider.fill(str(slider.get_attribute("max")))
    last = page.evaluate(shown)
    page.close()
    assert first == len(FEATURES) and last == 1
