"""Organisations the article names only as the speaker of a speech verb, or as the subject of the clause
one reports: "Hezbollah said Rabat was acting under pressure", "Hamas rejected the plan", "the Taliban
denounced the move", "Tehran said the Taliban bore full responsibility".

A proper name the recogniser takes for an organisation, the subject of a speech verb, that no rule
of names.py minted and the gazetteer does not know, is an organisation of its own (a movement, a
party, an armed group): minted so that its words can be coded as its Statement.  A name with a
possessor or a known name inside it ("India's Ministry", "the Kremlin"), an organ's or a seat's
word ("the Foreign Office", "the White House"), or a lowercase word is left to the organ rules; a name
the article gives once is a source in passing (a company, an agency), not an actor of the story, unless
the article introduces it by a body's noun in apposition ("the FLNKS, the main pro-independence alliance").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import tree
from .coref_lexicon import BODY_NOUNS, NAMED_BODY_HEADS
from .name_words import ORG_HEADS
from .speech import speech_class

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the words of an organ's or a seat's name: "the Foreign Office", "the White House" (the organ rules' own)
ORGAN_NAME_WORDS = frozenset({"ministry", "office", "department", "house", "council", "committee", "court",
                              "police", "service", "agency", "army", "forces", "government", "embassy",
                              "parliament", "assembly", "congress", "senate", "duma", "rada", "kremlin", "yard"})
#: joining words a name may hold ("Movement for Democratic Change", "Party of Regions")
JOINING = frozenset({"of", "for", "and", "the"})
#: how often the article names it: an actor the story follows, not a source quoted in passing
#: (measured: once was enough for one more false alarm on the held-out half)
MENTIONS_NEEDED = 2
#: how a news organisation is told: the source of a report, not an actor ("told Reuters", "according to
#: Al Jazeera", "quoted by the BBC", "Reuters reported")
SOURCE_BEFORE = r"(?:\btold|\baccording\s+to|\bquoted\s+by|\breported\s+by|\binterview\s+with)\s+(?:the\s+)?"
SOURCE_VERBS = frozenset({"report"})
#: the longest name read so (words)
MOST_WORDS = 5
#: nouns of a body that, in apposition to the name, introduce it as an actor of the story however often
#: it is named ("the FLNKS, the main pro-independence alliance, said", "the ruling party, Kanak Unity,
#: accused"): coref.yaml's bodies and named bodies' heads (measured: rules +1 tp, held-out flat)
DESCRIBING_BODY_NOUNS = frozenset(BODY_NOUNS | NAMED_BODY_HEADS)
#: a relative clause set off by a comma after the name ("the X Front, which seeks independence, said")
#: introduces it as an actor of the story however often it is named, as a body's noun in apposition does
NONRESTRICTIVE_INTRODUCES = True
#: a demonym opening a name of three words or more ("the Croatian Democratic Union") is a word of it?
PARTY_DEMONYMS = True
#: the head words of a party's, a movement's or an alliance's name (name_words.ORG_HEADS' parties and more)
PARTY_HEADS = frozenset({w for w, kind in ORG_HEADS.items() if kind == "PoliticalParty"}
                        | {"union", "alliance", "coalition", "league"})
#: the relative words of such a clause (a body's: "which", "that"; "who" for a group told as people)
RELATIVE_WORDS = frozenset({"which", "who", "that"})


def organisations_heard(doc: Doc, known) -> list[str]:
    """The names of organisations that speak in ``doc`` and that ``known`` (the gazetteer's surfaces) lacks."""
    found: list[str] = []
    text = None   # Doc.text joins every token anew: once, and only for a candidate
    for token in tree.tokens(doc):
        # (the cheap tests first: a proper noun the recogniser calls an organisation, a verb's subject)
        if token.pos_ != "PROPN" and not (token.text.isupper() and len(token.text) > 1):
            continue
        # ("the ruling party, Kanak Unity, accused": the name in apposition to the speaking body's noun)
        subject = token.head if token.dep_ == "appos" and _describes_body(token.head) else token
        described = subject.i != token.i or any(c.dep_ == "appos" and _describes_body(c) for c in token.children)
        # ("the Polisario Front, which seeks independence, said": a clause set off by commas introduces it)
        clause = _nonrestrictive_relative(token)
        introduced = NONRESTRICTIVE_INTRODUCES and clause is not None
        # ("... the Workers' Party, which called the arrest a reprisal": the relative pronoun speaks for it)
        subject = _relative_speaker(clause) or subject
        # (a name described as a body is one whatever the recogniser and the tagger make of it: "Kanak Unity"
        # a PERSON, "FLNKS" a plural noun with no label)
        # (a party's name set off by a relative clause is one whatever label the recogniser gives it:
        # "the Polisario Front" a work of art)
        party = introduced and token.pos_ == "PROPN" and token.lower_ in PARTY_HEADS \
            and token.ent_type_ not in ("PERSON", "GPE", "NORP")
        if not party and (not described and (token.ent_type_ != "ORG" or token.pos_ != "PROPN")
                          or described and token.ent_type_ not in ("ORG", "PERSON", "")):
            continue
        if subject.dep_ != "nsubj" or (speech_class(subject.head) is None and not _reported_subject(subject)):
            continue
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if entity is None and not described:
            continue
        span = entity if entity is not None else [c for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token]
        words = [t for t in span if not (t.i == span[0].i and t.lower_ == "the")]
        name = doc[words[0].i:words[-1].i + 1].text if words else ""
        if not name or name in known or name in found or len(words) > MOST_WORDS or subject.head.lemma_ in SOURCE_VERBS:
            continue
        told, text = re.escape(name), tree.doc_text(doc) if text is None else text
        if len(re.findall(rf"\b{told}\b", text)) < (1 if described or introduced else MENTIONS_NEEDED) \
                or re.search(SOURCE_BEFORE + told + r"\b", text):
            continue
        if any(t.lower_ in ORGAN_NAME_WORDS or t.tag_ == "POS" and not _inner_possessive(t, words)
               or t.text in known and not _party_demonym(t, words, known)
               or not t.text[:1].isupper() and t.lower_ not in JOINING and t.tag_ != "POS" for t in words):
            continue
        found.append(name)
    return found


def _nonrestrictive_relative(token):
    """The relative clause set off by a comma that ``token``, a name, heads ("the Polisario Front, which
    seeks independence, ..."), or None."""
    return next((c for c in token.children if c.dep_ == "relcl" and c.i > token.i
                 and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
                 and c.left_edge.lower_ in RELATIVE_WORDS), None)


def _relative_speaker(clause):
    """The relative pronoun, subject of a speech verb, of ``clause``, the relative clause set off after a
    name ("the Workers' Party, which called the arrest a reprisal"), standing in as the name's subject
    token (its head the speech verb), or None."""
    if clause is None or speech_class(clause) is None:
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ in RELATIVE_WORDS), None)


def _party_demonym(token, words, known) -> bool:
    """'the Croatian Democratic Union', 'the Peruvian Workers' Party': a demonym opening a name of three
    words or more is a word of the name (a state's parties are not its organs), not whose organ it is."""
    return PARTY_DEMONYMS and token.i == words[0].i and len(words) >= 3 \
        and any(kind == "demonym" for _, kind in known.get(token.text, ()))


def _inner_possessive(token, words) -> bool:
    """'the People's Revolutionary Party', 'the Workers' Party': a possessive inside the name (after its
    second word at the earliest, or after a plural), not an owner's ("Sambi's Juwa party")."""
    return token.i - words[0].i >= 2 or token.i > 0 and token.doc[token.i - 1].tag_ == "NNPS"


def _reported_subject(token) -> bool:
    """'the ministry said the Taliban bore full responsibility': the subject of a clause a speech verb
    reports is an actor the words are about, as a speaker is one who speaks."""
    clause = token.head
    return clause.dep_ == "ccomp" and speech_class(clause.head) is not None


def _describes_body(noun) -> bool:
    """'the ruling party', 'the main pro-independence alliance': a common noun of a body (not a name)."""
    return noun.pos_ == "NOUN" and noun.is_lower and noun.lemma_.lower() in DESCRIBING_BODY_NOUNS
