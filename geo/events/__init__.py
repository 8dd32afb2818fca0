"""Dates and events: when things happened, what happened, and who holds what."""

from geo.events.dates import find_dates, publication_date
from geo.events.extract import extract_events

__all__ = ["extract_events", "find_dates", "publication_date"]
