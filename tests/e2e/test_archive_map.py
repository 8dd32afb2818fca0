"""The dashboard over a GeoParquet archive in a real Chromium: more places than a page draws
come counted in cells, and a map zoomed in (a link's view) draws each event."""

import random
import re

import pytest

from geo.model import Article
from geo.store.archive import Archive
from geo.store.geoparquet import articles_table, features_table
from geo.store.parquet_map import EVENTS_AT_MOST
from geo.store.sqlite import content_hash
from tests.e2e.conftest import serve_dashboard, shown_features
from tests.examples import point_feature

pytestmark = pytest.mark.browser

MOSUL, BAGHDAD = (36.34, 43.13), (33.31, 44.37)
PER_TOWN = EVENTS_AT_MOST // 2 + 500  # together more than a page draws, each fewer
CELL = re.compile(r"^([\d,]+) places in this cell · mostly (.+) \(\d+%\)$")


def town_events(name: str, centre: tuple[float, float], event_type: str, rng) -> list[dict]:
    """``PER_TOWN`` events of one type in January 2017, within about 500 m of a town's centre."""
    lat, lon = centre
    return [
        point_feature(
            f"{name}-{k}",
            f"2017-01-{1 + k % 28:02d}",
            event_type=event_type,
            lat=lat + rng.uniform(-0.004, 0.004),
            lon=lon + rng.uniform(-0.004, 0.004),
            name=name,
        )
        for k in range(PER_TOWN)
    ]


@pytest.fixture(scope="module")
def archive_dashboard(tmp_path_factory):
    """The dashboard serving an archive of battles in Mosul and protests in Baghdad."""
    rng = random.Random(3)
    features = town_events("Mosul", MOSUL, "Battles", rng) + town_events(
        "Baghdad", BAGHDAD, "Protests", rng
    )
    article = Article("Many reports.", "reports.txt")
    digest = content_hash(article.text)
    path = tmp_path_factory.mktemp("archive") / "archive"
    with Archive(path).writing() as writer:
        writer.commit(
            articles_table([(digest, article, len(features))]),
            features_table([(digest, f) for f in features]),
        )
    with serve_dashboard(f"parquet:{path}") as url:
        yield url


def test_more_places_than_a_page_draws_are_drawn_as_counted_cells(page, archive_dashboard):
    page.goto(archive_dashboard)
    cells = [CELL.match(name) for name in shown_features(page)]
    assert cells and all(cells), "every drawn marker is a cell"
    counted = {match[2]: int(match[1].replace(",", "")) for match in cells}
    assert counted == {"Battles": PER_TOWN, "Protests": PER_TOWN}
    assert page.get_by_text("drawn as 2 cells").count() == 1


def test_a_map_zoomed_in_draws_each_event(page, archive_dashboard):
    page.goto(f"{archive_dashboard}/?lat={MOSUL[0]}&lon={MOSUL[1]}&zoom=14")
    names = shown_features(page)
    assert len(names) == PER_TOWN
    assert all(name.startswith("Mosul 2017-01-") for name in names)
