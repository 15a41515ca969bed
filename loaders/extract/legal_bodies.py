"""Bodies that act in legal acts but that the organ words of organs.py do not name as a state's.

* An international court named by its own name and then taken up as "the court" ("the International
  Criminal Court ... the court issued a warrant"): the court itself acts, no state (a national court
  named by its own name and minted without its state is left to organs.implied_state's fallbacks).
* A ministry or department of justice or of the interior named without its state ("the Justice
  Department indicted seven officers", "the Department of Justice filed three cases against her"): an
  organ of the state the article's legal acts are told in, like police or prosecutors named bare
  (organs.implied_state), not an organisation of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions

#: the ministries and departments whose acts on a person are a state's legal acts, named bare
_DOMAINS = r"(?:justice|interior|home\s+affairs|public\s+security|state\s+security|internal\s+affairs)"
LEGAL_MINISTRY = re.compile(rf"(?i)(?:the\s+)?(?:{_DOMAINS}\s+(?:department|ministry)|"
                            rf"(?:department|ministry)\s+(?:of\s+)?(?:the\s+)?{_DOMAINS})")


def stateless_court(organ: Token, index: TokenMentions) -> str | None:
    """The court an organ word names by its own name when it is no state's organ (a Court of no state:
    "the International Criminal Court"), or None."""
    mention = index.at(organ)
    if mention is None or not mention.entity or mention.type != "Court" or mention.kind not in ("name", "alias"):
        return None
    return mention.entity if index.state_of(mention.entity) is None else None


def bare_legal_ministry(mention: Mention | None, index: TokenMentions) -> bool:
    """Whether a mention is a ministry or department of justice or the interior named without its state
    ("the Justice Department", "the Ministry of the Interior"), of no state the mentions know."""
    return mention is not None and bool(mention.entity) and LEGAL_MINISTRY.fullmatch(mention.surface.strip()) is not None \
        and index.state_of(mention.entity) is None
