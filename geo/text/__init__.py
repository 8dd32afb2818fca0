"""Text: reading files, pages and records, boilerplate out, language, sentences."""

from geo.text.boilerplate import content_spans
from geo.text.language import detect_language
from geo.text.reading import SUFFIXES, read_article, read_text_file
from geo.text.sentences import split_sentences

__all__ = [
    "SUFFIXES",
    "content_spans",
    "detect_language",
    "read_article",
    "read_text_file",
    "split_sentences",
]
