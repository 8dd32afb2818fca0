"""Exceptions raised by the engine; every one derives from :class:`GeoError` and a built-in."""

from __future__ import annotations


class GeoError(Exception):
    """Base class of every error the engine raises on purpose."""


class InputError(GeoError, ValueError):
    """An article, file or argument that cannot be used; the message names it."""


class DataFileError(InputError):
    """A data file (of ``data/``, or one given in its place) that is missing or malformed."""


class SettingsError(InputError):
    """A setting of the environment that cannot be used; the message names the variable and its
    value."""


class StoreError(GeoError, RuntimeError):
    """The event store cannot be opened, migrated or written."""


class GazetteerError(GeoError, RuntimeError):
    """A gazetteer backend failed to load or to answer."""


class GeocoderServiceError(GeoError, ConnectionError):
    """An online geocoder failed (network, quota, refusal)."""


class SnapshotError(GeoError, RuntimeError):
    """A PNG could not be rendered (Chromium missing or failing); the message says which."""


class MissingAssetsError(GeoError, FileNotFoundError):
    """The front-end assets are not installed (run ``make setup``)."""
