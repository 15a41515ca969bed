"""A judge's words while reading out a court's decision are that decision, not a Statement: "Reading
the verdict for three hours, Judge X said the defendant had acted without approval", "the presiding
judge, delivering the ruling, said ...".  The codebook lists court judgments and rulings among the
non-events, and the reviewed Statements never give a judge's reasons for a verdict as a remark; what
the court decided is coded as its own act (a Sentence, a Charge) where it is one.

The test reads the parse: a participle of reading out (``speech_acts.yaml``: ``reading_out``) with a
court's decision as its object (``court_decisions``), hung on the Statement's speech verb or on that
verb's subject.  Remarks told beside a verdict but not in its reading ("After the verdict, her lawyer
said ...", "the judge read the verdict; the defence said ...") stay.
"""

from __future__ import annotations

from .speech import speech_lexicon
from .tree import SUBJECTS, token_at


def reads_out_a_decision(verb) -> bool:
    """Whether the speech verb ``verb`` (or its subject) has a participle reading out a court's decision."""
    lexicon = speech_lexicon()
    reading, decisions = lexicon.reading_out, lexicon.court_decisions
    hosts = [verb, *(c for c in verb.children if c.dep_ in SUBJECTS)]
    participles = [c for h in hosts for c in h.children if c.dep_ in ("advcl", "acl") and c.lemma_.lower() in reading]
    return any(o.dep_ == "dobj" and o.lower_ in decisions for p in participles for o in p.children)


def verdicts_read(events: list, doc) -> list:
    """``events`` without the Statements whose speech verb tells a judge reading out a court's decision."""
    def read_out(event) -> bool:
        if event.type != "Statement" or event.spoken_at < 0:
            return False
        verb = token_at(doc, event.spoken_at)
        return verb is not None and reads_out_a_decision(verb)
    return [e for e in events if not read_out(e)]
