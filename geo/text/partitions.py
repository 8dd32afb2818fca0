"""Inputs cut into partitions that tasks read lazily, each on its own: groups of article files,
runs of lines of a JSON Lines file, and whole gzip'd JSON Lines, WARC and RSS/Atom files.

A partition names what to read, never the text itself, so a task on another machine reads it
where it lies (the same paths must be visible there). Every record that cannot be used is
yielded as the InputError naming it (``FILE:LINE`` for a line), and reading goes on.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError
from geo.model import Article
from geo.settings import DEFAULT_MAX_ARTICLE_BYTES
from geo.text.feeds import feed_articles, warc_articles
from geo.text.reading import (
    SUFFIXES,
    article_from_record,
    checked_size,
    parse_json,
    read_articles,
    read_bytes,
)

LINES_PER_PARTITION = 200
FILES_PER_PARTITION = 50
# Whole-file kinds read by a task of their own, by how the name ends
WHOLE_FILE_KINDS = (".jsonl.gz", ".warc", ".warc.gz", ".rss", ".atom", ".xml")
PARTITION_SUFFIXES = (*SUFFIXES, *WHOLE_FILE_KINDS)


@dataclass(frozen=True)
class FileRef:
    """A file of the input: where it is, and how sources and messages name it."""

    path: str
    name: str


@dataclass(frozen=True)
class Partition:
    """What one task reads: some article files, a run of lines of one JSON Lines file
    (``byte_range``, numbered from ``first_line``), or one gzip'd, WARC or feed file."""

    files: tuple[FileRef, ...]
    byte_range: tuple[int, int] | None = None
    first_line: int = 1
    last_line: int = 0

    @property
    def expected(self) -> int:
        """About how many articles it holds (a line or a file each; a whole file counts 1)."""
        if self.byte_range is not None:
            return self.last_line - self.first_line + 1
        return len(self.files)

    @property
    def name(self) -> str:
        """How messages name the partition."""
        first = self.files[0].name
        if self.byte_range is not None:
            return f"{first}:{self.first_line}"
        return first if len(self.files) == 1 else f"{first} and {len(self.files) - 1} more"


def kind_of(name: str) -> str:
    """How a file is read, from the end of its name: ``.jsonl.gz``, ``.warc.gz``, ``.txt``..."""
    lower = name.lower()
    return next((kind for kind in WHOLE_FILE_KINDS if lower.endswith(kind)), Path(lower).suffix)


def partitions_of(
    files: Iterable[FileRef],
    *,
    lines: int = LINES_PER_PARTITION,
    files_per_partition: int = FILES_PER_PARTITION,
) -> list[Partition]:
    """The partitions of a batch, in order: a JSON Lines file cut every ``lines`` lines, a
    gzip'd, WARC or feed file whole, other files grouped by ``files_per_partition``."""
    partitions: list[Partition] = []
    group: list[FileRef] = []
    for file in files:
        kind = kind_of(file.name)
        if kind == ".jsonl":
            partitions += _line_partitions(file, lines)
        elif kind in WHOLE_FILE_KINDS:
            partitions.append(Partition((file,)))
        else:
            group.append(file)
            if len(group) == files_per_partition:
                partitions.append(Partition(tuple(group)))
                group = []
    if group:
        partitions.append(Partition(tuple(group)))
    return partitions


def _line_partitions(file: FileRef, lines: int) -> list[Partition]:
    """A JSON Lines file cut every ``lines`` lines (one scan for the line starts); a file that
    cannot be opened is one partition, whose reading says why."""
    try:
        with open(file.path, "rb") as stream:
            cuts, offset, number = [(0, 1)], 0, 0
            for number, line in enumerate(stream, start=1):
                offset += len(line)
                if number % lines == 0:
                    cuts.append((offset, number + 1))
    except OSError:
        return [Partition((file,))]
    ends = [(start, first - 1) for start, first in cuts[1:]] + [(offset, number)]
    return [
        Partition((file,), (start, end), first_line=first, last_line=last)
        for (start, first), (end, last) in zip(cuts, ends, strict=True)
        if end > start
    ]


def read_partition(
    partition: Partition, *, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> Iterator[Article | InputError]:
    """Every article of a partition, or the InputError naming what could not be read."""
    for file in partition.files:
        try:
            if partition.byte_range is not None:
                yield from _json_line_range(file, partition, max_bytes)
            else:
                yield from _whole_file(file, max_bytes)
        except InputError as err:
            yield err


def _whole_file(file: FileRef, max_bytes: int) -> Iterator[Article | InputError]:
    kind = kind_of(file.name)
    if kind == ".jsonl.gz":
        with gzip.open(file.path, "rb") as stream:
            try:
                yield from json_lines(stream, file.name, 1, max_bytes)
            except (OSError, EOFError) as err:
                yield InputError(f"{file.name}: not a readable gzip file ({err})")
    elif kind in (".warc", ".warc.gz"):
        yield from warc_articles(Path(file.path), file.name, max_bytes)
    elif kind in (".rss", ".atom", ".xml"):
        yield from feed_articles(read_bytes(Path(file.path), file.name), file.name, max_bytes)
    else:
        yield from read_articles(file.path, file.name, max_bytes=max_bytes)


def _json_line_range(
    file: FileRef, partition: Partition, max_bytes: int
) -> Iterator[Article | InputError]:
    start, end = partition.byte_range or (0, 0)
    try:
        with open(file.path, "rb") as stream:
            stream.seek(start)
            data = stream.read(end - start)
    except OSError as err:
        raise InputError(f"{file.name}: cannot be read ({err.strerror or err})") from err
    yield from json_lines(data.splitlines(), file.name, partition.first_line, max_bytes)


def json_lines(
    lines: Iterable[bytes], name: str, first: int, max_bytes: int
) -> Iterator[Article | InputError]:
    """The article of each line (numbered from ``first``); a bad line is its InputError."""
    for number, raw in enumerate(lines, start=first):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                raise InputError(f"{where}: not UTF-8 text") from err
            yield checked_size(article_from_record(parse_json(line, where), where), max_bytes)
        except InputError as err:
            yield err


def file_refs(files: Sequence) -> list[FileRef]:
    """Plain references (picklable, path as text) to the files of a batch."""
    return [FileRef(str(file.path), file.name) for file in files]
