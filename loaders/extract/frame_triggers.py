"""Whether a token triggers a frame: the checks of one trigger of ``frames.yaml`` on a token (its part
of speech, the words it needs or must not have, negation, subject, an act named by a noun enacted or
reported).  Apart from frames.py, which fills the roles of the clauses that pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    attempted_acts,
    descriptive_nouns,
    envoys,
    frame_file,
    modality,
    nominal,
    reciprocity,
    structure,
    tree,
)
from .asides import without_asides
from .declared_envoys import declared_object
from .envoys import ENVOY_LEMMAS
from .language import english_words
from .partitives import is_part
from .told_before import (
    has_words,
    mission_told_before,
    needs_told_before,
    place_told_before,
)
from .world import DEMONYM_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions


#: plural nouns that name the two parties of a relation told before: "the two countries", "both governments"
PARTY_NOUNS = frozenset({"country", "nation", "state", "government", "side", "neighbour", "neighbor", "capital"})
#: the ground an act is done on, after a preposition of place: never what the act is done to ("arrested him
#: on Russian territory", "detained her in the town of X": not a seizure of a town)
WHERE_NOUNS = frozenset({"territory", "soil", "land", "waters", "ground", "city", "town", "village", "province",
                         "district", "region"})
WHERE_PREPOSITIONS = frozenset({"on", "in", "inside", "within", "onto"})
#: where going goes ("to go to the ministry") and what leaving leaves as a departure ("leave the country")
DESTINATION_PREPOSITIONS = frozenset({"to", "into", "toward", "towards"})
LEFT_PLACES = WHERE_NOUNS | {"country", "nation", "republic", "state", "capital", "city", "kingdom"}
#: prepositions of a named place an act was done at ("at Gamboru, a border town", "near Kano, a city in the north")
AT_PLACE = frozenset({"at", "in", "near", "outside", "inside"})


def _describes_place(token: Token) -> bool:
    """Whether a token is in an apposition on a named place after "at", "in", "near" ("a border town")."""
    for t in (token, *token.ancestors):
        if t.dep_ == "appos":
            place = t.head
            return place.pos_ == "PROPN" and place.dep_ == "pobj" and place.head.lower_ in AT_PLACE
        if t.dep_ not in ("det", "amod", "compound", "prep", "pobj", "nmod"):
            return False
    return False
#: the envoy words a trigger may need that an envoy told before stands for (not "charge": written without its
#: accent it is the legal word too, "held on charges")
ENVOY_NEEDS = ENVOY_LEMMAS - {"charge"}
#: verbs of letting, whose own complement is what is let happen ("let her leave", "allow him to travel")
LETTING = frozenset({"let", "allow", "permit"})


def _needed_words(token: Token, local: list[Token], needs: tuple[str, ...]) -> list[Token]:
    """The words a trigger's needs are read in.  A noun's needed preposition is its own and names a party,
    not a thing of that party's: "Kenya's break with Tanzania", not "a break in the talks with Tanzania"
    nor "Germany's break with Russian gas"."""
    if token.pos_ != "NOUN":
        return local
    return [t for t in local if t.pos_ != "ADP" or t.lower_ not in needs or (t.head.i == token.i and not any(
        o.dep_ == "pobj" and o.pos_ == "NOUN" and any(a.dep_ == "amod" and a.lower_ in DEMONYM_WORDS for a in o.children)
        for o in t.children))]


def copula(token: Token) -> bool:
    """A form of "be" that heads its clause, no auxiliary: "she is in custody", "has been behind bars
    since 2020" (a verb trigger on "be" reports a state the act left: a frame says which words it needs)."""
    return token.pos_ == "AUX" and token.lemma_ == "be" and token.dep_ not in ("aux", "auxpass")


def triggered(frame: frame_file.Frame, token: Token, enacting: frozenset[str],
               index: TokenMentions | None = None, memo: dict | None = None) -> frame_file.Trigger | None:
    """``memo``: the token's own words, kept across the frames tried on one token (the parse is final)."""
    memo = {} if memo is None else memo
    lemma = token.lemma_.lower()
    for trig in frame.triggers:
        if lemma not in trig.lemmas and token.lower_ not in trig.lemmas:
            continue
        if trig.pos == "verb" and token.pos_ != "VERB" and not copula(token):
            continue
        if trig.attempted and not attempted_acts.realised(token):
            continue   # "in an attempt to overthrow X": only as the aim of an attempt made (attempted_acts.py)
        if trig.joined_to and not _joined_to(token, trig.joined_to):
            continue   # "kept relations at chargé level" alone tells no reduction
        if trig.pos == "noun":
            if token.pos_ != "NOUN":
                continue
            enacted = (first := nominal.enacted_as(token)).head.lemma_.lower() in enacting and first.dep_ in ("dobj", "nsubjpass")
            # "the coup attempt against X failed": an attempt made, come to nothing, is the act (a coup attempt)
            enacted = enacted or (first.dep_ == "nsubj" and first.head.lemma_.lower() in trig.failing)
            # (a request answered was made: "X's request was rejected by Peru")
            enacted = enacted or (trig.mentioned and "target" in frame.roles and "answerer" in frame.roles["target"].paths
                                  and nominal.answering_verb(token) is not None)
            if not enacted and not (trig.mentioned and modality.reported_by_noun(token, ("of",) + trig.mentioned_with)) \
                    and not (trig.describes and descriptive_nouns.described(token) is not None) \
                    and not (frame.reciprocal and reciprocity.between_nominal(token)
                             and modality.reported_by_noun(token, ("of", "in"))) \
                    and not (nominal.agent(token) is not None and (
                        any(tree.prep_objects(token, p) for p in ("of",) + trig.mentioned_with) or _acted_on_by(token) or any(
                        o.lemma_.lower() in ("relation", "tie") for o in tree.prep_objects(token, "in")))
                        and not modality.asked_for_noun(token)) \
                    and not (nominal.mutual_parties(token, PARTY_NOUNS) and modality.reported_by_noun(token)) \
                    and not ("prep:from" in frame.roles["agent"].paths and nominal.left_place(token) is not None
                             and modality.reported_by_noun(token)):  # "the expulsion of Iraqi envoys from Washington"
                continue  # "the recognition of Kosovo by Peru", "Peru's recognition of Kosovo": the noun names its own act
            if not enacted and nominal.unrealised(token):
                continue  # "a possible Swedish recognition of X", "the threat of a recall of its envoy"
        if "local" not in memo:   # not the "its" of "for its part" (asides.py)
            memo["local"] = without_asides(structure.local_tokens(token))
        local = memo["local"]
        # (or "him", "the envoy" for an envoy told before: "... and gave him 72 hours to leave"; looked up once)
        # (or an envoy by name: "Turkey recalled Botsalı", the ambassador to Cairo the article named)
        envoy_told: list[bool] = []   # (a list, not functools.cache: this runs for every trigger tried)

        def envoy_before(envoy_told: list[bool] = envoy_told) -> bool:
            if not envoy_told:
                envoy_told.append(envoys.object_told_before(token, index) is not None or _posted_envoy(token, index))
            return envoy_told[0]
        # ("kind:election" in needs: that word says what the trigger noun is, "election campaign", "campaign
        # for the presidency"; not a word anywhere in its phrase, "campaign for reform before the election")
        # (the needed words the trigger's own, not a relative clause's on one of its arguments: "arrested X on a
        # request from Y, which wants him on fraud charges" names no charges of the arrest)
        if trig.needs and "needs_read" not in memo:
            memo["needs_read"] = without_asides(structure.local_tokens(token, relative_clauses=False))
        if trig.needs and not has_words(_needed_words(token, memo["needs_read"], trig.needs), trig.needs) \
                and not _of_kind(token, trig.needs) \
                and not needs_told_before(token, local, trig.needs) \
                and not (ENVOY_NEEDS & set(trig.needs) and envoy_before()) and not mission_told_before(token, trig.needs) \
                and not place_told_before(token, trig.needs):
            continue
        # (or on the object of the complement or of an infinitive: "ordered them to withdraw their
        # diplomats", "gave them 72 hours to withdraw its diplomats")
        # (or of a complement clause: "has not decided whether to grant her a safe conduct")
        # (or the verb of an infinitive on the object: "set a deadline for the envoys to leave")
        # (or the verb this one is conjoined to, with its particles: "troops burst in and led him off")
        on_object = _object_infinitive(token)
        # (or the verb the complement lets happen: "refused to let her leave", "declined to allow him to travel")
        if trig.also and not has_words(local + [c for x in local if x.head.i == token.i and (x.dep_ in ("xcomp", "ccomp") or (
                                               x.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)))
                                           for c0 in x.children if c0.dep_ == "dobj"
                                           or (c0.dep_ in ("ccomp", "xcomp") and x.lemma_.lower() in LETTING)
                                           for c in _with_group(c0)]
                                       + on_object[:1], trig.also) \
                and not (ENVOY_NEEDS & set(trig.also) and envoy_before()) \
                and not (token.dep_ == "conj" and token.head.pos_ == "VERB" and has_words(
                    [token.head] + [c for c in token.head.children if c.dep_ in ("prt", "advmod", "prep")], trig.also)):
            continue
        # (not in a relative clause on an argument: "... from countries that had questioned the result")
        if trig.unless and "own" not in memo:
            memo["own"] = structure.local_tokens(token, relative_clauses=False)
            # (and where the complement verb goes: "told the envoy to go ahead", "to go to the ministry")
            memo["own"] += [w for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                            for w in _complement_words(c)]
        own = memo["own"] if trig.unless else local
        # (not the trigger's own complementizer: "said that Caracas was withdrawing its staff")
        own = [t for t in own if not (t.dep_ == "mark" and t.head.i == token.i)]
        # (nor a demonstrative: "That day Turkey recalled its ambassador" is no "recalled that ...")
        own = [t for t in own if not (t.dep_ == "det" and t.lower_ == "that")]
        # (nor a word of a place's or a body's name: "arrested her in Ho Chi Minh City", "near the White House")
        own = [t for t in own if not (t.pos_ == "PROPN" and (t.dep_ in ("compound", "flat")
                                                              or any(c.dep_ in ("compound", "flat") for c in t.children)))]
        # (nor the ground an act was done on: "arrested him on Russian territory", "in Chinese waters")
        own = [t for t in own if not (t.dep_ == "pobj" and t.lemma_.lower() in WHERE_NOUNS and t.head.dep_ == "prep"
                                      and t.head.lower_ in WHERE_PREPOSITIONS and t.head.head.i == token.i)]
        # (nor what a place it was done at is, in apposition: "arrested him at Gamboru, a border town")
        own = [t for t in own if not _describes_place(t)]
        # (nor a clause of the time it was done at: "detained minutes after landing from Berlin")
        own = [t for t in own if not _in_time_clause(t, token)]
        # (nor in that infinitive: "set a deadline for the troops to leave")
        # (and the verb over a noun trigger, unless the noun is its subject: "ordered his arrest", "the raid
        # was prevented"; not "the raid prevented X from leaving")
        over = [token.head] if trig.pos == "noun" and token.dep_ not in ("nsubj", "csubj") else []
        if trig.unless and has_words(own + over + on_object[1:], trig.unless):
            continue
        # ("kind:asylum": that word says what a needed noun is, "an asylum request", "a request for asylum",
        # "a request to extradite her"; not a word of who made it, "the request of the asylum seeker")
        if trig.unless and any(_of_kind(t, trig.unless) for t in own if t.lemma_.lower() in trig.needs or t.lower_ in trig.needs):
            continue
        # ("at:request": that noun as the object of that preposition, "at the ambassador's request";
        # "from:recognise": that gerund, "stopped Serbia from recognising Kosovo")
        if trig.unless and any(t.dep_ in ("pobj", "pcomp") and f"{t.head.lower_}:{t.lemma_.lower()}" in trig.unless for t in own):
            continue
        # ("object:trial": that noun as the trigger's own object, "condemned the trial", not "after a trial")
        # ("object:*": any object, "ran the central bank for a term")
        # (or what the object is said to be, in apposition: "seized Kherson, a port city")
        # (a noun trigger's object is its "of" phrase: "the removal of her immunity", "the dismissal of his appeal")
        if trig.unless and any(any(f"object:{o.lemma_.lower()}" in trig.unless or "object:*" in trig.unless
                                   for o in (t, *(a for a in t.children if a.dep_ == "appos")))
                               for t in (tree.prep_objects(token, "of") if trig.pos == "noun" else
                                         [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")])):
            continue
        # ("subject:uprising": that noun as the act's logical subject, "the uprising toppled him", "was
        # ousted by protesters": no organ of a state acted)
        if trig.unless and any(w.startswith("subject:") for w in trig.unless) and token.pos_ == "VERB" \
                and (subject := structure.logical_subject(token)) is not None \
                and f"subject:{subject.lemma_.lower()}" in trig.unless:
            continue
        # ("under:let": the trigger is that verb's complement, what is let happen and need not have happened:
        # "a referendum that let X run for two more terms", "allows X to seek a third term")
        if trig.unless and token.pos_ == "VERB" and token.dep_ in ("xcomp", "ccomp") \
                and f"under:{token.head.lemma_.lower()}" in trig.unless:
            continue
        # ("goes:elsewhere": the going or leaving the trigger needs is not a departure from the country)
        if trig.unless and "goes:elsewhere" in trig.unless and any(
                c.lemma_.lower() in trig.needs and not departs(c) for c in _infinitives(token)):
            continue
        # ("no" on its subject or object negates it too where the negation is the act: "no safe conduct will be issued")
        # (or on "going" of "is not going to recognise")
        if trig.negated != (modality.negated(token) or (trig.negated and (
                modality.not_yet(token) or _no_argument(token) or modality.negated_going_to(token)))):
            continue
        if trig.object and not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in trig.object for c in token.children):
            continue   # "withheld recognition from X" (not "denied reports that it had withdrawn recognition")
        if trig.subject:
            subject = structure.logical_subject(token) if token.pos_ == "VERB" or copula(token) else nominal.agent(token)  # "the accusation by prosecutors"
            if subject is None:  # "nobody" in the list: an agentless passive ("she was accused of fraud")
                if not ("nobody" in trig.subject and token.pos_ == "VERB" and structure.is_passive(token)):
                    continue
            elif not has_words(_subject_words(subject), trig.subject) and not (
                    ENVOY_NEEDS & set(trig.subject) and envoys.told_before(subject, index) is not None):
                continue   # ("told the ambassador that he had 72 hours to leave": "he" the envoy told before)
        return trig
    return None


def departs(verb: Token) -> bool:
    """'to go', 'to go home', 'leave the country', 'leave La Paz': going with no destination but home or
    back, leaving with no object but a place, and no second verb ("to go and see the minister", "to go
    to Addis Ababa", "leave their cars at the gate", "leave the meeting room" tell no departure)."""
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return False
    if verb.lemma_.lower() == "go":
        backs = [c for c in verb.children if c.dep_ in ("advmod", "prt") and c.lower_ in english_words("away_particles")]
        # ("to go back to work": going back, but to somewhere other than home or a state, is no leaving)
        destinations = [g for holder in [verb, *backs] for c in holder.children
                        if c.dep_ == "prep" and c.lower_ in DESTINATION_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
        if backs:
            return all(_home_or_state(g) for g in destinations)
        return not any(c.dep_ == "prep" and c.lower_ in DESTINATION_PREPOSITIONS for c in verb.children)
    # (a proper name left is a place: "leave Lomé", which the tagger may call a person)
    return all(o.lemma_.lower() in LEFT_PLACES or o.ent_type_ in ("GPE", "LOC") or o.pos_ == "PROPN"
               for o in verb.children if o.dep_ == "dobj")


def _home_or_state(place: Token) -> bool:
    """Whether a place gone back to is home or a state ("back to Togo", "back to their country")."""
    return place.lower_ == "home" or place.lemma_.lower() in LEFT_PLACES or place.ent_type_ in ("GPE", "LOC") or place.pos_ == "PROPN"


def _infinitives(verb: Token) -> list[Token]:
    """The verb's complements, and the infinitive of a deadline given ("gave him an hour to go to the
    ministry")."""
    return [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")] + tree.deadline_infinitives(verb)


def _complement_words(verb: Token) -> list[Token]:
    """A complement verb's particles, adverbs and prepositions with their objects (not its object), and
    its conditions' subordinators: where it goes ("to go ahead", "to go to the ministry") and on what
    condition, which the trigger's own words leave out."""
    words = [c for c in verb.children if c.dep_ in ("prt", "advmod", "prep")]
    # (and the condition put on it: "demanded that the envoys leave if the raids went on")
    return words + [g for w in words if w.dep_ == "prep" for g in w.children if g.dep_ == "pobj"] + [
        m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"]


def _no_argument(verb: Token) -> bool:
    """'no safe conduct will be issued', 'will grant no safe conduct' (not "neither ... nor": a list)."""
    return verb.pos_ == "VERB" and any(g.lower_ == "no" and g.dep_ == "det" for a in verb.children
                                       if a.dep_ in ("nsubj", "nsubjpass", "dobj") for g in a.children)


def _in_time_clause(word: Token, trigger: Token) -> bool:
    """Whether a word is inside a clause that says when the trigger's act was done ("after landing",
    "minutes after landing", "before fleeing the country"): a preposition of time on the trigger (or on
    its measure) whose object is a verb."""
    for above in (word, *word.ancestors):
        if above.i == trigger.i:
            return False
        if above.dep_ == "pcomp" and above.pos_ == "VERB" and above.head.lower_ in structure.BEFORE_AFTER:
            on = above.head.head
            return on.i == trigger.i or (on.dep_ == "npadvmod" and on.head.i == trigger.i)
    return False


def _acted_on_by(noun: Token) -> bool:
    """'the raid on the embassy by police': an act noun's "on"/"into" object, with its own "by" agent,
    tells the act as well as its "of" object does."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in noun.children) \
        and any(o.ent_type_ not in ("DATE", "TIME") for p in ("on", "into") for o in tree.prep_objects(noun, p))


def _joined_to(verb: Token, lemmas: tuple[str, ...]) -> bool:
    """'withdrew its ambassador, leaving relations at ...', 'recalled its ambassador and kept relations
    at ...': ``verb`` conjoined to one of ``lemmas``, or a participle or clause on it (or it on ``verb``)."""
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.lemma_.lower() in lemmas:
        return True
    return any(c.dep_ in ("conj", "advcl") and c.lemma_.lower() in lemmas for c in verb.children)


def _with_group(word: Token) -> list[Token]:
    """A word and, where it is a count of a group, the group: "to send home 23 of its diplomats" has its
    diplomats (a count alone names nothing a trigger needs)."""
    if word.pos_ != "NUM" and not is_part(word):
        return [word]
    return [word] + [g for of in word.children if of.dep_ == "prep" and of.lower_ == "of"
                     for g in of.children if g.dep_ == "pobj"]


def _object_infinitive(verb: Token) -> list[Token]:
    """'set a deadline for the envoys to leave': the infinitive on the verb's object (first) and the words
    of its clause, or of the "for" phrase the parser hung its subject in; [] when there is none."""
    if verb.pos_ != "VERB":
        return []
    for obj in tree.children(verb, ("dobj",)):
        for clause in (c for c in obj.children if c.dep_ in ("advcl", "acl") and c.pos_ == "VERB"):
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
                return [clause] + [t for t in clause.subtree if t != clause] + [
                    t for p in obj.children if p.dep_ == "prep" and p.lower_ == "for" for t in p.subtree]
    # ("for the ambassador to leave" hung on the verb: its subject in "for" on the object, or its own with "for")
    clause = next((c for c in verb.children if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if clause is None:
        return []
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return [clause] + [t for t in clause.subtree if t != clause]
    fors = [t for obj in tree.children(verb, ("dobj",)) for p in obj.children if p.dep_ == "prep" and p.lower_ == "for" for t in p.subtree]
    return [clause] + fors if fors else []


def _posted_envoy(verb: Token, index: TokenMentions | None) -> bool:
    """Whether the verb's object is a person by name whose post the article gave as an envoy's to a
    state ("France recalled Meyer" after "the French ambassador, Christian Meyer")."""
    if index is None or index.envoy_person is None or verb.pos_ != "VERB":
        return False
    for obj in tree.children(verb, ("dobj", "nsubjpass")):
        mention = index.at(obj) if obj.pos_ == "PROPN" else None
        # (whose state the article tells: the one recalled from or expelled is then known)
        if mention is not None and mention.type == "Person" and index.envoy_person(mention.entity) \
                and any(f[1] is not None for f in index.fill(obj, ["state"])):
            return True
    # (or one whose host the article told by declaring or expelling them: "Ambassador X was declared persona
    # non grata ... Turkey recalled X": the recall's other party is known, the envoy's state untold)
    return declared_object(verb, index) is not None


def _subject_words(subject: Token) -> list[Token]:
    """The words that say who a subject is: itself, its apposition, and the words naming it ("the
    attorney general's office", "the Public Ministry"), in their order."""
    words = [subject] + [c for c in subject.children if c.dep_ in ("appos", "compound", "amod", "poss")]
    words += [g for c in subject.children if c.dep_ == "poss" for g in c.children if g.dep_ == "compound"]
    # (a title in a chain of compounds before the name: "Attorney General Tarek William Saab"; or before the
    # head of the apposition: "X, the prosecutor general of Peru")
    stack = [c for c in words if c.dep_ in ("compound", "appos")]
    while stack:
        more = [g for g in stack.pop().children if g.dep_ == "compound"]
        words += more
        stack += more
    return sorted(set(words), key=lambda t: t.i)


def _of_kind(noun: Token, words: tuple[str, ...]) -> bool:
    """Whether one of the "kind:" words says what the noun is."""
    if not any(w.startswith("kind:") for w in words):
        return False   # (most word lists have none: no walk over the noun's children)
    return any(f"kind:{k.lemma_.lower()}" in words or f"kind:{k.lower_}" in words for k in _kind_words(noun))


def _kind_words(noun: Token) -> list[Token]:
    """The words that say what a noun is: its compounds and adjectives, its "for" object, its infinitive."""
    return [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
            or (c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))] \
        + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ in ("pobj", "pcomp")]
