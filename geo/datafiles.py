"""The curated data files of ``data/``: where they live, and one reader per format.

Every module reads its data files through these readers. A file is named by its name in
``data/`` (``"stopwords.json"``); a :class:`~pathlib.Path` is read as it is, so that tests can
pass files of their own. A missing or malformed file raises :class:`~geo.errors.DataFileError`
naming it. Nothing is cached here: callers cache what they build from a file
(``functools.cache``), so that no caller can change what another one reads.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from geo.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

DataFile = str | Path  # a file name in data/, or any path


def data_path(name: DataFile) -> Path:
    """The path of a data file: ``data/<name>`` for a name, a :class:`~pathlib.Path` as it is."""
    return name if isinstance(name, Path) else DATA_DIR / name


def read_json(name: DataFile) -> Any:
    """The content of a UTF-8 JSON data file."""
    path = data_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise _unreadable(path, err) from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataFileError(f"cannot read {path}: not a UTF-8 JSON file ({err})") from err


def read_csv(name: DataFile) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV data file with a header, as dicts keyed by its columns."""
    path = data_path(name)
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    except OSError as err:
        raise _unreadable(path, err) from err
    except (UnicodeDecodeError, csv.Error) as err:
        raise DataFileError(f"cannot read {path}: not a UTF-8 CSV file ({err})") from err


def read_geojson(name: DataFile) -> list[dict[str, Any]]:
    """The features of a GeoJSON FeatureCollection data file."""
    collection = read_json(name)
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise DataFileError(f"cannot read {data_path(name)}: not a GeoJSON FeatureCollection")
    return features


def _unreadable(path: Path, err: OSError) -> DataFileError:
    return DataFileError(f"cannot read {path}: {err.strerror or err}")
