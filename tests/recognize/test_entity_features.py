import os
import subprocess
import sys
from pathlib import Path

from geo.recognize.entity_features import (
    article_entities,
    french_entities,
    load_entity_recogniser,
)
from geo.recognize.plain_names import match_names, name_candidates
from geo.recognize.recogniser import load_recogniser
from geo.recognize.tokens import tokenize

ROOT = Path(__file__).resolve().parents[2]


def entity_features(text, word):
    start = text.index(word)
    return french_entities(text, [(0, len(text))]).features(text, start, start + len(word))


def test_a_persons_name_is_tagged_as_a_person():
    text = "Le maire, Jean-Pierre Dijon, a inauguré la nouvelle médiathèque mardi."
    values = entity_features(text, "Dijon")
    assert values["ner_person"] == 1.0
    assert "ner_place" not in values


def test_a_town_after_a_preposition_is_tagged_as_a_place():
    text = "Les pompiers sont intervenus hier soir à Nancy après un incendie."
    values = entity_features(text, "Nancy")
    assert values["ner_place"] == 1.0
    assert values["ner_same_span"] == 1.0


def test_a_name_inside_a_longer_entity_says_so():
    text = "M. Hagenbeck est arrivé à Munich avec ses éléphants."
    assert entity_features(text, "Hagenbeck")["ner_longer_span"] == 1.0


def test_a_name_no_entity_covers_has_only_the_document_features():
    text = "Les pompiers sont intervenus hier soir à Nancy après un incendie."
    values = entity_features(text, "pompiers")
    assert values == {"ner_read": 1.0, "ner_place_in_document": 0.0}


def test_offsets_of_later_content_spans_are_those_of_the_whole_text():
    text = "Partager sur Facebook\n\nLe train est arrivé à Lyon."
    start = text.index("Le train")
    entities = french_entities(text, [(start, len(text))])
    lyon = text.index("Lyon")
    assert (lyon, lyon + 4) in zip(entities.starts, entities.ends, strict=True)


def test_french_candidates_carry_the_entity_features(gazetteer):
    text = "Les pompiers sont intervenus hier soir à Nancy après un incendie."
    entities = french_entities(text, [(0, len(text))])
    candidates = dict(name_candidates(text, tokenize(text), gazetteer, "fr", entities))
    (values,) = [v for m, v in candidates.items() if m.text == "Nancy"]
    assert values["ner_place"] == 1.0


def test_an_english_article_reads_no_entities():
    assert article_entities("Floods hit Leeds.", [(0, 17)], "en") is None


def test_a_french_article_reads_no_entities_by_default(monkeypatch):
    monkeypatch.delenv("GEO_FRENCH_NER", raising=False)
    assert article_entities("Il pleut à Nancy.", [(0, 17)], "fr") is None


def test_a_french_article_reads_entities_when_turned_on(monkeypatch):
    monkeypatch.setenv("GEO_FRENCH_NER", "on")
    entities = article_entities("Il pleut à Nancy.", [(0, 17)], "fr")
    assert entities is not None and "LOC" in entities.labels


def spacy_modules_after_geoparsing(article: str, setting: str) -> str:
    """The spaCy modules a fresh process holds once it has geoparsed ``article``."""
    code = (
        "import sys;from geo.gazetteer.embedded import load_embedded_gazetteer;"
        "from geo.pipeline import geoparse;from geo.model import Article;"
        f"geoparse(Article({article!r}, 'x'), load_embedded_gazetteer());"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))"
    )
    environment = {**os.environ, "GEO_FRENCH_NER": setting}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    return done.stdout.strip()


def test_geoparsing_an_english_article_never_imports_spacy_even_when_turned_on():
    assert spacy_modules_after_geoparsing("Floods hit Leeds and York on Monday.", "on") == "[]"


def test_geoparsing_a_french_article_imports_no_spacy_by_default():
    article = "Des inondations ont touché Quimper et Morlaix lundi, dans le Finistère."
    assert spacy_modules_after_geoparsing(article, "off") == "[]"


def test_the_recogniser_of_tagged_french_articles_reads_the_entity_features():
    assert "ner_person" in load_entity_recogniser().features
    assert "ner_person" not in load_recogniser().features


def test_a_town_the_tags_call_a_place_is_kept_where_its_context_alone_would_drop_it(gazetteer):
    text = "Des inondations ont touché Quimper et Morlaix, dans le Finistère."
    untagged = match_names(text, tokenize(text), gazetteer, "fr")
    entities = french_entities(text, [(0, len(text))])
    tagged = match_names(text, tokenize(text), gazetteer, "fr", entities=entities)
    assert "Quimper" not in [m.text for m in untagged]
    assert "Quimper" in [m.text for m in tagged]
