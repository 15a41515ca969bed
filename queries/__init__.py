"""The stored SPARQL questions (``*.rq``) and check queries (``checks/*.rq``), shipped as package data."""
