"""Resolution: a referent for each recognised mention, from the evidence of the article."""

from geo.resolve.resolver import resolve_mentions

__all__ = ["resolve_mentions"]
