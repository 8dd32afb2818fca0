"""The view a user asks for, and the one function that applies it.

The dashboard, ``python -m geo export`` and ``snapshot``, the offline page and the PNG all
select features with :func:`apply_filter`, so that one view shows the same features everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from geo.schema import DateWindow, event_type_of, feature_dates, properties
from geo.view.reports import fuse_reports


@dataclass(frozen=True)
class ViewFilter:
    """What the user asked to see. Empty tuples mean "everything".

    ``undated``: whether features of unknown date show; None (the default) shows them only
    when the window sets no date, since an undated event is not known to lie inside a window.
    ``demonyms``: whether nationality mentions ("Iraqi", "syrienne") show; they say who acts,
    not where, so they are off unless asked for.
    """

    window: DateWindow = field(default_factory=DateWindow)
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_confidence: float = 0.0
    max_geo_precision: int = 3
    undated: bool | None = None
    separate_reports: bool = False  # True: each article's report of an event apart, not fused
    demonyms: bool = False
    problems: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "window", DateWindow(*self.window))

    @property
    def shows_undated(self) -> bool:
        """Whether features of unknown date pass this view."""
        return self.window.is_open if self.undated is None else self.undated

    def with_window(self, window: DateWindow | tuple) -> ViewFilter:
        """The same view over another date window."""
        return replace(self, window=DateWindow(*window))

    def at_any_date(self) -> ViewFilter:
        """The same view at every date, keeping or leaving out the undated as this one does."""
        return replace(self, window=DateWindow(), undated=self.shows_undated)


def passes(feature: Mapping[str, Any], view: ViewFilter) -> bool:
    """Whether one feature passes the view."""
    p = properties(feature)
    if p.get("demonym") and not view.demonyms:
        return False
    dates = feature_dates(p)
    if not (view.window.overlaps(dates) if dates else view.shows_undated):
        return False
    if view.event_types and event_type_of(p) not in view.event_types:
        return False
    if view.actors and not set(view.actors) & set(p.get("actors") or []):
        return False
    if view.sources and p.get("source") not in view.sources:
        return False
    confidence = p.get("confidence")
    if (confidence if confidence is not None else 1.0) < view.min_confidence:
        return False
    return (p.get("geo_precision") or 1) <= view.max_geo_precision


def apply_filter(
    features: Iterable[Mapping[str, Any]], view: ViewFilter | None = None
) -> list[Mapping[str, Any]]:
    """The features the view lets through, in their order (every feature for no view), the
    reports of one event from several articles fused into one unless the view asks for them
    apart (:mod:`geo.view.reports`)."""
    if view is None:
        return list(features)
    shown = [feature for feature in features if passes(feature, view)]
    return shown if view.separate_reports else fuse_reports(shown)


def undated_count(features: Iterable[Mapping[str, Any]]) -> int:
    """How many features have no date."""
    return sum(1 for feature in features if feature_dates(properties(feature)) is None)
