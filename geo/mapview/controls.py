"""Map controls written for this project: legend, vector basemap, PNG button."""

from __future__ import annotations

import json

from branca.element import MacroElement
from jinja2 import Template

from geo.mapview.popups import inert
from geo.mapview.style import palette

LEGEND_CSS = """
.gm-legend{background:rgba(255,255,255,.94);padding:8px 10px;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.35);
 font:12px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;max-width:230px}
.gm-legend h4{margin:0 0 2px;font-size:14px}.gm-legend .gm-range{color:#333;font-weight:600;margin-bottom:4px}
.gm-legend .gm-section{margin:6px 0 2px;color:#666;font-size:11px;text-transform:uppercase;letter-spacing:.04em}
.leaflet-container.gm-sea{background:#d4e4ee}
.gm-legend i{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border-radius:50%}
.gm-legend i.gm-area{border-radius:2px;opacity:.8}.gm-legend i.gm-vague{border:2px dashed #555;width:10px;height:10px;background:none}.gm-legend i.gm-line{height:4px;border-radius:0;vertical-align:3px}
.gm-popup table{border-collapse:collapse;margin:4px 0}.gm-popup th{text-align:left;padding-right:8px;color:#555;font-weight:600}
.gm-popup blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #bbb;color:#333;font-style:italic}
.gm-reports{margin:6px 0}.gm-reports ol{margin:4px 0;padding-left:18px}.gm-reports li{margin:2px 0}.gm-reports q{color:#333;font-style:italic}
.gm-legend .gm-note{margin-top:5px;color:#444;font-size:11px}
.gm-said{color:#666}.gm-source{font-size:11px;color:#555}
.gm-png{background:#fff;border:2px solid rgba(0,0,0,.2);border-radius:4px;padding:3px 8px;font:12px system-ui,sans-serif;cursor:pointer}
"""


class Legend(MacroElement):
    """The legend: title, date range, event types shown, who holds the areas, and a note
    (what a grouped marker means)."""

    _template = Template(
        """{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
{{ this.get_name() }}.onAdd = function () {
  var div = L.DomUtil.create('div', 'gm-legend');
  div.innerHTML = {{ this.html|tojson }};
  return div;
};
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(
        self,
        title: str,
        date_range: str | None,
        event_types: list[str],
        controls: list[str],
        position: str = "bottomright",
        vague_places: bool = False,
        note: str | None = None,
    ):
        super().__init__()
        self._name = "Legend"
        self.position = position
        self.css = LEGEND_CSS
        colours = palette()
        rows = [f"<h4>{inert(title)}</h4>"]
        if date_range:
            rows.append(f'<div class="gm-range">{inert(date_range)}</div>')
        if event_types:
            rows.append('<div class="gm-section">Events (places, routes)</div>')
        for key in event_types:
            colour, label = colours["event_type"].get(key, colours["event_type"]["other"])
            rows.append(f'<div><i style="background:{colour}"></i>{inert(label)}</div>')
        if vague_places:
            rows.append(
                '<div><i class="gm-vague"></i>Somewhere in a region or country (its centre)</div>'
            )
        if note:
            rows.append(f'<div class="gm-note">{inert(note)}</div>')
        if controls:
            rows.append('<div class="gm-section">Who holds it (areas, control)</div>')
        for key in controls:
            colour, label = colours["control"][key]
            rows.append(
                f'<div><i class="gm-area" style="background:{colour}"></i>{inert(label)}</div>'
            )
        self.html = "".join(rows)


class VectorBasemap(MacroElement):
    """Coastlines and country borders (Natural Earth via world-atlas) under the events, no tiles needed.

    ``source`` is a URL of the TopoJSON file, or the TopoJSON itself for a standalone page.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  map.createPane('basemap'); map.getPane('basemap').style.zIndex = 250;
  L.DomUtil.addClass(map.getContainer(), 'gm-sea');
  // A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from 180 to -180 and
  // back: Leaflet draws it across the whole world as a band. Walk it without jumps instead,
  // and keep most of it between -180 and 180. A ring around a pole (one jump) is left as it is.
  function unwrap(ring) {
    var jumps = 0, shift = 0, out = [], inside = 0;
    for (var i = 0; i < ring.length; i++) {
      if (i && Math.abs(ring[i][0] - ring[i - 1][0]) > 180) {
        jumps++; shift += ring[i][0] < ring[i - 1][0] ? 360 : -360;
      }
      out.push([ring[i][0] + shift, ring[i][1]]);
    }
    if (jumps < 2 || jumps % 2) { return ring; }
    out.forEach(function (c) { if (c[0] >= -180 && c[0] <= 180) { inside++; } });
    if (inside * 2 >= out.length) { return out; }
    var back = out[0][0] > 180 ? -360 : 360;
    return out.map(function (c) { return [c[0] + back, c[1]]; });
  }
  function unwrapAll(geometry) {
    var polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    polygons.forEach(function (polygon) {
      for (var k = 0; k < polygon.length; k++) { polygon[k] = unwrap(polygon[k]); }
    });
  }
  function draw(topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    land.features.forEach(function (f) { if (f.geometry) { unwrapAll(f.geometry); } });
    L.geoJSON(land, {pane: 'basemap', interactive: false,
      style: {color: '#8a8a8a', weight: 0.7, fillColor: '#f2efe9', fillOpacity: 1}}).addTo(map);
  }
  {% if this.inline %}draw({{ this.source }});{% else %}
  fetch({{ this.source|tojson }}).then(function (r) { return r.json(); }).then(draw)
    .catch(function (e) { console.warn('basemap unavailable', e); });{% endif %}
})();
{% endmacro %}"""
    )

    def __init__(self, source: str, inline: bool = False):
        super().__init__()
        self._name = "VectorBasemap"
        self.inline = inline
        self.source = (
            source if not inline else json.dumps(json.loads(source), separators=(",", ":"))
        )


# The map's buttons, which a still image of it leaves out: zoom, layer switches, the PNG button.
BUTTON_CLASSES = ("leaflet-control-zoom", "leaflet-control-layers", "gm-png")


class PngButton(MacroElement):
    """A button in the map that saves the current view, legend included, as a PNG (html2canvas)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var control = L.control({position: 'topright'});
  control.onAdd = function () {
    var button = L.DomUtil.create('button', 'gm-png');
    button.type = 'button'; button.title = 'Save this view as a PNG image'; button.textContent = 'PNG';
    L.DomEvent.disableClickPropagation(button);
    var buttons = {{ this.buttons|tojson }};
    button.onclick = function () {
      html2canvas(map.getContainer(), {
        useCORS: true, logging: false,
        // the image shows the map, its legend and dates, not the buttons around them
        ignoreElements: function (el) {
          return !!el.classList && buttons.some(function (c) { return el.classList.contains(c); });
        }
      }).then(function (canvas) {
        var link = document.createElement('a');
        // named after the dates the map shows, once the page has said which
        link.download = window.gmPngName || {{ this.filename|tojson }}; link.href = canvas.toDataURL('image/png'); link.click();
      });
    };
    return button;
  };
  control.addTo(map);
})();
{% endmacro %}"""
    )

    def __init__(self, filename: str = "map.png"):
        super().__init__()
        self._name = "PngButton"
        self.filename = filename
        self.buttons = list(BUTTON_CLASSES)
