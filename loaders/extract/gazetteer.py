"""Actors in text: the entity registry, ISO countries, demonyms, capitals, titles and organs.

One compiled alternation of every known surface form (longest first) finds mentions in a single
pass; new persons are found from titles ("Foreign Minister Hugo de Zela", "lawyer Carlos Caro")
and added, with their surname, as new entities; "Peru's Congress", "the Peruvian Foreign
Ministry", "Mexico's embassy in Quito" resolve to the registry's organs and missions, or to new
entities minted the way curators mint them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

import pycountry

from ..corpus import ACTOR_TYPES  # noqa: F401 (the extractor's modules and dev tools take it from here)
from ..schema import EntityRecord
from ..word_regex import first_char_lookahead
from .particle_names import (
    INNER_PARTICLES,
    SURNAME_PARTICLES,
    alternation,
    with_particle_forms,
)
from .surface_finder import SurfaceFinder, _trie
from .titles import TITLES
from .world import (
    DEMONYMS,
    FOREIGN_MINISTRY_NAMES,
    HISTORICAL_STATES,
    PLACES_IN_TIME,
    SEATS_OF_GOVERNMENT,
)
from .world_surfaces import state_naming, world_surfaces

STATE = "State"
PERSON_TYPES = {"Person", "Group"}
#: mentions that name a state: the state, its capital or seat, its government (not a person, and not a
#: mission: "its embassy in Tehran" is the agent's own mission)
STATE_NAMING = frozenset({"State", "City", "Government", "GovernmentBody"})

#: letters of names in Latin scripts beyond ASCII ("Stanisław", "Kučera", "Øyvind"): Latin-1 and Latin Extended-A
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"  # (Romanian's comma-below letters too: "Ceaușescu", "Țiriac")
LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĸĺļľŀłńņňŉŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžſșț"
# (a hyphen only between parts: "General Waker-Uz-Zaman" is not "General Waker-")
#: (the Arabic article joined to a name in lower case: "Riyad al-Maliki", "Salah el-Din", "Abd ar-Rahman")
NAME_WORD = rf"(?:Mc|Mac|O['’]|D['’]|(?:al|el|ad|ar|as|ash|at|az)-)?[{UPPER}][{LOWER}'’]+(?:-[{UPPER}]?[{LOWER}'’]+)*"  # "McCain", "O'Brien", "Jean-Yves" too
#: the joining words inside Arabic names ("Tamim bin Hamad Al Thani", "Abdullah ibn Hussein"): a name's
#: part, never its last word
NAME_JOINERS = r"(?:bin|bint|ibn|al|el|Al|El|Abu|abu)"
#: a particle or joiner between a name's words ("Leila de Lima", "Bingu wa Mutharika", "Tamim bin Hamad")
PARTICLE = rf"(?:{alternation(SURNAME_PARTICLES + INNER_PARTICLES)}|{NAME_JOINERS})"
#: (a name the count of words cuts at a joiner, "Faisal bin Farhan Al | Saud", stops before it instead)
#: a regnal number as a word of its own ("V", "XVI"; "I" too where the word is known to end a name: "Pope John Paul I")
REGNAL_NUMERAL = r"[IVX]{1,5}"
#: a regnal number after a name in running text ("King Harald V", "Pope Benedict XVI"): the name's last word (not
#: a lone "I", the pronoun, nor a numeral running on into a word, a hyphen or an apostrophe); names.REGNAL_NUMBER too
REGNAL = rf"(?!I(?![IVX])){REGNAL_NUMERAL}(?![\w’'-])"
PERSON_NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)?{NAME_WORD}){{1,3}}(?<!\bAl)(?<!\bEl)(?<!\bAbu)(?:[ \t]+{REGNAL})?"

#: the one-word titles ("president", "minister"): a capitalised one before a name is a person's title
ONE_WORD_TITLES = frozenset(t for t in TITLES if " " not in t)
_TITLE_RE = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
# the same alternation as a tree of shared beginnings (surface_finder._trie: the same matches, a third of the time)
_TITLE_TRIE = _trie(frozenset(TITLES))

#: organs of a state named after the state ("Peru's Congress", "the Peruvian Foreign Ministry")
ORGANS = {
    "government": ("Government", "government-of-{s}", "Government of {S}"),
    "administration": ("Government", "government-of-{s}", "Government of {S}"),
    "authorities": ("Government", "government-of-{s}", "Government of {S}"),
    "executive": ("Government", "government-of-{s}", "Government of {S}"),
    "congress": ("Legislature", "congress-of-{s}", "Congress of {S}"),
    "national assembly": ("Legislature", "national-assembly-of-{s}", "National Assembly of {S}"),
    "parliament": ("Legislature", "parliament-of-{s}", "Parliament of {S}"),
    "senate": ("Legislature", "senate-of-{s}", "Senate of {S}"),
    "foreign ministry": ("GovernmentBody", "foreign-ministry-of-{s}", "Ministry of Foreign Affairs of {S}"),
    "foreign affairs ministry": ("GovernmentBody", "foreign-ministry-of-{s}", "Ministry of Foreign Affairs of {S}"),
    "ministry of foreign affairs": ("GovernmentBody", "foreign-ministry-of-{s}", "Ministry of Foreign Affairs of {S}"),
    "foreign office": ("GovernmentBody", "foreign-ministry-of-{s}", "Ministry of Foreign Affairs of {S}"),
    "state department": ("GovernmentBody", "foreign-ministry-of-{s}", "Ministry of Foreign Affairs of {S}"),
    "prosecutors": ("GovernmentBody", "public-prosecutor-of-{s}", "Public Prosecutor's Office of {S}"),
    "prosecutor's office": ("GovernmentBody", "public-prosecutor-of-{s}", "Public Prosecutor's Office of {S}"),
    "police": ("GovernmentBody", "police-of-{s}", "Police of {S}"),
    "supreme court": ("Court", "supreme-court-of-{s}", "Supreme Court of {S}"),
    "constitutional court": ("Court", "constitutional-court-of-{s}", "Constitutional Court of {S}"),
    "courts": ("Court", "judiciary-of-{s}", "Judiciary of {S}"),
    "court": ("Court", "judiciary-of-{s}", "Judiciary of {S}"),
    "judiciary": ("Court", "judiciary-of-{s}", "Judiciary of {S}"),
    "military": ("GovernmentBody", "armed-forces-of-{s}", "Armed Forces of {S}"),
    "armed forces": ("GovernmentBody", "armed-forces-of-{s}", "Armed Forces of {S}"),
}
_ORGAN_RE = "|".join(sorted((re.escape(o) for o in ORGANS), key=len, reverse=True))


#: letters that Unicode decomposition leaves whole ('ł' is not 'l' plus an accent)
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                               "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i", "ð": "d", "Ð": "D"})


@functools.lru_cache(maxsize=1 << 16)   # the same names are folded hundreds of times per article
def fold(text: str) -> str:
    """Lower-case ASCII ('José Jerí' → 'jose jeri', 'Stanisław' → 'stanislaw'), to compare names however
    they are accented."""
    return unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode().lower()


#: a middle name that is an East Slavic patronymic ("Vladimirovich", "Alekseyevna", "Ilyich" is left out:
#: "-ich" alone ends Balkan surnames too)
PATRONYMIC_MIDDLE = re.compile(rf"[{UPPER}][{LOWER}]+(?:ovich|evich|ovna|evna)")


def _without_patronymic(e: Entity) -> Entity:
    """A minted person as named without the patronymic between given name and surname (see ``add``)."""
    words = e.label.split()
    if len(words) != 3 or not PATRONYMIC_MIDDLE.fullmatch(words[1]):
        return e
    short = f"{words[0]} {words[2]}"
    return replace(e, id=slug(short), label=short, aliases=(e.aliases | {e.label}) - {short})


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass
class Entity:
    id: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    country: str | None = None       # ISO alpha-2 for states
    attrs: dict[str, str] = field(default_factory=dict)  # post_in, sending_state, organ_of, ...
    new: bool = False

    def record(self) -> dict:
        """As an entities.yaml item (for new entities)."""
        item: dict = {"id": self.id, "type": self.type, "label": self.label}
        aliases = sorted(a for a in self.aliases if a != self.label)
        if aliases:
            item["aliases"] = aliases
        if self.country:
            item["country_code"] = self.country
        item.update(self.attrs)
        return item


@dataclass
class Mention:
    start: int
    end: int
    entity: str
    type: str
    surface: str
    kind: str = "name"   # name | alias | demonym | capital | title | pronoun | organ | mission


_BASE_INDEX: dict = {}   # (language, the registry's records) → (surfaces, state surfaces) before any article


class Gazetteer:
    """The actors the extractor can name: registry entities, then those it mints."""

    def __init__(self, registry: dict[str, EntityRecord], language: str = "en") -> None:
        self.entities: dict[str, Entity] = {}
        self.surfaces: dict[str, list[tuple[str, str]]] = {}   # surface → [(entity id, kind)]
        self.state_by_code: dict[str, str] = {}
        self._state_surfaces: set[str] = set()   # forms naming a state or international organisation
        for r in registry.values():
            e = Entity(r.id, r.type, r.label, set(r.aliases), r.country_code,
                       {k: v for k in ("post_in", "sending_state", "receiving_state", "located_in", "organ_of")
                        if (v := getattr(r, k, None))})
            if r.single_holder is not None:
                e.attrs["single_holder"] = r.single_holder
            self.entities[r.id] = e
            if r.type == STATE and r.country_code:
                self.state_by_code[r.country_code] = r.id
        # the index every article starts from, built once per process for a registry and language
        # (what it holds depends on the records' ids, types, names and aliases only) and copied
        key = (language, tuple((r.id, r.type, r.label, tuple(r.aliases)) for r in registry.values()))
        base = _BASE_INDEX.get(key)
        if base is None:
            self._index_base(language)
            if len(_BASE_INDEX) >= 4:
                _BASE_INDEX.clear()
            base = _BASE_INDEX[key] = ({s: tuple(b) for s, b in self.surfaces.items()}, tuple(self._state_surfaces),
                                       frozenset(self.surfaces), frozenset(self._state_surfaces))
        else:
            self.surfaces = dict(base[0])   # buckets stay the base's tuples until the article adds to one
            self._state_surfaces = set(base[1])
        self._compiled: SurfaceFinder | None = None
        self._compiled_states: SurfaceFinder | None = None
        self._folded_names: set[str] | None = None
        # the forms every article starts with: their alternations are compiled once per process (one
        # set per process too, so that the compiled patterns' cache finds it by identity, not by hashing it anew)
        self._base_forms, self._base_state_forms = base[2], base[3]

    def _index_base(self, language: str) -> None:
        for e in list(self.entities.values()):
            self._index(e, with_aliases=True)
        for surface, target in world_surfaces(language):
            self._add_surface(surface, target)
        # capitals of the past ("Bonn", "Rangoon"): which state a capital stands for at the story's
        # time is decided where it is met (world.state_at)
        for place, periods in PLACES_IN_TIME.items():
            if place not in self.surfaces and place not in SEATS_OF_GOVERNMENT:
                first = next((p.state for p in periods if p.state), None)
                if first:
                    self._add_surface(place, ("state:" + first, "capital"))

    # -- the index --------------------------------------------------------------------------------
    def _add_surface(self, surface: str, target: tuple[str, str]) -> None:
        if len(surface) < 2:
            return
        bucket = self.surfaces.setdefault(surface, [])
        if target not in bucket:
            if type(bucket) is tuple:   # a base bucket, shared by every article: copied on the first write
                bucket = self.surfaces[surface] = list(bucket)
            bucket.append(target)
            self._compiled = None
            if self.state_target(target) or self.entities.get(target[0], _NO_ENTITY).type == "InternationalOrganization":
                self._state_surfaces.add(surface)
                self._compiled_states = None

    def state_target(self, target: tuple[str, str]) -> bool:
        """Whether a surface's target is a state: by its code, as its demonym or capital, or a state entity."""
        return target[0].startswith("state:") or target[1] in ("demonym", "capital") \
            or self.entities.get(target[0], _NO_ENTITY).type == STATE

    def names_state(self, word: str) -> bool:
        """Whether a word is a state's name, demonym or capital ("Fiji", "Kenyan", "Suva")."""
        return any(self.state_target(t) for t in self.surfaces.get(word, ()))

    def state_named(self, word: str) -> str | None:
        """The state a word names, its possessive "'s" taken off ("Uganda's", "Ugandan", "Kampala"): the
        first state the index gives for it, or None."""
        targets = self.surfaces.get(re.sub(r"['’]s$", "", word), ())
        return next((e.id for e in map(self.resolve, (t for t, _ in targets)) if e is not None and e.type == STATE), None)

    def _index(self, e: Entity, with_aliases: bool) -> None:
        self._add_surface(e.label, (e.id, "name"))
        if with_aliases:
            for a in e.aliases:
                self._add_surface(a, (e.id, "alias"))

    def add(self, e: Entity) -> Entity:
        """Add a minted entity (or return the registered one with that id).  A person named with an East
        Slavic patronymic is the person news names without it ("Vladimir Vladimirovich Putin": Vladimir
        Putin), the full name one of its aliases."""
        if e.type == "Person" and e.id not in self.entities:
            e = _without_patronymic(e)
            e.aliases = with_particle_forms(e.label, e.aliases, self._state_surfaces.__contains__)   # "de Lima", not "Lima"
        if e.id in self.entities:
            known = self.entities[e.id]
            for a in e.aliases - known.aliases:
                known.aliases.add(a)
                self._add_surface(a, (known.id, "alias"))
                if self._folded_names is not None:
                    self._folded_names.add(fold(a))
            return known
        e.new = True
        self.entities[e.id] = e
        self._index(e, with_aliases=True)
        if self._folded_names is not None:
            self._folded_names.update(fold(n) for n in {e.label} | e.aliases)
        return e

    def add_alias(self, entity: Entity, alias: str) -> None:
        """One more name for a minted entity, kept in the folded names; not a surface the finder
        matches (the caller holds the mention already: "the Itamaraty" as the foreign ministry)."""
        entity.aliases.add(alias)
        if self._folded_names is not None:
            self._folded_names.add(fold(alias))

    def drop_alias(self, entity: Entity, alias: str) -> None:
        """Take a minted entity's alias back, as a surface too (a surname two persons share names neither)."""
        entity.aliases.discard(alias)
        bucket = [t for t in self.surfaces.get(alias, ()) if t[0] != entity.id]
        if alias in self.surfaces and len(bucket) != len(self.surfaces[alias]):
            if bucket:
                self.surfaces[alias] = bucket
            else:
                del self.surfaces[alias]
            self._compiled = None
        if self._folded_names is not None and alias != entity.label:
            self._folded_names = None   # (rebuilt at the next call: another entity may hold the form)

    def folded_names(self) -> set[str]:
        """The folded label and aliases of every entity (the person finders' test of a name already
        known): built at the first call, then kept by ``add``, once per article rather than per finder."""
        if self._folded_names is None:
            self._folded_names = {fold(n) for e in self.entities.values() for n in {e.label} | e.aliases}
        return self._folded_names

    def state_pattern(self) -> SurfaceFinder:
        """Only the names of states and international organisations (with demonyms and capitals):
        minting persons, posts and missions does not change it, so it is rebuilt once or twice
        per article rather than after every new name."""
        if self._compiled_states is None:
            self._compiled_states = SurfaceFinder(self._base_state_forms, frozenset(self._state_surfaces))
        return self._compiled_states

    def pattern(self) -> SurfaceFinder:
        """Every known surface form, longest first, as whole words."""
        if self._compiled is None:
            self._compiled = SurfaceFinder(self._base_forms, frozenset(self.surfaces))
        return self._compiled

    # -- states -----------------------------------------------------------------------------------
    def state(self, code: str) -> Entity:
        """The state with this ISO code: the registry's, or a new one named as pycountry names it
        (its common name; a short name for the 'Korea, Republic of' kind), with the press's other
        names and the demonyms as aliases."""
        if code in self.state_by_code:
            return self.entities[self.state_by_code[code]]
        if code in HISTORICAL_STATES:   # "the Soviet Union": a state of the past, as world_history.yaml names it
            past = HISTORICAL_STATES[code]
            # its ISO 3166-3 former code where it has one (YU, SU, DD, CS); West Germany has none (DE continued)
            iso = code if pycountry.historic_countries.get(alpha_2=code) is not None else None
            entity = self.add(Entity(slug(past.name), STATE, past.name, set(past.aliases) | set(past.demonyms), iso))
            self.state_by_code[code] = entity.id
            return entity
        name, aliases = state_naming(code)
        entity = self.add(Entity(slug(name), STATE, name, aliases, code))
        self.state_by_code[code] = entity.id
        return entity

    def resolve(self, target: str) -> Entity:
        if target.startswith("state:"):
            return self.state(target[6:])
        return self.entities[target]

    def state_of(self, entity_id: str | None) -> str | None:
        """The state an actor, post or mission belongs to (following organ_of / post_in / sending_state)."""
        seen = set()
        while entity_id and entity_id not in seen:
            seen.add(entity_id)
            e = self.entities.get(entity_id)
            if e is None:
                return None
            if e.type == STATE:
                return e.id
            entity_id = e.attrs.get("organ_of") or e.attrs.get("post_in") or e.attrs.get("sending_state")
        return None

    # -- organs, posts, missions ------------------------------------------------------------------
    def organ(self, state_id: str, word: str) -> Entity:
        etype, id_pattern, label_pattern = ORGANS[word.lower()]
        own = self.entities.get(id_pattern.format(s=state_id))
        if own is not None and own.type == etype and own.attrs.get("organ_of") == state_id:
            return own   # the registry's own entry first: not "Military Council for X" for the armed forces
        for e in self.entities.values():
            if e.attrs.get("organ_of") == state_id and e.type == etype and _organ_word_fits(e, word):
                return e
        state = self.entities[state_id]
        # "Honduran prosecutors", "Bolivian police": the press's name for the organ, for reviewers and matching
        demonyms = DEMONYMS.get(state.country or "", ())
        aliases = {f"{demonyms[0]} {word.lower()}"} if demonyms else set()
        if id_pattern.startswith("foreign-ministry"):   # its own full name: "United States Department of State"
            aliases |= set(FOREIGN_MINISTRY_NAMES.get(state.country or "", ()))
            # "Kenya's foreign ministry", as the press writes it
            aliases |= {f"{state.label}'s foreign ministry", f"{state.label}’s foreign ministry"}
        if etype == "Legislature":                      # "Ukraine's parliament"
            aliases |= {f"{state.label}'s {word.lower()}", f"{state.label}’s {word.lower()}"}
        if id_pattern.startswith("armed-forces"):       # the press's other names: "the Pakistan Army", "Niger's army"
            aliases |= {f"{state.label} Army", f"{state.label}'s army", f"{state.label}’s army", f"{state.label}'s armed forces"}
            aliases |= {f"{d} army" for d in demonyms[:1]} | {f"{d} armed forces" for d in demonyms[:1]}
        return self.add(Entity(id_pattern.format(s=state_id), etype, label_pattern.format(S=state.label),
                               aliases, attrs={"organ_of": state_id}))

    def post(self, state_id: str, role: str) -> Entity:
        state = self.entities[state_id]
        wanted = {f"{role} of {state.label}".lower(), f"{role.replace('Minister of Foreign Affairs', 'Foreign Minister')} of {state.label}".lower()}
        for e in self.entities.values():
            if e.type == "Post" and e.attrs.get("post_in") == state_id and (
                    e.label.lower() in wanted or any(a.lower() in wanted for a in e.aliases)):
                return e
        return self.add(Entity(slug(f"{role}-of-{state_id}"), "Post", f"{role} of {state.label}", set(),
                               attrs={"post_in": state_id, "single_holder": role not in ("Ambassador", "Minister")}))

    def envoy(self, sender_id: str, receiver_id: str | None, kind: str) -> Entity:
        """The post of a state's ambassador (or head of mission) in another state."""
        sender = self.entities[sender_id]
        receiver = self.entities.get(receiver_id or "")
        if kind.lower() in ("diplomats", "diplomatic staff", "embassy staff"):
            return self.entities[sender_id]  # "American diplomats": expelling them is an act against the state
        head = kind.lower().startswith(("top", "chargé", "charge", "head"))
        for e in self.entities.values():
            if e.type != "Post":
                continue
            mission = self.entities.get(e.attrs.get("post_in", ""))
            if mission is None or mission.attrs.get("sending_state") != sender_id:
                continue
            if mission.attrs.get("receiving_state") not in (None, receiver.id if receiver is not None else None):
                continue   # "the Lithuanian ambassador" with no host told is no registry post to a given host
            names = " ".join([e.label] + sorted(e.aliases)).lower()
            if ("head" in names or "top diplomat" in names) == head:
                return e
        role = "Head of the diplomatic mission" if head else "Ambassador"
        where = f" to {receiver.label}" if receiver else ""
        attrs = {"single_holder": True}
        if receiver is not None:
            attrs["post_in"] = self.mission(sender_id, receiver).id
        return self.add(Entity(slug(f"{role}-of-{sender_id}{'-to-' + receiver.id if receiver else ''}"), "Post",
                               f"{role} of {sender.label}{where}", set(), attrs=attrs))

    def mission(self, sender_id: str, city_or_state: Entity) -> Entity:
        receiver = city_or_state.id if city_or_state.type == STATE else (
            city_or_state.attrs.get("located_in") or self.state_of(city_or_state.id))
        for e in self.entities.values():
            if e.type in ("Embassy", "DiplomaticMission") and e.attrs.get("sending_state") == sender_id and (
                    e.attrs.get("receiving_state") == receiver or e.attrs.get("located_in") == city_or_state.id):
                return e
        sender = self.entities[sender_id]
        where = city_or_state.label
        attrs = {"sending_state": sender_id}
        if receiver:
            attrs["receiving_state"] = receiver
        if city_or_state.type == "City":
            attrs["located_in"] = city_or_state.id
        return self.add(Entity(f"embassy-of-{sender_id}-in-{slug(where)}", "Embassy", f"Embassy of {sender.label} in {where}",
                               set(), attrs=attrs))

    def city(self, name: str, code: str | None) -> Entity:
        for e in self.entities.values():
            if e.type == "City" and (e.label == name or name in e.aliases):
                return e
        attrs = {"located_in": self.state(code).id} if code else {}
        return self.add(Entity(slug(name), "City", name, set(), attrs=attrs))


def _organ_word_fits(e: Entity, word: str) -> bool:
    word = word.lower()
    names = " ".join([e.label] + sorted(e.aliases)).lower()
    if ORGANS.get(word, ("",))[0] == "Government":   # "government", "administration", "authorities", "executive"
        return e.type == "Government"
    if word in ("prosecutors", "prosecutor's office"):
        return "prosecut" in names
    if word in ("courts", "judiciary"):
        return "judiciary" in names or "court" in names
    if "foreign" in word or word == "state department":
        return "foreign" in names
    return word.split()[0] in names


# titles match in any case ("President", "president"), names only capitalised
TITLE_NAME = re.compile(rf"\b(?P<qual>(?i:(?:former|then-|interim|acting|incoming|outgoing|ousted|deposed)\s*)*)"
                        rf"(?P<title>(?i:{_TITLE_TRIE}))(?:s(?=\s+[A-Z]))?"
                        # "the president of Ghana, X": the office's state between title and name (names.py keeps it only for a state)
                        rf"(?P<of>\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,2}}(?=,))?"
                        rf"\s*,?\s+(?P<name>{PERSON_NAME})")  # "Foreign Ministers X and Y"
#: "Prime Minister Kriangsak said": a title before a one-word name (names.py reads it only where the name speaks)
TITLE_ONE_NAME = re.compile(rf"\b(?P<qual>(?i:(?:former|then-|interim|acting|incoming|outgoing|ousted|deposed)\s*)*)"
                            rf"(?P<title>(?i:{_TITLE_TRIE}))(?P<of>)\s+(?P<name>{NAME_WORD}(?:[ \t]+{REGNAL})?)(?![\w’'-])(?!\s+(?:{PARTICLE}\s+)?[{UPPER}])")
NAME_COMMA_TITLE = first_char_lookahead(re.compile(   # (the same matches, found sooner: word_regex.py)
    rf"(?P<name>{PERSON_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?:country's\s+|[A-Z]\w+\s+|[\w’'-]+\s+){{0,3}}?"
    rf"(?:former\s+|then-|interim\s+)?(?P<title>(?i:{_TITLE_TRIE}))\b"))
ENVOY_AFTER = re.compile(r"(?:'s|’s)?\s+(?P<kind>(?i:top\s+diplomat|ambassador|chargé\s+d['’]affaires|charge\s+d['’]affaires|envoy|diplomats|diplomatic\s+staff|embassy\s+staff))"
                         r"(?!\s*,?\s+[A-Z][a-zá-ú])"  # "Mexican Ambassador Raquel Serur": a title, the person follows
                         r"(?:\s+(?:in|to|from)\s+(?P<where>[A-Z][\w]+(?:\s[A-Z][\w]+)?))?")
ORGAN_AFTER = re.compile(rf"(?:'s|’s)?\s+(?:(?i:interim|new|caretaker|military|de\s+facto|provisional|current|outgoing|leftist|conservative)\s+)?"
                         rf"(?P<organ>(?i:{_ORGAN_RE}))\b")


_NO_ENTITY = Entity("", "", "")  # what .get() returns for a surface that points at no entity yet
