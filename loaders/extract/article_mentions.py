"""An article's actor mentions on its text: registry names, states, capitals and demonyms, organs,
missions, envoys, pronouns, descriptions and kin, then the references among them resolved.

A mixin of ``pipeline._Extractor`` (it reads ``self.text``, ``self.gaz``, ``self.doc`` and the
person tables ``names.NameFinder`` fills); ``coref.py`` resolves references on the parse first, the
positional rules here answer where the parse does not.
"""

from __future__ import annotations

import bisect
import re

from . import tree
from .article_anaphora import KIN, AnaphoraResolver, _organ_word
from .article_places import ArticlePlaces
from .capitalised_labels import capitalised_labels, label_state
from .coref_lexicon import NAMED_ONLY_TITLES, PERSON_NOUNS, PORTFOLIOS, SPEECH_LEMMAS
from .gazetteer import ENVOY_AFTER, ORGAN_AFTER, ORGANS, STATE, Entity, Mention
from .names import RELATIVE_NOUNS
from .titles import TITLES
from .world import CAPITAL_CODE, DEMONYMS, NAMED_ORGANS, SHARED_SHORT_NAMES, state_at

DEMONYM_FORMS = frozenset(d for forms in DEMONYMS.values() for d in forms)
PREPOSITIONS_BEFORE_PLACE = re.compile(r"(?:\b(?:in|at|to|from|into|near|outside|inside|of|across|around)\s+(?:the\s+)?)$", re.IGNORECASE)
#: bodies named without their state ("prosecutors in Peru", "police", "the court"): the state
#: named right after, else the state the article is about
GENERIC_ORGAN = re.compile(r"\b(?P<organ>(?i:prosecutors|the\s+prosecution|police|security\s+forces))\b(?:\s+in\s+(?P<state>[A-Z]\w+))?")
POSSESSIVE_MISSION = re.compile(r"\b(?:its|their)\s+(?:embassy|consulate|legation|diplomatic\s+mission)\b(?P<where>\s+in\b)?", re.IGNORECASE)
#: a nunciature is the Holy See's mission by its very name ("took refuge in the apostolic nunciature in
#: Managua"): its sender is the Holy See, whoever's city it stands in (world.py's code for it)
NUNCIATURE = re.compile(r"\b(?:the\s+)?(?:[Aa]postolic\s+)?[Nn]unciature\b(?P<where>\s+in\b)?")
NUNCIATURE_SENDER = "VA"
BARE_MISSION = re.compile(r"\bthe\s+(?:embassy|mission|residence|embassy\s+grounds|legation)\b(?!\s+(?:of|in)\b)", re.IGNORECASE)
NAMED_ORGAN = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(NAMED_ORGANS, key=len, reverse=True)) + r")(?![\w-])")
#: a city after these is an envoy's other end ("recalled from Managua", "its envoy to Quito"), not the story's place
ENVOY_ENDS = re.compile(r"\b(?:from|to)\s+$", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:she|he|her|him|his|herself|himself)\b", re.IGNORECASE)
#: "it", "the country", "the government" as a subject stand for a state or body named before (coref.py's
#: answer on the parse, or none), never for a person: mentions of kind "state-ref"
#: ("the government", "the ministry" unnamed are the article's own state: mentions.GOVERNMENT_WORDS)
#: a relative a person is described by, named in full ("Isabel dos Santos, the daughter of former president Jose
#: Eduardo dos Santos"): the family name alone after it is the one described, not the relative
RELATIVE_OF = re.compile(r"\b(?:" + "|".join(sorted(RELATIVE_NOUNS | {"widow", "widower", "nephew", "niece"}))
                         + r")\s+of\s+(?:[a-z][\w'’-]*\s+){0,3}$", re.IGNORECASE)
STATE_REF = re.compile(r"\b(?:[Ii]t|[Tt]he\s+country)\b(?!\s+(?:of|in)\b)")
#: an office owned by a state and told without a name after it ("Kenya's interior minister resigned")
POSSESSED_TITLE = re.compile(r"['’]s\s+(?P<title>(?:(?:new|acting|interim)\s+)?(?:(?:vice|prime|foreign|deputy|"
                             + "|".join(sorted(PORTFOLIOS)) + r")\s+)?(?:minister|president|premier))\b(?!\s*,?\s*(?-i:[A-Z]))", re.IGNORECASE)
#: a name right after an office ("the Bolivian foreign minister, Condori,"): the office is the name's title
NAME_AFTER = re.compile(r"\s*,?\s*[A-Z]")
#: the words that name one of the states sharing a short name alone (world.SHARED_SHORT_NAMES), compiled once
_SHARED_NAME_WORDS = {code: re.compile(words) for states in SHARED_SHORT_NAMES.values() for code, words in states}
DEFINITE = re.compile(r"\bthe\s+(?:(?:former|acting|interim|caretaker|ousted|deposed|toppled|exiled|jailed|detained|imprisoned|then|blind|elderly|ailing|veteran|civilian|longtime|senior|junior|top|high-ranking)\s+)?(?P<word>(?-i:[A-Z][\w-]+)\s+)?(?P<title>(?:vice\s+|prime\s+|foreign\s+|(?:" + "|".join(sorted(PORTFOLIOS)) + r")\s+(?=minister))?(?:president|prime minister|state counsellor|" + "|".join(sorted(NAMED_ONLY_TITLES, key=len, reverse=True)) + r"|laureate|monarch|ruler|strongman|scientist|physicist|astrophysicist|minister|official|leader|lawmaker|premier|head of state|opposition leader|cardinal|archbishop|bishop|dissident|activist|defector|ex-spy|former spy|lawyer|expert|analyst|jurist|scholar|journalist|reporter|correspondent|blogger|editor|writer|poet|novelist|student|businessman|businesswoman|tycoon|cleric|priest|general|colonel|economist|academic|banker|pilot|aid worker|researcher|diplomat|\d{1,3}-year-old))\b", re.IGNORECASE)
MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"}
MISSION_AFTER = re.compile(r"(?:'s|’s)?\s+(?:(?i:ambassador['’]s\s+residence|embassy|consulate|diplomatic\s+mission)|Embassy|Consulate)(?P<where>\s+in\s+)?", re.UNICODE)
MISSION_BEFORE = re.compile(r"(?i:(?:the\s+)?(?:residence\s+of\s+the\s+)?(?:embassy|consulate)\s+of\s+)$")
#: a bare "mission" right after a demonym ("the Kenyan mission said"): the state's diplomatic mission, as
#: "embassy" is; not a mission of another kind ("the Kenyan trade mission", "peacekeeping mission": a word
#: between), nor one placed "in" a country (troops as often as diplomats), nor a purpose ("mission to rescue")
DEMONYM_MISSION = re.compile(r"\s+mission\b(?!\s+(?:in|at|of|for)\b|\s+to\s+(?!the\b|[A-Z]))")
CITY_EMBASSY = re.compile(r"(?:'s|’s)\s+(?P<city>[A-Z][\w ]{2,20}?)\s+(?i:embassy)\b")
#: an organ named before its state in an "of"-phrase ("the Ministry of Foreign Affairs of Kenya", "the Foreign
#: Ministry of Ghana", "the Parliament of Georgia"): the same organ as "Kenya's foreign ministry"; the
#: government words are left out ("the legitimate government of Afghanistan" names who governs, not an organ)
ORGAN_OF_STATE = re.compile(r"(?<![\w'’-])(?i:(?:the\s+)?(?P<organ>" + "|".join(sorted(
    (re.escape(o).replace(r"\ ", r"\s+") for o, (kind, _, _) in ORGANS.items() if kind in ("GovernmentBody", "Legislature", "Court")
     and o not in ("police", "prosecutors", "military", "armed forces", "courts", "court")), key=len, reverse=True))
    + r"))\s+of\s+(?:the\s+)?$")
BARE_ORGAN = re.compile(r"(?<![\w'’])(?:the\s+)?(?P<organ>Congress|Parliament|National Assembly|Senate|Supreme Court|Constitutional Court)\b")


def _inside_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word (not a possessor) stands right before ``start`` ("the Democratic National
    Congress of X": the organ's words end a longer name, a party's or a movement's, not the state's organ)."""
    word = re.search(r"([\w'’-]+)[ \t]*\Z", text[max(0, start - 30):start])  # (not across a line: a headline's last word)
    return word is not None and word.group(1)[:1].isupper() and not re.search(r"['’]s?$", word.group(1))


#: acts of a state's police and justice on a person, mostly its own people
DOMESTIC_ACTS = ("Arrest", "Charge", "Sentence")


#: the word before a demonym that makes it a region's ("Latin American", "North American")
REGION_BEFORE = re.compile(r"(?:\b(?:Latin|North|South|Central|Pan)[ -]|\bPan-)$")

class MentionFinder(AnaphoraResolver, ArticlePlaces):
    """The actor mentions of an article and their references (a mixin of the extractor)."""

    _sentence_offsets: list[int] | None = None   # where each parsed sentence starts, once per article
    _speaker_spans: list[tuple[int, int]] | None = None   # subjects of speech verbs and their appositions
    guessed_organs: dict[str, str]   # organ id → its word, for organs whose state was a guess ("Congress")

    def _find_mentions(self) -> None:
        text = self.text
        raw: list[Mention] = []
        for m in self.gaz.pattern().finditer(text):
            if REGION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "seven Latin American countries": a region's adjective, not a state's demonym
            mention = self._resolve_surface(m)
            if mention is not None:
                raw.append(mention)
        for start, end, words in capitalised_labels(text):   # "* BOLIVIA - Cut ties ..." (capitalised_labels.py)
            state = label_state(self.gaz, words)
            if state and not any(r.start < end and start < r.end for r in raw):
                raw.append(Mention(start, end, state, STATE, words, "name"))
        for start, end, person, _ in self.title_spans:
            entity = self.gaz.entities[person]
            name_start = text.rfind(entity.label, start, end)
            raw.append(Mention(name_start if name_start >= 0 else start, end, person, "Person", text[start:end], "title"))
        states, first = {}, {}
        organs: dict[str, int] = {}
        places: dict[str, int] = {}   # a state's cities named
        for mention in raw:
            if mention.type == STATE:
                states[mention.entity] = states.get(mention.entity, 0) + 1
                first[mention.entity] = min(first.get(mention.entity, mention.start), mention.start)
            elif mention.type == "City" and not ENVOY_ENDS.search(text, max(0, mention.start - 6), mention.start) \
                    and (state := self._city_located(mention.entity)):
                places[state] = places.get(state, 0) + 1   # "drove back into Minsk": the story is there
            elif mention.kind == "organ":   # "a Myanmar court", "the Peruvian Foreign Ministry"
                state = self.gaz.entities[mention.entity].attrs.get("organ_of") if mention.entity in self.gaz.entities else None
                organs[state] = organs.get(state, 0) + 1
        # a tie goes to the state whose organs the article names more, then to the one named first
        # (the headline's, the lead's), not to a name's spelling
        # (then to the one whose cities the story names more: "drove back into Minsk")
        self.focal_state = max(states, key=lambda s: (states[s], places.get(s, 0), organs.get(s, 0), -first[s])) if states else None
        counts = sorted(((n, places.get(s, 0)) for s, n in states.items()), reverse=True)
        # named more often than any other state: what the article is about, not a tie broken by name;
        # as often and its cities more is enough only for the other party of an act between states
        # (a bare organ's state stays a guess: "Peru and Chile met in Santiago ... police arrested X")
        self.focal_state_clear = bool(counts) and (len(counts) == 1 or counts[0][0] > counts[1][0])
        self.focal_counterpart_clear = bool(counts) and (len(counts) == 1 or counts[0] > counts[1])
        for m in GENERIC_ORGAN.finditer(text):
            if any(r.start <= m.start() < r.end for r in raw):
                continue
            state = None
            if m.group("state"):
                state = next((self.gaz.resolve(t).id for t, k in self.gaz.surfaces.get(m.group("state"), [])
                              if self.gaz.resolve(t).type == STATE), None)
            if state:  # without a named state, "police" could be anyone's: not an actor
                organ = self.gaz.organ(state, _organ_word(m.group("organ")))
                raw.append(Mention(m.start(), m.end(), organ.id, organ.type, m.group(0), "organ"))
        for m in NAMED_ORGAN.finditer(text):   # "the State Department": whose organ it is, its name says
            if any(r.start <= m.start() < r.end or m.start() <= r.start < m.end() for r in raw):
                continue
            code, word = NAMED_ORGANS[m.group(0)]
            organ = self.gaz.organ(self.gaz.state(code).id, word)
            raw.append(Mention(m.start(), m.end(), organ.id, organ.type, m.group(0), "organ"))
        named_states = {m.entity for m in raw if m.type == STATE}
        for m in BARE_ORGAN.finditer(text):
            if any(r.start <= m.start("organ") < r.end for r in raw):
                continue
            word = m.group("organ")
            known = [e for e in self.gaz.entities.values() if not e.new and e.attrs.get("organ_of") in named_states
                     and (e.label == word or word in e.aliases)]
            nearby = [self.gaz.state_of(post) for start, _, _, post in self.title_spans
                      if post and abs(start - m.start()) < 400 and self.gaz.state_of(post)]
            state = known[0].attrs["organ_of"] if len(known) == 1 else (
                self._state_located_before(m.start()) or (max(nearby, key=nearby.count) if nearby else self.focal_state))
            if state:
                organ = self.gaz.organ(state, word.lower())
                raw.append(Mention(m.start(), m.end(), organ.id, organ.type, m.group(0), "organ"))
                if len(known) != 1:   # whose "Congress" it is was a guess: the person it acts on may tell
                    self.guessed_organs[organ.id] = word.lower()
        for m in PRONOUN.finditer(text):
            raw.append(Mention(m.start(), m.end(), "", "Person", m.group(0), "pronoun"))
        for m in STATE_REF.finditer(text):  # "It also recalled its ambassador": a state or body, resolved on the parse only
            if any(r.start <= m.start() < r.end for r in raw):
                continue
            raw.append(Mention(m.start(), m.end(), "", "State", m.group(0), "state-ref"))
        for m in DEFINITE.finditer(text):
            word = m.group("word").strip() if m.group("word") else ""
            if word in self.gaz.surfaces and not self._organisation_staff(word, m.group("title")) \
                    and (word not in DEMONYM_FORMS or _covered(raw, m.start("title"))
                         or TITLES.get(" ".join(m.group("title").lower().split()))):
                # "the Peruvian president": a post the gazetteer names (its office, not a description);
                # "the Peruvian minister", "the Chilean activist": a description of a person of that state
                if word in DEMONYM_FORMS and not _covered(raw, m.start("title")) and not NAME_AFTER.match(text, m.end()):
                    # "Interior Minister X ... the Kenyan interior minister resigned": the person the article
                    # titled so, where the parse finds one (article_anaphora keeps it only then)
                    raw.append(Mention(m.start(), m.end(), "", "Person", m.group(0), "definite-post"))
                continue
            raw.append(Mention(m.start(), m.end(), "", "Person", m.group(0), "definite"))
        for m in POSSESSED_TITLE.finditer(text):
            # "Kenya's interior minister resigned", no name after it: the person the article titled so, of
            # that state or of none known, where the parse finds one (article_anaphora keeps it only then)
            owner = next((r for r in raw if r.type == STATE and r.end == m.start() and r.kind not in ("demonym", "state-ref")), None)
            if owner is not None and not _covered(raw, m.start("title")):
                raw.append(Mention(m.start("title"), m.end(), "", "Person", m.group("title"), "definite-post"))
                self.title_owner_states[(m.start("title"), m.end())] = owner.entity
        for m in re.finditer(r"\bthe\s+(?P<noun>aides|allies|associates|advisers|family|children)\b", text):
            if any(r.start <= m.start() < r.end for r in raw):
                continue
            groups = [e for e in self.gaz.entities.values() if e.type == "Group" and e.label.startswith(m.group("noun"))]
            if len(groups) == 1:
                raw.append(Mention(m.start(), m.end(), groups[0].id, "Group", m.group(0), "definite-group"))
        for m in POSSESSIVE_MISSION.finditer(text):
            # "Ecuador ... inside its embassy in London": the mission of the state just named
            if any(r.start <= m.start() < r.end for r in raw):
                continue
            owners = [r for r in raw if r.type == STATE and r.kind not in ("demonym", "state-ref") and r.end <= m.start()
                      and m.start() - r.end < 120 and not re.search(r"[.;]", text[r.end:m.start()])]
            # "After the fire that destroyed its embassy in X, Spain restored ...": a clause put first
            # names the owner after it, as the subject that follows its comma
            owners = owners or [r for r in raw if r.type == STATE and r.kind in ("name", "alias") and r.start > m.end()
                                and r.start - m.end() < 150 and text[:r.start].rstrip().endswith(",")
                                and not re.search(r"[.;]", text[m.end():r.start])][:1]
            if owners:
                owner = self.gaz.entities[max(owners, key=lambda r: r.end).entity]
                raw.append(self._mission(owner, m.start(), m.end(), bool(m.group("where"))))
        for m in NUNCIATURE.finditer(text):
            if not any(r.start <= m.start() < r.end or r.start < m.end() <= r.end for r in raw):
                raw.append(self._mission(self.gaz.resolve("state:" + NUNCIATURE_SENDER), m.start(), m.end(),
                                         bool(m.group("where"))))
        for m in BARE_MISSION.finditer(text):
            if any(r.start <= m.start() < r.end for r in raw):
                continue
            previous = [r for r in raw if r.end <= m.start() and r.type in ("Embassy", "DiplomaticMission")]
            if previous:
                last = max(previous, key=lambda r: r.end)
                raw.append(Mention(m.start(), m.end(), last.entity, last.type, m.group(0), "mission"))
        for m in KIN.finditer(text):
            raw.append(Mention(m.start(), m.end(), "", "Person", m.group(0), "kin"))
        raw.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept: list[Mention] = []
        for mention in raw:
            if kept and mention.start < kept[-1].end:
                continue  # overlapping: keep the longer, earlier one
            kept.append(mention)
        for i, mention in enumerate(kept):
            government = re.match(r"['’]s\s+(?:administration|government)\b", text[mention.end:mention.end + 20])
            state = self.gaz.state_of(self.person_posts.get(mention.entity, "")) if mention.type == "Person" else None
            if government and state:
                organ = self.gaz.organ(state, "government")
                kept[i] = Mention(mention.start, mention.end + government.end(), organ.id, organ.type,
                                  text[mention.start:mention.end + government.end()], "organ")
        self.mentions = kept
        self._resolve_anaphora()

    def _shared_name_state(self, surface: str) -> str:
        """The ISO code of the state a short name two states share stands for in this article: the one
        whose own words the article uses most ("Kinshasa", "DR Congo"), else the first (once per article)."""
        cache = self.__dict__.setdefault("_shared_names", {})
        if surface not in cache:
            states = SHARED_SHORT_NAMES[surface]
            counts = [len(_SHARED_NAME_WORDS[code].findall(self.text)) for code, _ in states]
            cache[surface] = states[counts.index(max(counts))][0]
        return cache[surface]

    def _resolve_surface(self, m: re.Match) -> Mention | None:
        surface = m.group(0)
        candidates = self.gaz.surfaces[surface]
        start, end = m.start(), m.end()
        before = self.text[max(0, start - 30):start]
        after = self.text[end:end + 60]
        if surface in MONTH_NAMES and (re.match(r"\s+\d", after) or re.search(
                r"\b(?:in|of|since|last|early|mid|late|until|by|this|next|from)\s+$", before, re.IGNORECASE)):
            return None  # "in May 2019": the month, not Theresa May
        persons = [c for c in candidates if not c[0].startswith("state:") and self.gaz.resolve(c[0]).type == "Person"]
        if len(persons) > 1:
            # "Morales" after "Carlos Raúl Morales": the person last named in full, not another Morales
            def named_in_full(candidate):
                return self.text.rfind(self.gaz.resolve(candidate[0]).label, 0, start)
            # (not a relative the first was described by, "X Reis, the son of Y Reis ... Reis": the one described)
            described = [c for c in persons if not RELATIVE_OF.search(self.text[max(0, named_in_full(c) - 60):max(0, named_in_full(c))])]
            latest = max(described or persons, key=named_in_full)
            if named_in_full(latest) >= 0:
                candidates = [latest] + [c for c in candidates if c != latest]
        if surface in SHARED_SHORT_NAMES:
            meant = "state:" + self._shared_name_state(surface)
            candidates = sorted(candidates, key=lambda c: c[0] != meant)
        chosen = None
        for target, kind in candidates:
            if kind == "alias" and (surface.lower() in ORGANS or (surface[0].islower() and " " not in surface)
                                    or surface.lower().startswith("the ") and len(surface.split()) == 2):
                continue  # generic words ("prosecutors", "Congress", "the court") need their state: see organ rules
            entity = self.gaz.resolve(target) if not target.startswith("state:") else None
            if kind == "capital" or (entity is not None and entity.type == "City"):
                if self._part_of_a_name(start, end):
                    return None
                code = target[6:] if target.startswith("state:") else None
                if kind == "capital" and code:   # the state of the story's time: Belgrade in 1956 is Yugoslavia's
                    code = state_at(surface, self.time_at(start), CAPITAL_CODE.get(surface))
                if PREPOSITIONS_BEFORE_PLACE.search(before) or (kind == "capital" and code is None):
                    city = entity if entity is not None and entity.type == "City" else self.gaz.city(surface, code)
                    return Mention(start, end, city.id, "City", surface, "name")
                if kind == "capital" or (entity is not None and entity.type != "City"):
                    chosen = chosen or (("state:" + code) if code else target, "capital")
                continue
            if chosen is None or (chosen[1] in ("capital", "demonym") and kind in ("name", "alias")):
                chosen = (target, kind)
        if chosen is None:
            return None
        target, kind = chosen
        entity = self.gaz.resolve(target)
        if entity.type == "City":
            return Mention(start, end, entity.id, "City", surface, "name")
        if entity.type in ("Embassy", "DiplomaticMission"):
            city = self.gaz.entities.get(entity.attrs.get("located_in", ""))
            located = re.match(r"\s+in\s+(\w+(?:\s\w+)?)", after)
            if city is not None and located and city.label.startswith(located.group(1).split()[0]):
                end = end + located.start(1) + len(city.label) if after[located.start(1):].startswith(city.label) else end
            return Mention(start, end, entity.id, entity.type, self.text[start:end], "mission")
        # a state followed by an organ or a mission: "Peru's Congress", "the Mexican embassy in Lima"
        if entity.type == STATE:
            organ = ORGAN_AFTER.match(after)
            if organ:
                body = self.gaz.organ(entity.id, organ.group("organ"))
                return Mention(start, end + organ.end(), body.id, body.type, surface + after[:organ.end()], "organ")
            envoy = ENVOY_AFTER.match(after)
            if envoy:
                receiver = None
                if envoy.group("where"):
                    for t, k in self.gaz.surfaces.get(envoy.group("where"), []):
                        place = self.gaz.resolve(t)
                        receiver = place.id if place.type == STATE else (self.gaz.state_of(place.attrs.get("located_in")) or receiver)
                        if receiver:
                            break
                receiver = receiver or self.focal_state_guess(entity.id, on_tie=self._host_tie(start, entity.id))
                post = self.gaz.envoy(entity.id, receiver, envoy.group("kind"))
                # "Ghana's diplomats in Lomé" are Ghana: the place they serve in stays a mention of its own
                stop = envoy.end("kind") if post.type == STATE else envoy.end()
                return Mention(start, end + stop, post.id, post.type, surface + after[:stop], "post")
            mission = MISSION_AFTER.match(after)
            if mission:
                return self._mission(entity, start, end + mission.end(), bool(mission.group("where")))
            mission = DEMONYM_MISSION.match(after) if surface in DEMONYM_FORMS else None
            if mission:
                return self._mission(entity, start, end + mission.end(), False)
            city_embassy = CITY_EMBASSY.match(after)
            if city_embassy:
                city = self.gaz.city(city_embassy.group("city").strip(), None)
                mission_entity = self.gaz.mission(entity.id, city)
                return Mention(start, end + city_embassy.end(), mission_entity.id, mission_entity.type, surface, "mission")
            envoy_before = re.search(r"(?i:(?:the\s+)?(?P<kind>ambassador|envoy|chargé\s+d['’]affaires|top\s+diplomat))\s+of\s+(?:the\s+)?$", before)
            if envoy_before:  # "the ambassador of the Netherlands"
                post = self.gaz.envoy(entity.id, self.focal_state_guess(entity.id, on_tie=self._host_tie(start, entity.id)), envoy_before.group("kind"))
                return Mention(start - len(envoy_before.group(0)), end, post.id, post.type, self.text[start - len(envoy_before.group(0)):end], "post")
            organ_before = ORGAN_OF_STATE.search(self.text[max(0, start - 45):start]) if before.endswith(("of ", "the ")) else None
            if organ_before and (organ_before.group(0)[:3].lower() == "the"
                                 or not _inside_a_name(self.text, start - len(organ_before.group(0)))):
                body = self.gaz.organ(entity.id, re.sub(r"\s+", " ", organ_before.group("organ")))
                return Mention(start - len(organ_before.group(0)), end, body.id, body.type,
                               self.text[start - len(organ_before.group(0)):end], "organ")
            if MISSION_BEFORE.search(before):
                return self._mission(entity, start - len(MISSION_BEFORE.search(before).group(0)), end, self.text[end:end + 4] == " in ")
        if kind == "alias" and surface in DEMONYM_FORMS:
            kind = "demonym"  # registry aliases include demonyms ("Mexican"): still adjectives
        return Mention(start, end, entity.id, entity.type, surface, kind)

    def _organisation_staff(self, word: str, title: str) -> bool:
        """'the UN official', 'the EU envoy': an international organisation's name on a person noun
        describes a person of it (told before), not a post the gazetteer names."""
        entities = [self.gaz.entities.get(e) for e, _ in self.gaz.surfaces[word]]
        return title.lower() in PERSON_NOUNS and bool(entities) and all(
            e is not None and e.type == "InternationalOrganization" for e in entities)

    def _agent_from_the_acted_on(self) -> None:
        """'X was arrested', 'prosecutors charged X': an act of a state's justice whose text names no
        actor is the act of the state of the person it acts on, where the article gives that state;
        an organ whose state was guessed ("Congress", "the Supreme Court") is that state's."""
        for event in self.events:
            if event.type not in DOMESTIC_ACTS + ("RemovalFromOffice",) or not event.target \
                    or self.gaz.entities.get(event.target[0], Entity("", "", "")).type != "Person":
                continue
            state = self._actor_state(event.target[0])
            if not state:
                continue
            if not event.agent and event.type in DOMESTIC_ACTS:
                event.agent = [state]
            elif len(event.agent) == 1 and event.agent[0] in self.guessed_organs \
                    and self.gaz.state_of(event.agent[0]) != state:
                # "Congress voted to remove him": the Congress of his state, not of the article's most named one
                event.agent = [self.gaz.organ(state, self.guessed_organs[event.agent[0]]).id]
            else:
                continue
            event.id = self._mint(event.type, event.agent, event.target)

    def is_speaker(self, mention: Mention) -> bool:
        """Whether a mention is the subject of a speech verb, or its apposition ("Peru recognized
        the junta, its foreign minister, X, told reporters"): the source of a report, not a party to it."""
        if self._speaker_spans is None:
            spans = []
            for tok in tree.tokens(self.doc):
                if tok.dep_ in tree.SUBJECTS and tok.head.lemma_ in SPEECH_LEMMAS:
                    spans.append((tok.left_edge.idx, tok.idx + len(tok.text)))
                    spans += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in tok.children if c.dep_ == "appos"]
                elif tok.lemma_ in SPEECH_LEMMAS and tok.pos_ == "VERB" and tok.dep_ == "conj" \
                        and not any(c.dep_ in tree.SUBJECTS for c in tok.children):
                    # "..., its foreign minister, X, tells reporters" parsed as an apposition of the
                    # clause's last noun: the apposition chain right before the verb is its subject
                    before = next((t for t in reversed(self.doc[tok.sent.start:tok.i]) if not t.is_punct), None)
                    top = None
                    while before is not None and before.dep_ in ("appos", "compound", "flat") and before.head.i < before.i:
                        top = before if before.dep_ == "appos" else top
                        before = before.head
                    if top is not None:
                        spans.append((top.left_edge.idx, top.right_edge.idx + len(top.right_edge.text)))
            self._speaker_spans = spans
        return any(start <= mention.start < end for start, end in self._speaker_spans)

    def time_at(self, offset: int) -> str | None:
        """The time the story is at an offset of the text (ISO, any precision): the date of the clause
        there, else the narrative's time in that sentence, else the dateline or publication date."""
        date = self.timeline.date_at(offset)
        if date and date.get("value"):
            return date["value"]
        if self._sentence_offsets is None:
            self._sentence_offsets = [s.start_char for s in self.doc.sents]
        return self.timeline.story_time(max(0, bisect.bisect_right(self._sentence_offsets, offset) - 1))



def _covered(raw: list[Mention], at: int) -> bool:
    """Some mention other than a state's (a post, a title, a name) already covers the word at ``at``."""
    return any(r.start <= at < r.end and r.type != STATE for r in raw)
