"""The online fallback, with a fake geocoder: no network."""

from types import SimpleNamespace

import pytest
from geopy.exc import GeocoderUnavailable

from geo.errors import GeocoderServiceError
from geo.gazetteer.online import OnlineGazetteer, place_from_location, with_online_fallback

FAST = {"min_delay_seconds": 0, "max_retries": 0}


class FakeGeocoder:
    def __init__(self, fail=False, raw=None):
        self.calls = []
        self.fail = fail
        self.raw = raw or {}

    def geocode(self, query, exactly_one=True, **options):
        self.calls.append((query, exactly_one, options))
        if self.fail:
            raise GeocoderUnavailable("down")
        address = f"{query}, Somewhere"
        return [SimpleNamespace(address=address, latitude=10.5, longitude=20.25, raw=self.raw)]


def test_unknown_names_are_asked_online_once_and_cached(gazetteer, tmp_path):
    fake = FakeGeocoder()
    online = with_online_fallback(gazetteer, fake, tmp_path, **FAST)
    assert online.lookup("Zzyzxqville")[0].point == (10.5, 20.25)
    again = with_online_fallback(gazetteer, fake, tmp_path, **FAST)
    assert again.lookup("Zzyzxqville")[0].name == "Zzyzxqville"
    assert len(fake.calls) == 1


def test_known_names_never_leave_the_machine(gazetteer, tmp_path):
    fake = FakeGeocoder()
    assert (
        with_online_fallback(gazetteer, fake, tmp_path, **FAST).lookup("Mossoul")[0].name == "Mosul"
    )
    assert fake.calls == []


def test_a_failing_service_is_a_named_error(tmp_path):
    online = OnlineGazetteer(FakeGeocoder(fail=True), tmp_path / "cache.json", **FAST)
    with pytest.raises(GeocoderServiceError, match="Zzyzxqville") as caught:
        online.lookup("Zzyzxqville")
    assert isinstance(caught.value.__cause__, GeocoderUnavailable)


def test_geocoder_options_are_passed_on(tmp_path):
    fake = FakeGeocoder()
    OnlineGazetteer(fake, tmp_path / "c.json", geocode_options={"limit": 3}, **FAST).lookup("Qaim")
    assert fake.calls == [("Qaim", False, {"limit": 3})]


def test_a_nominatim_answer_gives_kind_and_country():
    raw = {"addresstype": "town", "address": {"country_code": "iq"}}
    location = SimpleNamespace(address="Hit, Anbar, Iraq", latitude=33.64, longitude=42.83, raw=raw)
    place = place_from_location(location)
    assert (place.name, place.kind, place.country_code) == ("Hit", "city", "IQ")


def test_an_answer_without_details_is_an_other_place():
    location = SimpleNamespace(address="Somewhere", latitude=1, longitude=2, raw={})
    place = place_from_location(location)
    assert (place.kind, place.country_code, place.geonameid) == ("other", None, None)


def test_the_online_gazetteer_knows_no_ids_codes_or_demonyms(tmp_path):
    online = OnlineGazetteer(FakeGeocoder(), tmp_path / "c.json", **FAST)
    assert (online.get(1), online.country("IQ"), online.demonym("Iraqi")) == (None, None, None)
