"""spaCy builds a new ``Token`` on every access (``doc[i] is doc[i]`` is False, and ``t.head is t``
never holds on our parses, even at the root), so an identity test between tokens holds only when
both names happen to hold one object (``Token.subtree`` and ``tree.fan_out`` yield the token they
start from; other walks build new ones): a root climbed for ever (recognised_before's endless loop)
when it did not.  Tokens compare by doc and position with ``==``/``!=``.  This test scans the extractor's modules for ``is``/``is not``
between two non-constant operands and admits only the comparisons known to hold Python objects
(events, mentions, regex matches, docs, pipeline components): a new one must be written with ``==``
between tokens, or added here when its operands are no tokens."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parents[1] / "loaders" / "extract"

#: (module, comparison) pairs whose operands are Python objects, where identity is meant
OBJECT_IDENTITIES = {
    ("act_grounds.py", "e is o"),                      # events
    ("act_grounds.py", "e is acts[0]"),
    ("attribute_index.py", "c is ruler"),              # pipeline components
    ("clauses.py", "m is mention"),                    # mentions
    ("doc_index.py", "_LAST[0] is not doc"),           # a Doc is one object for its life
    ("events.py", "e is model"),
    ("expelled_envoys.py", "e is not event"),
    ("gazetteer.py", "type(bucket) is tuple"),
    ("legal.py", "e is not event"),
    ("names.py", "pattern is NAME_COMMA_TITLE"),       # compiled regexes
    ("names.py", "pattern is TITLE_NAME"),
    ("names.py", "pattern is TITLE_ONE_NAME"),
    ("organs.py", "index.at(place) is own"),           # mentions
    ("parse_memo.py", "_FINAL[0] is not doc"),         # a Doc
    ("parse_memo.py", "value is _MISSING"),            # the memo's sentinel
    ("parse.py", "type(node.ops) is NumpyOps"),
    ("pipeline.py", "self._sorted_starts[0] is not mentions"),
    ("remarks.py", "e is not same"),                   # events
    ("repeated_acts.py", "event is last"),
    ("spoken_acts.py", "e is not latest"),
    ("statement_target_list.py", "m is target"),
    ("statements.py", "verb is not colon"),            # regex matches
    ("statements.py", "m is speaker"),                 # mentions
    ("told_agents.py", "o is not event"),
    ("tree.py", "_TEXT[0] is not doc"),                # a Doc is one object for its life
    ("tree.py", "_TOKENS[0] is not doc"),
}


def identity_comparisons(path: Path) -> list[tuple[int, str]]:
    """The ``is``/``is not`` comparisons of a module whose operands are neither None nor literals."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands, operands[1:]):
            if isinstance(op, (ast.Is, ast.IsNot)) and not any(isinstance(o, ast.Constant) for o in (left, right)):
                word = "is" if isinstance(op, ast.Is) else "is not"
                found.append((node.lineno, f"{ast.unparse(left)} {word} {ast.unparse(right)}"))
    return found


@pytest.mark.parametrize("path", sorted(EXTRACT.glob("*.py")), ids=lambda p: p.name)
def test_no_identity_between_tokens(path):
    unknown = [f"{path.name}:{line}: {text}" for line, text in identity_comparisons(path)
               if (path.name, text) not in OBJECT_IDENTITIES]
    assert not unknown, "identity between tokens never holds (use == / != or .i): " + "; ".join(unknown)


def test_token_identity_premise():
    """The premise: a token compares equal to itself built anew, but is not the same object."""
    from spacy.lang.en import English
    doc = English()("Peru recalled its ambassador.")
    assert doc[0] == doc[0] and doc[0] is not doc[0]
    assert doc[0] != doc[1] and doc[0] != None  # (a token against None is unequal, not an error)
