"""The online fallback, with a fake geocoder: no network."""

from types import SimpleNamespace

import pytest
from geopy.exc import GeocoderUnavailable

from geo.errors import GeocoderServiceError
from geo.gazetteer.online import with_online_fallback


class FakeGeocoder:
    def __init__(self, fail=False):
        self.calls = 0
        self.fail = fail

    def geocode(self, query, exactly_one=False, limit=5):
        self.calls += 1
        if self.fail:
            raise GeocoderUnavailable("down")
        return [SimpleNamespace(address=f"{query}, Somewhere", latitude=10.5, longitude=20.25)]


def test_unknown_names_are_asked_online_once_and_cached(gazetteer, tmp_path):
    fake = FakeGeocoder()
    online = with_online_fallback(gazetteer, fake, tmp_path)
    assert online.lookup("Zzyzxqville")[0].lat == 10.5
    again = with_online_fallback(gazetteer, fake, tmp_path)
    assert again.lookup("Zzyzxqville")[0].lon == 20.25
    assert fake.calls == 1


def test_known_names_never_leave_the_machine(gazetteer, tmp_path):
    fake = FakeGeocoder()
    assert with_online_fallback(gazetteer, fake, tmp_path).lookup("Mossoul")[0].name == "Mosul"
    assert fake.calls == 0


def test_a_failing_service_is_a_named_error(gazetteer, tmp_path):
    with pytest.raises(GeocoderServiceError, match="Zzyzxqville"):
        with_online_fallback(gazetteer, FakeGeocoder(fail=True), tmp_path).lookup("Zzyzxqville")
