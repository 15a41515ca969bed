"""The event frames' data file (``frames.yaml``, or a language's own): loaded into Frame records
and checked, every problem reported as ``file:line: what is wrong (how to fix it)``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

#: the hand-set confidence an event a frame proposes carries (one of confidence.py's features)
FRAME_CONFIDENCE = 0.8

FRAMES_FILE = Path(__file__).with_name("frames.yaml")
ROLES = ("agent", "target", "place", "beneficiary", "instrument")
#: what a role may be filled with, by the kind a frame names (a role's ``is:``), as mention types
KIND_TYPES = {
    "person": ("Person", "Group"),
    "state": ("State",),
    "authority": ("State",),   # a state, or an organ acting for it, but never a person
    "legislature": ("Legislature",),
    "court": ("Court",),
    "tribunal": ("Court", "InternationalOrganization"),   # a court of no state's ("the International Criminal Court")
    "mission": ("Embassy", "DiplomaticMission"),
    "organisation": ("InternationalOrganization", "PoliticalParty", "Government", "GovernmentBody", "Legislature", "Court"),
    "host": (),                # the state an envoy or mission is accredited to ("Ghana's envoy in Lomé": Togo)
    "regime": (),              # a government described as a body of its own ("the junta", governments.py)
}


PATH_HEADS = ("subject", "object", "dative", "for", "xcomp", "ccomp", "dobj", "said", "poss", "described", "there", "head", "host",
              "mission", "for_subject", "recognised_before", "served", "sole_object", "participle", "answerer", "that_subject", "deadline",
              "personal_poss")


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
    attempted: bool = False               # (verbs) only as the infinitive of an attempt made ("in a bid to topple X")
    object: tuple[str, ...] = ()          # (verbs) the direct object must be one of these ("withheld recognition")
    joined_to: tuple[str, ...] = ()       # (verbs) only conjoined to, or a participle on, one of these verbs ("recalled ..., leaving")
    standing: bool = False                # tells acts that stand, not their doing ("she faces charges"): told at any time after
    failing: tuple[str, ...] = ()         # (nouns) verbs whose subject the noun is that tell it made and come to nothing ("the coup failed")
    judged: tuple[str, ...] = ()          # (verbs of judging) paths to the one judged, the only target ("considers the junta illegitimate")
    own_phrase: bool = False              # the target only from its head's own phrase, never an owner's ("held the diaries of X")


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
    targetless: bool = False              # an act done to no other party (a resignation, a candidacy)
    grantor_asked: bool = False           # told in the passive to several, no grantor named: the state they asked (legal.py)


@dataclass(frozen=True)
class FrameSet:
    language: str
    enacting: frozenset[str]
    frames: tuple[Frame, ...]

    @functools.cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every trigger lemma of every frame: a token with none of them is no trigger (checked first, for speed)."""
        return frozenset(w for f in self.frames for t in f.triggers for w in t.lemmas)

    @functools.cached_property
    def frames_of_word(self) -> dict[str, frozenset[int]]:
        """Trigger lemma → the places in ``frames`` of the frames with a trigger on it (the others cannot
        fit a token of that word: match_sentence tries only these, for speed)."""
        return {w: frozenset(i for i, f in enumerate(self.frames) if any(w in t.lemmas for t in f.triggers))
                for w in self.trigger_words}

    @functools.cached_property
    def targetless_types(self) -> frozenset[str]:
        """The event types of acts done to no other party (``targetless: true``: a resignation, a candidacy)."""
        return frozenset(f.type for f in self.frames if f.targetless)

    @functools.cached_property
    def verb_words(self) -> frozenset[str]:
        """The lemmas the frames read as verbs."""
        return frozenset(self.verb_types)

    @functools.cached_property
    def noun_words(self) -> frozenset[str]:
        """The lemmas the frames read as nouns of acts ("expulsion", "recall")."""
        return frozenset(w for f in self.frames for t in f.triggers if t.pos == "noun" for w in t.lemmas)

    @functools.cached_property
    def verb_types(self) -> dict[str, frozenset[str]]:
        """Verb lemma → the event types whose frames it triggers."""
        return self._verb_types(bare=False)

    @functools.cached_property
    def bare_verb_types(self) -> dict[str, frozenset[str]]:
        """Verb lemma → the event types it triggers on its own, without the words a trigger ``needs``
        ("declare" alone is no persona non grata, "arrest" alone is an arrest)."""
        return self._verb_types(bare=True)

    def _verb_types(self, bare: bool) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for f in self.frames:
            for t in f.triggers:
                # (a light verb tells no act by its lemma: "saying it had evidence" is no expulsion's telling)
                if t.pos == "verb" and not (bare and t.needs) and not set(t.lemmas) <= LIGHT_VERBS:
                    for w in t.lemmas:
                        out.setdefault(w, set()).add(f.type)
        return {w: frozenset(types) for w, types in out.items()}


#: verbs that trigger a frame only with the words they need and tell no act by their lemma ("the envoy has
#: 72 hours to leave" is an expulsion; "it had evidence" is nothing)
LIGHT_VERBS = frozenset({"have"})


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
    # (a list inside the list is spliced in: one word list named by a YAML anchor, shared by two triggers)
    if isinstance(value, list):
        value = [w for v in value for w in (v if isinstance(v, list) else [v])]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise FrameError(f"{_where(path, node, key)}: '{key}' must be a list of words (e.g. [expel, eject])")
    return tuple(v.strip().lower() for v in value)


def _paths(path: Path, node, key: str, *, required: bool = False) -> tuple[str, ...]:
    """The dependency paths under ``key`` (a role's ``from``, a trigger's ``judged``), each checked."""
    paths = _words(path, node, key, required=required)
    for p in paths:
        head = p.split(".")[0].split(":")[0]
        if head not in PATH_HEADS + ("prep",):
            raise FrameError(f"{_where(path, node, key)}: unknown path '{p}' (paths start with one of "
                             f"{', '.join(PATH_HEADS)}, prep:X)")
    return paths


def _role(path: Path, node, name: str) -> Role:
    if not isinstance(node, dict):
        raise FrameError(f"{_where(path, node)}: role '{name}' must be a mapping with 'from' and 'is'")
    unknown = set(node) - {"from", "is", "required", "all", "implied", "mint"}
    if unknown:
        raise FrameError(f"{_where(path, node)}: role '{name}' has unknown key(s) {sorted(unknown)} (use from, is, required, all, implied, mint)")
    paths = _paths(path, node, "from", required=True)
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
                                    _words(path, t, "mentioned") if isinstance(t.get("mentioned"), list) else (),
                                    bool(t.get("attempted", False)), _words(path, t, "object"), _words(path, t, "joined_to"),
                                    bool(t.get("standing", False)), _words(path, t, "failing"),
                                    _paths(path, t, "judged"), bool(t.get("own_phrase", False))))
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
                            tuple(node.get("part_of") or ()), tuple(node.get("staff_part_of") or ()),
                            bool(node.get("targetless", False)), bool(node.get("grantor_asked", False))))
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
