"""Scoring the extractor against reviewed claims: precision, recall, F1, per event type.

An extracted event matches a reviewed event of the same article when the type is the same and,
for each of agent and target the reviewed event has, the extracted one shares at least one
value (a role the reviewer left empty is not scored).  Entities match by id, or — for entities
the rules minted — by name: the minted entity's label is the reviewed entity's label or an alias;
a minted organ of a state ("Congress of Ecuador") is also the reviewed organ of that type and state
whose names hold its word ("National Congress of Ecuador"), as the gazetteer would have found it.
Each reviewed event is matched at most once; extra extracted events are false alarms.

Dates are reported apart, twice: among matched events whose reviewed claims give a date, how many
carry the right date (an event with no date, or one that cannot be resolved, counts as wrong: the
issue's "found events carry the right date"); and, as before, among matched events both sides
date, how many agree.  A date agrees when one value is a prefix of the other ("2025-11" and
"2025-11-03"): precision is the text's, not a fault.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.dates import resolve
from diplograph.loaders.extract import extract, read_article
from diplograph.loaders.extract.gazetteer import fold
from ruamel.yaml import YAML

from .errors import DiplographError
from .settings import registry_corpus

#: the confidences ``as_text`` scores the proposals at (loaders/extract/confidence.py gives the confidence)
CONFIDENCE_STEPS = (0.3, 0.5, 0.7, 0.8, 0.9)


@dataclass
class GoldEvent:
    id: str
    type: str
    agent: set[str] = field(default_factory=set)
    target: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    evidence: str = ""
    quotes: list[str] = field(default_factory=list)   # every evidence quote of its claims


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class ArticleReport:
    source: str
    score: Score
    by_type: dict[str, Score]
    misses: list[tuple[str, str]]          # (gold event description, evidence)
    false_alarms: list[tuple[str, str]]    # (extracted event description, evidence)
    dates_right: int = 0                   # matched events both sides date, agreeing
    dates_compared: int = 0                # matched events both sides date
    dated_right: int = 0                   # matched events the gold dates, carrying its date
    dated_gold: int = 0                    # matched events the gold dates
    undated_gold: int = 0                  # matched events the gold leaves undated (no date in the text)
    dated_anyway: int = 0                  # of those, the ones the extraction dates all the same
    sentences: int = 0
    split: str | None = None               # development articles: "rules" or "heldout"
    date_misses: list[tuple[str, str]] = field(default_factory=list)  # (matched event, its dates), evidence
    dates_extra: list[tuple[str, str]] = field(default_factory=list)  # dated where the gold leaves it undated
    date_miss_causes: Counter = field(default_factory=Counter)         # wrong dates by cause (date_miss_cause)
    # the same, as objects, for tools that sort the errors (dev/tools/who_errors.py)
    false_alarm_events: list = field(default_factory=list)            # extracted events matched to nothing
    missed_events: list[GoldEvent] = field(default_factory=list)      # reviewed events nothing matched
    extracted_events: list = field(default_factory=list)             # every extracted event, matched or not
    minted: dict = field(default_factory=dict)                        # id -> (label, aliases, is person, organ key)
    # matches a role made only through its second or later value: a match any shared value makes, which an
    # event that lists more guesses gets more often (shown beside ALL, so that such a gain is seen)
    later_value_matches: int = 0
    # the score of the proposals at or above a confidence, by the same matching (EvalReport.at_confidence)
    rescore: Callable[[float], Score] | None = None


@dataclass
class EvalReport:
    articles: list[ArticleReport]

    @property
    def overall(self) -> Score:
        total = Score()
        for a in self.articles:
            total.add(a.score)
        return total

    @property
    def by_type(self) -> dict[str, Score]:
        out: dict[str, Score] = {}
        for a in self.articles:
            for t, s in a.by_type.items():
                out.setdefault(t, Score()).add(s)
        return dict(sorted(out.items()))

    @property
    def heldout(self) -> list[str]:
        """The held-out articles scored: their sentences are kept out of view unless asked for."""
        return [a.source for a in self.articles if a.split == "heldout"]

    @property
    def date_accuracy(self) -> tuple[int, int]:
        """(agree, compared) over matched events both the gold and the extraction date."""
        return sum(a.dates_right for a in self.articles), sum(a.dates_compared for a in self.articles)

    @property
    def dated_events(self) -> tuple[int, int]:
        """(right, dated) over matched events the gold dates: a missing date counts as wrong."""
        return sum(a.dated_right for a in self.articles), sum(a.dated_gold for a in self.articles)

    @property
    def dated_anyway(self) -> tuple[int, int]:
        """(dated, undated) over matched events the gold leaves undated: dates the text does not give."""
        return sum(a.dated_anyway for a in self.articles), sum(a.undated_gold for a in self.articles)

    def at_confidence(self, threshold: float) -> Score:
        """The score had only the proposals of this confidence or more been made (each article
        matched again, so a reviewed event a dropped proposal took may go to another)."""
        total = Score()
        for a in self.articles:
            total.add(a.rescore(threshold) if a.rescore is not None else a.score)
        return total

    def as_text(self, details: bool = True) -> str:
        o = self.overall
        lines = [f"{'article':44s} {'P':>5s} {'R':>5s} {'F1':>5s}  tp fp fn"]
        for a in self.articles:
            s = a.score
            lines.append(f"{a.source:44s} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {s.tp:2d} {s.fp:2d} {s.fn:2d}")
        lines.append(f"{'ALL':44s} {o.precision:5.2f} {o.recall:5.2f} {o.f1:5.2f}  {o.tp:2d} {o.fp:2d} {o.fn:2d}")
        lines += self.confidence_lines()
        later = sum(a.later_value_matches for a in self.articles)
        lines.append(f"matches made only through a role's second or later value: {later} of {o.tp}")
        right, dated = self.dated_events
        lines.append(f"dates: {right}/{dated} = {right / dated:.2f} of matched events the gold dates carry the right date"
                     " (missing counts as wrong)" if dated else "dates: no matched event the gold dates")
        right, compared = self.date_accuracy
        lines.append(f"dates: {right}/{compared} matched events with both dates agree" if compared else "dates: none compared")
        anyway, undated = self.dated_anyway
        if undated:
            lines.append(f"dates: {anyway}/{undated} matched events the gold leaves undated are dated all the same")
        causes = Counter()
        for a in self.articles:
            causes.update(a.date_miss_causes)
        if causes:  # counts only: safe for the held-out half
            lines.append("dates: wrong by cause: " + ", ".join(f"{c} {n}" for c, n in causes.most_common()))
        lines.append("")
        lines.append(f"{'event type':28s} {'P':>5s} {'R':>5s} {'F1':>5s}  tp fp fn")
        for t, s in self.by_type.items():
            lines.append(f"{t:28s} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {s.tp:2d} {s.fp:2d} {s.fn:2d}")
        if details:
            for a in self.articles:
                if a.misses or a.false_alarms or a.date_misses or a.dates_extra:
                    lines.append("")
                    lines.append(f"== {a.source}")
                    lines += [f"  MISS  {d}\n        “{e}”" for d, e in a.misses]
                    lines += [f"  FALSE {d}\n        “{e}”" for d, e in a.false_alarms]
                    lines += [f"  DATE  {d}\n        “{e}”" for d, e in a.date_misses]
                    lines += [f"  UNDATED-IN-GOLD {d}\n        “{e}”" for d, e in a.dates_extra]
        return "\n".join(lines)

    def confidence_lines(self, thresholds: tuple[float, ...] = CONFIDENCE_STEPS) -> list[str]:
        """Precision and recall of the proposals at or above each confidence: the trade-off a threshold makes."""
        lines = []
        for t in thresholds:
            s = self.at_confidence(t)
            label = f"at confidence >= {t:.2f}"
            lines.append(f"{label:44s} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {s.tp:2d} {s.fp:2d} {s.fn:2d}")
        return lines


def at_least(events, threshold: float | None) -> list:
    """The events of this confidence or more (all of them without a threshold)."""
    return list(events) if threshold is None else [e for e in events if round(e.confidence, 2) >= threshold]


@dataclass
class _Proposals:
    """An extraction's events kept at a threshold, with its sentences: what ``_score`` reads."""
    events: list
    sentences: list


def _fold(text: str) -> str:
    return fold(text).strip()


def evaluate(corpus_dir: str | Path, texts_dir: str | Path, *, split: str | None = None,
             registry_dir: str | Path | None = None, progress=None, min_confidence: float | None = None,
             roles: str = "any") -> EvalReport:
    """Run the extractor on each article of ``corpus_dir`` and score it against its reviewed claims
    (with ``min_confidence``, only the proposals of that confidence or more; ``roles``: one of
    ``ROLE_MATCHING``, how an agent or target with several values is matched).

    The extractor only knows the registry of ``registry_dir`` (the main corpus by default), as it
    would on a new article: entities the reviewers added for an article are not given to it.
    ``progress(done, total)`` is called after each article.
    """
    from .extraction import require_parser

    if roles not in ROLE_MATCHING:
        raise DiplographError(f"no role matching {roles!r} (use one of: {', '.join(ROLE_MATCHING)})")
    require_parser()
    gold_corpus = load_corpus(corpus_dir, texts_dir)
    known = load_corpus(registry_corpus(registry_dir), texts=None).entities
    names: dict[str, tuple[str, set[str]]] = {}
    for e in gold_corpus.entities.values():
        names[e.id] = (_fold(e.label), {_fold(a) for a in e.aliases}, organ_key(e.type, e.organ_of))
    sources = [s for s in gold_corpus.sources if split is None or s.split == split]
    if not sources:
        raise DiplographError(f"no articles{' of split ' + split if split else ''} in {corpus_dir}")
    from diplograph.loaders.extract.parse import parse_many

    reports = []
    articles = [read_article(Path(texts_dir) / s.file, published=s.published.value if s.published else None)
                for s in sources]
    # one stream of parses (nlp.pipe): spaCy parses a batch faster than its articles one by one
    for source, article, doc in zip(sources, articles, parse_many([a.text for a in articles])):
        published = source.published.value if source.published else None
        gold = _gold(Path(corpus_dir) / "claims" / f"{source.id}.yaml", published)
        extraction = extract(article, known, source.id, doc=doc)
        minted = {e.id: (_fold(e.label), {_fold(a) for a in e.aliases}, e.type == "Person",
                         organ_key(e.type, e.attrs.get("organ_of"))) for e in extraction.entities}
        kept = _Proposals(at_least(extraction.events, min_confidence), extraction.sentences)
        report = _score(source.id, gold, kept, names, minted, published, roles)
        report.split = source.split
        report.rescore = functools.partial(_rescore, source.id, gold, kept, names, minted, published, roles)
        reports.append(report)
        if progress is not None:
            progress(len(reports), len(sources))
    return EvalReport(reports)


def _gold(path: Path, published: str | None = None) -> dict[str, GoldEvent]:
    if not path.exists():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    events: dict[str, GoldEvent] = {}
    for claim in data.get("claims", []):
        if "event" not in claim:
            continue
        e = events.setdefault(claim["event"], GoldEvent(claim["event"], claim["type"]))
        for role in ("agent", "target"):
            values = claim.get(role) or []
            getattr(e, role).update([values] if isinstance(values, str) else values)
        date = claim.get("date")
        if date:
            if isinstance(date, dict):
                value = date.get("value") or (resolve(date["phrase"], published).value if date.get("phrase") else None)
            else:
                value = str(date) if str(date)[:4].isdigit() else resolve(str(date), published).value
            if value:
                e.dates.add(str(value))
        quotes = claim["evidence"] if isinstance(claim["evidence"], list) else [claim["evidence"]]
        e.quotes += [q if isinstance(q, str) else q.get("quote", "") for q in quotes]
        if not e.evidence:
            e.evidence = e.quotes[0]
    return events


#: the types of a state's organs, minted after the state's name ("Congress of Ecuador": gazetteer.ORGANS)
ORGAN_TYPES = frozenset({"Government", "GovernmentBody", "Legislature", "Court"})


def organ_key(entity_type: str, organ_of: str | None) -> tuple[str, str] | None:
    """(type, state) of a state's organ, the key a minted organ is matched to a reviewed one by."""
    return (entity_type, organ_of) if organ_of and entity_type in ORGAN_TYPES else None


def _same_entity(extracted: str, gold: str, names: dict[str, tuple], minted: dict[str, tuple]) -> bool:
    """The same id, or a minted entity named as the reviewed one: its label is the reviewed label or
    an alias, or its aliases hold the reviewed label, or (not for persons) an alias of each is the
    same.  Two persons' short forms alike are not enough: "Lanza" is the alias of every Lanza.  A minted
    organ is also the reviewed organ of the same type and state whose names hold its word, as the
    gazetteer finds a registry's organ (gazetteer._organ_word_fits): "Congress of Ecuador", minted from
    "Ecuador's Congress", is the reviewers' "National Congress of Ecuador", not their "Senate of Ecuador".
    (names: id -> (label, aliases[, organ key]); minted: id -> (label, aliases, is person[, organ key]).)"""
    if extracted == gold:
        return True
    if extracted in minted and gold in names:
        label, aliases, person, *organ = minted[extracted]
        gold_label, gold_aliases, *gold_organ = names[gold]
        return label == gold_label or label in gold_aliases or gold_label in aliases \
            or (not person and bool(aliases & gold_aliases)) \
            or _same_organ(organ, gold_organ, label, {gold_label, *gold_aliases})
    return False


def _same_organ(organ: list, gold_organ: list, label: str, gold_names: set[str]) -> bool:
    if not (organ and organ[0] and gold_organ and organ[0] == gold_organ[0]):
        return False
    word = label.split()[0] if label else ""   # "congress" of "congress of ecuador"
    return bool(word) and any(word in name.split() for name in gold_names)


#: how an extracted role is matched to the reviewed one (``evaluate(roles=)``, ``diplograph eval --roles``):
#: "any" — one of its values is one the reviewer named (the score the README has always given);
#: "first" — its first value, the actor the extractor chose, is one the reviewer named;
#: "all" — every value it names is one the reviewer named (a scorer that compares sets is stricter still)
ROLE_MATCHING = ("any", "first", "all")


def _roles_match(values: list[str], gold: set[str], names, minted, roles: str = "any") -> bool:
    if not gold:
        return True
    if roles == "first":
        values = values[:1]
    named = [any(_same_entity(v, g, names, minted) for g in gold) for v in values]
    return all(named) if roles == "all" and named else any(named)


def _same_words(gold: GoldEvent, event) -> bool:
    return any(q and (q in e or e in q) for q in gold.quotes for e in event.evidence)


def _date_value(event, published: str | None) -> str | None:
    date = event.fields.get("date")
    return (date.get("value") or resolve(date["phrase"], published).value) if date else None


def _same_date(gold: GoldEvent, event, published: str | None) -> bool:
    value = _date_value(event, published)
    return bool(value) and any(value.startswith(d) or d.startswith(value) for d in gold.dates)


_WEEKDAY_WORDS = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


def date_miss_cause(gold_dates: set[str], value: str | None, phrase: str | None) -> str:
    """Why an extracted date is not the reviewed one, for counting: no date; wrong precision (a day
    for a month or the reverse); wrong year (the same month and day, or month, of another year);
    wrong day (the right month: 'by a weekday' when the text's words name one); wrong month."""
    if not value:
        return "no date"
    gold = sorted(gold_dates, key=len)[-1]
    if len(gold) != len(value):
        return "wrong precision"
    if gold[4:] == value[4:]:
        return "wrong year"
    if len(gold) == 10 and gold[:7] == value[:7]:
        return "wrong day (weekday)" if phrase and _WEEKDAY_WORDS.search(phrase) else "wrong day"
    return "wrong month"


def _score(source_id: str, gold: dict[str, GoldEvent], extraction, names, minted, published,
           roles: str = "any") -> ArticleReport:
    by_type: dict[str, Score] = {}
    used: set[str] = set()
    false_alarms, date_misses, dates_right, dates_compared, dated_right, dated_gold = [], [], 0, 0, 0, 0
    date_miss_causes: Counter = Counter()
    false_alarm_events: list = []
    undated_gold = dated_anyway = later_value_matches = 0
    dates_extra: list[tuple[str, str]] = []
    for event in extraction.events:
        candidates = [g for g in gold.values() if g.id not in used and g.type == event.type
                      and _roles_match(event.agent, g.agent, names, minted, roles)
                      and _roles_match(event.target, g.target, names, minted, roles)]
        # of reviewed events that fit alike (two statements by one speaker), the one told in the
        # same words, then the one of the same date: which act it is, not the first listed
        match = min(candidates, key=lambda g: (not _same_words(g, event), not _same_date(g, event, published)), default=None)
        score = by_type.setdefault(event.type, Score())
        if match is None:
            score.fp += 1
            false_alarms.append((f"{event.type} agent={event.agent} target={event.target}", event.evidence[0]))
            false_alarm_events.append(event)
            continue
        used.add(match.id)
        score.tp += 1
        if not (_roles_match(event.agent[:1], match.agent, names, minted)
                and _roles_match(event.target[:1], match.target, names, minted)):
            later_value_matches += 1
        if not match.dates:
            undated_gold += 1
            if "date" in event.fields:
                dated_anyway += 1
                dates_extra.append((f"{event.type} {match.id} extracted={event.fields['date']}", event.evidence[0]))
            continue
        dated_gold += 1
        date = event.fields.get("date")
        value = _date_value(event, published)
        agree = _same_date(match, event, published)
        dates_compared += bool(value)
        dates_right += agree
        dated_right += agree
        if not agree:
            got = (date or {}).get("phrase", "no date")
            date_miss_causes[date_miss_cause(match.dates, value, got)] += 1
            date_misses.append((f"{event.type} {match.id} gold={sorted(match.dates)} extracted={value} ({got!r})",
                                event.evidence[0]))
    misses, missed_events = [], []
    for g in gold.values():
        if g.id not in used:
            missed_events.append(g)
            by_type.setdefault(g.type, Score()).fn += 1
            misses.append((f"{g.type} {g.id} agent={sorted(g.agent)} target={sorted(g.target)}", g.evidence))
    total = Score()
    for s in by_type.values():
        total.add(s)
    return ArticleReport(source_id, total, by_type, misses, false_alarms, dates_right, dates_compared,
                         dated_right, dated_gold, undated_gold, dated_anyway, len(extraction.sentences),
                         date_misses=date_misses, dates_extra=dates_extra, date_miss_causes=date_miss_causes,
                         false_alarm_events=false_alarm_events, missed_events=missed_events, minted=minted,
                         extracted_events=list(extraction.events), later_value_matches=later_value_matches)


def _rescore(source_id, gold, extraction, names, minted, published, roles: str, threshold: float) -> Score:
    kept = _Proposals(at_least(extraction.events, threshold), extraction.sentences)
    return _score(source_id, gold, kept, names, minted, published, roles).score


def per_type_counts(report: EvalReport) -> Counter:
    return Counter({t: s.tp + s.fn for t, s in report.by_type.items()})
