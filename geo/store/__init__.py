"""Event stores: where parsed articles and their features live. One protocol, one module per backend."""

from geo.store.protocol import Store

__all__ = ["Store"]
