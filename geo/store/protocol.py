"""Event stores: where parsed articles and their features live. One protocol, one module per backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from geo.model import Article


class Store(Protocol):
    """What ingest, export and the dashboard ask of a store."""

    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored."""
        ...

    def add_article(self, article: Article, features: Sequence[dict[str, Any]]) -> bool:
        """Store an article and its features atomically; False if it was already stored."""
        ...

    def features(
        self, date_from: dt.date | None = None, date_to: dt.date | None = None, **filters: Any
    ) -> list[dict[str, Any]]:
        """Stored features whose [start, end] overlaps the range, corrections applied."""
        ...

    def add_correction(
        self,
        feature_id: str,
        lat: float,
        lon: float,
        *,
        name: str | None = None,
        geonameid: int | None = None,
        note: str | None = None,
    ) -> None:
        """Move a place feature to corrected coordinates, keeping a log entry."""
        ...

    def stored_articles(self) -> list[tuple[int, Article]]:
        """Every stored article with its text, as ``(article id, Article)``."""
        ...

    def replace_features(self, article_id: int, features: Sequence[dict[str, Any]]) -> bool:
        """Replace an article's features atomically; False when they are the same."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...
