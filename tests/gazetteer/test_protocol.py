"""Every gazetteer backend answers every question the pipeline's stages ask."""

import pytest

from geo.gazetteer import Gazetteer
from geo.gazetteer.online import OnlineGazetteer, with_online_fallback

FAST = {"min_delay_seconds": 0, "max_retries": 0}
QUESTIONS = {"lookup", "get", "country", "demonym", "max_name_tokens"}


class SilentGeocoder:
    """A geocoder that knows nothing: no network."""

    def geocode(self, query, exactly_one=True, **options):
        return []


def protocol_members() -> set[str]:
    methods = {name for name in vars(Gazetteer) if not name.startswith("_")}
    return methods | set(Gazetteer.__annotations__)


@pytest.fixture(params=["embedded", "online fallback", "online"])
def backend(request, gazetteer, tmp_path):
    if request.param == "embedded":
        return gazetteer
    if request.param == "online fallback":
        return with_online_fallback(gazetteer, SilentGeocoder(), tmp_path, **FAST)
    return OnlineGazetteer(SilentGeocoder(), tmp_path / "online.json", **FAST)


def test_the_protocol_declares_what_the_recogniser_and_the_resolver_ask():
    assert protocol_members() == QUESTIONS


def test_every_backend_has_every_member_of_the_protocol(backend):
    assert protocol_members() <= set(dir(backend))
    assert isinstance(backend, Gazetteer)


def test_every_backend_answers_the_questions_with_the_types_the_protocol_gives(backend):
    assert isinstance(backend.max_name_tokens, int) and backend.max_name_tokens >= 3
    assert isinstance(backend.lookup("Zzyzxqville"), list)
    assert backend.get(-1) is None
    assert backend.country("ZZ") is None
    assert backend.demonym("Zzyzxqian") is None
