"""The HTTP face of the graph (``diplograph serve``): ``app`` (routes, headers: an ASGI app), ``server``
(uvicorn, connection timeouts), ``protocol`` (SPARQL 1.1 Protocol: negotiation, errors, service
description), ``runner`` (the worker pool with time, row and byte limits), ``jobs`` (what a worker
does), ``render`` (names, links, tables, pictures, the page shell), ``pages`` (entity, event, source,
timeline and home pages), ``templates/``, ``static/`` (the stylesheet shared with the ontology docs,
``pictures.js``, vendored YASGUI and cytoscape.js).  Everything reads the store through its
``Backend``, so ``serve --store sparql:URL`` fronts a remote server."""

from .app import App, make_app
from .protocol import (
           GRAPH_OFFERS,
           PAGE_OFFERS,
           RESULT_OFFERS,
           HTTPError,
           ServerError,
           negotiate,
)
from .server import ServerHandle, serve, start_in_thread

__all__ = ["App", "ServerHandle", "make_app", "serve", "start_in_thread", "negotiate", "RESULT_OFFERS",
           "GRAPH_OFFERS", "PAGE_OFFERS", "HTTPError", "ServerError"]
