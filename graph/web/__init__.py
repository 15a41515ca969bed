"""The HTTP face of the graph (``diplograph serve``): ``app`` (routes, headers, server), ``protocol``
(SPARQL 1.1 Protocol: negotiation, errors, service description), ``runner`` (the worker pool with time,
row and byte limits), ``jobs`` (what a worker does), ``pages`` (HTML views), ``templates/``, ``static/``."""

from .app import App, ServerHandle, make_app, serve, start_in_thread
from .protocol import GRAPH_OFFERS, PAGE_OFFERS, RESULT_OFFERS, HTTPError, ServerError, negotiate

__all__ = ["App", "ServerHandle", "make_app", "serve", "start_in_thread", "negotiate", "RESULT_OFFERS",
           "GRAPH_OFFERS", "PAGE_OFFERS", "HTTPError", "ServerError"]
