"""Event stores: where parsed articles and their features live. One protocol, one module per backend."""

from geo.store.backends import open_store
from geo.store.store import Store

__all__ = ["Store", "open_store"]
