import re

import pytest

from geo.mapview import build_map
from geo.mapview.aggregate import AGGREGATE_ABOVE
from geo.mapview.build import view_of

CDN = re.compile(
    r"cdn\.jsdelivr|unpkg\.com|cdnjs\.cloudflare|code\.jquery\.com|netdna\.bootstrapcdn|bootstrapcdn"
)


def point(fid, lon, lat, **props):
    base = {
        "name": fid,
        "event_type": "battle",
        "start": "2017-01-05",
        "end": "2017-01-05",
        "confidence": 0.9,
        "geo_precision": 1,
    }
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {**base, **props},
    }


FEATURES = [
    point("mosul", 43.12, 36.34, quote="Fighting in Mosul."),
    {
        "type": "Feature",
        "id": "route",
        "geometry": {"type": "LineString", "coordinates": [[42.35, 34.2], [41.0, 34.43]]},
        "properties": {
            "name": "Euphrates",
            "event_type": "battle",
            "start": "2017-01-05",
            "end": "2017-01-05",
        },
    },
    {
        "type": "Feature",
        "id": "west",
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[43.0, 36.3], [43.1, 36.3], [43.1, 36.4], [43.0, 36.3]]],
        },
        "properties": {
            "name": "west Mosul",
            "event_type": "territory_held",
            "control": "Islamic State",
            "start": "2017-01-05",
            "end": "2017-01-05",
        },
    },
]


def html_of(features, **options):
    return build_map(features, **options).get_root().render()


def test_places_routes_and_areas_are_separate_layers():
    html = html_of(FEATURES)
    for layer in ("Places", "Routes", "Areas"):
        assert f'"{layer}"' in html or f"{layer}" in html
    assert "L.control.layers" in html


def test_the_legend_names_the_event_types_and_who_holds_the_areas():
    html = html_of(FEATURES, title="Anbar", date_range=None)
    assert "Battle / offensive" in html and "Held by Islamic State" in html and "Anbar" in html


def test_no_asset_comes_from_a_cdn():
    html = html_of(FEATURES)
    assert not CDN.search(html)
    assert "/app/static/vendor/leaflet.js" in html


def test_article_text_is_escaped_in_popups():
    hostile = point(
        "x",
        43.0,
        36.0,
        quote='<script>window.__pwned=1</script><img src=x onerror="alert(1)">',
        name="<b>Mosul</b>",
    )
    html = html_of([hostile])
    assert "<script>window.__pwned" not in html
    # HTML-escaped, then JSON-escaped into the page's data
    assert "\\u0026lt;script\\u0026gt;window.__pwned=1" in html
    assert 'onerror="alert(1)"' not in html and 'onerror=\\"alert' not in html


def test_the_view_is_centred_on_the_events():
    (lat, lon), zoom = view_of([[34.2, 41.0], [36.4, 43.2]])
    assert 34.2 < lat < 36.4 and 41.0 < lon < 43.2 and 5 <= zoom <= 9


def test_a_selected_feature_is_drawn_on_its_own_layer():
    assert "Selected" in html_of(FEATURES, highlight_id="mosul")


def test_no_tiles_means_the_vector_basemap_only():
    html = html_of(FEATURES, tiles=None)
    assert "tile.openstreetmap.org" not in html and "countries-50m.json" in html


def test_a_custom_tile_server_is_used():
    assert "tiles.example.org/{z}/{x}/{y}.png" in html_of(
        FEATURES, tiles="https://tiles.example.org/{z}/{x}/{y}.png"
    )


@pytest.mark.slow
def test_ten_thousand_points_stay_one_layer_and_many_more_are_grouped():
    many = [
        point(f"p{i}", 40 + (i % 100) * 0.05, 33 + (i // 100) * 0.05)
        for i in range(AGGREGATE_ABOVE + 1)
    ]
    html = html_of(many)
    assert "grouped" in html
