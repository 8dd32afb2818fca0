"""Gazetteers: where a name can point to. One protocol, one module per backend."""

from geo.gazetteer.protocol import Gazetteer

__all__ = ["Gazetteer"]
