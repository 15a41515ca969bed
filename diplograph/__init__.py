"""diplograph: a knowledge graph of diplomatic actors and relations, built claim by claim from news.

One import namespace over the repository's folders (mapped by ``package-dir`` in
``pyproject.toml``): ``diplograph.graph`` (store, build, queries, CLI), ``diplograph.loaders``
(corpus files → quads; ``loaders.extract``: article text → proposed claims),
``diplograph.ontology`` (the OWL and SHACL files and their terms) and ``diplograph.queries``
(the stored ``.rq`` files).  ``from diplograph import api`` is the Python API.
"""

__version__ = "0.1.0"
