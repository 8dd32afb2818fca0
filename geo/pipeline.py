"""The geoparsing pipeline: one article in, one :class:`~geo.model.Document` out.

Each stage is a module with one job; this module only wires them in order.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from geo.events.extract import extract_events
from geo.export.geojson import document_features
from geo.gazetteer import Gazetteer
from geo.model import Article, Document
from geo.recognize import recognize_toponyms
from geo.recognize.recogniser import Recogniser
from geo.resolve.ranker import Ranker
from geo.resolve.resolver import resolve_mentions
from geo.settings import DEFAULT_MAX_ARTICLE_BYTES
from geo.shapes import RiverIndex, compose_shapes, load_rivers, place_rivers_near_story
from geo.text.boilerplate import content_spans
from geo.text.language import detect_language
from geo.text.reading import checked_size
from geo.text.sentences import split_sentences

STAGES = ("recognition", "resolution", "shapes", "dates and events")


def geoparse(
    article: Article,
    gazetteer: Gazetteer,
    *,
    rivers: RiverIndex | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    recogniser: Recogniser | None = None,
    ranker: Ranker | None = None,
    timings: dict[str, float] | None = None,
) -> Document:
    """Find, resolve, shape and date the places of one article; an article of more than
    ``max_bytes`` of text is an InputError naming it (every stage takes linear time up to it).
    ``recogniser`` keeps or drops candidate names and ``ranker`` ranks the candidates of each
    place (None: the shipped models); ``timings`` gets the seconds each of ``STAGES`` took
    added to it."""
    clock = StageClock(timings)
    text = checked_size(article, max_bytes).text
    spans = content_spans(text)
    lang = article.lang or detect_language(_content(text, spans))
    article = dataclasses.replace(article, lang=lang)
    mentions = recognize_toponyms(text, gazetteer, lang, spans, recogniser)
    clock.lap("recognition")
    rivers = rivers or load_rivers()
    resolutions = place_rivers_near_story(
        resolve_mentions(mentions, gazetteer, text, ranker), rivers
    )
    clock.lap("resolution")
    sentences = split_sentences(text)  # once, for every stage that reads sentences
    shapes = compose_shapes(text, resolutions, lang, rivers, sentences=sentences)
    clock.lap("shapes")
    events = extract_events(article, resolutions, shapes, lang, spans, sentences)
    clock.lap("dates and events")
    return Document(
        article=article,
        resolutions=tuple(resolutions),
        shapes=tuple(shapes),
        events=tuple(events),
    )


def geoparse_features(
    article: Article,
    gazetteer: Gazetteer,
    *,
    rivers: RiverIndex | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
) -> list[dict[str, Any]]:
    """The GeoJSON features of one article (see :func:`geo.export.geojson.document_features`)."""
    return document_features(geoparse(article, gazetteer, rivers=rivers, max_bytes=max_bytes))


class StageClock:
    """Adds the seconds since the previous lap to the stage named at each lap (does nothing
    without a ``timings`` dict)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """End ``stage`` now."""
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now


def _content(text: str, spans: list[tuple[int, int]]) -> str:
    return "\n".join(text[start:end] for start, end in spans)
