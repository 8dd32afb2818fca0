"""The view: what a user asks to see (filters, date window, map view, search), its URL form,
the timeline's play windows and the table's rows. Pure functions, no Streamlit: the dashboard's state."""

from geo.view.bounds import MapBounds, bounds_around, map_bounds_seen, query_area
from geo.view.filter import ViewFilter, apply_filter, passes, undated_count
from geo.view.front import control_day, control_features, latest_statements
from geo.view.literal import markdown_literal
from geo.view.reports import REPORTS_HELP, fuse_reports, reported_by
from geo.view.search import fitted_view, search_features
from geo.view.table import (
    alternative_label,
    choices,
    correction,
    evidence_rows,
    selected_id,
    table_rows,
    typed_coordinates,
    widget_summary,
)
from geo.view.timeline import (
    PLAY_STEPS,
    date_bounds,
    events_per_day,
    first_play_window,
    grouped_caption,
    initial_window,
    step_window,
    window_caption,
)
from geo.view.url import (
    MapView,
    from_query_params,
    map_view_from_query_params,
    map_view_params,
    map_view_seen,
    to_query_params,
)

__all__ = [
    "PLAY_STEPS",
    "REPORTS_HELP",
    "MapBounds",
    "MapView",
    "ViewFilter",
    "alternative_label",
    "apply_filter",
    "bounds_around",
    "choices",
    "control_day",
    "control_features",
    "correction",
    "date_bounds",
    "events_per_day",
    "evidence_rows",
    "first_play_window",
    "fitted_view",
    "from_query_params",
    "fuse_reports",
    "grouped_caption",
    "initial_window",
    "latest_statements",
    "map_bounds_seen",
    "map_view_from_query_params",
    "map_view_params",
    "map_view_seen",
    "markdown_literal",
    "passes",
    "query_area",
    "reported_by",
    "search_features",
    "selected_id",
    "step_window",
    "table_rows",
    "to_query_params",
    "typed_coordinates",
    "undated_count",
    "widget_summary",
    "window_caption",
]
