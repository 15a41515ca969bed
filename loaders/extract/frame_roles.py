"""A frame role's fillers: the tokens a role path points to from the trigger ("subject", "object",
"for", "poss", ...) and the actors they name, with the lists and kin a role's words fan out to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import (
    descriptive_nouns,
    envoys,
    frame_file,
    named_members,
    nominal,
    structure,
    tree,
)
from .co_parties import co_envoys, co_objects
from .document_authors import document_author
from .frame_file import KIND_TYPES
from .gazetteer import Mention
from .governments import headed_by
from .line_headings import heading_subject
from .members_after import members_listed_after
from .mentions import TokenMentions
from .mentions_before import GROUP_NOUNS
from .names import RELATIVE_NOUNS, TIED_PERSON_NOUNS
from .organs import international, whole_body
from .owner_pronouns import owner_subject
from .recognised_before import recognised_before, recognition_noun_before, taken_part
from .relative_antecedents import RELATIVE_PRONOUNS, relative_antecedent

if TYPE_CHECKING:
    from spacy.tokens import Token


def _heads(token: Token, path: str, persons: bool = False) -> list[Token]:
    """The tokens a role path points to from the trigger (``persons``: a role only persons fill, where a
    person told by a tie to another never stands for that other: "the lawyer of X" is not X)."""
    verb = nominal.enacted_as(token).head if token.pos_ == "NOUN" else token   # (a noun listed after another: its verb)
    steps = path.split(".")
    first, rest = steps[0], steps[1:]
    if token.pos_ == "NOUN" and first.startswith("prep:"):
        current = tree.shared_prep_objects(token, first[5:])  # "the expulsion of Peru's envoy"
    elif token.pos_ == "NOUN" and first == "object":
        current = tree.shared_prep_objects(token, "of")
    elif first == "subject" and token.pos_ == "NOUN" and (agent := nominal.agent(token)) is not None:
        current = [agent]
    elif first == "subject":
        s = structure.logical_subject(verb)
        if s is None:
            s = heading_subject(verb)   # "Turkey: Recognised the new state": the line's heading (line_headings.py)
        current = [s] if s is not None else []
    elif first in ("object", "host"):  # host: the state the envoy acted on is sent to ("Canada's ambassador was expelled")
        o = structure.logical_object(verb)
        if o is None and verb.pos_ == "VERB":
            o = _raised_object(verb)
        current = [o] if o is not None else []
        # "declared [a Kenyan diplomat persona] non grata": the parser made the envoy a compound of the phrase
        current = [x for t in current for x in ([c for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN"][:1]
                                                if t.lower_ in structure.PHRASE_FIRST else []) + [t]]
    elif first == "participle":  # "issued a warrant on Monday accusing X of fraud": the verb's participle clause of its own
        current = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i
                   and not any(x.dep_ in ("mark", "nsubj", "nsubjpass") for x in c.children)]
    elif first == "sole_object":  # the object of a verb with no infinitive on it: "took Germany to the ICJ" (not the
        o = structure.logical_object(verb)   # one asked in "asked Ecuador to take the dispute to the ICJ")
        current = [o] if o is not None and not tree.children(verb, ("xcomp",)) else []
    elif first == "dative":
        current = tree.children(verb, ("dative", "iobj")) or [
            c for c in verb.children if c.dep_ == "dobj" and any(d.dep_ == "dobj" for d in verb.children if d.i != c.i)][:1]
    elif first == "for":
        current = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    elif first == "for_subject":  # "set a deadline for the envoys to leave": the subject of "for ... to"
        clauses = tree.children(verb, ("advcl",)) + [c for o in tree.children(verb, ("dobj",)) for c in tree.children(o, ("advcl", "acl"))]
        current = [s for c in clauses if any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for s in tree.children(c, ("nsubj",))]
    elif first == "that_subject":  # "demanded that the envoys leave": the subject of a subjunctive clause
        current = [s for c in verb.children if structure.subjunctive_clause(c) for s in tree.children(c, ("nsubj",))]
    elif first == "xcomp" and token.pos_ == "NOUN":   # "Peru's refusal to recognise X": the noun's own infinitive
        current = [c for c in tree.children(token, ("acl",)) if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    elif first == "xcomp":
        current = tree.children(verb, ("xcomp",))
    elif first == "ccomp":   # "considers the junta illegitimate": a small clause on the verb (its subject next)
        current = tree.children(verb, ("ccomp",))
    elif first == "deadline":  # "were given 72 hours to leave Mali": the infinitive of a time given, on the verb or the time
        current = tree.deadline_infinitives(verb)
    elif first == "dobj":  # the object as written, in a passive too ("was granted asylum in Mexico")
        current = tree.children(verb, ("dobj",))
    elif first.startswith("prep:"):
        current = tree.prep_objects(verb, first[5:])
    elif first == "said":
        current = tree.what_was_said(verb)
    elif first == "described":  # the person a noun trigger describes ("Ana Ruiz, the candidate")
        found = descriptive_nouns.described(token) if token.pos_ == "NOUN" else None
        current = [found] if found is not None else []
    elif first == "poss":  # the possessor of a noun trigger ("her arrest"), shared over a list ("his flight and arrest")
        current = [c for c in token.children if c.dep_ == "poss"] or (
            [c for c in token.head.children if c.dep_ == "poss"] if token.dep_ == "conj" and token.pos_ == "NOUN" else [])
    elif first == "personal_poss":   # "ordered his expulsion": a noun with no "of" object is done to its "his"/"her"
        current = [c for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$" and c.lower_ in ("his", "her")] \
            if token.pos_ == "NOUN" and not tree.prep_objects(token, "of") else []
    elif first == "there":
        # "where" in a relative clause: the place it hangs on ("fled to Argentina, where he sought asylum")
        current = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in ("there", "here", "where")]
    elif first == "recognised_before":  # "refused to recognise the two regions": those recognised just before
        current = recognised_before(verb) if verb.pos_ == "VERB" else []
        if token.pos_ == "NOUN":   # "announced its recognition": what the recognition told before recognised
            current = recognition_noun_before(token)
    elif first == "served":  # "arrested X on a warrant issued by a court": whom the act the warrant serves acts on
        current = _served_on(verb)
    elif first == "answerer":  # a request told as a noun, answered: "X's request was turned down by Peru", "Peru ignored X's request"
        answer = nominal.answering_verb(token)
        s = structure.logical_subject(answer) if answer is not None else None
        current = [s] if s is not None and s.i != token.i else []
    elif first == "head":  # the verb this one is coordinated with: "walked into the embassy and asked for asylum"
        # (or a participle clause of: "closed its embassy in Bogotá, ordering all its staff home")
        current = [verb.head] if (verb.dep_ == "conj" or (verb.dep_ == "advcl" and structure.participle_of_act(verb))) \
            and verb.head.pos_ == "VERB" else []
    else:
        return []
    for step in rest:
        nxt: list = []
        for t in current:
            if step in ("poss", "prep:of") and t.lemma_.lower() in (TIED_PERSON_NOUNS if persons else RELATIVE_NOUNS):
                continue   # "the wife of the Polish consul", "the consul's son", "X's lawyer", "the killers of X": whose tie, not the party acted on
            if step == "poss":
                nxt += [c for c in t.children if c.dep_ == "poss"]
            elif step.startswith("prep:"):
                # ("recalled Ana Ruiz, its ambassador to Chad": a name's phrase is on the description after it)
                nxt += tree.prep_objects(t, step[5:]) or [o for a in _name_descriptions(t) for o in tree.prep_objects(a, step[5:])]
            elif step == "object":
                o = structure.logical_object(t)
                nxt += [o] if o is not None else []
            elif step == "dative":
                nxt += tree.children(t, ("dative", "iobj"))
            elif step in ("amod", "compound"):  # "the Venezuelan ambassador": the envoy's own state
                nxt += tree.children(t, (step,))
            elif step in ("ccomp", "subject"):  # "to hold Myanmar responsible": a small clause and its subject
                # (a participle's subject the parser calls passive: "ordered the embassy closed")
                nxt += tree.children(t, ("ccomp",) if step == "ccomp" else tree.SUBJECTS)
            elif step == "recognised_before":  # "refused to recognise the two regions"
                nxt += recognised_before(t) if t.pos_ == "VERB" else []
            elif step == "advcl":  # "a deadline for Kenya's envoys to leave": the clause on a noun
                nxt += tree.children(t, ("advcl", "acl"))
        current = nxt
    return [_antecedent(t) for t in current]


def _raised_object(verb: Token) -> Token | None:
    """'Police detained and prosecutors charged X': the object the next clause of the coordination
    names after its own verb is this verb's too, where this one has none and "and" follows it."""
    if structure.is_passive(verb) or tree.children(verb, ("dobj", "ccomp", "xcomp", "dative")):
        return None
    after = verb.doc[verb.i + 1:verb.i + 3]
    if not after or not (after[0].lower_ == "and" or (after[0].text == "," and len(after) > 1 and after[1].lower_ == "and")):
        return None
    second = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and tree.children(c, ("nsubj",))), None)
    if second is None or structure.is_passive(second):
        return None
    return next((o for o in tree.children(second, ("dobj",)) if o.i > second.i), None)


def _antecedent(token: Token) -> Token:
    """A relative pronoun a preposition governs stands for the noun its clause is on: "X, to whom
    Mexico granted asylum", "X, against whom prosecutors filed charges" (X)."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.tag_ not in ("WP", "WDT") or token.dep_ != "pobj":
        return token
    verb = token.head.head
    return relative_antecedent(token, verb) if verb.pos_ in ("VERB", "AUX") else token


def _name_descriptions(token: Token) -> list[Token]:
    """The common nouns in apposition to a name ("Ana Ruiz, its ambassador to Chad": "ambassador")."""
    if token.pos_ != "PROPN":
        return []
    return [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]


def role_heads(role: frame_file.Role, token: Token) -> list[Token]:
    """The tokens all of a role's paths point to from the trigger, in the order of its paths."""
    return [h for path in role.paths for h in _heads(token, path, role.kinds == ("person",))]


def _conjunct_prep_objects(token: Token, paths: tuple[str, ...]) -> dict[int, list[Token]]:
    """'expelled the ambassador of Argentina and the consul of Chile': a conjunct of the object with a
    phrase of its own ("of", "from", as the role's ``object.prep:X`` paths say) names one actor more,
    which the path, reaching the first conjunct's phrase alone, leaves out.  Keyed by the first
    conjunct's phrase object."""
    preps = [p.split(".")[1][5:] for p in paths if p.startswith("object.prep:") and p.count(".") == 1]
    if not preps:
        return {}
    out: dict[int, list[Token]] = {}
    for obj in _heads(token, "object"):
        later = [c for c in obj.conjuncts if c.i > obj.i]
        if not later:
            continue
        first = next((o for p in preps for o in tree.prep_objects(obj, p)), None)
        if first is None:
            continue
        out[first.i] = [o for c in later for o in next((tree.prep_objects(c, p)[:1] for p in preps
                                                         if tree.prep_objects(c, p)), [])]
    return out


#: prepositions that tie an act to the warrant or order it carries out ("arrested X on a warrant")
SERVING_PREPS = frozenset({"on", "under", "upon", "following", "with"})


def _served_on(verb: Token) -> list[Token]:
    """'Police arrested X on a warrant issued by a court', '... under a warrant that a judge had
    issued': the warrant, the noun the issuing clause modifies, is carried out by a verb ("on",
    "under"): whom that verb acts on."""
    if verb.dep_ not in ("acl", "relcl") or verb.head.pos_ != "NOUN":
        return []
    phrase = verb.head.head
    if verb.head.dep_ != "pobj" or phrase.dep_ != "prep" or phrase.lower_ not in SERVING_PREPS or phrase.head.pos_ != "VERB":
        return []
    acted_on = structure.logical_object(phrase.head)
    return [acted_on] if acted_on is not None else []


#: the unnamed members of a mission: whose they are, the envoy or mission named before them says
STAFF_NOUNS = frozenset({"staff", "personnel", "diplomat"})
#: groups whose listed members a state role is read from ("twelve diplomats, among them the envoys of X and Y")
GROUP_OF_ENVOYS = envoys.ENVOY_LEMMAS | {"official", "officer", "employee"}


def role_fillers(role: frame_file.Role, token: Token, index: TokenMentions, exclude: set[str],
                  home: bool = False, mint: Callable[[Token], list] | None = None,
                  acted_on: bool = False) -> list[tuple[str, Mention]]:
    out: list[tuple[str, Mention]] = []
    heads = [h for path in role.paths for h in _heads(token, path, role.kinds == ("person",))]
    told_paths = [p for p in role.paths if p.split(".")[-1] == "recognised_before"]
    if told_paths and (told := {h.i for p in told_paths for h in _heads(token, p)}):
        # "Kosovo declared independence. Japan recognised the new republic": the description stands for
        # what was told before (minted if the registry lacks it), never for whom coref finds for it (nor
        # for the state whose independence it is: "the independence of the region"; nor under "declined to")
        objects = [h for p in told_paths for h in _heads(token, p[: -len("recognised_before")] + "object")]
        described = {t.i for h in objects for t in h.subtree} - told
        heads = [h for h in heads if h.i not in described]
    if told_paths:   # "never recognised the annexation of X": X is taken, not (un)recognised (recognised_before.taker)
        heads = [h for h in heads if not taken_part(h)]
    if "personal_poss" in role.paths:   # "ordered his expulsion": only an envoy the article named as one
        undergoers = {h.i for h in _heads(token, "personal_poss")}
        envoy = getattr(index, "envoy_person", None)
        heads = [h for h in heads if h.i not in undergoers
                 or envoy is not None and (m := index.at(h)) is not None and bool(m.entity) and envoy(m.entity)]
    if "mission" in role.paths:  # the last resort: the mission named just before ("... where asylum was granted to him")
        heads.append(token)
    # "the French, Italian and Spanish ambassadors were recalled": each demonym of one noun is one actor
    listed = {h.i for path in role.paths if path.endswith((".amod", ".compound")) for h in _heads(token, path)}
    hosts = {h.i for h in _heads(token, "host")} if "host" in role.paths else set()
    conjunct_phrases = _conjunct_prep_objects(token, role.paths)
    for n, head in enumerate(heads):
        if head.lower_ in ("there", "here", "where") and head.dep_ == "advmod":  # the place told just before
            # (or the noun "where" opens its clause on: "the embassy in Caracas, where she is sheltering")
            place = tree.where_noun(head.head) if head.lower_ == "where" else None
            # (else the nearest place of the role's kinds: "reached the Mexican embassy. He sought asylum there" is
            # the mission's, not the state named before it, nor the home state of a person named since)
            found = (index.fill(place, list(role.kinds)) if place is not None else []) or max(
                (f for kind in role.kinds for f in [index.before(head, kind, 1, places=True)] if f and not all(g[0] in exclude for g in f)),
                key=lambda f: f[-1][1].start if f[-1][1] is not None else -1, default=[])
        elif head.i == token.i and n == len(heads) - 1 and "mission" in role.paths:
            found = index.mission_told(token) if "state" in role.kinds else []
        elif head.i in hosts:  # the envoy's host state alone, never the envoy's own
            found = index.fill(head, ["host"], home)
        elif role.mint and "state" in role.kinds and (named := _titled(mint, head)):
            found = named   # "the Turkish Republic of Northern Cyprus": one name, not Turkey's (titled_states.py)
        elif acted_on and role.kinds[0] == "person" and "regime" not in role.kinds and (leader := headed_by(head)) is not None \
                and (named := index.fill(leader, ["person"], home)):
            found = named   # "overthrew the government of President X", "toppled X's cabinet": the one who led it
            # (only the one acted on: a government named after its leader that acts speaks for its state, governments.py)
        else:
            found = index.fill(head, list(role.kinds), home)
            if "state" in role.kinds:
                found = _members_for_groups(head, found, index, role.kinds, home)
        if not found and "state" in role.kinds and head.lemma_.lower() in STAFF_NOUNS:
            found = index.mission_before(head)  # "declared Mexico's ambassador ... and gave diplomatic staff 72 hours"
        if not found and ACTING_FOR & set(role.kinds) and (owner := _whose_owner(head)) is not None:
            found = index.fill(owner, list(role.kinds), home)  # "Brazil, whose president restored relations": Brazil
        if not found and ACTING_FOR & set(role.kinds) and (author := document_author(head)) is not None:
            found = index.fill(author, list(role.kinds), home)  # "a note signed by the foreign secretary ended relations"
        if not found and head.dep_ == "poss" and (possessor := nominal.bound_possessor(head)) is not None:
            found = index.fill(possessor, list(role.kinds), home)  # "whose arrest", "Since his arrest, X"
        if not found and "state" in role.kinds and not home and (owner := owner_subject(head, token)) is not None:
            found = index.fill(owner, ["state"])  # "Moscow condemned Poland's expulsion of its diplomats": Moscow's
        if not found and {"state", "host"} & set(role.kinds) and (not home or head.i in hosts) and envoys.anaphor(head):
            told = envoys.told_before(head, index)  # "It gave him 72 hours to leave": the envoy told before
            found = index.fill(told, ["host"] if head.i in hosts else list(role.kinds), home) if told is not None else []
        if found and len(role.kinds) > 1 and all(f[0] in exclude for f in found) and index.at(head) is not None \
                and index.at(head).kind == "mission":
            # a mission whose first kind is the other role's ("China downgraded the Lithuanian embassy in
            # Beijing": its host is the agent), read as the next kind (its sending state)
            found = next((g for kind in role.kinds[1:] for g in [index.fill(head, [kind], home)]
                          if g and not all(f[0] in exclude for f in g)), found)
        found = [f for f in found if f[0] not in exclude and f[0] not in {o[0] for o in out}
                 and (f[1] is None or f[1].kind != "first-person" or set(role.kinds) == {"person"})]   # ("I" acts as a person only)
        if found and not role.all and head.i in listed:
            out += found
            if not any(h.i in listed for h in heads[n + 1:]):
                return out
            continue
        if found and not role.all:
            # "the ambassador of X and the consul of Y"; "the diplomats of X, of Y and of Z"
            # (not for the act of a relative clause on the head: "granted asylum to X, who had been ousted, and
            # to Y" tells no ousting of Y)
            repeated = tree.repeated_prep_objects(head) if not head.left_edge.i <= token.i <= head.right_edge.i else []
            for other in conjunct_phrases.get(head.i, []) + repeated:
                found += [f for f in index.fill(other, list(role.kinds), home)
                          if f[0] not in exclude and f[0] not in {g[0] for g in found}]
            if role.mint and mint is not None and set(role.kinds) == {"person"}:
                found += named_members.unknown_listed(head, index, mint, exclude | {f[0] for f in found})
                found += named_members.members_named_after(head, index, mint, exclude | {f[0] for f in found})
                found += named_members.kin_listed(head, index, mint, exclude | {f[0] for f in found})
            elif role.mint and mint is not None:
                found += named_members.unknown_conjuncts(head, index, mint, _minted_types(role), exclude | {f[0] for f in found})
            return found
        out += found
    if not out and not home:
        # "declared twelve diplomats persona non grata, among them the envoys of X and Y": the members named
        # (of those acted on only: the agent's group is read by the mentions, "Twenty states, among them ...";
        # a state only from a group of envoys, and from an "of" phrase only on an envoy: "40 students,
        # including the son of the Latvian ambassador" names no state acted on)
        for head in heads:
            if "state" in role.kinds and head.lemma_.lower() not in GROUP_OF_ENVOYS:
                continue
            members = members_listed_after(head)
            found = [f for m in members for f in (index.fill(m, list(role.kinds)) or [
                g for o in tree.prep_objects(m, "of")[:1] if m.lemma_.lower() in envoys.ENVOY_LEMMAS
                for g in index.fill(o, list(role.kinds))])
                if f[0] not in exclude]
            found = [f for n, f in enumerate(found) if f[0] not in {g[0] for g in found[:n]}]
            if found:
                return found
    if not out and role.mint and mint is not None:
        # a role for persons only mints persons, also from an apposition ("a Russian man, Vadim Krasov")
        persons = set(role.kinds) == {"person"}
        # (an authority is never a person: "Attorney General X charged him" is no person's charge, organs.py)
        types = KIND_TYPES["person"] if persons else _minted_types(role)
        for head in heads:  # no actor the gazetteer knows: a proper name of its own ("the Taliban")
            # (a part of a body acts in its name: "Pre-Trial Chamber II of the International Criminal Court" mints the court)
            named = named_members.names_of(head) if persons else [whole_body(head) or head]
            if role.kinds[0] == "tribunal" and not any(international(n) and not index.state_in_apposition(n) for n in named):
                # (a court of no state's is minted by its own international name, not "the High Court", nor one
                # its description gives a state: "the Extraordinary African Chambers, a court inside Senegal's judiciary")
                continue
            # (a person of the list the article names elsewhere is theirs: "including the ministers X and Y")
            found = [f for one in named for conj in tree.fan_out(one)
                     for f in ((persons and conj != head and index.fill(conj, ["person"])) or mint(conj, types))
                     if f[0] not in exclude]
            found = [f for n, f in enumerate(found) if f[0] not in {g[0] for g in found[:n]}]
            if found:
                return found
    if not out and home and role.kinds[0] == "state":  # (a speaker is the envoy himself: a person first)
        out = [f for f in _envoy_told(heads, index) if f[0] not in exclude]
    return out


#: kinds an office holder or organ stands for: "X, whose president (police, foreign ministry) ..." acts for X
ACTING_FOR = frozenset({"state", "authority"})


def _whose_owner(head: Token) -> Token | None:
    """The noun a relative clause hangs on, where "whose" owns the role's head: "Brazil, whose
    president restored relations with Venezuela", "Peru, whose police arrested him"."""
    whose = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    return nominal.bound_possessor(whose) if whose is not None else None


def _titled(mint: Callable | None, head: Token) -> list[tuple[str, Mention]]:
    """The titled states a minting role's head names that the registry lacks (titled_states.py)."""
    titled = getattr(mint, "titled", None)
    return titled(head) if titled is not None else []


def _envoy_told(heads: list[Token], index: TokenMentions) -> list[tuple[str, Mention]]:
    """'The ambassador asked the junta for safe conducts': a bare envoy noun as the subject, no
    other path of the role filled, acts for the state that sent the envoy told before, or, none
    told, for the state of the mission named just before."""
    for head in heads:
        if head.pos_ == "NOUN" and head.dep_ == "nsubj" and envoys.anaphor(head):
            told = envoys.told_before(head)
            return index.fill(told, ["state"]) if told is not None else index.mission_told(head)
    return []


def co_targets(token: Token, index: TokenMentions, exclude: set[str],
                mint: Callable | None, kinds: tuple[str, ...] = ("person",), custody: bool = False) -> list[tuple[str, Mention]]:
    """The persons acted on together with the target ("was arrested along with Luis Vega"; in ``custody``,
    "was detained with Luis Vega" too), or the states of the envoys acted on with it ("expelled the Russian
    ambassador along with the Belarusian chargé")."""
    if set(kinds) != {"person"}:
        found = [f for co in co_envoys(token, envoys.ENVOY_LEMMAS) for f in index.fill(co, ["state"])[:1] if f[1] is not None]
        return [f for n, f in enumerate(found) if f[0] not in exclude | {g[0] for g in found[:n]}] if "state" in kinds else []
    out: list[tuple[str, Mention]] = []
    seen: list[tuple[str, Mention]] = []
    for co in co_objects(token, bare_with=custody):
        named = [c for c in co.children if c.dep_ == "appos"] + [co]  # "her husband, Luis Vega": the name first
        for one in named:
            found = index.fill(one, ["person"])
            minted = mint(one, KIND_TYPES["person"]) if mint is not None and one.pos_ == "PROPN" and not _told_at(found, one) else []
            # (a name in a list fills as the whole list: "two aides, X, Y and Z" — the one at this token, first)
            seen += found + minted   # (or told by a neighbour's list: "X, Y and Z" minted at X gives Y)
            found = _told_at(seen, one)[:1] or found or minted
            found = [f for f in found if f[0] not in exclude | {o[0] for o in out}]
            if found:
                out += found[:1]
                break
    return out


def _told_at(found: list[tuple[str, Mention]], token: Token) -> list[tuple[str, Mention]]:
    """The fillers whose mention spans the token."""
    return [f for f in found if f[1] is not None and f[1].start <= token.idx < f[1].end]


def _members_for_groups(head: Token, found: list, index: TokenMentions, kinds, home: bool) -> list:
    """'recognised Russia and five other former Soviet republics, among them X and Y': a plural of
    states among the head's conjuncts stands for the members named after it, not for the state of its
    demonym (the republics are not the Soviet Union); the unnamed rest are no one's."""
    for group in tree.fan_out(head):
        if group.tag_ != "NNS" or group.lemma_.lower() not in GROUP_NOUNS or not (members := members_listed_after(group)):
            continue
        start, end = group.left_edge.idx, group.idx + len(group.text)
        found = [f for f in found if f[1] is None or not start <= f[1].start < end]
        found += [f for m in members for f in index.fill(m, list(kinds), home) if f[0] not in {g[0] for g in found}]
    return found


def _minted_types(role: frame_file.Role) -> tuple[str, ...] | None:
    """The entity types a minting role that is not for persons alone may mint (an authority is never a
    person: "Attorney General X charged him" is no person's charge, organs.py)."""
    return ("State", "Government") if "authority" in role.kinds else None
