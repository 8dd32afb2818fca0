"""Parts of a country that only locate another place, through the whole pipeline."""

from geo.model import Article
from geo.pipeline import geoparse


def areas(text, gazetteer, rivers):
    document = geoparse(Article(text, "test.txt", lang="fr"), gazetteer, rivers=rivers)
    return [s.name for s in document.shapes if s.kind == "area"]


def test_anbar_in_the_west_of_the_country_draws_no_area(gazetteer, rivers):
    text = "Irak : les combats ont repris dans la province d'Anbar, à l'ouest du pays, jeudi."
    assert areas(text, gazetteer, rivers) == []


def test_an_offensive_in_the_west_of_the_country_draws_the_west_of_iraq(gazetteer, rivers):
    text = "Irak : l'armée a lancé jeudi une vaste offensive à l'ouest du pays."
    assert areas(text, gazetteer, rivers) == ["west Iraq"]
