"""Front-end assets served locally: installed from the npm registry at set-up, never from a CDN.

``python -m geo assets NODE_MODULES STATIC_DIR`` copies what the map needs into the
static folder that Streamlit serves at ``/app/static/``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from geo.errors import MissingAssetsError

ROOT = Path(__file__).resolve().parents[2]
STATIC_VENDOR = ROOT / "static" / "vendor"
DASHBOARD_BASE = "app/static/vendor"
# file served -> file in node_modules
VENDOR_FILES = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "images/layers.png": "leaflet/dist/images/layers.png",
    "images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    "images/marker-icon.png": "leaflet/dist/images/marker-icon.png",
    "images/marker-icon-2x.png": "leaflet/dist/images/marker-icon-2x.png",
    "images/marker-shadow.png": "leaflet/dist/images/marker-shadow.png",
    "jquery.min.js": "jquery/dist/jquery.min.js",
    "leaflet.timeline.js": "leaflet.timeline/dist/leaflet.timeline.js",
    "moment.min.js": "moment/min/moment.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "html2canvas.min.js": "html2canvas/dist/html2canvas.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "countries-110m.json": "world-atlas/countries-110m.json",
}
MAP_JS = ("leaflet.js", "jquery.min.js", "topojson-client.min.js", "html2canvas.min.js")
MAP_CSS = ("leaflet.css",)
TIMELINE_JS = ("moment.min.js", "leaflet.timeline.js")


def install_assets(node_modules: Path, static: Path) -> list[Path]:
    """Copy the vendor files from ``node_modules`` into ``static``; a missing one is named."""
    written = []
    for served, source in VENDOR_FILES.items():
        origin = node_modules / source
        if not origin.exists():
            raise MissingAssetsError(f"{origin} is missing: run `npm ci` first")
        target = static / served
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, target)
        written.append(target)
    return written


def asset_path(name: str, static: Path = STATIC_VENDOR) -> Path:
    """The installed file of an asset; MissingAssetsError when set-up has not run."""
    path = static / name
    if not path.exists():
        raise MissingAssetsError(f"{path} is missing: run `make setup` to install the map's assets")
    return path


def inline_assets(html: str, base: str, static: Path = STATIC_VENDOR) -> str:
    """``html`` with every ``<script src>``/``<link href>`` under ``base`` replaced by the file's content,
    so that the page works opened from disk, offline."""
    prefix = re.escape(base.rstrip("/") + "/")

    def script(match: re.Match) -> str:
        body = asset_path(match.group(1), static).read_text(encoding="utf-8")
        return "<script>" + body.replace("</script", "<\\/script") + "</script>"

    def style(match: re.Match) -> str:
        body = asset_path(match.group(1), static).read_text(encoding="utf-8")
        return "<style>" + body + "</style>"

    html = re.sub(rf'<script[^>]*src="{prefix}([^"]+)"[^>]*>\s*</script>', script, html)
    return re.sub(rf'<link[^>]*href="{prefix}([^"]+)"[^>]*/?>', style, html)
