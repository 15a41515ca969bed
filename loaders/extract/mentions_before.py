"""Actors named earlier in the article that a token points back to: the last ones of a kind ("the two
countries"), the most named, the mission told just before, a list of states a definite plural
stands for ("those three countries"), a legislature its members act for.  A part of
``mentions.TokenMentions``, apart from its reading of a token's own noun phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import (
    COLLECTIVE_NOUNS,
    GROUP_DETERMINERS,
    LEGISLATORS,
    NUMBER_WORDS,
    group_size,
)
from .gazetteer import Mention
from .tree import SUBJECTS, coordinated_names, fan_out, sent_start_before

if TYPE_CHECKING:
    from spacy.tokens import Token

#: stand for a list of states named just before
GROUP_NOUNS = frozenset({"country", "nation", "state", "government", "republic", "entity", "region", "territory",
                         "capital", "neighbour", "neighbor", "ally"})
#: how many sentences back a group reference may reach
GROUP_LOOK_BACK = 3


class MentionsBefore:
    """Look-backs over the article's mentions (``_by_token``, ``at``, ``_as_kind`` of ``TokenMentions``)."""

    def before(self, token: Token, kind: str, n: int, places: bool = False) -> list[tuple[str, Mention]]:
        """The last ``n`` distinct actors of a kind named before a token ("the two countries"); with
        ``places``, only those named as themselves, a place "there" may be (not a person's state, nor a
        demonym on a noun: "a Bolivian minister")."""
        out: list[tuple[str, Mention]] = []
        for i in sorted((i for i in self._by_token if i < token.i), reverse=True):
            mention = self._by_token[i]
            placed = not places or (mention.type != "Person" and token.doc[i].dep_ != "amod")
            entity = self._as_kind(mention, kind) if placed else None
            if entity and entity not in {o[0] for o in out}:
                out.append((entity, mention))
                if len(out) == n:
                    break
        return out[::-1]

    def subject_state_before(self, token: Token) -> list[tuple[str, Mention]]:
        """The one state that is the subject (alone, or a list's only state) of the sentence before the
        token's: the state acting in the passage ("Indonesia accused China ... The Suharto government
        suspended relations"); [] where that sentence's subjects are two states or none."""
        start = token.sent.start
        if start == 0:
            return []
        found: dict[str, Mention] = {}
        for t in token.doc[start - 1].sent:
            head = t
            while head.dep_ in ("conj", "appos") and head.head.i != head.i:
                head = head.head
            mention = self._by_token.get(t.i)
            state = self._as_kind(mention, "state") if mention is not None and head.dep_ in SUBJECTS else None
            if state:
                found.setdefault(state, mention)
        return list(found.items()) if len(found) == 1 else []

    def listed_pair_before(self, token: Token) -> tuple[str, str] | None:
        """'Ecuador and Colombia fell out over a raid. Relations were restored in 2010': the two states an
        act on relations told with neither party is between, where no act between states was told before
        it: the only two states named from the sentence before up to the token, named as one list (a
        third state in reach, or two named apart, leaves the pair untold)."""
        found: dict[str, list[Token]] = {}   # (each word of its names: "the" of "the United States" is in no list)
        for i in range(sent_start_before(token, 1), token.i):
            mention = self._by_token.get(i)
            state = self._as_kind(mention, "state") if mention is not None else None
            if state:
                found.setdefault(state, []).append(self.doc[i])
        if len(found) != 2:
            return None
        (a, at_a), (b, at_b) = found.items()
        return (a, b) if any(coordinated_names(x, y) for x in at_a for y in at_b) else None

    def most_named_before(self, token: Token, kind: str) -> tuple[str, Mention] | None:
        """The actor of a kind named most often before a token (the first named on a tie): whom a
        timeline follows ("Key dates in the career of X ... May 9 — Arrested")."""
        counts: dict[str, list] = {}
        for i in sorted(i for i in self._by_token if i < token.i):
            mention = self._by_token[i]
            entity = self._as_kind(mention, kind)
            if entity:
                counts.setdefault(entity, [0, mention])[0] += 1
        best = max(counts.items(), key=lambda kv: kv[1][0], default=None)  # (max keeps the first of a tie)
        return (best[0], best[1][1]) if best else None

    def mission_before(self, token: Token) -> list[tuple[str, Mention]]:
        """The sending state of the last envoy or mission named before a token in its sentence."""
        for i in range(token.i - 1, token.sent.start - 1, -1):
            mention = self._by_token.get(i)
            if mention is not None and mention.type in ("Post", "Embassy", "DiplomaticMission"):
                state = self.state_of(mention.entity)
                return [(state, mention)] if state else []
        return []

    def mission_told(self, token: Token, sentences: int = 1) -> list[tuple[str, Mention]]:
        """The sending state of the last mission named before a token, in its sentence or the
        ``sentences`` before it ("She reached the Mexican embassy. She asked for asylum.")."""
        first = token.sent.start
        for _ in range(sentences):
            if first == 0:
                break
            first = self.doc[first - 1].sent.start
        for i in range(token.i - 1, first - 1, -1):
            mention = self._by_token.get(i)
            if mention is not None and mention.type in ("Embassy", "DiplomaticMission"):
                state = self.state_of(mention.entity)
                return [(state, mention)] if state else []
        return []

    def group(self, noun: Token, kind: str) -> list[tuple[str, Mention]]:
        """'Venezuela accused Peru, Chile and Uruguay ... expelled the diplomats of those three countries':
        a definite plural of state nouns is the last list of states named before it (of its number,
        when it gives one; "both" is two), within a few sentences."""
        collective = COLLECTIVE_NOUNS.get(noun.lower_)   # "the quartet": a list of four named before
        # "after the three recognised it": a number with "the" and no noun stands for that many
        counted = noun.pos_ == "NUM" and NUMBER_WORDS.get(noun.lower_, 0) >= 2 and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        if kind not in ("state", "authority") or (noun.tag_ not in ("NNS", "NNPS") and not collective and not counted) \
                or self.at(noun) is not None or (noun.lemma_.lower() not in GROUP_NOUNS and not collective and not counted):
            return []
        words = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "nummod")] + ([noun.lower_] if counted else [])
        if not GROUP_DETERMINERS & set(words):
            return []
        size = group_size(words, collective, NUMBER_WORDS)
        if "the" in words and size is None:
            return []   # "the countries" with no number: too vague to stand for a list
        sentences = list(self.doc.sents)
        here = noun.sent.start
        # (a collective name reaches back to the article's start: the lead names the quartet once)
        first = 0 if collective else max(0, [n for n, s in enumerate(sentences) if s.start == here][0] - GROUP_LOOK_BACK)
        for i in range(noun.i - 1, sentences[first].start - 1, -1):
            head = self.doc[i]
            members = list(fan_out(head))  # (also a list the parser made an apposition: "X, Y and Z")
            if head.dep_ in ("conj", "appos") or len(members) < 2 or self.at(head) is None:
                continue
            listed = []
            for t in members:
                m = self.at(t)
                entity = self._as_kind(m, "state") if m is not None and m.type == "State" else None
                if entity and entity not in {e for e, _ in listed}:
                    listed.append((entity, m))
            if len(listed) >= 2 and (size is None or len(listed) == size):
                return listed
        return self._pair_told(noun) if size == 2 else []

    def _pair_told(self, noun: Token) -> list[tuple[str, Mention]]:
        """'Ghana accused Togo of ... Relations between the two countries were cut': with no list in reach,
        "the two countries" are the two states the sentence before names, where it names just two (not
        the noun's own sentence: "Austria refused to recognise the two new states" is not Austria)."""
        told: list[tuple[str, Mention]] = []
        for i in sorted(i for i in self._by_token if sent_start_before(noun, 1) <= i < noun.sent.start):
            mention = self._by_token[i]
            entity = self._as_kind(mention, "state") if mention.type != "Person" else None
            if entity and entity not in {e for e, _ in told}:
                told.append((entity, mention))
        return told if len(told) == 2 else []

    def _legislature_of_members(self, noun: Token, kind: str) -> list[tuple[str, Mention]]:
        """'Peruvian lawmakers voted to remove her': its members act for the legislature, the one the
        article names for their state (or, their state untold, the one it names last)."""
        if kind != "legislature" or noun.lemma_.lower() not in LEGISLATORS or self.at(noun) is not None:
            return []
        states = {s for s, _ in self._fill_one(noun, "state")}
        for i in sorted((i for i in self._by_token if i < noun.i), reverse=True):
            mention = self._by_token[i]
            if mention.type == "Legislature" and (not states or self.state_of(mention.entity) in states):
                return [(mention.entity, mention)]
        return []
