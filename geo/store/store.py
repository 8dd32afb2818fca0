"""What ingest, export and the dashboard ask of an event store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from geo.model import Article
from geo.schema import Feature
from geo.view.filter import ViewFilter


class Store(Protocol):
    """An event store: articles, their GeoJSON features, and corrections with a log."""

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None:
        """Release the store."""
        ...

    def version(self) -> tuple[int, ...]:
        """A stamp that changes whenever an article or a correction is added, or an article
        re-geoparsed or deleted (for caches)."""
        ...

    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored."""
        ...

    def add_article(
        self, article: Article, features: Sequence[Feature], *, batch: str | None = None
    ) -> bool:
        """Store an article and its features atomically, as part of the import ``batch``;
        False if it was already stored."""
        ...

    def delete_article(self, article_id: int, *, reason: str | None = None) -> dict[str, Any]:
        """Delete an article with its features and corrections atomically, logged; returns the
        log entry."""
        ...

    def delete_batch(self, batch: str, *, reason: str | None = None) -> list[dict[str, Any]]:
        """Undo an import: delete the articles of ``batch`` atomically, each logged."""
        ...

    def batches(self) -> list[dict[str, Any]]:
        """The imports in the store, newest first."""
        ...

    def deletions_log(self) -> list[dict[str, Any]]:
        """Every article ever deleted, oldest first."""
        ...

    def add_articles(
        self, pairs: Sequence[tuple[Article, Sequence[Feature]]], *, batch: str | None = None
    ) -> list[bool]:
        """Store several articles with their features atomically, as part of the import
        ``batch``; for each, False if it was already stored."""
        ...

    def features(self, view: ViewFilter | None = None) -> list[Feature]:
        """The stored features that the view lets through (every one for None), corrections applied."""
        ...

    def articles(self) -> list[dict[str, Any]]:
        """Every stored article's metadata (no text), oldest first."""
        ...

    def stored_articles(self) -> list[tuple[int, Article]]:
        """Every stored article with its text, as ``(article id, Article)``."""
        ...

    def replace_features(self, article_id: int, features: Sequence[Feature]) -> bool:
        """Replace an article's features atomically; False when they are the same."""
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

    def corrections_log(self) -> list[dict[str, Any]]:
        """Every correction ever made, oldest first."""
        ...
