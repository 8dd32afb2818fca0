"""Turn news articles into dated places, routes and areas."""

__version__ = "0.1.0"
