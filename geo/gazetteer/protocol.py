"""Gazetteers: where a name can point to. One protocol, one module per backend."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from geo.model import Place


@runtime_checkable
class Gazetteer(Protocol):
    """What the recogniser and the resolver ask of a gazetteer."""

    # The most words a name has: the recogniser looks up no longer run of capitalised words.
    max_name_tokens: int

    def lookup(self, name: str) -> list[Place]:
        """Every place one of whose names folds like ``name``, most important first; [] if none."""
        ...

    def get(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, or None."""
        ...

    def country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code, or None."""
        ...

    def demonym(self, word: str) -> Place | None:
        """The country or region an adjective or demonym refers to ("syrienne", "Iraqi"), or None."""
        ...
