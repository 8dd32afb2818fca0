import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from corpora import places_devset


def test_every_gold_span_of_the_places_dev_set_holds_its_mention():
    for document in places_devset():
        for toponym in document.toponyms:
            assert document.text[toponym.start : toponym.end] == toponym.mention


def test_the_places_dev_set_has_fifteen_english_and_thirty_french_articles():
    languages = [document.lang for document in places_devset()]
    assert (languages.count("en"), languages.count("fr")) == (15, 30)
