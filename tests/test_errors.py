"""Every exception of the engine derives from GeoError and, below it, from a fitting built-in."""

import builtins
import importlib
import inspect
import pkgutil

import geo
from geo import errors
from geo.errors import GeoError


def exception_classes_defined_in_geo() -> dict[str, type]:
    """``module.Class`` -> class, for every exception class some module of geo/ defines."""
    found = {}
    for info in pkgutil.walk_packages(geo.__path__, prefix="geo."):
        if info.name == "geo.__main__":  # running the command line is all it does
            continue
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == info.name:
                found[f"{info.name}.{name}"] = cls
    return found


def test_every_exception_defined_in_geo_derives_from_geo_error():
    classes = exception_classes_defined_in_geo()
    assert "geo.errors.InputError" in classes
    assert [name for name, cls in classes.items() if not issubclass(cls, GeoError)] == []


def test_every_exception_is_defined_in_errors():
    assert {cls.__module__ for cls in exception_classes_defined_in_geo().values()} == {"geo.errors"}


def test_each_error_also_derives_a_built_in_exception():
    generic = (object, BaseException, Exception)
    for name, cls in inspect.getmembers(errors, inspect.isclass):
        if cls is GeoError or cls.__module__ != errors.__name__:
            continue
        built_ins = [b for b in cls.__mro__ if b is getattr(builtins, b.__name__, None)]
        assert [b for b in built_ins if b not in generic], f"{name} derives no specific built-in"
