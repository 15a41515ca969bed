"""Whether a plain report tells another's act: "Togo said Ghana had expelled its ambassador", "the
minister said the cabinet had decided to cut ties with Kenya".

A reporting verb ("said", "announced") whose reported clause has, as its verb (or a conjunct, or
a verb it governs: "had decided to sever ties"), the trigger lemma of a frame whose act the
article codes (in this sentence, or elsewhere with a target the clause names), with the clause's
subject among that act's agents or an unnamed government, reports the act; the act is
coded as its own event and the report is no Statement (dev/README: a reported act is coded as the
act, the Statement only where what was said is itself the point).  ``announcements.py`` asks the
same of the speaker's own side's acts; this asks it of anyone's, whoever reports it (the act's
victim, a minister whose state the article does not give).  A clause that judges ("said it
regretted that Ghana had expelled ...", "said Chad had expelled the envoy in breach of an accord":
speech_acts.yaml's judging words) or names another actor than the act's agent as subject ("said
Ghana had broken the law") stays a Statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .actor_phrase import GOVERNMENT_WORDS
from .speech import reported_clauses, speech_class, speech_lexicon
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _denied(noun: Token) -> bool:
    """'without (any) reason', 'no explanation': the noun denied ("for security reasons" gives one)."""
    return any(c.lower_ == "no" for c in noun.children) or noun.head.lower_ == "without"


def reports_coded_act(doc: Doc, events: Iterable, frames, verb_at: int, index: int, reporting: set[str],
                      named: Callable[[Token], set]) -> bool:
    """Whether the reporting verb at ``verb_at`` (a lemma of ``reporting``) reports a clause that tells
    an act the article codes, by a trigger lemma of that act's frame among the clause's verbs, with
    words that judge nothing and every subject naming one of the act's agents, or an unnamed
    government ("said the federal government had decided to sever ties with Kenya").  The act is
    the sentence's own, or one told elsewhere whose target the clause names."""
    from .announcements import act_types, clause_verbs, not_done
    from .speech_content import added_remarks, adds_judgement
    from .statement_targets import ACT_NOUNS

    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].lemma_.lower() not in reporting or span[0].tag_ == "VBG":
        return False  # ("refused the request, saying ...": a participle after the act gives its reason)
    clauses = reported_clauses(span[0])
    verbs = [v for c in clauses for v in clause_verbs(c)]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "xcomp"]
    if not verbs or any(speech_class(v) not in (None, "report") for v in verbs):
        return False
    if not_done(verbs):
        return False  # a negated or modal clause tells no act: "said Ghana would not expel ...", "had never given"
    subjects = [c for v in verbs for c in v.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
    types = act_types(frames, verbs)
    if not subjects or not types:
        return False
    said = {t.i for c in clauses for t in c.subtree} - {t.i for s in subjects for t in s.subtree}
    # (", adding that ...": judged as added words, whether the parse hangs them on the clause or the verb)
    said -= {t.i for v in verbs for r in added_remarks(v) for t in r.subtree}
    if adds_judgement(doc, verb_at, ACT_NOUNS):
        return False
    lexicon = speech_lexicon()
    judging, denied = lexicon.judging, lexicon.judging_when_denied
    if any(speech_class(doc[i]) not in (None, "report") or doc[i].dep_ in ("acomp", "attr") and doc[i].pos_ in ("ADJ", "NOUN")
           or doc[i].lemma_.lower() in judging or doc[i].lower_ in judging
           or doc[i].lemma_.lower() in denied and _denied(doc[i]) for i in said):
        return False  # "said Ghana had expelled its envoy, which was unacceptable", "... in breach of": a judgement said too
    named_in_clause = set().union(*(named(doc[i]) for i in said))
    for e in events:
        if e.type not in types:
            continue
        if not (index in e.sentences or set(e.target) & named_in_clause):
            continue
        if all(named(s) & set(e.agent) or not named(s) and s.lemma_.lower() in GOVERNMENT_WORDS for s in subjects):
            return True
    return False
