"""Event frames: loading the frame data file (``frames.yaml``, checked with ``file:line`` errors) and
matching frames to the clauses of a parsed article.

A frame names trigger words and where each role is found (see the comments at the top of
``frames.yaml``); structure.py decides which clauses are acts and who their logical subject and
object are; mentions.py turns an argument token into the actors it names, one per conjunct.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import envoys, nominal, organs, structure
from .counterpart import PAIR_LOOK_BACK, named_before, told_pair
from .envoys import ENVOY_LEMMAS
from .headlines import repair_adjective_objects
from .relations import RELATION_FRAMES, other_ties
from .gazetteer import Mention
from .mentions import KIND_TYPES, TokenMentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FRAMES_FILE = Path(__file__).with_name("frames.yaml")
ROLES = ("agent", "target", "place", "beneficiary", "instrument")
PATH_HEADS = ("subject", "object", "dative", "for", "xcomp", "dobj", "said", "poss", "described", "there", "head", "host",
              "mission")


class FrameError(ValueError):
    """A frame file that cannot be used: the message is ``file:line: what (how to fix)``."""


@dataclass(frozen=True)
class Trigger:
    lemmas: frozenset[str]
    pos: str                              # "verb" or "noun"
    needs: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()         # the act's logical subject must be one of these ("prosecutors accused")
    target: tuple[str, ...] = ()          # paths to the target for this trigger alone ("she faces charges": subject)
    mentioned: bool = False               # a noun that reports the act wherever it stands ("after his arrest")
    describes: bool = False               # a noun that describes a person ("Ana Ruiz, the opposition candidate")
    negated: bool = False                 # the verb's own negation is the act ("does not recognise")
    also: tuple[str, ...] = ()            # and one of these too ("brought its ambassador home": home or back)
    shared: bool = False                  # the words report another frame's act too ("switched recognition from A to B")
    mentioned_with: tuple[str, ...] = ()  # (nouns) prepositions that name the one acted on as "of" does ("the coup against X")


@dataclass(frozen=True)
class Role:
    paths: tuple[str, ...]
    kinds: tuple[str, ...]
    required: bool = False
    all: bool = False                     # every actor found is one role value (what a statement is about)
    implied: bool = False                 # an organ named without its state, or no agent named: a state (organs.py)
    mint: bool = False                    # a proper name the gazetteer lacks is minted as a new actor


@dataclass(frozen=True)
class Frame:
    type: str
    triggers: tuple[Trigger, ...]
    roles: dict[str, Role]
    positive: tuple[dict, ...] = ()
    negative: tuple[str, ...] = ()
    line: int = 0
    reciprocal: bool = False              # "the two countries broke off relations": each party to the other
    counterpart: bool = False             # no target in the clause: the agent's counterpart told before
    part_of: tuple[str, ...] = ()         # coordinated with an act of these types, it is that act's part
    staff_part_of: tuple[str, ...] = ()   # coordinated with these, an act on a mission's staff is their part


@dataclass(frozen=True)
class FrameSet:
    language: str
    enacting: frozenset[str]
    frames: tuple[Frame, ...]

    @functools.cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every trigger lemma of every frame: a token with none of them is no trigger (checked first, for speed)."""
        return frozenset(w for f in self.frames for t in f.triggers for w in t.lemmas)


@dataclass
class FrameMatch:
    """One event found by a frame: its type, actors (entity ids) and where it is in the text."""
    type: str
    trigger: "Token"
    agent: str | None
    target: str | list[str] | None
    mentions: list[Mention] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    listed: bool = False                  # one of several events a list in the clause fans out to
    between_states: bool = False          # an act of a state on a state (the context for a counterpart)
    counterpart: bool = False             # its target is still to be found in what was told before
    pair: bool = False                    # both parties too: "ties were restored in 2018" (after a severance told)

    def start(self) -> int:  # the trigger's offsets in the sentence are set by the caller
        return self.trigger.idx

    def end(self) -> int:
        return self.trigger.idx + len(self.trigger.text)


def _where(path: Path, node, key=None) -> str:
    try:
        line = (node.lc.key(key)[0] if key is not None else node.lc.line) + 1
    except (AttributeError, KeyError, TypeError):
        line = 1
    return f"{path}:{line}"


def _words(path: Path, node, key: str, required: bool = False) -> tuple[str, ...]:
    value = node.get(key)
    if value is None:
        if required:
            raise FrameError(f"{_where(path, node)}: '{key}' is missing (give a list of words)")
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise FrameError(f"{_where(path, node, key)}: '{key}' must be a list of words (e.g. [expel, eject])")
    return tuple(v.strip().lower() for v in value)


def _role(path: Path, node, name: str) -> Role:
    if not isinstance(node, dict):
        raise FrameError(f"{_where(path, node)}: role '{name}' must be a mapping with 'from' and 'is'")
    unknown = set(node) - {"from", "is", "required", "all", "implied", "mint"}
    if unknown:
        raise FrameError(f"{_where(path, node)}: role '{name}' has unknown key(s) {sorted(unknown)} (use from, is, required, all, implied, mint)")
    paths = _words(path, node, "from", required=True)
    for p in paths:
        head = p.split(".")[0].split(":")[0]
        if head not in PATH_HEADS + ("prep",):
            raise FrameError(f"{_where(path, node, 'from')}: unknown path '{p}' (paths start with one of "
                             f"{', '.join(PATH_HEADS)}, prep:X)")
    kinds = _words(path, node, "is", required=True)
    for k in kinds:
        if k not in KIND_TYPES:
            raise FrameError(f"{_where(path, node, 'is')}: unknown kind '{k}' (use one of {', '.join(KIND_TYPES)})")
    # agent and target are required unless the frame says otherwise: an event half-coded is a wrong one
    return Role(paths, kinds, bool(node.get("required", name in ("agent", "target"))), bool(node.get("all", False)),
                bool(node.get("implied", False)), bool(node.get("mint", False)))


def load_frames(path: str | Path = FRAMES_FILE, known_types: set[str] | None = None) -> FrameSet:
    """Read and check a frame file; a mistake raises FrameError with its file and line."""
    path = Path(path)
    try:
        data = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameError(f"{path}:1: cannot read the frame file ({exc})") from exc
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FrameError(f"{path}:{(mark.line + 1) if mark else 1}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("frames"), list):
        raise FrameError(f"{path}:1: a frame file is a mapping with a 'frames' list")
    frames = []
    seen: set[str] = set()
    for node in data["frames"]:
        if not isinstance(node, dict) or not isinstance(node.get("type"), str):
            raise FrameError(f"{_where(path, node)}: each frame needs a 'type' (an event class, e.g. Arrest)")
        etype = node["type"]
        if known_types is not None and etype not in known_types:
            raise FrameError(f"{_where(path, node, 'type')}: '{etype}' is not an event class of the ontology")
        if etype in seen:
            raise FrameError(f"{_where(path, node, 'type')}: a second frame for '{etype}' (merge their triggers into one)")
        seen.add(etype)
        triggers = []
        for t in node.get("triggers") or []:
            if not isinstance(t, dict) or ("verb" in t) == ("noun" in t):
                raise FrameError(f"{_where(path, t)}: a trigger has either 'verb' or 'noun' (a list of lemmas)")
            pos = "verb" if "verb" in t else "noun"
            targets = _words(path, t, "target")
            for p in targets:
                if p.split(".")[0].split(":")[0] not in PATH_HEADS + ("prep",):
                    raise FrameError(f"{_where(path, t, 'target')}: unknown path '{p}' (paths start with one of "
                                     f"{', '.join(PATH_HEADS)}, prep:X)")
            triggers.append(Trigger(frozenset(_words(path, t, pos)), pos, _words(path, t, "needs"), _words(path, t, "unless"),
                                    _words(path, t, "subject"), targets, bool(t.get("mentioned", False)),
                                    bool(t.get("describes", False)), bool(t.get("negated", False)), _words(path, t, "also"),
                                    bool(t.get("shared", False)),
                                    # "mentioned: [against]": the noun reports its act with these prepositions too
                                    _words(path, t, "mentioned") if isinstance(t.get("mentioned"), list) else ()))
        if not triggers:
            raise FrameError(f"{_where(path, node)}: frame '{etype}' has no triggers")
        roles = {name: _role(path, node[name], name) for name in ROLES if name in node}
        if "agent" not in roles:
            raise FrameError(f"{_where(path, node)}: frame '{etype}' has no agent role")
        examples = node.get("examples") or {}
        positive = tuple(examples.get("positive") or ())
        for ex in positive:
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("expect"), list):
                raise FrameError(f"{_where(path, ex)}: a positive example has 'text' and 'expect' ([[type, agent, target], ...])")
        frames.append(Frame(etype, tuple(triggers), roles, positive, tuple(examples.get("negative") or ()),
                            node.lc.line + 1, bool(node.get("reciprocal", False)), bool(node.get("counterpart", False)),
                            tuple(node.get("part_of") or ()), tuple(node.get("staff_part_of") or ())))
    return FrameSet(str(data.get("language", "en")), frozenset(_words(path, data, "enacting")), tuple(frames))


@functools.lru_cache(maxsize=2)
def default_frames() -> FrameSet:
    return load_frames(FRAMES_FILE)


@functools.lru_cache(maxsize=4)
def frames_for(language: str) -> FrameSet:
    """The frames of a language: frames.yaml for English, languages/<code>.yaml for another."""
    from .language import language_file

    return default_frames() if language == "en" else load_frames(language_file(language))


# == matching ==========================================================================================

def _has(tokens: list["Token"], words: tuple[str, ...]) -> bool:
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    joined = " " + " ".join(lowers) + " "
    hyphened = joined.replace(" - ", "-")   # the tokenizer splits "safe-conduct" into three
    for w in words:
        if " " in w or "-" in w:
            if f" {w} " in joined or f" {w} " in hyphened or f" {w.replace('-', ' ')} " in hyphened.replace("-", " "):
                return True
        elif w in lemmas or w in lowers:
            return True
    return False


def _needs_told_before(token: "Token", local: list["Token"], needs: tuple[str, ...]) -> bool:
    """'... broke off relations with France in 2006 and restored them in 2009': "them" as the object
    stands for the plural the words need, named before in this sentence or the one before."""
    if not any(t.lower_ == "them" and t.dep_ in ("dobj", "nsubjpass") and t.head.i == token.i for t in local):
        return False
    sents = list(token.doc.sents) if token.sent.start > 0 else [token.sent]
    here = next((n for n, s in enumerate(sents) if s.start == token.sent.start), 0)
    start = sents[max(0, here - 1)].start
    before = [t for t in token.doc[start:token.i] if t.tag_ in ("NNS", "NNPS")]
    return _has(before, tuple(w for w in needs if " " not in w))


def copula(token: "Token") -> bool:
    """A form of "be" that heads its clause, no auxiliary: "she is in custody", "has been behind bars
    since 2020" (a verb trigger on "be" reports a state the act left: a frame says which words it needs)."""
    return token.pos_ == "AUX" and token.lemma_ == "be" and token.dep_ not in ("aux", "auxpass")


def _triggered(frame: Frame, token: "Token", enacting: frozenset[str]) -> Trigger | None:
    lemma = token.lemma_.lower()
    for trig in frame.triggers:
        if lemma not in trig.lemmas and token.lower_ not in trig.lemmas:
            continue
        if trig.pos == "verb" and token.pos_ != "VERB" and not copula(token):
            continue
        if trig.pos == "noun":
            if token.pos_ != "NOUN":
                continue
            enacted = token.head.lemma_.lower() in enacting and token.dep_ in ("dobj", "nsubjpass")
            if not enacted and not (trig.mentioned and structure.reported_by_noun(token, ("of",) + trig.mentioned_with)) \
                    and not (trig.describes and structure.described(token) is not None) \
                    and not (frame.reciprocal and structure.between_nominal(token) and structure.reported_by_noun(token)) \
                    and not (nominal.agent(token) is not None and (structure.prep_objects(token, "of") or any(
                        o.lemma_.lower() in ("relation", "tie") for o in structure.prep_objects(token, "in")))):
                continue  # "the recognition of Kosovo by Peru", "Peru's recognition of Kosovo": the noun names its own act
        local = structure.local_tokens(token)
        # (or "him", "the envoy" for an envoy told before: "... and gave him 72 hours to leave"; looked up once)
        envoy_before = functools.cache(lambda: envoys.object_told_before(token) is not None)
        if trig.needs and not _has(local, trig.needs) and not _needs_told_before(token, local, trig.needs) \
                and not (ENVOY_LEMMAS & set(trig.needs) and envoy_before()):
            continue
        # (or on the object of the complement: "ordered them to withdraw their diplomats")
        # (or of a complement clause: "has not decided whether to grant her a safe conduct")
        if trig.also and not _has(local + [c for x in local if x.dep_ in ("xcomp", "ccomp") and x.head.i == token.i
                                           for c in x.children if c.dep_ == "dobj"], trig.also) \
                and not (ENVOY_LEMMAS & set(trig.also) and envoy_before()):
            continue
        # (not in a relative clause on an argument: "... from countries that had questioned the result")
        own = structure.local_tokens(token, relative_clauses=False) if trig.unless else local
        # (not the trigger's own complementizer: "said that Caracas was withdrawing its staff")
        own = [t for t in own if not (t.dep_ == "mark" and t.head.i == token.i)]
        # (nor a word of a place's or a body's name: "arrested her in Ho Chi Minh City", "near the White House")
        own = [t for t in own if not (t.pos_ == "PROPN" and (t.dep_ in ("compound", "flat")
                                                              or any(c.dep_ in ("compound", "flat") for c in t.children)))]
        if trig.unless and _has(own + ([token.head] if trig.pos == "noun" else []), trig.unless):  # "ordered his arrest"
            continue
        if trig.negated != (structure.negated(token) or (trig.negated and structure.not_yet(token))):
            continue
        if trig.subject:
            subject = structure.logical_subject(token) if token.pos_ == "VERB" else None
            if subject is None:  # "nobody" in the list: an agentless passive ("she was accused of fraud")
                if not ("nobody" in trig.subject and token.pos_ == "VERB" and structure.is_passive(token)):
                    continue
            elif not _has(_subject_words(subject), trig.subject):
                continue
        return trig
    return None


def _subject_words(subject: "Token") -> list["Token"]:
    """The words that say who a subject is: itself, its apposition, and the words naming it ("the
    attorney general's office", "the Public Ministry"), in their order."""
    words = [subject] + [c for c in subject.children if c.dep_ in ("appos", "compound", "amod", "poss")]
    words += [g for c in subject.children if c.dep_ == "poss" for g in c.children if g.dep_ == "compound"]
    return sorted(set(words), key=lambda t: t.i)


def _heads(token: "Token", path: str) -> list["Token"]:
    """The tokens a role path points to from the trigger."""
    verb = token.head if token.pos_ == "NOUN" else token
    steps = path.split(".")
    first, rest = steps[0], steps[1:]
    if token.pos_ == "NOUN" and first.startswith("prep:"):
        current = structure.prep_objects(token, first[5:])  # "the expulsion of Peru's envoy"
    elif token.pos_ == "NOUN" and first == "object":
        current = structure.prep_objects(token, "of")
    elif first == "subject" and token.pos_ == "NOUN" and (agent := nominal.agent(token)) is not None:
        current = [agent]
    elif first == "subject":
        s = structure.logical_subject(verb)
        current = [s] if s is not None else []
    elif first in ("object", "host"):  # host: the state the envoy acted on is sent to ("Canada's ambassador was expelled")
        o = structure.logical_object(verb)
        current = [o] if o is not None else []
        # "declared [a Kenyan diplomat persona] non grata": the parser made the envoy a compound of the phrase
        current = [x for t in current for x in ([c for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN"][:1]
                                                if t.lower_ in ("persona", "personae") else []) + [t]]
    elif first == "dative":
        current = structure.children(verb, ("dative", "iobj")) or [
            c for c in verb.children if c.dep_ == "dobj" and any(d.dep_ == "dobj" for d in verb.children if d is not c)][:1]
    elif first == "for":
        current = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    elif first == "xcomp":
        current = structure.children(verb, ("xcomp",))
    elif first == "dobj":  # the object as written, in a passive too ("was granted asylum in Mexico")
        current = structure.children(verb, ("dobj",))
    elif first.startswith("prep:"):
        current = structure.prep_objects(verb, first[5:])
    elif first == "said":
        current = structure.what_was_said(verb)
    elif first == "described":  # the person a noun trigger describes ("Ana Ruiz, the candidate")
        found = structure.described(token) if token.pos_ == "NOUN" else None
        current = [found] if found is not None else []
    elif first == "poss":  # the possessor of a noun trigger ("her arrest"), shared over a list ("his flight and arrest")
        current = [c for c in token.children if c.dep_ == "poss"] or (
            [c for c in token.head.children if c.dep_ == "poss"] if token.dep_ == "conj" and token.pos_ == "NOUN" else [])
    elif first == "there":
        # "where" in a relative clause: the place it hangs on ("fled to Argentina, where he sought asylum")
        current = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in ("there", "here", "where")]
    elif first == "head":  # the verb this one is coordinated with: "walked into the embassy and asked for asylum"
        current = [verb.head] if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else []
    else:
        return []
    for step in rest:
        nxt: list = []
        for t in current:
            if step == "poss":
                nxt += [c for c in t.children if c.dep_ == "poss"]
            elif step.startswith("prep:"):
                nxt += structure.prep_objects(t, step[5:])
            elif step == "object":
                o = structure.logical_object(t)
                nxt += [o] if o is not None else []
            elif step == "dative":
                nxt += structure.children(t, ("dative", "iobj"))
            elif step in ("amod", "compound"):  # "the Venezuelan ambassador": the envoy's own state
                nxt += structure.children(t, (step,))
            elif step in ("ccomp", "subject"):  # "to hold Myanmar responsible": a small clause and its subject
                nxt += structure.children(t, ("ccomp",) if step == "ccomp" else ("nsubj",))
        current = nxt
    return current


#: acts on persons whose subject a timeline entry may leave out ("2015 — Arrested and charged")
LEGAL_TYPES = frozenset({"Arrest", "Charge", "Sentence"})

#: the unnamed members of a mission: whose they are, the envoy or mission named before them says
STAFF_NOUNS = frozenset({"staff", "personnel", "diplomat"})


def _role_fillers(role: Role, token: "Token", index: TokenMentions, exclude: set[str],
                  home: bool = False, mint: "Callable[[Token], list] | None" = None) -> list[tuple[str, Mention]]:
    out: list[tuple[str, Mention]] = []
    heads = [h for path in role.paths for h in _heads(token, path)]
    if "mission" in role.paths:  # the last resort: the mission named just before ("... where asylum was granted to him")
        heads.append(token)
    # "the French, Italian and Spanish ambassadors were recalled": each demonym of one noun is one actor
    listed = {h.i for path in role.paths if path.endswith((".amod", ".compound")) for h in _heads(token, path)}
    hosts = {h.i for h in _heads(token, "host")} if "host" in role.paths else set()
    for n, head in enumerate(heads):
        if head.lower_ in ("there", "here", "where") and head.dep_ == "advmod":  # the place told just before
            found = next((f for kind in role.kinds for f in [index.before(head, kind, 1)] if f), [])
        elif head is token and n == len(heads) - 1 and "mission" in role.paths:
            found = index.mission_told(token) if "state" in role.kinds else []
        elif head.i in hosts:  # the envoy's host state alone, never the envoy's own
            found = index.fill(head, ["host"], home)
        else:
            found = index.fill(head, list(role.kinds), home)
        if not found and "state" in role.kinds and head.lemma_.lower() in STAFF_NOUNS:
            found = index.mission_before(head)  # "declared Mexico's ambassador ... and gave diplomatic staff 72 hours"
        if not found and head.dep_ == "poss" and (possessor := nominal.bound_possessor(head)) is not None:
            found = index.fill(possessor, list(role.kinds), home)  # "whose arrest", "Since his arrest, X"
        if not found and {"state", "host"} & set(role.kinds) and (not home or head.i in hosts) and envoys.anaphor(head):
            told = envoys.told_before(head)  # "It gave him 72 hours to leave": the envoy told before
            found = index.fill(told, ["host"] if head.i in hosts else list(role.kinds), home) if told is not None else []
        found = [f for f in found if f[0] not in exclude and f[0] not in {o[0] for o in out}]
        if found and not role.all and head.i in listed:
            out += found
            if not any(h.i in listed for h in heads[n + 1:]):
                return out
            continue
        if found and not role.all:
            if role.mint and mint is not None and set(role.kinds) == {"person"}:
                found += _unknown_listed(head, index, mint, exclude | {f[0] for f in found})
                found += _kin_listed(head, index, mint, exclude | {f[0] for f in found})
            return found
        out += found
    if not out and role.mint and mint is not None:
        # a role for persons only mints persons, also from an apposition ("a Russian man, Vadim Krasov")
        persons = set(role.kinds) == {"person"}
        # (an authority is never a person: "Attorney General X charged him" is no person's charge, organs.py)
        types = KIND_TYPES["person"] if persons else ("State", "Government") if "authority" in role.kinds else None
        for head in heads:  # no actor the gazetteer knows: a proper name of its own ("the Taliban")
            named = _names_of(head) if persons else [head]
            # (a person of the list the article names elsewhere is theirs: "including the ministers X and Y")
            found = [f for one in named for conj in structure.fan_out(one)
                     for f in ((persons and conj is not head and index.fill(conj, ["person"])) or mint(conj, types))
                     if f[0] not in exclude]
            found = [f for n, f in enumerate(found) if f[0] not in {g[0] for g in found[:n]}]
            if found:
                return found
    return out


def _co_targets(token: "Token", index: TokenMentions, exclude: set[str],
                mint: "Callable | None") -> list[tuple[str, Mention]]:
    """The persons acted on together with the target ("was arrested along with Luis Vega")."""
    out: list[tuple[str, Mention]] = []
    for co in structure.co_objects(token):
        named = [c for c in co.children if c.dep_ == "appos"] + [co]  # "her husband, Luis Vega": the name first
        for one in named:
            found = index.fill(one, ["person"]) or (mint(one, KIND_TYPES["person"]) if mint is not None and one.pos_ == "PROPN" else [])
            found = [f for f in found if f[0] not in exclude | {o[0] for o in out}]
            if found:
                out += found[:1]
                break
    return out


def _kin_listed(head: "Token", index: TokenMentions, mint: "Callable", exclude: set[str]) -> list[tuple[str, Mention]]:
    """'charged Nawaz Khan, his brother Shahbaz Khan and five others': a named person's "apposition"
    that is someone's relative or aide with a name of its own is the next person of a list."""
    if head.pos_ != "PROPN":
        return []
    out: list[tuple[str, Mention]] = []
    for noun in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        if not any(c.dep_ == "poss" for c in noun.children):
            continue  # "X, the former minister": X himself
        for name in (c for c in noun.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > noun.i):
            found = index.fill(name, ["person"]) or mint(name, KIND_TYPES["person"])
            out += [f for f in found[:1] if f[0] not in exclude | {o[0] for o in out}]
    return out


def _names_of(head: "Token") -> list["Token"]:
    """A noun and the words that name who it is: its appositions, and the names after "named as" /
    "identified as" ("two men, named as X and Y")."""
    # ("Twelve people were charged, including the former ministers X and Y": the phrase on the verb)
    holders = [head] + ([head.head] if head.dep_ in ("nsubjpass", "dobj") and head.head.pos_ == "VERB" else [])
    listed = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("including", "among")
              for g in c.children if g.dep_ == "pobj"]
    return [head] + [c for c in head.children if c.dep_ == "appos"] + listed + [
        a for g in listed if g.pos_ == "NOUN" for a in g.children if a.dep_ == "appos"] + [
        g for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in ("name", "identify")
        for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]


def _unknown_listed(head: "Token", index: TokenMentions, mint: "Callable", exclude: set[str]) -> list[tuple[str, Mention]]:
    """The persons of a list the gazetteer knows only in part ("two women, Ana Ruiz and Doan Thi Hoa"):
    each name of the list no mention covers is minted."""
    out: list[tuple[str, Mention]] = []
    for one in _names_of(head):
        for conj in list(structure.fan_out(one))[1:]:
            if conj.pos_ == "PROPN" and index.at(conj) is None:
                out += [f for f in mint(conj, KIND_TYPES["person"]) if f[0] not in exclude | {o[0] for o in out}]
    return out


def match_sentence(frameset: FrameSet, tokens: "Iterator[Token]", index: TokenMentions,
                   mint: "Callable[[Token], list] | None" = None) -> list[FrameMatch]:
    """Every frame that fits a clause of these tokens (one sentence), with one match per conjunct."""
    out: list[FrameMatch] = []
    for token in tokens:
        if token.pos_ not in ("VERB", "NOUN") and not copula(token):
            continue
        if token.lemma_.lower() not in frameset.trigger_words and token.lower_ not in frameset.trigger_words:
            continue
        for frame in frameset.frames:
            trigger = _triggered(frame, token, frameset.enacting)
            if trigger is None:
                continue
            if structure.not_an_act(token, trigger.negated):
                continue
            if any(c.lower_ in ("nor", "neither") for c in token.children if c.i < token.i) or (token.dep_ == "conj" and any(
                    c.lower_ == "nor" for c in token.head.children if token.head.i < c.i < token.i)):
                continue  # "did not break off relations, nor did it recall its ambassador"
            if frame.type in RELATION_FRAMES and other_ties(token):
                continue  # "severed military ties": not the relations between the states
            if token.dep_ == "conj" and any(m.type == frame.type and m.trigger == token.head for m in out) \
                    and not structure.children(token, ("nsubj", "nsubjpass")):
                break  # "expelled the ambassador and gave him five days to leave": one act told twice
            if token.dep_ == "conj" and any(m.type in frame.part_of and m.trigger == token.head for m in out) \
                    and (any(c.pos_ == "PRON" for c in structure.children(token, ("dobj", "dative", "iobj")))
                         or (structure.is_passive(token) and not structure.children(token, ("nsubjpass", "nsubj")))):
                break  # "declared him persona non grata and gave him 48 hours to leave" ("... and given 48 hours"): the declaration's
            if token.dep_ == "conj" and any(m.type in frame.staff_part_of and m.trigger == token.head for m in out) \
                    and any(c.lemma_.lower() in STAFF_NOUNS | {"personnel", "employee", "official"}
                            for c in structure.children(token, ("dobj", "nsubjpass"))):
                break  # "broke off relations and recalled its staff": the severance's consequence (codebook)
            roles = frame.roles
            if trigger.target and "target" in roles:  # the one acted on is the subject: the agent is implied
                roles = dict(roles, target=Role(trigger.target, roles["target"].kinds, roles["target"].required,
                                                mint=roles["target"].mint),
                             agent=Role(("prep:by", "prep:from", "object.prep:from", "prep:in", "object.prep:in"),
                                        roles["agent"].kinds, roles["agent"].required, implied=roles["agent"].implied))
            if trigger.mentioned and not (token.head.lemma_.lower() in frameset.enacting and token.dep_ in ("dobj", "nsubjpass")):
                # "Mexico condemned the arrest of Ana Ruiz": the agent is the noun's own "by ...", or implied
                own = nominal.agent(token) is not None  # "Peru's detention of X": its own agent
                paths = tuple(p for p in roles["agent"].paths if own or not p.startswith("subject")) + ("prep:by",)
                roles = dict(roles, agent=Role(paths, roles["agent"].kinds, roles["agent"].required,
                                               implied=roles["agent"].implied))
            # "the restoration of relations between Cuba and the United States": the two parties, no agent
            agents = [] if frame.reciprocal and structure.between_nominal(token) else \
                _role_fillers(roles["agent"], token, index, set(), home=True, mint=mint)
            if not agents and token.pos_ == "NOUN" and (owner := nominal.bound_owner(token)) is not None:
                # "Following the recall of its ambassador, Algeria ...": the clause's subject acts
                agents = [a for a in index.fill(owner, list(roles["agent"].kinds), home=True)
                          if a[1] is not None][:1]
            if trigger.target and not agents:
                implied, organ = roles["agent"].implied, None
            else:
                implied, organ = organs.implied_agent(token) if not agents and roles["agent"].implied else (False, None)
            if roles["agent"].implied and agents and all(organs.bare_organ(m) for _, m in agents):
                implied, organ = True, None  # "the Supreme Court": the state of the person it acts on, before the article's
            elif roles["agent"].implied and agents and agents[0][1] is not None and index.state_of(agents[0][0]):
                # "Belarus charged him": for the acts after (a coup leader or an international court is no state's)
                index.legal_state = index.state_of(agents[0][0])
            if not agents and not implied and structure.is_passive(token) and {"state", "authority"} & set(roles["agent"].kinds):
                # "Two diplomats were expelled, the ministry said": a passive without "by" is the speaker's state's act
                speaker_token = structure.speaker(token)
                if speaker_token is not None:
                    agents = [a for a in index.fill(speaker_token, ["state"], home=True) if a[1] is not None][:1]
            if not agents and frame.reciprocal:
                agents = _both_parties(token, index)
            if not agents and not implied and roles["agent"].required and not frame.reciprocal:
                continue
            if agents and "subject" in roles["agent"].paths and token.pos_ == "VERB" and not trigger.target:
                for co in structure.co_subjects(token):  # "Estonia, along with Latvia, expelled ..."
                    agents += [a for a in index.fill(co, list(roles["agent"].kinds), home=True)
                               if a[0] not in {b for b, _ in agents}]
            agent_ids = {a for a, _ in agents}
            targets = _role_fillers(roles["target"], token, index, agent_ids, mint=mint) if "target" in roles else []
            if not targets and frame.type in LEGAL_TYPES and structure.timeline_entry(token):
                # "Jan 10, 2022 — Sentenced to four more years": whom it follows (the last acted on, else the most named)
                person = index.legal_person or index.most_named_before(token, "person")
                targets = [person] if person else []
            elif targets and frame.type in LEGAL_TYPES and isinstance(targets[0][0], str) and targets[0][1] is not None:
                index.legal_person = targets[0]
            if targets and set(roles["target"].kinds) == {"person"} and not trigger.target:
                targets += _co_targets(token, index, agent_ids | {t for t, _ in targets}, mint)  # "along with X"
            if targets and roles["target"].all:
                targets = [([t for t, _ in targets], targets[0][1])]
            # "cut ties with Kenya and expelled its ambassador": not the agent's own envoy, the other party's
            # (the pronoun, resolved to the agent, fills no target)
            # ("ordered its diplomats to withdraw from Tehran": its own, a recall)
            own_pronoun = not targets and frame.type in OTHERS_ENVOYS and token.pos_ == "VERB" and any(
                p.dep_ == "poss" and p.pos_ == "PRON" and p.lower_ in ("its", "their")
                for o in structure.children(token, ("dobj", "nsubjpass", "dative")) for p in o.children) \
                and not any(c.lemma_.lower() in ("withdraw", "pull", "remove", "return", "bring")
                            for c in structure.children(token, ("xcomp", "ccomp", "advcl")))
            pairs = None
            # "Saudi Arabia, Bahrain and Egypt cut ties": three or more agents act together on another
            # (told before), not on each other
            # (one agent alone acts on the other party told before: "... and restored them in 2009")
            if frame.reciprocal and (not agents or not targets) and not (len(agents) > 2 and frame.counterpart) \
                    and not (len(agents) == 1 and frame.counterpart and _has(structure.local_tokens(token), RELATION_WORDS)):
                # "Ethiopia and Eritrea restored relations", "relations between X and Y were restored"
                parties = agents or targets
                if not parties and structure.is_passive(token) and frame.counterpart:
                    # "Venezuela broke relations with Panama in 2017; ties were restored in 2018": the pair told before
                    out.append(FrameMatch(frame.type, token, None, None, [], {}, between_states=True, counterpart=True,
                                          pair=True))
                    break
                if len(parties) < 2 or (agents and targets):
                    continue
                if not agents and not structure.reciprocal_cue(token, [m for _, m in targets]):
                    continue  # "relations with Peru and Chile were cut": by someone else, not between the two
                pairs = [(a, b) for a in parties for b in parties if a[0] != b[0]]
            elif not agents and not implied and roles["agent"].required:
                continue
            if not targets and not pairs and len(agents) == 2 and token.pos_ == "VERB" \
                    and _has(structure.local_tokens(token), RELATION_WORDS[:3]):
                # "Egypt and Israel established diplomatic relations": each with the other, not with a third
                pairs = [(a, b) for a in agents for b in agents if a[0] != b[0]]
            counterpart = False
            if not targets and not pairs and "target" in roles and roles["target"].required:
                if not ((frame.counterpart or own_pronoun) and agents):
                    continue
                verb = token.head if token.pos_ == "NOUN" else token
                if any(structure.prep_objects(t, "with") for t in [verb] + structure.children(verb, ("dobj",))):
                    continue  # "broke with tradition", "cut ties with the rebels": the clause names its other party
                named = structure.prep_objects(token, "of") if token.pos_ == "NOUN" else []
                if any(t.pos_ == "PROPN" for o in named for t in o.subtree):
                    continue  # "Moscow's recognition of the Donbas republics": named, though not known
                counterpart = True  # "Peru recalled its ambassador for consultations": from whom, told before
            if implied:  # "police arrested her", "she was sentenced": the state of the place, the person, the article
                state = organs.implied_state(token, organ, [t for t, _ in targets], index)
                if state is None and not agents:
                    continue
                if state is not None:
                    agents = [(state, agents[0][1] if agents else None)]
                    agent_ids = {state}
                    pairs = None
            fields: dict = {}
            if "place" in frame.roles:
                places = _role_fillers(frame.roles["place"], token, index, set())
                if places:
                    fields["place"] = places[0][0]
            speaker_token = structure.speaker(token)
            if speaker_token is not None:
                said = index.fill(speaker_token, ["person", "state", "organisation"])
                if said and said[0][0] not in agent_ids:
                    fields["announced_by"] = said[0][0]
            if pairs is None:
                pairs = [(a, t) for a in agents or [(None, None)] for t in targets or [(None, None)]]
            for (agent, agent_mention), (target, target_mention) in pairs:
                if (agent and (agent == target or (isinstance(target, list) and agent in target))) or not (agent or target):
                    continue  # an act of nobody on nobody is no event to code
                if agent_mention is None and agent and target_mention is None:
                    continue  # the article's own state alone is too little to go on
                if agent_mention is None and counterpart:
                    continue
                used = [m for m in (agent_mention, target_mention) if m is not None]
                between = "state" in roles["agent"].kinds and "target" in roles and "state" in roles["target"].kinds
                out.append(FrameMatch(frame.type, token, agent, target, used, dict(fields),
                                      listed=len(agents) > 1 or len(targets) > 1 or len(pairs) > 1,
                                      between_states=between, counterpart=counterpart))
            if not trigger.shared:
                break  # one frame per trigger word: the first that fits
    return out


#: acts on another state's envoys: a possessive pronoun that names the agent itself ("its ambassador")
#: stands for the other party of the agent's act told before
OTHERS_ENVOYS = frozenset({"ExpulsionOfDiplomats"})

#: what a clause acting on relations with a party told before names: "restored them", "cut ties"
RELATION_WORDS = ("relation", "tie", "link", "them", "relationship")

#: plural nouns that name the two parties of a relation told before: "the two countries", "both governments"
PARTY_NOUNS = frozenset({"country", "nation", "state", "government", "side", "neighbour", "neighbor", "capital"})


def _both_parties(token: "Token", index: TokenMentions) -> list[tuple[str, Mention]]:
    """'The two countries broke off relations': the last two states named before the subject."""
    verb = token.head if token.pos_ == "NOUN" else token
    subject = structure.logical_subject(verb)
    if subject is None or subject.lemma_.lower() not in PARTY_NOUNS or subject.tag_ not in ("NNS", "NNPS"):
        return []
    if not any(c.lower_ in ("two", "both") for c in subject.children):
        return []
    parties = index.before(subject, "state", 2)
    return parties if len(parties) == 2 else []


def match_doc(doc: "Doc", index: TokenMentions, frameset: FrameSet | None = None,
              mint: "Callable[[Token], list] | None" = None) -> list[tuple[int, FrameMatch]]:
    """Frame matches of a whole article, with the index of the sentence (spaCy's) each is in; ``mint``
    names the actors a role with ``mint: true`` needs and the gazetteer lacks (newnames.py)."""
    frameset = frameset or frames_for(doc.lang_)  # the parse says which language it is
    structure.repair_verbs(doc)
    repair_adjective_objects(doc)  # "Dec 15 — Somalia severs diplomatic relations with Kenya"
    out = []
    for n, sent in enumerate(doc.sents):
        for m in match_sentence(frameset, iter(sent), index, mint):
            if m.pair:
                told = told_pair([earlier for k, earlier in out if n - k <= PAIR_LOOK_BACK])
                if told is None:
                    continue
                m.agent, m.target = told
            elif m.counterpart:
                m.target = _counterpart(m.agent, [earlier for _, earlier in out], m.type) \
                    or _home_counterpart(m.agent, index) or (None if m.listed else named_before(m.agent, m.trigger, index))
                if m.target is None:
                    continue
            out.append((n, m))
    return out


def _home_counterpart(agent: str, index: TokenMentions) -> str | None:
    """No act between states told before: the state the article is about, when it clearly is one
    and not the agent ("Argentina recalled its ambassador" in a story about Paraguay)."""
    home = index.home_state
    return home if home and home != agent and index.home_state_clear else None


def _counterpart(agent: str, earlier: list[FrameMatch], etype: str | None = None) -> str | None:
    """The other party of the agent's last act between states told before ("Somalia cut ties with
    Kenya ... On Monday Mogadishu recalled its ambassador for consultations": from Kenya); else the
    one acted on by the last act of the same type by another ("Brazil recalled its ambassador from
    Paraguay ... Uruguay recalled theirs")."""
    for m in reversed(earlier):
        if not m.between_states or m.counterpart or not isinstance(m.target, str):
            continue
        if m.agent == agent:
            return m.target
        if m.target == agent and m.agent:
            return m.agent
    same = next((m for m in reversed(earlier) if m.type == etype and m.between_states and not m.counterpart
                 and isinstance(m.target, str) and m.agent != agent and m.target != agent), None)
    return same.target if same is not None else None
