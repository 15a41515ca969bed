"""Automatic claim extraction from English news articles (rules, gazetteers; no model weights)."""

from .text import Article, ExtractionInputError, parse_article, read_article

__all__ = ["Article", "Event", "Extraction", "ExtractionInputError", "extract", "parse_article", "read_article"]

_PIPELINE_NAMES = {"Event", "Extraction", "extract"}


def __getattr__(name: str):
    # The pipeline (parser, frames, gazetteers) takes a second to import: load it on first use, so a
    # command that refuses its input, or only reads an article, answers at once.
    if name in _PIPELINE_NAMES:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
