"""Automatic claim extraction from English news articles (rules, gazetteers; no model weights)."""

from .pipeline import Event, Extraction, extract
from .text import Article, ExtractionInputError, parse_article, read_article

__all__ = ["Article", "Event", "Extraction", "ExtractionInputError", "extract", "parse_article", "read_article"]
