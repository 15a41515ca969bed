"""A fast path for :func:`yamlfile.read_yaml`: libyaml's C parser (PyYAML) with ruamel's YAML 1.2 rules.

ruamel's round-trip parser is pure Python and was most of a build's time (a quarter of a second
per claims file).  Here libyaml reads the events, and the same objects ruamel builds are made from
them: ``CommentedMap``/``CommentedSeq`` carrying the line and column of every key and item (for
``file:line`` problems), plain scalars resolved and constructed by ruamel's own resolver and
constructor (YAML 1.2: ``yes`` stays a string, dates stay text).  Anything outside the plain
subset the corpus uses (anchors, aliases, explicit tags, several documents, a duplicate or
non-scalar key) or any error returns :data:`UNSUPPORTED`, and the caller reads the file with
ruamel, which gives the established answer or message.  ``tests/test_yamlfast.py`` compares both
readers on every YAML file of the repository, value by value and line by line.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode

try:
    import yaml as _pyyaml
    from yaml.cyaml import (
        CParser as _CParser,  # libyaml; absent on a PyYAML built without it
    )
except ImportError:  # pragma: no cover - the slow path still works
    _pyyaml = _CParser = None

UNSUPPORTED = object()
_STR = "tag:yaml.org,2002:str"


class _Unsupported(Exception):
    pass


class _Builder:
    def __init__(self, yaml) -> None:
        self.constructor = yaml.constructor
        self.resolver = yaml.resolver

    def scalar(self, event) -> Any:
        if event.anchor is not None or (event.tag is not None and event.tag != "!"):
            raise _Unsupported
        if event.style:  # quoted or block (libyaml gives '' for plain): a string, as ruamel makes it
            if event.style in ("|", ">"):  # ruamel keeps the style in a str subclass
                return self.constructor.construct_object(
                    ScalarNode(_STR, event.value, _mark(event.start_mark), None, style=event.style), deep=True)
            return event.value
        tag = self.resolver.resolve(ScalarNode, event.value, (True, False))
        if tag == _STR:
            return event.value
        return self.constructor.construct_object(
            ScalarNode(tag, event.value, _mark(event.start_mark), None, style=None), deep=True)

    def node(self, event, events) -> Any:
        kind = type(event)
        if kind is _pyyaml.ScalarEvent:
            return self.scalar(event)
        if kind is _pyyaml.MappingStartEvent:
            if event.anchor is not None or not event.implicit:
                raise _Unsupported
            out = CommentedMap()
            out._yaml_set_line_col(event.start_mark.line, event.start_mark.column)
            while True:
                key_event = next(events)
                if type(key_event) is _pyyaml.MappingEndEvent:
                    return out
                if type(key_event) is not _pyyaml.ScalarEvent or key_event.value == "<<":
                    raise _Unsupported  # complex and merge keys: ruamel's rules
                key = self.scalar(key_event)
                if key in out:  # a duplicate key: ruamel's message
                    raise _Unsupported
                value_event = next(events)
                out[key] = self.node(value_event, events)
                out.lc.add_kv_line_col(key, [key_event.start_mark.line, key_event.start_mark.column,
                                             value_event.start_mark.line, value_event.start_mark.column])
        if kind is _pyyaml.SequenceStartEvent:
            if event.anchor is not None or not event.implicit:
                raise _Unsupported
            out = CommentedSeq()
            out._yaml_set_line_col(event.start_mark.line, event.start_mark.column)
            while True:
                item_event = next(events)
                if type(item_event) is _pyyaml.SequenceEndEvent:
                    return out
                out.lc.add_idx_line_col(len(out), [item_event.start_mark.line, item_event.start_mark.column])
                out.append(self.node(item_event, events))
        raise _Unsupported  # an alias


def _mark(mark):
    from ruamel.yaml.error import StreamMark

    return StreamMark(mark.name, mark.index, mark.line, mark.column)


def load(text: str, yaml) -> Any:
    """The document in ``text`` as ruamel's round-trip loader ``yaml`` gives it, or UNSUPPORTED."""
    if _CParser is None:
        return UNSUPPORTED
    parser = _CParser(text)
    try:
        events = iter(parser.get_event, None)
        if type(next(events)) is not _pyyaml.StreamStartEvent:
            return UNSUPPORTED
        start = next(events)
        if type(start) is _pyyaml.StreamEndEvent:
            return None
        if type(start) is not _pyyaml.DocumentStartEvent or start.explicit or start.tags or start.version:
            return UNSUPPORTED
        value = _Builder(yaml).node(next(events), events)
        if type(next(events)) is not _pyyaml.DocumentEndEvent or type(next(events)) is not _pyyaml.StreamEndEvent:
            return UNSUPPORTED
        return value
    except (_Unsupported, _pyyaml.YAMLError, StopIteration, ValueError, TypeError):
        return UNSUPPORTED
    finally:
        parser.dispose()
