import json
import re

from geo.mapview import build_map
from geo.mapview.aggregate import AGGREGATE_ABOVE
from geo.mapview.build import view_of
from tests.mapview.examples import FEATURES, TOWN, area, place

CDN = re.compile(
    r"cdn\.jsdelivr|unpkg\.com|cdnjs\.cloudflare|code\.jquery\.com|netdna\.bootstrapcdn|bootstrapcdn"
)


def html_of(features, **options):
    return build_map(features, **options).get_root().render()


def layer_names(html: str) -> list[str]:
    """The overlay names of the layer control, in order."""
    block = re.search(r"overlays :\s*\{(.*?)\},", html, re.S)
    return re.findall(r'"([^"]+)" : feature_group', block.group(1)) if block else []


def test_places_routes_and_areas_are_separate_toggleable_layers():
    html = html_of(FEATURES)
    assert set(layer_names(html)) == {"Places", "Routes", "Areas"}
    assert html.count("L.geoJson(") == 3


def test_places_are_drawn_above_routes_and_areas():
    assert layer_names(html_of(FEATURES)) == ["Areas", "Routes", "Places"]


def test_a_small_area_is_drawn_after_a_large_one():
    large = area("large", [[40.0, 33.0], [44.0, 33.0], [44.0, 37.0], [40.0, 33.0]], name="large")
    html = html_of([FEATURES[2], large])
    assert html.index('"large"') < html.index('"west-half"')


def test_the_legend_names_the_title_dates_event_types_and_who_holds_the_areas():
    import datetime as dt

    html = html_of(FEATURES, title="Anbar", date_range=(dt.date(2017, 1, 5), dt.date(2017, 2, 1)))
    for text in (
        "Anbar",
        "05 Jan 2017",
        "01 Feb 2017",
        "Battles",
        "Held by Islamic State",
    ):
        assert text in html
    assert "Contested / partly retaken" in html and "Held by government forces" not in html


def test_no_asset_comes_from_a_cdn():
    html = html_of(FEATURES)
    assert not CDN.search(html)
    assert '<script src="/app/static/vendor/leaflet.js">' in html


def test_the_timeline_option_uses_local_scripts_only():
    html = html_of(FEATURES, timeline=True)
    assert not CDN.search(html)
    assert "/app/static/vendor/leaflet.timeline.js" in html and "moment.min.js" in html


def test_article_text_is_escaped_in_popups():
    hostile = place(
        "x",
        43.0,
        36.0,
        quote='<script>window.__pwned=1</script><img src=x onerror="alert(1)">',
        name="<b>Mosul</b>",
    )
    html = html_of([hostile])
    assert "<script>window.__pwned" not in html and "<b>Mosul" not in html
    # HTML-escaped, then JSON-escaped into the page's data
    assert "\\u0026lt;script\\u0026gt;window.__pwned=1" in html
    assert 'onerror="alert(1)"' not in html and 'onerror=\\"alert' not in html


def test_template_syntax_in_article_text_is_shown_not_evaluated():
    html = html_of([place("x", 43.0, 36.0, quote="it cost {{ 7*7 }} lives {% if 1 %}x{% endif %}")])
    assert "cost 49" not in html
    assert "\\u0026#123;\\u0026#123; 7*7 \\u0026#125;\\u0026#125;" in html


def test_the_map_is_centred_inside_the_bounds_of_the_events():
    html = html_of(FEATURES)
    lat, lon = json.loads(re.search(r"center: (\[[^\]]+\])", html).group(1))
    assert 34.2 < lat < 36.4 and 41.0 < lon < 43.2


def test_the_view_is_centred_and_zoomed_on_the_bounds():
    (lat, lon), zoom = view_of([[34.2, 41.0], [36.4, 43.2]])
    assert 34.2 < lat < 36.4 and 41.0 < lon < 43.2 and 5 <= zoom <= 9


def test_a_country_point_does_not_widen_the_view():
    country = place("far", -98.0, 39.0, geo_precision=3)
    html = html_of([TOWN, country])
    _lat, lon = json.loads(re.search(r"center: (\[[^\]]+\])", html).group(1))
    assert abs(lon - 43.12) < 0.01


def test_a_selected_feature_is_drawn_last_in_its_own_style():
    html = html_of(FEATURES, highlight_id="town")
    assert layer_names(html)[-1] == "Selected" and "#ffd400" in html


def test_no_tiles_means_the_vector_basemap_only():
    html = html_of(FEATURES, tiles=None)
    assert "tile.openstreetmap.org" not in html and "countries-50m.json" in html
    assert "L.tileLayer" not in html


def test_default_tiles_carry_their_attribution():
    html = html_of(FEATURES)
    assert "tile.openstreetmap.org" in html and "OpenStreetMap contributors" in html


def test_a_custom_tile_server_is_used():
    assert "tiles.example.org/{z}/{x}/{y}.png" in html_of(
        FEATURES, tiles="https://tiles.example.org/{z}/{x}/{y}.png"
    )


def test_the_png_button_is_in_the_map():
    assert "html2canvas(map.getContainer()" in html_of(FEATURES)
    assert "html2canvas(" not in html_of(FEATURES, png_button=False).split("</head>")[1]


def test_ten_thousand_points_are_one_layer_with_a_handful_of_styles():
    many = [place(f"p{i}", 40 + (i % 100) * 0.05, 33 + (i // 100) * 0.05) for i in range(10_000)]
    html = html_of(many)
    assert html.count("L.geoJson(") == 1 and html.count('"_s": 0') == 10_000
    assert "switch(feature.id)" not in html


def test_above_the_threshold_points_are_grouped_in_cells():
    many = [
        place(f"p{i}", 40 + (i % 100) * 0.01, 33 + (i // 100) * 0.01)
        for i in range(AGGREGATE_ABOVE + 1)
    ]
    html = html_of(many)
    assert f"Places ({AGGREGATE_ABOVE + 1:,}, grouped)" in html
    assert html.count('"type": "Point"') < 100


def test_rivers_named_by_the_features_are_drawn_as_context(rivers):
    from geo.mapview.river_layer import rivers_named

    route = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[42.3, 34.2], [41.0, 34.4]]},
        "properties": {"kind": "route", "river": "Euphrates"},
    }
    lines = rivers_named([route], rivers)
    assert [line["properties"]["name"] for line in lines] == ["Euphrates"]
    assert '"Rivers"' in build_map([route], context=lines).get_root().render()


def test_the_legend_explains_the_hollow_ring_of_a_country_centre():
    centre = place("Iraq", 44.0, 33.0, geo_precision=3, feature_type="place")
    assert "Somewhere in a region or country" in html_of([TOWN, centre])
    assert "Somewhere in a region or country" not in html_of([TOWN])


def test_the_basemap_walks_rings_across_the_antimeridian_without_a_jump():
    # Chukotka and Fiji would otherwise be drawn as bands across the whole world
    html = html_of([TOWN])
    assert "function unwrap(ring)" in html and "unwrapAll(f.geometry)" in html
