from geo.mapview.cells import cell_layers, compact_count, opening_view
from geo.mapview.style import event_colour
from geo.view.bounds import MapBounds

CELLS = [
    {"lat": 36.3, "lon": 43.1, "count": 12_345, "event_type": "Battles", "share": 0.45},
    {"lat": 33.3, "lon": 44.4, "count": 7, "event_type": "Protests", "share": 1.0},
]


def render(groups) -> str:
    import folium

    fmap = folium.Map()
    for group in groups:
        group.add_to(fmap)
    return fmap.get_root().render()


def test_counts_are_written_short_enough_to_fit_on_a_disc():
    assert [compact_count(n) for n in (7, 999, 1_234, 34_567, 1_500_000)] == [
        "7",
        "999",
        "1.2k",
        "35k",
        "1.5M",
    ]


def test_each_cell_is_a_disc_in_its_type_s_colour_with_its_count_on_it():
    html = render(cell_layers(CELLS, 1.4))
    assert event_colour("Battles") in html and event_colour("Protests") in html
    assert '"12k"' in html and '"7"' in html


def test_a_cell_s_tooltip_says_what_it_holds():
    html = render(cell_layers(CELLS, 1.4))
    assert "12,345 places in this cell" in html and "mostly Battles (45%)" in html


def test_the_layer_is_named_with_its_places_and_cells():
    [group] = cell_layers(CELLS, 1.4)
    assert group.layer_name == "Places (12,352 in 2 cells)"


def test_no_cells_make_no_layer():
    assert cell_layers([], 1.4) == []


def test_an_archive_s_map_opens_on_its_places():
    view = opening_view(MapBounds(30.0, 38.0, 37.0, 48.0))
    assert 30 < view.lat < 37 and 38 < view.lon < 48 and view.zoom >= 4


def test_an_archive_without_places_opens_on_the_world():
    assert opening_view(None).zoom == 2
