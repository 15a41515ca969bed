"""Searches over running text that Python's regular-expression engine can turn away from most positions.

A pattern such as ``\\b(?:said|says|...)\\b`` or the date grammar's ``(?<![\\w-])(?:on\\s+)?(?:May|June|...)``
makes the engine try every alternative at every position of a sentence.  :func:`first_char_lookahead`
puts a lookahead on the characters a match can begin with in front, ``(?=[sSmMjJ...])``, so that most
positions fail on one character-class test.  The lookahead only states what every match of a pattern
that cannot match empty already begins with, so the matches are the same (with ``re.IGNORECASE`` the
class folds case just as the pattern's own letters do; ``tests/test_word_regex.py`` compares).  Where the
first characters cannot be read off the pattern (an empty match possible, a backreference, a flag
changed inside), the pattern is returned unchanged.  On the benchmark's sentences the speech-verb and
date-word searches take about a third less time.
"""

from __future__ import annotations

import re

try:   # the engine's own parser (Python ≥ 3.11); without it, patterns stay as written
    from re import _parser as _p
except ImportError:   # pragma: no cover
    _p = None


class _Unknown(Exception):
    """The pattern's first characters cannot be told: leave it as it is."""


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _char(code: int) -> str:
    return re.escape(chr(code))   # (escapes "-", "]", "^" and "\\" too: safe inside a class)


def _first(items) -> tuple[set[str], bool]:
    """(class fragments a match of this sequence can begin with, whether it can match empty)."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return out | {_char(av)}, False
        if name == "IN":
            frags = set()
            for sub_op, sub_av in av:
                sub = str(sub_op)
                if sub == "LITERAL":
                    frags.add(_char(sub_av))
                elif sub == "RANGE":
                    frags.add(_char(sub_av[0]) + "-" + _char(sub_av[1]))
                elif sub == "CATEGORY" and str(sub_av) in _CATEGORIES:
                    frags.add(_CATEGORIES[str(sub_av)])
                else:
                    raise _Unknown(sub)   # a negated class and the like
            return out | frags, False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue   # zero width: the next item consumes the first character
        if name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unknown("flags")
            frags, empty = _first(sub)
        elif name == "ATOMIC_GROUP":
            frags, empty = _first(av)
        elif name == "BRANCH":
            frags, empty = set(), False
            for alternative in av[1]:
                f, e = _first(alternative)
                frags |= f
                empty = empty or e
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = av
            frags, empty = _first(sub)
            empty = empty or low == 0
        else:
            raise _Unknown(name)   # any character, a backreference, a conditional ...
        out |= frags
        if not empty:
            return out, False
    return out, True


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")   # "(?i)" opening a pattern: its flags are the compiled pattern's


def first_char_lookahead(pattern: re.Pattern) -> re.Pattern:
    """The same search with a lookahead on its first characters (or the pattern itself, where they
    cannot be told)."""
    source = pattern.pattern
    if _p is None or not isinstance(source, str):
        return pattern
    opening = _GLOBAL_FLAGS.match(source)
    body = source[opening.end():] if opening else source
    if _GLOBAL_FLAGS.search(body):
        return pattern
    try:
        frags, empty = _first(_p.parse(body, pattern.flags & ~re.UNICODE))
    except (_Unknown, re.error, ValueError, TypeError):
        return pattern
    if empty or not frags:
        return pattern
    return re.compile("(?=[" + "".join(sorted(frags)) + "])(?:" + body + ")", pattern.flags)
