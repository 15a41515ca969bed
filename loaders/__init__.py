"""Loaders: curated corpus files and article texts → RDF quads (pure: no store, no network)."""

__version__ = "0.1.0"
