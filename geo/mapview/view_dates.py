"""The dates of the window a map shows, sent with its layers: the legend states them, and the
map's PNG button names its file after them, as the server's exports are named."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from jinja2 import Template

from geo.schema import DateWindow

PNG_STEM = "events"  # as the server's PNG export: events_2017-01-05_2017-01-31.png


def png_name(window: DateWindow | None) -> str:
    """The file name of a PNG of the window: ``events_2017-01-05_2017-01-31.png``."""
    return f"{PNG_STEM}{DateWindow(*window).stem() if window else ''}.png"


class ViewDates(MacroElement):
    """Writes the window's dates into the legend (an empty line for an open window) and sets
    the name of the file the map's PNG button saves."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  window.gmPngName = {{ this.filename|tojson }};
  var legend = document.querySelector('.gm-legend');
  if (!legend) { return; }
  var range = legend.querySelector('.gm-range');
  if (!range) {
    range = document.createElement('div'); range.className = 'gm-range';
    var title = legend.querySelector('h4');
    legend.insertBefore(range, title ? title.nextSibling : legend.firstChild);
  }
  range.textContent = {{ this.label|tojson }};
  range.style.display = {{ this.label|tojson }} ? '' : 'none';
})();
{% endmacro %}"""
    )

    def __init__(self, window: DateWindow | None):
        super().__init__()
        self._name = "ViewDates"
        self.label = DateWindow(*window).label() or "" if window else ""
        self.filename = png_name(window)


def view_dates_layer(window: DateWindow | None) -> folium.FeatureGroup:
    """A layer, kept out of the layer switcher, that carries the window's dates to the page."""
    group = folium.FeatureGroup(name="Dates", control=False)
    ViewDates(window).add_to(group)
    return group
