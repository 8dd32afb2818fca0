"""The histogram of events per day drawn above the dashboard's date slider."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from geo.schema import DateWindow

HISTOGRAM_COLOUR = "#e0475b"  # close to the slider's own colour


def histogram(counts: dict[dt.date, int], bounds: DateWindow) -> alt.Chart:
    """Events per day as bars over the slider's own date range, so that the two line up."""
    days = pd.DataFrame({"day": pd.to_datetime(list(counts)), "events": list(counts.values())})
    half_day = pd.Timedelta(hours=12)
    domain = [pd.Timestamp(bounds[0]) - half_day, pd.Timestamp(bounds[1]) + half_day]
    return (
        alt.Chart(days, height=70, padding={"left": 0, "right": 0, "top": 4, "bottom": 0})
        .mark_bar(color=HISTOGRAM_COLOUR, size=4)
        .encode(
            x=alt.X("day:T", scale=alt.Scale(domain=domain), title=None),
            y=alt.Y("events:Q", axis=None),  # an axis would shift the bars off the slider's dates
            tooltip=[alt.Tooltip("day:T", title="day"), "events:Q"],
        )
    )
