"""Lists the parser hung on the verb.

Gapped clauses with objects of their own: "Mexico recalled its ambassador to Lima, and Colombia its
ambassador to Quito", "Chile broke off relations with Cuba, and Bolivia with Nicaragua": a state the
parser hung on the verb as a verbless conjunct, with the words left of its clause (an object, a
prepositional phrase), repeats the verb with its own agent and its own target (``gapped_pairs``).

Gapped lists of agents: "Germany expelled 40 Russian diplomats, France 35 and Italy 30" tells three
expulsions of Russian diplomats, by Germany, France and Italy: each state named after the object with a
count of its own repeats the verb and the object (the parser hangs them on the object as its
apposition or conjuncts).  They act; they are not acted on.

A list of the object's states hung on the verb: "expelled diplomats from three countries, Chad, Mali
and Niger" ("from" on the verb, where "diplomats from Chad" has it on the noun): where the frame reads
the object's "from" as its target, a counted noun of states with its names after it is the target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure, tree
from .dated_verbs import DATE_LABELS
from .elliptical_objects import told_target
from .frame_file import KIND_TYPES
from .language import english_words
from .remnant_lists import gapped_members, passive_members
from .told_before import has_words
from .world import DEMONYM_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions


def _counted(token: Token) -> bool:
    """'France 35', 'Poland four': a state's name with a number of its own (not a people's name:
    "eight Russians, three Belarusians" are the object's own members, not states acting)."""
    if token.lower_ in DEMONYM_WORDS or token.lower_[:-1] in DEMONYM_WORDS:
        return False
    # (or the count set off by a comma, as a list split by semicolons writes it: "...; France, two; Italy, one")
    return token.pos_ == "PROPN" and any(c.pos_ == "NUM" and (c.dep_ == "nummod" or (c.dep_ == "appos" and c.i > token.i))
                                         for c in token.children)


#: determiners that count the object as one ("expelled a Russian diplomat, Lithuania two and Estonia three")
ONE_WORDS = frozenset({"a", "an", "one"})


def _counted_object(obj: Token) -> bool:
    """An object with a count of its own: a number, a noun with a number, or one ("a diplomat")."""
    return obj.pos_ == "NUM" or (obj.pos_ == "NOUN" and any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ONE_WORDS) for c in obj.children))


def gapped_subjects(verb: Token, index: TokenMentions, exclude: set[str], mint) -> list[tuple]:
    """The persons a gapped clause repeats a verb on whose subject it acts: "X received nine years and
    Y seven" (a name the parser hangs on the verb as its conjunct, with a count of its own, after the
    verb's counted object), each as the verb's subject is: acted on; so are those of "a court gave X five
    years and Y three", each as the one given to (the verb's dative) is."""
    obj = next(iter(tree.children(verb, ("dobj",))), None)
    if obj is None and (given := tree.children(verb, ("dative",))):
        # (the term given, which the parser hangs on the verb as an adverb after the one given to)
        obj = next((c for c in tree.children(verb, ("npadvmod",)) if c.i > given[0].i), None)
    if verb.pos_ != "VERB" or obj is None or not _counted_object(obj):
        return []
    out: list[tuple] = []
    for name in tree.children(verb, ("conj",)):
        if name.i > obj.i and _counted(name) and not tree.children(name, ("nsubj", "nsubjpass", "dobj")) \
                and not any(f[1] is not None for f in index.fill(name, ["state"])):   # (a state's count: no one's term)
            found = [f for f in index.fill(name, ["person"]) if f[1] is not None] or (
                mint(name, KIND_TYPES["person"]) if mint is not None else [])
            out += [f for f in found[:1] if f[0] not in exclude]
    return out


def gapped_states(verb: Token, obj: Token | None) -> list[Token]:
    """The names that repeat a verb with its object gapped ("..., France 35 and Italy 30"): the
    counted names of a list hung on the verb's counted object ``obj`` (its logical object)."""
    if verb.pos_ != "VERB":
        return []
    obj = _phrase_object(verb, obj)
    if obj is None or not _counted_object(obj):
        return []  # (a count alone is an object too: "France expelled four, and Poland four")
    # ("declared two Russian diplomats persona non grata, and Estonia one": the parser hangs the list
    # anywhere in the phrase; read from the words, remnant_lists.py)
    listed = [name for name, _, bare in gapped_members(verb) if bare and name.i > obj.i]
    members = [t for t in tree.fan_out(obj) if t != obj]
    # ("...; France, two; Italy, one": each name after a semicolon hung on the one before as its apposition)
    for m in members:
        members += [a for a in m.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > m.i and a not in members]
    # (or hung on the verb after the object: "told 45 Russian diplomats to leave, Spain 25 and Sweden three")
    members += [m for c in verb.children if c.i > obj.i and c.dep_ in ("npadvmod", "appos", "conj", "dobj") and c.pos_ == "PROPN"
                for m in [c, *c.conjuncts] if m not in members]
    # ("..., and Austria and Hungary one each": one count for every name of the list)
    each = any(_counts_each(m) for m in members)
    found = [t for t in members if (each or _counted(t)) and t.i > obj.i and t.pos_ == "PROPN"
             and t.lower_ not in DEMONYM_WORDS and t.lower_[:-1] not in DEMONYM_WORDS]
    return found + [t for t in listed if t not in found]


def _phrase_object(verb: Token, obj: Token | None) -> Token | None:
    """The object a fixed phrase's verb acts on where the parser took a word of the phrase for it
    ("declared [a Russian diplomat persona] non grata", "declared persona non grata two diplomats"):
    the first noun after the verb that is no word of the phrase."""
    if obj is not None and obj.lower_ not in structure.PHRASE_WORDS:
        return obj
    if not any(t.lower_ in structure.PHRASE_WORDS for t in verb.doc[verb.i + 1:verb.sent.end]):
        return obj
    return next((t for t in verb.doc[verb.i + 1:verb.sent.end] if t.pos_ == "NOUN" and t.lower_ not in structure.PHRASE_WORDS), None)


def _counts_each(name: Token) -> bool:
    """'Austria and Hungary one each': a count with "each" hung on a listed name."""
    return name.pos_ == "PROPN" and any((c.pos_ == "NUM" or c.lower_ == "one") and any(g.lower_ == "each" for g in c.children)
                                        for c in name.children)


def dated_subjects(verb: Token) -> list[Token]:
    """'The Dominican Republic cut relations on 30 April, Burkina Faso on 24 May and El Salvador on 20
    August': after the clause's own time phrase, a list of names each with a time phrase of its own and
    nothing else, to the sentence's end, repeats the whole clause with a new subject (the parser hangs the
    names on the dates).  Only where the clause names no party after its verb: "Ghana recognised Kosovo in
    2012 and Togo in 2014" may repeat it with a new object.  The last word of each name, or []."""
    if verb.pos_ != "VERB" or structure.is_passive(verb):
        return []
    first = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i
                  and any(o.ent_type_ in DATE_LABELS for o in c.children if o.dep_ == "pobj")), None)
    doc, end = verb.doc, verb.sent.end
    if first is None or any(t.pos_ == "PROPN" and t.ent_type_ not in DATE_LABELS for t in doc[verb.i + 1:first.i]):
        return []
    i, names = _time_phrase_end(doc, first.i + 1, end), []
    while i < end and not (doc[i].is_punct and doc[i].text != ","):
        i += doc[i].text == ","
        i += i < end and doc[i].lower_ == "and"
        i += i < end and doc[i].lower_ == "the"
        start = i
        while i < end and doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in DATE_LABELS:
            i += 1
        if i == start or i >= end or doc[i].pos_ != "ADP":
            return []
        after = _time_phrase_end(doc, i + 1, end)
        if after == i + 1:
            return []
        names.append(doc[i - 1])
        i = after
    return names


def _time_phrase_end(doc, start: int, end: int) -> int:
    """The index after the words of a time phrase that begins at ``start``."""
    while start < end and doc[start].ent_type_ in DATE_LABELS:
        start += 1
    return start


def split_gapped(verb: Token, index: TokenMentions, agents: list, targets: list) -> tuple[list, list]:
    """The agents and targets of a clause with a gapped list: its counted names (or its dated names,
    ``dated_subjects``) join the agents and leave the targets; the object's own nationality ("Russian
    diplomats") is then the target."""
    if not agents:
        return agents, targets
    obj = structure.logical_object(verb)
    # (not the object's own words: filled, a name the parser made its conjunct fans out to its nationality too)
    names = gapped_states(verb, obj) or dated_subjects(verb)
    own = (obj.left_edge.idx, obj.idx + len(obj.text)) if names and obj is not None else (0, 0)
    gapped = [f for t in names for f in index.fill(t, ["state"])
              if f[1] is not None and not (own[0] <= f[1].start and f[1].end <= own[1])]
    if not gapped:
        return agents, targets
    ids = {g for g, _ in gapped}
    targets = [t for t in targets if t[0] not in ids]
    agent_ids = {a for a, _ in agents}
    if not targets and obj is not None:
        targets = [f for c in obj.children if c.dep_ in ("amod", "compound")
                   for f in index.fill(c, ["state"]) if f[0] not in agent_ids | ids][:1]
    agents = agents + [g for g in gapped if g[0] not in agent_ids]
    return agents, targets


def listed_origins(verb: Token, index: TokenMentions, paths: tuple[str, ...], exclude: set[str]) -> list:
    """'expelled diplomats from five countries: Chad, Mali ...': the states a plural noun under the
    verb's "from" lists, for a frame whose target is the object's "from" (none when the noun lists no names)."""
    if verb.pos_ != "VERB" or "object.prep:from" not in paths:
        return []
    out: list = []
    for noun in tree.prep_objects(verb, "from"):
        objects = tree.children(verb, ("dobj",))
        # (not its own envoys: "Togo sent its ambassador home from Accra" is a recall)
        if noun.pos_ == "PROPN" and objects and not any(c.dep_ == "poss" for o in objects for c in o.children) \
                and not structure.is_passive(verb):
            # "Russia expelled diplomats from Poland, Sweden and Germany": whence the envoys an active
            # clause's agent sends away come (its own capital names the agent: "from Moscow", no target)
            out += [f for t in tree.fan_out(noun) for f in index.fill(t, ["state"]) if f[0] not in exclude and f[1] is not None]
            continue
        members = [t for t in tree.fan_out(noun) if t != noun]
        # ("from 23 countries, including Britain, Germany and France": the ones it names)
        members += [m for p in noun.children if tree.lists_members(p) for o in p.children if o.dep_ == "pobj"
                    for m in [o, *o.conjuncts] if m not in members]
        if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or len(members) < 2:
            continue
        out += [f for t in members for f in index.fill(t, ["state"]) if f[0] not in exclude and f[1] is not None]
    return [f for n, f in enumerate(out) if f[0] not in {g[0] for g in out[:n]}]


def relisted(verb: Token, index: TokenMentions, target_paths: tuple[str, ...], agents: list,
             targets: list) -> tuple[list, list, set[str]]:
    """A clause's agents and targets with the lists the parser hung on its verb read (the module
    docstring), and the agents' ids."""
    agents, targets = split_gapped(verb, index, agents, targets)
    agent_ids = {a for a, _ in agents}
    targets = targets or listed_origins(verb, index, target_paths, agent_ids)
    # ("France expelled four": the state of the noun the elliptical object stands for, elliptical_objects.py)
    return agents, targets or (told_target(verb, index, agent_ids) if agents else []), agent_ids



#: how the object left of a gapped clause hangs on its new subject ("and Colombia its ambassador to Quito")
REMNANT_OBJECT_DEPS = frozenset({"appos", "dobj", "npadvmod"})


def gapped_clauses(verb: Token) -> list[tuple[Token | None, Token | None]]:
    """The verbless conjuncts of a verb that name a new subject with the rest of their clause: (the
    subject, its object or None); none when the conjunct has neither object nor preposition.  An
    object the parser hung on the verb as its conjunct is a clause of the verb's own subject (None)."""
    if verb.pos_ == "NOUN":   # ("the expulsion of two diplomats by Latvia and one by Estonia": counts only)
        return list(passive_members(verb))
    out = []
    own = structure.logical_object(verb) if verb.pos_ == "VERB" else None
    for conj in tree.children(verb, ("conj",)):
        if conj.pos_ == "NOUN" and own is not None and own.dep_ == "dobj" and own.i < conj.i \
                and not tree.children(conj, ("nsubj", "nsubjpass", "aux", "cop")):
            out.append((None, conj))   # "expelled the Moroccan consul in May and the Algerian ambassador in June"
            continue
        if conj.pos_ != "PROPN" or conj.i < verb.i:
            continue
        obj = next((c for c in conj.children if c.dep_ in REMNANT_OBJECT_DEPS and c.pos_ == "NOUN"), None)
        if obj is not None or any(c.dep_ == "prep" for c in conj.children):
            out.append((conj, obj))
    # ("Sweden expelled four Iranian diplomats and Norway two Syrian ones": the name hung on the object,
    # its own counted object on it)
    for conj in tree.children(own, ("conj",)) if own is not None else []:
        obj = next((c for c in conj.children if c.dep_ in REMNANT_OBJECT_DEPS and c.pos_ == "NOUN"
                    and any(g.dep_ in ("nummod", "poss") for g in c.children)), None)
        if obj is None and conj.pos_ == "PROPN":
            # ("Lithuania expelled the Russian ambassador and Latvia the Russian consul": the name's object
            # hung right after it on the verb's object as an apposition, or on the verb as a second object;
            # only one whose demonym says who is acted on)
            beside = [c for c in own.children if c.dep_ == "appos"] + [c for c in verb.children if c.dep_ == "dobj" and c.i != own.i]
            obj = next((c for c in beside if c.pos_ == "NOUN" and c.left_edge.i == conj.i + 1
                        and any(g.dep_ == "amod" and g.lower_ in DEMONYM_WORDS for g in c.children)), None)
        if conj.pos_ == "PROPN" and obj is not None:
            out.append((conj, obj))
    # ("declared the consul persona non grata and Estonia the attaché", "and Hungary a Belarusian one",
    # "recalled its ambassador from Caracas and Chile its chargé": a list ending the sentence, read from the
    # words where the parser hung it elsewhere; remnant_lists.py)
    subjects = {s.i for s, _ in out if s is not None}
    out += [(name, head) for name, head, bare in gapped_members(verb) if not bare and name.i not in subjects
            and (own is None or name.i > own.i)] if verb.pos_ == "VERB" else []
    # ("Two diplomats were expelled by Latvia and one by Estonia": a count with an agent of its own)
    out += [(name, count) for name, count in passive_members(verb)] if verb.pos_ == "VERB" and structure.is_passive(verb) else []
    # ("sentenced X to ten years and Y to eight": the parser hung the second object on the first's "to" phrase
    # and the second "to" on the verb; the name before that second preposition is an object of the verb's own)
    # (or of where, after a named object: "arrested X in Minsk and Y in Grodno"; not "expelled two
    # diplomats in Minsk and Grodno in May")
    gapped_words = english_words("gapped_term_prepositions") | (
        english_words("gapped_place_prepositions") if own is not None and own.pos_ == "PROPN" else frozenset())
    # (not of when: "arrested X in May and Y in July" is dated act by act, coordinated_dates.later_dates)
    preps = [p for p in tree.children(verb, ("prep",)) if p.lower_ in gapped_words
             and not any(g.dep_ == "pobj" and g.ent_type_ in DATE_LABELS for g in p.children)] if own is not None else []
    for prep in preps:
        later = next((p for p in preps if p.lower_ == prep.lower_ and p.i > prep.i), None)
        out += [(None, c) for c in prep.subtree   # (on its term, or on the term's own phrase: "to ten years in jail")
                if later is not None and c.dep_ == "conj" and c.pos_ == "PROPN" and c.i < later.i]
    return out


def _remnant_heads(subject: Token | None, obj: Token | None, path: str) -> list[Token]:
    """The tokens a target path points to inside a gapped clause (its object for the verb's object)."""
    first, *rest = path.split(".")
    if first == "object":
        current = [obj] if obj is not None else []
    elif first.startswith("prep:"):
        current = tree.prep_objects(subject, first[5:]) if subject is not None else []
    else:
        return []
    for step in rest:
        if step.startswith("prep:"):
            current = [g for t in current for g in tree.prep_objects(t, step[5:])]
        elif step in ("poss", "amod", "compound"):
            current = [c for t in current for c in tree.children(t, (step,))]
        else:
            return []
    return current


def gapped_pairs(verb: Token, index: TokenMentions, paths: tuple[str, ...], kinds: tuple[str, ...],
                 verb_agents: list, verb_targets: list = (), needs: tuple[str, ...] = ()) -> list[tuple[tuple, tuple]]:
    """(agent, target) of each gapped clause of the verb whose subject is a state (or the verb's own,
    ``verb_agents``) and whose words left name a target by one of the target role's ``paths``: the
    first path that names one, as a role does; where the verb's object holds a word the trigger
    ``needs``, a remnant object of another kind is no such act."""
    out = []
    agent_ids = {a for a, _ in verb_agents}
    for subject, obj in gapped_clauses(verb):
        if not _same_kind(verb, obj, needs):
            continue
        if subject is None:
            agents = verb_agents
        else:
            # (the subject's own name, not a state its apposition gives: "declared X and Y, two Russian
            # diplomats, persona non grata" lists persons, it tells no gapped clause of Russia's)
            agents = [a for a in index.fill(subject, ["state"]) if a[1] is not None
                      and a[1].start <= subject.idx < a[1].end][:1]
            if not agents or agents[0][0] in agent_ids:
                continue
        if subject is not None and obj is not None and obj.pos_ == "NUM" and _acted_by(verb):
            # "... by Latvia and one by Estonia": a count of the same ones acted on (shared_targets)
            out += [(a, t) for a in agents for t in shared_targets(verb, verb_targets) if t[0] != a[0]]
            continue
        for path in paths:
            targets = [t for h in _remnant_heads(subject, obj, path) for t in index.fill(h, list(kinds))
                       if t[0] not in {a for a, _ in agents} and t[1] is not None]
            if targets:
                out += [(a, t) for a in agents for t in targets]
                break
        else:
            # "Slovakia recalled its ambassador from Minsk, and Romania its consul": a remnant of the new
            # subject's own envoys names no other party; the gap shares the verb's, told in its "from"
            if subject is not None and obj is not None and _own_envoys(obj):
                out += [(a, t) for a in agents for t in shared_targets(verb, verb_targets) if t[0] != a[0]]

    return out


def _same_kind(verb: Token, obj: Token | None, needs: tuple[str, ...]) -> bool:
    """Whether a remnant's object is of the kind the trigger needs where the verb's own object told it:
    "expelled a Polish diplomat and Poland a Russian journalist" is no second expulsion; a count or a
    pro-form ("two", "a Syrian one") repeats the verb's object."""
    own = structure.logical_object(verb) if verb.pos_ == "VERB" else None
    if not needs or obj is None or obj.pos_ != "NOUN" or own is None or not has_words(list(own.subtree), needs):
        return True
    if obj.like_num or obj.vocab[obj.lemma_.lower()].like_num or obj.lemma_.lower() == own.lemma_.lower():
        return True
    return has_words([t for t in obj.subtree if t.i <= obj.i], needs)


def _acted_by(verb: Token) -> bool:
    """A passive verb or an act noun: its agent told in a "by" phrase, and its counts with theirs."""
    return verb.pos_ == "NOUN" or structure.is_passive(verb)


def _own_envoys(obj: Token) -> bool:
    """'its consul', 'their envoys': an object the subject's possessive pronoun owns."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def shared_targets(verb: Token, targets: list) -> list:
    """The verb's targets told in a "from" phrase of the verb or of its object ("from Minsk"), which a
    gapped clause after it shares; not the object's own words ("the Chilean consul", "its ambassador to Lima")."""
    if _acted_by(verb) and passive_members(verb):
        return [t for t in targets if t[1] is not None]   # ("were expelled by Latvia and one by Estonia": its subject)
    phrases = [p for holder in [verb, *tree.children(verb, ("dobj",))] for p in holder.children
               if p.dep_ == "prep" and p.lower_ in english_words("shared_prepositions") and p.i > verb.i]
    spans = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text)) for p in phrases]
    return [t for t in targets if t[1] is not None and any(a <= t[1].start < b for a, b in spans)]
