import re
from pathlib import Path

import pytest

from geo.export.snapshot import SnapshotError, export_html, render_png, standalone_html
from tests.mapview.examples import FEATURES

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test installs it)"
)
REMOTE = re.compile(r'<(?:script|link)[^>]*(?:src|href)="(?:https?:)?//')


def test_the_standalone_page_needs_no_network():
    html = standalone_html(FEATURES)
    assert not REMOTE.search(html)
    assert "L.map" in html and "topojson" in html and '"countries"' in html


def test_the_standalone_timeline_page_needs_no_network():
    html = standalone_html(FEATURES, timeline=True)
    assert not REMOTE.search(html) and "L.timeline(" in html


def test_the_html_export_writes_the_page(tmp_path):
    out = export_html(FEATURES, tmp_path / "map.html", title="Test map")
    assert "Test map" in out.read_text(encoding="utf-8")


def test_a_missing_chromium_is_named(tmp_path):
    with pytest.raises(SnapshotError, match="no-such-chromium"):
        render_png("<html></html>", tmp_path / "x.png", chromium=Path("/no-such-chromium"))


@pytest.mark.browser
@needs_chromium
def test_a_png_snapshot_is_a_real_image(tmp_path):
    out = render_png(standalone_html(FEATURES), tmp_path / "map.png")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


@pytest.mark.browser
@needs_chromium
def test_a_png_snapshot_leaves_out_the_map_buttons(tmp_path):
    from PIL import Image

    zoom = (
        '<div class="leaflet-control-zoom" '
        'style="position:absolute;top:0;left:0;width:200px;height:200px;background:#ff0000"></div>'
    )
    page = (
        '<html><body style="margin:0;background:#ffffff"><div class="leaflet-container">'
        f'<div class="gm-legend">Events</div>{zoom}</div></body></html>'
    )
    out = render_png(page, tmp_path / "map.png", width=400, height=300)
    assert Image.open(out).convert("RGB").getpixel((100, 100)) != (255, 0, 0)
