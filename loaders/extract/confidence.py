"""Each proposed event's confidence: the probability a logistic regression gives that a reviewer
accepts it, read from closed-class features of how the extractor found it.

The features (``features``) are what the extractor already knows once an article is read, never the
words of one article: the event type; the stage that proposed it (a frame, the Statement coder and
where it found the target, a rule, a later stage); whether its trigger is a verb or a noun, in the
headline, in quotation marks or under a speech verb; the clause's hedges (a negation, a modal, a verb
of threats, claims or denials above it, an adverb made from such a verb: "allegedly"); how each role
was found (the name in the sentence, a demonym, a capital, a title, a pronoun, an organ, a person's
state by post, nationality or the actor dictionary, an earlier sentence, none told); the kind of
entity each role is; where the date came from (its clause, its sentence, counted from another date,
the story's time, the dateline); how many events of the same type the sentence gave, how often the act was told
and how many events the article gave; the hand-set confidence the stage gave it.

The weights are data, ``confidence_model.tsv`` (written by ``dev/tools/train_confidence.py`` from the
rules half of the development corpus; its header says when, from which commit, on how many proposals
and how well it ranks out of fold).  Read once per process; the same features always give the same
confidence, rounded to two decimals.  What is proposed does not change: only the number it carries.
"""

from __future__ import annotations

import bisect
import functools
import math
from pathlib import Path

from .date_fields import STORY_TIME
from .modality import is_modal, words_of

MODEL_FILE = Path(__file__).with_name("confidence_model.tsv")
INTERCEPT = "(intercept)"
#: features that say the clause is less an act than without them: the trainer keeps their weights at
#: or below zero, so a hedged proposal never scores above the same proposal unhedged
HEDGES = ("hedge:negated", "hedge:modal", "hedge:not-act-verb", "hedge:adverb")
#: mention kinds (gazetteer.Mention.kind) named as they are; aliases are names
_KINDS = {"alias": "name"}


@functools.lru_cache(maxsize=2)
def load_model(path: Path = MODEL_FILE) -> dict[str, float]:
    """feature → weight (``(intercept)`` among them), from the tab-separated file; ``#`` lines are its header."""
    weights: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "feature\t")):
            continue
        name, weight = line.split("\t")[:2]
        weights[name] = float(weight)
    return weights


def probability(weights: dict[str, float], features: list[str]) -> float:
    """The model's probability that a proposal with these features is right, rounded to two decimals."""
    z = weights.get(INTERCEPT, 0.0) + sum(weights.get(f, 0.0) for f in sorted(set(features)))  # (one order: the same sum in every process)
    return round(1.0 / (1.0 + math.exp(-z)), 2)


def set_confidences(extractor) -> None:
    """Give every event of the extraction its features (``Event.features``) and the model's
    probability as its confidence.  ``extractor`` is the pipeline's, after every stage has run."""
    weights = load_model() if MODEL_FILE.exists() else None
    reader = _ArticleReader(extractor)
    for event in extractor.events:
        event.features = reader.features(event)
        if weights is not None:
            event.confidence = probability(weights, event.features)


class _ArticleReader:
    """The look-ups the features of one article's events share (token and mention positions)."""

    def __init__(self, extractor) -> None:
        self.x = extractor
        self.doc = extractor.doc
        self.token_starts = [t.idx for t in self.doc]
        self.per_sentence: dict[tuple[str, int], int] = {}
        self.speaker_statements: dict[str, int] = {}
        for e in extractor.events:
            key = (e.type, min(e.sentences, default=-1))
            self.per_sentence[key] = self.per_sentence.get(key, 0) + 1
            if e.type == "Statement":
                for agent in e.agent:
                    self.speaker_statements[agent] = self.speaker_statements.get(agent, 0) + 1
        self.acts_in = {i for e in extractor.events if e.type != "Statement" for i in e.sentences}

    def features(self, event) -> list[str]:
        x = self.x
        first = min(event.sentences, default=0)
        sentence = x.sentences[first] if 0 <= first < len(x.sentences) else None
        at = event.told_at if event.told_at >= 0 else event.spoken_at
        token = self._token_at(at) if at >= 0 else None   # (a Statement of a later stage: no verb known)
        stage = event.target_stage or "none"
        family = stage.split(":", 1)[0]
        out = [f"type={event.type}", f"stage={family if family in ('frame', 'statement') else stage}",
               f"prior={event.confidence:.1f}"]
        if family == "statement":
            out.append(f"statement-target={stage.split(':', 1)[1]}")
        if event.type == "Statement":
            said = max((self.speaker_statements.get(a, 0) for a in event.agent), default=0)
            out.append(f"speaker-statements={min(said, 3)}")
            if first in self.acts_in:
                out.append("act-in-sentence")
        out.append(f"trigger-pos={'unknown' if token is None else token.pos_ if token.pos_ in ('NOUN', 'VERB', 'PROPN') else 'other'}")
        if sentence is not None and sentence.start == 0:
            out.append("headline")
        if sentence is not None and at >= 0 and _quoted(x.text, sentence.start, at):
            out.append("quoted")
        if token is not None:
            out += _clause_marks(token)
        mentions = x._mentions_in(sentence.start, sentence.end) if sentence is not None else []
        before = x._mentions_in(0, sentence.start) if sentence is not None else []
        for role, ids in (("agent", event.agent), ("target", event.target)):
            out.append(f"{role}-how={self._how(ids[0], mentions, before) if ids else 'empty'}")
            out.append(f"{role}-kind={self._kind(ids[0]) if ids else 'empty'}")
            if len(ids) > 1:
                out.append(f"{role}-several")
        if id(event) in x.guessed_agents or event.id in x.hosts_guessed:
            out.append("agent-guessed")
        date = _date_source(event.fields.get("date"))
        if date in ("own-words", "counted") and sentence is not None and token is not None:
            phrase = event.fields["date"].get("phrase")
            where = "clause" if self._in_clause(phrase, sentence, token) else "sentence" if phrase and phrase in sentence.text else "elsewhere"
            out.append("date-relative" if date == "counted" else "date-absolute")   # ("on Tuesday", "two days later" / "on 3 May 2021")
            date = f"own-{where}"
        out.append(f"date={date}")
        same = self.per_sentence.get((event.type, first), 1)
        out.append(f"same-type-in-sentence={min(same, 3)}")
        out.append(f"tellings={min(len(event.sentences), 3)}")
        told = len(x.events)   # (an article that tells many acts tells them plainly more often than one that tells few)
        out.append(f"article-events={'<6' if told < 6 else '<11' if told < 11 else '11+'}")
        words = len(sentence.text.split()) if sentence is not None else 0
        out.append(f"sentence-words={'<15' if words < 15 else '<30' if words < 30 else '<45' if words < 45 else '45+'}")
        for name in ("place", "announced_by"):
            if name in event.fields:
                out.append(f"has-{name}")
        return out

    def _token_at(self, offset: int):
        i = bisect.bisect_right(self.token_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def _in_clause(self, phrase: str | None, sentence, token) -> bool:
        """Whether a date's words are in the trigger's clause (the subtree of its verb), not only its sentence."""
        at = sentence.text.find(phrase) if phrase else -1
        date_token = self._token_at(sentence.start + at) if at >= 0 else None
        verb = token.head if token.pos_ == "NOUN" and token.head.pos_ in ("VERB", "AUX") else token
        return date_token is not None and (date_token == verb or verb in date_token.ancestors)

    def _how(self, entity_id: str, mentions, before) -> str:
        """How a role's entity was found: named in the sentence (and how), a person's or organ's state
        named in it, named only before, or not named at all."""
        x = self.x
        direct = [m for m in mentions if m.entity == entity_id]
        if direct:
            kinds = {_KINDS.get(m.kind, m.kind) for m in direct}
            return "name" if "name" in kinds else min(kinds)
        for m in mentions:
            if x.gaz.state_of(x.person_posts.get(m.entity, m.entity)) == entity_id and m.entity != entity_id:
                return "via-post" if m.type == "Person" else "via-organ"
            if x.person_states.get(m.entity) == entity_id:
                return "via-nationality"
            if x.dictionary_states.get(m.entity) == entity_id:
                return "via-dictionary"
        if any(m.entity == entity_id for m in before):
            return "earlier"
        return "untold"

    def _kind(self, entity_id: str) -> str:
        entity = self.x.gaz.entities.get(entity_id)
        if entity is None:
            return "unknown"
        if entity.attrs.get("organ_of"):
            return "organ"
        return entity.type + ("-minted" if entity.new and entity.type == "Person" else "")


def _quoted(text: str, sentence_start: int, at: int) -> bool:
    """Whether an offset is inside quotation marks opened in its sentence."""
    before = text[sentence_start:max(sentence_start, at)]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _clause_marks(token) -> list[str]:
    """The trigger's clause: negated, modal, under a verb that makes it no act yet, under a speech verb,
    with an adverb made of such a verb ("allegedly", "reportedly")."""
    words = words_of(token)
    heads = [token] + ([token.head] if token.pos_ == "NOUN" and token.head != token else [])
    out = []
    if any(c.dep_ == "neg" or c.lower_ in words.negations for h in heads for c in h.children):
        out.append("hedge:negated")
    if any(is_modal(c) for h in heads for c in h.children):
        out.append("hedge:modal")
    ancestors = list(token.ancestors)[:6]
    if any(a.lemma_.lower() in words.not_act_verbs for a in ancestors):
        out.append("hedge:not-act-verb")
    if any(a.lemma_.lower() in words.speech_verbs for a in ancestors):
        out.append("under-speech-verb")
    for h in heads:
        for c in h.children:
            stem = c.lower_[:-4] if c.pos_ == "ADV" and c.lower_.endswith("edly") else ""
            if stem and (stem in words.speech_verbs | words.not_act_verbs
                         or stem + "e" in words.speech_verbs | words.not_act_verbs):
                out.append("hedge:adverb")
                return out
    return out


def _date_source(date: dict | None) -> str:
    """Where an event's date came from: none, its own words, counted from another date, the story's
    time told before, the dateline."""
    if not date or not date.get("value"):
        return "none"
    basis = str(date.get("basis", ""))
    if not basis:
        return "own-words"
    if basis.startswith(STORY_TIME):
        return "dateline" if "dateline" in basis else "story-time"
    return "counted"
