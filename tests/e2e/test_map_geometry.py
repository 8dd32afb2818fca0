"""What the map draws, in a real Chromium with every non-local host blocked: the basemap across
the antimeridian, the hollow rings of region centres, and the control layer at two dates."""

import pytest

from geo.export.snapshot import export_html
from tests.e2e.conftest import in_map, shown_features
from tests.mapview.examples import TOWN, place

pytestmark = pytest.mark.browser

# [tooltip, className] of every control-layer feature drawn
CONTROL_LAYER = """() => {
  const maps = Object.values(window).filter(v => v && window.L && v instanceof L.Map);
  const found = [];
  maps[0].eachLayer(l => { if (l.feature && l.options && /gm-control/.test(l.options.className || ''))
    found.push([l.feature.properties._tooltip, l.options.className]); });
  return found.sort();
}"""
# the largest longitude step between two vertices of any basemap ring drawn
LARGEST_STEP = """() => {
  const maps = Object.values(window).filter(v => v && window.L && v instanceof L.Map);
  let largest = 0, rings = 0;
  function walk(latlngs) {
    if (!latlngs.length) return;
    if (Array.isArray(latlngs[0])) { latlngs.forEach(walk); return; }
    rings++;
    for (let i = 1; i < latlngs.length; i++)
      largest = Math.max(largest, Math.abs(latlngs[i].lng - latlngs[i - 1].lng));
  }
  maps[0].eachLayer(l => { if (l.options && l.options.pane === 'basemap' && l.getLatLngs) walk(l.getLatLngs()); });
  return [rings, largest];
}"""


def open_offline(browser, page_file):
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(page_file.as_uri())
    page.wait_for_selector(".gm-legend")
    return page


def test_no_basemap_ring_is_drawn_across_the_whole_world(browser, tmp_path):
    page = open_offline(browser, export_html([TOWN], tmp_path / "map.html"))
    page.wait_for_function(
        "() => document.querySelector('.leaflet-basemap-pane canvas, .leaflet-basemap-pane svg')"
    )
    rings, largest = page.evaluate(LARGEST_STEP)
    page.close()
    assert rings > 100  # every country was drawn
    assert largest < 180  # Russia's Chukotka and Fiji no longer jump from 180 to -180


def test_a_country_centre_is_drawn_as_a_hollow_ring_and_says_somewhere_in(browser, tmp_path):
    centre = place("Iraq", 44.0, 33.0, geo_precision=3, feature_type="place")
    page = open_offline(browser, export_html([centre], tmp_path / "map.html"))
    style = page.evaluate(
        """() => { const layer = window[Object.keys(window).find(k => /^geo_json_[0-9a-f]+$/.test(k))];
        const marker = layer.getLayers()[0]; layer.openPopup();
        return [marker.options.dashArray, marker.options.fillOpacity]; }"""
    )
    text = page.locator(".leaflet-popup-content").first.inner_text()
    page.close()
    assert style[0] and style[1] < 0.1
    assert "somewhere in Iraq" in text


def control_layer_on(page, url, query):
    page.goto(url + query)
    page.wait_for_selector("text=News events map", timeout=60_000)
    shown_features(page)
    return in_map(page, CONTROL_LAYER)


def test_the_control_layer_shows_who_holds_east_mosul_at_two_dates(page, dashboard):
    early = dict(control_layer_on(page, dashboard["url"], "/?from=2017-01-01&to=2017-01-10"))
    later = dict(control_layer_on(page, dashboard["url"], "/?from=2017-01-01&to=2017-02-10"))
    assert early["east Mosul 2017-01-05"].endswith("gm-control-contested")
    assert early["west Mosul 2017-01-05"].endswith("gm-control-islamic-state")
    assert later["east Mosul 2017-01-24"].endswith("gm-control-government")
    assert "east Mosul 2017-01-05" not in later  # the later statement replaced it
    assert later["west Mosul 2017-01-24"].endswith("gm-control-islamic-state")
    assert page.external_requests == []
