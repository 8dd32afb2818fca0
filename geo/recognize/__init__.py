"""Toponym recognition: place mentions with exact character offsets, in French or English."""

from geo.recognize.toponyms import recognize_toponyms

__all__ = ["recognize_toponyms"]
