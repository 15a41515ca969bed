"""Plain walks over a dependency parse that every layer above uses: a token's children by relation,
the objects of a preposition, and a list fanned out into its conjuncts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .parse_memo import per_token
from .split_lists import split_lists

if TYPE_CHECKING:
    from spacy.tokens import Token


#: reflexive pronouns, for the layers that read them ("called themselves", "Kadyrov himself", "called himself")
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
#: verbs that give someone a thing: "granted X asylum" has X for its dative, "granted her asylum"'s "her" is
#: the one given to (coref.py, repairs.py)
GIVING_LEMMAS = frozenset({"give", "grant", "offer", "extend", "accord", "award", "afford", "deny", "issue", "provide"})

#: the subject relations (active and passive nominal subjects): the one set every layer reads a clause's subject by
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: subjects for the salience of a mention (coref): a clausal subject heads its clause as a nominal one does
ANY_SUBJECTS = SUBJECTS | {"csubj", "csubjpass"}
#: whatever fills a verb's subject slot, "there" included: a verb with one has a subject of its own, so a
#: heading before it ("Turkey: Condemns ...") or a fronted name is not its subject (line_headings, fronted)
SUBJECT_SLOT = SUBJECTS | {"csubj", "expl"}

#: the tagger's entity kinds whose words name a party that may act (a person, a state, its people, an
#: organisation): one registry for ellipsis, clause_subjects and repeated_acts
ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


_TOKENS: list = [None, []]   # the last doc walked whole, and its tokens


def tokens(doc) -> list[Token]:
    """The doc's tokens as one list, made once per doc: the passes over a whole article each built
    every token anew (a token is a view of the parse, so the parse's repairs show through it)."""
    if _TOKENS[0] is not doc or len(_TOKENS[1]) != len(doc):
        _TOKENS[0], _TOKENS[1] = doc, list(doc)
    return _TOKENS[1]


_TEXT: list = [None, ""]   # the last doc whose text was read, and that text


def doc_text(doc) -> str:
    """The doc's text, joined once per doc: spaCy joins every token anew on each access of ``Doc.text``,
    and the timeline, the frames and the pronouns each read it."""
    if _TEXT[0] is not doc:
        _TEXT[0], _TEXT[1] = doc, doc.text
    return _TEXT[1]


def token_at(doc, at: int) -> Token | None:
    """The token at character offset ``at`` of ``doc`` (the one it falls in), or None."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def children(token: Token | None, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps] if token is not None else []


def deadline_infinitives(verb: Token) -> list[Token]:
    """The infinitive of a time given ("were given 72 hours to leave Mali", "gave him an hour to go to the
    ministry"): the parser hangs it on the verb as a clause of purpose, or on the time given (its object, or
    a bare noun phrase of time) as its clause."""
    return [c for c in verb.children if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)] + [
        g for o in children(verb, ("dobj", "npadvmod")) for g in o.children if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB"]


def prep_objects(token: Token | None, preposition: str) -> list[Token]:
    """Objects of a preposition on a token ("with Chile"), also through a particle ("broke off ... with")."""
    if token is None:
        return []
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == preposition \
                and not any(g.dep_ == "neg" and g.i < child.i for g in child.children):   # ("..., not from Bogotá")
            out += [g for g in child.children if g.dep_ == "pobj"]
        # "called its ambassador back from Quito", "pulled its envoy out of Chad" (out of: from)
        if child.lower_ in PARTICLES and child.dep_ in ("advmod", "prt", "prep"):
            wanted = ("of", "from") if preposition == "from" and child.lower_ == "out" else (preposition,)
            out += [g for c in child.children if c.dep_ == "prep" and c.lower_ in wanted for g in c.children if g.dep_ == "pobj"]
    if token.doc.lang_ != "en":  # Universal Dependencies: the preposition is a 'case' child of its noun
        out += [c for c in token.children if c.dep_ in ("obl", "nmod", "obj", "iobj")
                and any(g.dep_ == "case" and g.lower_ == preposition for g in c.children)]
    return out


#: adverbs and particles a verb's prepositional phrase may hang on ("back from Quito", "out of Chad")
PARTICLES = frozenset({"back", "home", "out", "away", "off"})


@per_token("iterator")
def fan_out(token: Token, split: bool = True) -> Iterator[Token]:
    """A list fans out: "France, Germany and Spain" gives each conjunct; "the chargé, Yao, and the
    consul, Xu" too, where the parser hung the second on the first one's apposition (``split``: and the
    rest of a list the parser split, ``split_lists.split_lists``)."""
    yield token
    # ("expelled the French ambassador but not the German one": a negated conjunct is no member)
    conjuncts = [c for c in token.conjuncts if c != token and not negated_conjunct(c)]
    if not conjuncts:
        # "Canada, Brazil and Colombia": a list of names the parser made an apposition with conjuncts
        # ("13 diplomats: seven from Germany, four from France ...": a breakdown by counts, the first count too)
        conjuncts = [c for a in token.children if _apposed_member(token, a) and not former_name(a) and not negated_conjunct(a) for c in
                     ([a] if a.i > token.i and (a.pos_ == "PROPN" and (token.pos_ == "PROPN" or _plural_noun(token))
                                                or a.pos_ == "NUM" and _plural_noun(token) and a.conjuncts) else [])
                     + list(a.conjuncts)
                     if c.i > a.i or c == a]
    if not conjuncts and token.pos_ == "PROPN" and token.ent_type_:
        # "Olga Ivanova and Pavel Sidorov were sentenced": the parser hung the name's last word on its
        # first and the list on that word; the list is the whole name's
        conjuncts = [c for t in _own_name(token) for c in t.conjuncts if c.i > t.i and not negated_conjunct(c)]
    if _plural_noun(token):
        # "seven countries: Argentina, Chile, Costa Rica and Peru": the parser hangs a later name on an
        # earlier one as its apposition, the rest of the list on that one
        conjuncts += [m for c in list(conjuncts) for m in _listed_appositions(c) if m not in conjuncts]
    elif token.pos_ == "PROPN" and conjuncts:
        # "arrested A, B, C and D": the parser may hang each name on the one before as its apposition, the
        # last by "and"; a chain of names that ends so is one list
        conjuncts += [m for m in _apposed_names(conjuncts[-1]) if m not in conjuncts]
    if conjuncts and token.dep_ in SUBJECTS:
        # "Chad, Gabon and Niger expelled ...": the parser may hang the list's first names on the verb
        conjuncts = _names_before_subject(token) + conjuncts
    # "Adel Nasser and his son Karim": a described member is the person its apposition names, once
    yield from (named_member(c) for c in conjuncts)
    if split:
        yield from split_lists(token)


def _own_name(token: Token) -> list[Token]:
    """The other words of the named entity a name's word is in that the parser hung under it, after it (or
    beside it, with its relation: "charged Park Min-jun and ..." read as three objects, "Min", "-", "jun")."""
    if token.ent_iob_ not in ("B", "I"):
        return []
    out = []
    for t in token.doc[token.i + 1:]:
        if t.ent_iob_ != "I":
            break
        if t.head.i == token.i or t.head in out or (t.head == token.head and t.dep_ == token.dep_):
            out.append(t)
    return out


def negated_conjunct(conjunct: Token) -> bool:
    """'A but not B', 'A, not B' (also a second subject: 'Peru, not Chile, recalled'): a nominal conjunct its
    own 'not' negates."""
    # (or the "not" the parser hung on the list's head: "Ghana, not Togo, expelled", Togo an apposition)
    return conjunct.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and (any(
        c.dep_ == "neg" and c.i < conjunct.i for c in conjunct.children) or (
        conjunct.left_edge.i > 0 and conjunct.doc[conjunct.left_edge.i - 1].dep_ == "neg"))


def _listed_appositions(member: Token) -> list[Token]:
    """The names a list member of a plural noun carries as appositions of the same kind ("Argentina,
    Chile, ..." read as "Argentina" with "Chile" in apposition), with their conjuncts."""
    out = []
    for a in member.children:
        if _listed_after_comma(a) and a.pos_ == "PROPN" and a.i > member.i and a.ent_type_ and a.ent_type_ == member.ent_type_ \
                and not former_name(a):
            out += [a, *(c for c in a.conjuncts if c.i > a.i)]
            out += _listed_appositions(a)
    return out


def _apposed_names(member: Token) -> list[Token]:
    """The names hung on a list member as a chain of appositions, each on the one before, when the chain
    ends with a conjunct ("B, C and D" read as B with C in apposition and D C's conjunct); else none."""
    chain, current = [], member
    while (nxt := next((a for a in current.children if _listed_after_comma(a) and a.pos_ == "PROPN" and a.i > current.i
                        and not former_name(a) and not negated_conjunct(a)), None)) is not None:
        chain.append(nxt)
        current = nxt
    ends = [c for c in current.conjuncts if c.i > current.i and c.pos_ == "PROPN" and not negated_conjunct(c)]
    return chain + ends if chain and ends else []


def _apposed_member(token: Token, word: Token) -> bool:
    """An apposition of a list's first member, or a name of its kind the parser hung on it after a comma as an
    adverbial ("countries: Argentina, Chile, Peru and ..."); of any actor's kind when the list goes on with
    "and" ("Chad, Gabon and Niger each ...": the tagger may call one state a person, another a place)."""
    return word.dep_ == "appos" or (_listed_after_comma(word) and bool(word.ent_type_) and (
        word.ent_type_ == token.ent_type_ or (
            word.pos_ == token.pos_ == "PROPN" and bool(word.conjuncts) and {word.ent_type_, token.ent_type_} <= ACTOR_ENTITIES)))


def _names_before_subject(subject: Token) -> list[Token]:
    """The names that open a list whose later members the parser made the subject ("Chad, Gabon and Niger
    expelled ...", "Chad" hung on the verb): each a name of an actor's kind on the subject's verb, followed by a
    comma alone, the first at the clause's start."""
    out: list[Token] = []
    doc, at = subject.doc, subject.left_edge.i
    while at >= 2 and doc[at - 1].text == ",":
        name = doc[at - 2]   # (a name's last word heads it: "Costa Rica")
        if name.right_edge.i != at - 2 or name.head != subject.head or name.pos_ != "PROPN" \
                or name.ent_type_ not in ACTOR_ENTITIES or name.dep_ not in ("advcl", "npadvmod", "dep"):
            break
        out.insert(0, name)
        at = name.left_edge.i
    if out and not (at == out[0].sent.start or doc[at - 1].is_punct):
        return []   # (the list opens its clause: not "in Lima, Chile and Peru ...")
    return out


def _listed_after_comma(word: Token) -> bool:
    """A name hung on the one before it as its apposition, or as an adverbial right after a comma ("Argentina,
    Chile, Peru and ...": "Chile" an npadvmod of "Argentina")."""
    return word.dep_ == "appos" or (word.dep_ == "npadvmod" and word.left_edge.i > 0
                                    and word.doc[word.left_edge.i - 1].text == ",")


#: words that make an apposition its head's earlier name ("Bangladesh, the former East Pakistan",
#: "Myanmar, formerly Burma": one actor, not two)
FORMER_WORDS = frozenset({"former", "formerly", "erstwhile", "onetime", "previously", "once"})
#: words of an office's past or future holder, who speaks for no state ("the former foreign minister of
#: Peru", "a deposed Bolivian president", "the ousted president of Niger")
FORMER_HOLDER_WORDS = frozenset({"former", "ex", "late", "then", "outgoing", "incoming", "future", "deposed",
                                 "ousted", "exiled"})


def former_name(appos: Token) -> bool:
    """Whether an apposition is its head's earlier name ("the former East Pakistan", "formerly Burma")."""
    return not appos.conjuncts and any(c.dep_ in ("amod", "advmod") and c.lower_ in FORMER_WORDS for c in appos.children)


def lists_members(prep: Token) -> bool:
    """'including', 'like', 'such as': a preposition that names members of the plural noun it hangs on."""
    return prep.dep_ == "prep" and (prep.lower_ in ("including", "like")
                                    or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)))


#: heads of a part taken of a whole ("one of its diplomats", "two of their attachés", "some of the staff")
PART_WORDS = frozenset({"one", "some", "several", "most", "all", "many", "few", "half", "none", "each"})


def whole_of_part(noun: Token) -> Token:
    """The whole a part is taken of ("one of its diplomats": diplomats), else the noun itself."""
    if noun.lower_ not in PART_WORDS and noun.tag_ != "CD":
        return noun
    return next(iter(prep_objects(noun, "of")), noun)


def named_member(member: Token) -> Token:
    """A list member that is a common noun with a name in apposition ("his son Karim", "her husband,
    Emeka"): the name; any other member itself."""
    if member.pos_ != "NOUN":
        return member
    return _name_of_described(member) or member


def _name_of_described(noun: Token, depth: int = 0) -> Token | None:
    """The name a described person carries: in apposition ("his son Karim"), in an apposed description
    ("his client, the former spy Tom Hale"; "..., a former officer known as Witness Q"), or hung by the
    parser on the noun of its "of" phrase ("the speaker of parliament, Aminata Toure")."""
    appositions = [a for a in noun.children if a.dep_ == "appos" and a.i > noun.i]
    named = next((a for a in appositions if a.pos_ == "PROPN"), None)
    if named is not None or depth:
        return named or _known_as(noun)
    for a in appositions:
        if a.pos_ == "NOUN" and (inner := _name_of_described(a, depth + 1)) is not None:
            return inner
    if (known := _known_as(noun)) is not None:
        return known
    # (on a bare "of" noun only: the names in "the editor of the newspaper, La Prensa" and "the wife of the
    # speaker, Aminata Toure" name the "of" noun)
    return next((a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj" and o.pos_ == "NOUN" and not any(d.dep_ in ("det", "poss") for d in o.children)
                 for a in o.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.ent_type_ not in PLACE_ENTITIES),
                None)


#: entity labels of places, which an apposition on an "of" phrase's noun may name ("the capital, Lima")
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _known_as(noun: Token) -> Token | None:
    """'a former officer known (only) as Witness Q', 'a man named Ali Reza': the name the participle gives."""
    for acl in noun.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        for c in acl.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                c = next((o for o in c.children if o.dep_ == "pobj"), c)
            if c.dep_ in ("pobj", "oprd", "attr", "dobj") and c.pos_ == "PROPN":
                return c
    return None


#: participles that give a described person's name ("known as", "named", "called")
NAMING_PARTICIPLES = frozenset({"know", "name", "call"})


def _plural_noun(token: Token) -> bool:
    """A plural common noun a list of names may stand in apposition to ("five countries: Chad, Niger ...")."""
    return token.pos_ == "NOUN" and token.tag_ == "NNS"


def what_was_said(verb: Token) -> list[Token]:
    """The head words of what a speech verb reports (its clause, object and prepositional phrases,
    not its subject), in text order: where the actors a statement is about are named."""
    skip = {"nsubj", "nsubjpass", "csubj", "punct", "cc", "aux", "auxpass", "neg", "advmod", "mark"}
    out, stack = [], [c for c in verb.children if c.dep_ not in skip and c.dep_ != "conj"]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in ("punct", "cc")]
    return sorted(out, key=lambda t: t.i)


def sent_start_before(token: Token, sentences: int) -> int:
    """The first token index of the sentence ``sentences`` before the token's (its own for 0), walked
    back sentence by sentence (never a scan of the whole document)."""
    start = token.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def where_noun(verb: Token) -> Token | None:
    """The noun a relative clause opened by "where" hangs on: the place of the clause's act (the
    building, where the parser hung the clause on its city: "the embassy in Caracas, where ...")."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children):
        return None
    place = verb.head
    if place.dep_ == "pobj" and place.head.lower_ in ("in", "at") and place.head.head.pos_ in ("NOUN", "PROPN"):
        return place.head.head
    return place


def object_right_before(participle: Token, lemmas: frozenset) -> bool:
    """'handed him a note declaring him persona non grata': the participle comes right after its verb's
    object, one of these nouns (the parser hung on the verb what modifies the object)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lemmas and c.right_edge.i == participle.i - 1
               for c in participle.head.children)


#: verbs whose object is the subject's own envoy ("the government recalled the Australian envoy")
OWN_ENVOY_VERBS = frozenset({"recall", "withdraw", "pull", "bring", "call", "send", "appoint", "name", "nominate",
                             "dispatch", "post", "accredit", "return", "reassign", "replace"})


#: tags of a verb that carries its own tense, no auxiliary ("expelled", "expels", "expel")
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: tags of a finite verb or a modal: a clause with one is reported, not a small clause of its governing
#: verb; a line with one has a verb of its own ("X said:", colon_quotes.py)
FINITE_TAGS = TENSED_TAGS | {"MD"}


def acted_on_states(subject: Token, states_at: Callable[[Token], set[str]]) -> set[str]:
    """'The ministry summoned the British ambassador': the states a subject's clause acts on, from its
    objects and the objects of "to"/"with"/"from"/"against", with their demonyms and possessors
    ("expelled the Australian envoy", "summoned Peru's ambassador"); ``states_at`` gives a token's states."""
    if subject.dep_ not in ("nsubj", "nsubjpass", "csubj", "csubjpass"):
        return set()
    verb = subject.head
    # a state recalls, withdraws or sends its own envoy: the envoy's state is not acted on, the host is
    own = verb.lemma_.lower() in OWN_ENVOY_VERBS
    direct = [] if own else [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # the subject of a small clause: "declared the French ambassador persona non grata" (no finite verb, no "that")
    direct += [] if own else [s for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.tag_ not in FINITE_TAGS
                              and not any(g.dep_ in ("aux", "auxpass", "mark") for g in c.children)
                              for s in c.children if s.dep_ == "nsubj"]
    # (on the verb, or on its object: "broke off relations with Sweden", "cut ties with X")
    objects = direct + [g for h in (verb, *direct) for c in h.children
                        if c.dep_ == "prep" and c.lower_ in ("to", "with", "from", "against") for g in c.children if g.dep_ == "pobj"]
    states: set[str] = set()
    for obj in objects:
        for candidate in [obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ in ("poss", "amod", "compound"))]:
            states |= states_at(candidate)
    return states - {None}


def shared_prep_objects(noun: Token, prep: str) -> list[Token]:
    """A noun's prepositional objects, shared over a list of nouns that has one ("the arrest and
    indictment of X": X for the indictment too, wherever the parser hung "of X")."""
    own = prep_objects(noun, prep)
    if own:
        return own
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        return prep_objects(noun.head, prep)
    return next((found for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                 for found in [prep_objects(c, prep)] if found), [])


def name_head(token: Token) -> Token:
    """The word a compound or flat name part hangs on ("Ana" of "Ana Ruiz": "Ruiz")."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


def coordinated_names(a: Token, b: Token) -> bool:
    """Whether two words are of names listed together ("Colonel X and Colonel Y")."""
    return name_head(a) in name_head(b).conjuncts


def last_two_told_together(last_told: dict[str, Token]) -> bool:
    """Whether the two persons told last (each at the word it was told at last) were told as names of one
    list, neither told again alone since ("Colonel X and Colonel Y led the mutiny ... arrested the colonel":
    which one, nothing tells)."""
    newest = sorted(last_told.values(), key=lambda t: t.i)[-2:]
    return len(newest) == 2 and coordinated_names(newest[0], newest[1])


def tree_root(token: Token) -> Token:
    """The root of the parse tree that holds ``token`` (the head of heads; not ``sent.root``, since a
    repair may have moved words across the parser's sentence boundaries)."""
    while token.head.i != token.i:
        token = token.head
    return token


def repeated_prep_objects(pobj: Token) -> list[Token]:
    """'the expulsion of diplomats of Poland, of Latvia and of Lithuania': a list whose members each repeat
    the preposition names one party more per phrase, wherever the parser hung the later phrases (on the
    same noun, on the noun above, or as a conjunct of the first preposition).  Read in the words' order:
    the phrases that follow the first one with nothing but a comma or a conjunction between them."""
    prep = pobj.head
    # (a recipient's "to" too: "granted asylum to X, who ..., and to Y")
    if pobj.dep_ != "pobj" or prep.dep_ not in ("prep", "conj", "agent", "dative"):
        return []
    above = {a.i for a in prep.ancestors}
    out, seen, at, doc = [], {prep.i}, pobj.right_edge.i + 1, pobj.doc
    while at < len(doc):
        while at < len(doc) and (doc[at].text == "," or doc[at].lower_ in ("and", "or")):
            at += 1
        if at >= len(doc) or doc[at].lower_ != prep.lower_ or not (doc[at].head.i in above or doc[at].head.i in seen):
            break
        nxt = doc[at]
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is None:
            break
        out.append(obj)
        seen.add(nxt.i)
        at = obj.right_edge.i + 1
    return out
