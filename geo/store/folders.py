"""Which files a batch reads: the files named, the article files inside the folders named,
and, for a server's folders, only what lies inside its root once links are followed.

Every file that cannot be read is named with the reason (a named pipe, a link that leads
nowhere or out of the root, a folder that cannot be listed): nothing is skipped without a
word. Names inside a root are relative to it, so messages never show where it lies.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import InputError
from geo.text.reading import SUFFIXES, shown

MAX_SHOWN_NAME = 80


@dataclass(frozen=True)
class FileToRead:
    """A file of a batch: where it is, and how sources and messages name it."""

    path: Path
    name: str


@dataclass
class Batch:
    """The files to read, in order, and those refused with why (``(name, message)``)."""

    files: list[FileToRead] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def shown_name(name: str) -> str:
    """A name as typed by someone, cut to a readable length for a message."""
    return name if len(name) <= MAX_SHOWN_NAME else name[: MAX_SHOWN_NAME - 1] + "…"


def server_folder(typed: str, root: Path) -> Path:
    """The folder a dashboard user named, resolved (links followed, a relative name taken
    inside ``root``) and inside ``root``; else an InputError that names what was typed and
    shows no path of the server."""
    name = shown_name(typed)
    if "\x00" in typed or not typed.strip():
        raise InputError(f"{shown(typed)}: not a usable folder name")
    try:
        base = root.resolve(strict=True)
    except (OSError, RuntimeError) as err:
        raise InputError("this server's folder root (GEO_FOLDER_ROOT) does not exist") from err
    try:
        folder = (base / typed).resolve()  # an absolute name stays as typed
        outside = not folder.is_relative_to(base)
        missing = outside or not folder.is_dir()
    except (OSError, RuntimeError, ValueError) as err:  # a link loop, a name too long
        raise InputError(f"{name}: no such folder on the server") from err
    if outside:
        raise InputError(f"{name}: outside the folders this server reads (GEO_FOLDER_ROOT)")
    if missing:
        raise InputError(f"{name}: no such folder on the server")
    return folder


def files_to_read(
    paths: Iterable[str | Path],
    *,
    root: Path | None = None,
    suffixes: Sequence[str] = SUFFIXES,
) -> Batch:
    """The files named, and the article files inside the folders named (links to folders
    are not followed; a file's name ends with one of ``suffixes``), in order. With a
    ``root``, names are relative to it and a link to anything outside it is refused."""
    batch = Batch()
    base = root.resolve() if root is not None else None
    for path in map(Path, paths):
        if _is_folder(path):
            found = Batch()
            _walk(path, base, found, tuple(s.lower() for s in suffixes))
            batch.files += sorted(found.files, key=lambda f: str(f.path))
            batch.refused += sorted(found.refused)
        else:
            batch.files.append(FileToRead(path, _name(path, base)))
    return batch


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False  # read as a file, which says what is wrong with it


def _name(path: Path, base: Path | None) -> str:
    if base is None:
        return str(path)
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.name


def _walk(folder: Path, base: Path | None, batch: Batch, suffixes: tuple[str, ...]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        name = _name(folder, base)
        batch.refused.append((name, f"{name}: folder cannot be read ({err.strerror})"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(path, base, batch, suffixes)
                continue
        except OSError:
            pass
        if not path.name.lower().endswith(suffixes):
            continue
        problem = _unreadable(path, base)
        name = _name(path, base)
        if problem is None:
            batch.files.append(FileToRead(path, name))
        else:
            batch.refused.append((name, f"{name}: {problem}"))


def _unreadable(path: Path, base: Path | None) -> str | None:
    """Why an article file of a folder cannot be read, or None."""
    try:
        if path.is_symlink():
            target = path.resolve(strict=True)
            if base is not None and not target.is_relative_to(base):
                return "a link to a file outside the folders this server reads"
        mode = path.stat().st_mode
    except (RuntimeError, OSError) as err:
        if isinstance(err, FileNotFoundError):
            return "a link to a file that does not exist"
        if isinstance(err, RuntimeError) or getattr(err, "errno", None) == errno.ELOOP:
            return "a link that leads back to itself (a loop)"
        return f"cannot be read ({getattr(err, 'strerror', None) or err})"
    if stat.S_ISDIR(mode):
        return "a link to a folder, which is not followed"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None
