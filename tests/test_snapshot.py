import re
from pathlib import Path

import pytest

from geo.snapshot import SnapshotError, render_png, standalone_html

CHROMIUM = Path("/usr/bin/chromium")
FEATURES = [
    {
        "type": "Feature",
        "id": "m",
        "geometry": {"type": "Point", "coordinates": [43.12, 36.34]},
        "properties": {
            "name": "Mosul",
            "event_type": "battle",
            "start": "2017-01-05",
            "end": "2017-01-05",
            "quote": "<b>bold</b>",
        },
    },
]


def test_the_standalone_page_needs_no_network():
    html = standalone_html(FEATURES)
    assert not re.search(r'<(?:script|link)[^>]*(?:src|href)="https?://', html)
    assert "L.map" in html and "topojson" in html


def test_a_missing_chromium_is_named(tmp_path):
    with pytest.raises(SnapshotError, match="no-such-chromium"):
        render_png("<html></html>", tmp_path / "x.png", chromium=Path("/no-such-chromium"))


@pytest.mark.browser
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test installs it)"
)
def test_a_png_snapshot_is_a_real_image(tmp_path):
    out = render_png(standalone_html(FEATURES), tmp_path / "map.png")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
