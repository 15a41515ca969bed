"""Words naming a party only as the one wronged are about whoever wronged it (codebook, "a remark
about an act": a speaker outside the author's side — its victim, the victim's own people, a third
party judging it — is about the act's author).

"said Estonia had been punished for telling the truth", "said Venezuela's sovereignty had been
trampled", "said Karam was being held against his will": the party the reported words name is the
subject of a passive (what was done to it) or the possessor of what was violated; where the article
told an act done to that party by someone outside the speaker's side before these words, the words
are about that act's author.  The author's own side speaking of its act keeps the party it was done
to ("the minister said Karam was being held for his own safety": Karam).

``WrongedParties`` is a part of the Statement coder (statements.py): it reads the parse, the events
coded so far and the coder's side tests.
"""

from __future__ import annotations

from .gazetteer import Mention
from .modality import is_modal
from .speech_content import verb_at

#: a party the words name only as wronged is what they are about: whoever wronged it?
WRONGED_IS_ABOUT_AUTHOR = True

#: what a party has that can be violated, trampled or ignored: naming a party as its possessor in
#: the words names it as the one wronged ("Kenya's rights", "Venezuela's sovereignty")
WRONGED_POSSESSIONS = frozenset({
    "sovereignty", "integrity", "independence", "territory", "airspace", "waters", "border", "borders",
    "right", "rights", "dignity", "honour", "honor", "security", "immunity", "freedom",
})

#: verbs that tell a wrong done to their object ("had been punished", "trampled Kenya's sovereignty"); any
#: other verb ("had been invited", "respects Kenya's sovereignty") wrongs no one unless an act was coded at it
WRONGING_VERBS = frozenset({
    "violate", "breach", "trample", "infringe", "undermine", "ignore", "disregard", "disrespect", "flout",
    "punish", "detain", "hold", "arrest", "imprison", "jail", "kidnap", "abduct", "seize", "torture", "abuse",
    "mistreat", "harass", "persecute", "intimidate", "threaten", "attack", "invade", "occupy", "bomb", "target",
    "humiliate", "insult", "offend", "slander", "betray", "expel", "snub", "wrong", "victimise", "victimize",
    "deny", "sanction", "spy",
})

#: manners that make any verb a wrong ("had been treated unfairly", "was dealt with harshly")
WRONGING_MANNERS = frozenset({"unfairly", "unjustly", "wrongly", "wrongfully", "illegally", "unlawfully",
                              "arbitrarily", "harshly", "badly", "disrespectfully", "shamefully", "brutally"})

#: the kinds of target mention a name in the words gives (statement_targets.py), not a guess from the dispute
NAMED_KINDS = frozenset({"name", "alias", "capital", "demonym", "addressed", "pronoun"})


def wronged_in_words(token, speech_verb, act_at=lambda verb: False) -> bool:
    """Whether ``token`` (a party's word) is told as wronged in the words the speech verb reports:
    the subject of a passive clause under the verb ("said X had been punished") or the possessor of
    a thing violated ("said X's sovereignty had been trampled"), by a wronging verb or one an act was
    coded at (``act_at``)."""
    if token.dep_ == "poss" and token.head.lemma_.lower() in WRONGED_POSSESSIONS:
        token = token.head
        if token.dep_ in ("nsubjpass", "dobj", "pobj"):
            clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return clause is not None and _wrongs(clause, act_at) and (speech_verb is None or speech_verb in token.ancestors)
        return False
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ != "nsubjpass":
        return False
    clause = token.head
    return clause != speech_verb and _wrongs(clause, act_at) and (speech_verb is None or speech_verb in clause.ancestors)


def _wrongs(clause, act_at) -> bool:
    """Whether a clause tells a wrong done: a wronging verb or a coded act's, told as done."""
    return (clause.lemma_.lower() in WRONGING_VERBS or act_at(clause)
            or any(c.dep_ == "advmod" and c.lower_ in WRONGING_MANNERS for c in clause.children)) and _told_as_done(clause)




def _told_as_done(clause) -> bool:
    """Whether a clause tells something as done (not negated, not a possibility or a plan: a modal,
    "would not be sent")."""
    return not any(c.dep_ == "neg" or is_modal(c) for c in clause.children)


class WrongedParties:
    """The author of the act done to a party the words name as wronged."""

    def _instead_of_wronged(self, target: Mention | None, v_start: int, quote: tuple[int, int], own_side: set) -> Mention | None:
        """The target chosen, or the author of what was done to it where the words name it as wronged."""
        if target is None or not WRONGED_IS_ABOUT_AUTHOR:
            return target
        inside = quote[0] <= target.start < quote[1]
        at = quote[0] if inside else v_start
        return self._author_of_wrong(target, at, own_side, None if inside else verb_at(self.doc, v_start)) or target

    def _author_of_wrong(self, target: Mention, at: int, own_side: set, speech_verb) -> Mention | None:
        """For a party named in the words as wronged (``wronged_in_words``), the author outside the
        speaker's side of the latest act coded on it before ``at``, else None."""
        if target.kind not in NAMED_KINDS or target.start < at or not target.entity or None in own_side:
            return None   # (a speaker of unknown side may be the author's own: the party stays)
        span = self.doc.char_span(target.start, target.end, alignment_mode="expand")
        if span is None or not len(span) or not wronged_in_words(span.root, speech_verb, self._act_coded_at):
            return None
        acts = [e for e in self.events if e.type != "Statement" and e.agent and e.spans and e.spans[0][0] < at
                and target.entity in e.target and target.entity not in e.agent]
        if not acts or any(not self._outside(e.agent[0], own_side) for e in acts):
            return None   # the speaker's side acted on it too: its words are about the one it acted on
        # the words answer the latest act done to it; by the speaker's own side, they stay about the party
        # (an act told again, as in a headline and its lead, is as recent as its last telling)
        agent = max(acts, key=lambda e: max(start for start, _ in e.spans if start < at)).agent[0]
        if self._outside(agent, own_side) and self.gaz.entities.get(agent) is not None:
            return Mention(target.start, target.end, agent, self.gaz.entities[agent].type, target.surface, "act-author")
        return None

    def _act_coded_at(self, verb) -> bool:
        """Whether an act (not a Statement) was coded at this verb."""
        return any(e.type != "Statement" and any(start <= verb.idx < end for start, end in e.spans) for e in self.events)
