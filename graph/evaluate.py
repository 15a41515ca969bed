"""Scoring the extractor against reviewed claims: precision, recall, F1, per event type.

An extracted event matches a reviewed event of the same article when the type is the same and,
for each of agent and target the reviewed event has, the extracted one shares at least one
value (a role the reviewer left empty is not scored).  Entities match by id, or — for entities
the rules minted — by name: the minted entity's label is the reviewed entity's label or an alias.
Each reviewed event is matched at most once; extra extracted events are false alarms.  Date
accuracy is reported separately over matched events both sides date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.dates import resolve
from diplograph.loaders.extract import extract, read_article
from diplograph.loaders.extract.gazetteer import fold

from .errors import DiplographError
from .settings import registry_corpus


@dataclass
class GoldEvent:
    id: str
    type: str
    agent: set[str] = field(default_factory=set)
    target: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    evidence: str = ""


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

    def add(self, other: "Score") -> None:
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
    dates_right: int = 0
    dates_compared: int = 0
    sentences: int = 0
    split: str | None = None               # development articles: "rules" or "heldout"


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
        return sum(a.dates_right for a in self.articles), sum(a.dates_compared for a in self.articles)

    def as_text(self, details: bool = True) -> str:
        o = self.overall
        lines = [f"{'article':44s} {'P':>5s} {'R':>5s} {'F1':>5s}  tp fp fn"]
        for a in self.articles:
            s = a.score
            lines.append(f"{a.source:44s} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {s.tp:2d} {s.fp:2d} {s.fn:2d}")
        lines.append(f"{'ALL':44s} {o.precision:5.2f} {o.recall:5.2f} {o.f1:5.2f}  {o.tp:2d} {o.fp:2d} {o.fn:2d}")
        right, compared = self.date_accuracy
        lines.append(f"dates: {right}/{compared} matched events with both dates agree" if compared else "dates: none compared")
        lines.append("")
        lines.append(f"{'event type':28s} {'P':>5s} {'R':>5s} {'F1':>5s}  tp fp fn")
        for t, s in self.by_type.items():
            lines.append(f"{t:28s} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {s.tp:2d} {s.fp:2d} {s.fn:2d}")
        if details:
            for a in self.articles:
                if a.misses or a.false_alarms:
                    lines.append("")
                    lines.append(f"== {a.source}")
                    lines += [f"  MISS  {d}\n        “{e}”" for d, e in a.misses]
                    lines += [f"  FALSE {d}\n        “{e}”" for d, e in a.false_alarms]
        return "\n".join(lines)


def _fold(text: str) -> str:
    return fold(text).strip()


def evaluate(corpus_dir: str | Path, texts_dir: str | Path, *, split: str | None = None,
             registry_dir: str | Path | None = None, progress=None) -> EvalReport:
    """Run the extractor on each article of ``corpus_dir`` and score it against its reviewed claims.

    The extractor only knows the registry of ``registry_dir`` (the main corpus by default), as it
    would on a new article: entities the reviewers added for an article are not given to it.
    ``progress(done, total)`` is called after each article.
    """
    from .extraction import require_parser

    require_parser()
    gold_corpus = load_corpus(corpus_dir, texts_dir)
    known = load_corpus(registry_corpus(registry_dir), texts=None).entities
    names: dict[str, tuple[str, set[str]]] = {}
    for e in gold_corpus.entities.values():
        names[e.id] = (_fold(e.label), {_fold(a) for a in e.aliases})
    sources = [s for s in gold_corpus.sources if split is None or s.split == split]
    if not sources:
        raise DiplographError(f"no articles{' of split ' + split if split else ''} in {corpus_dir}")
    reports = []
    for source in sources:
        published = source.published.value if source.published else None
        gold = _gold(Path(corpus_dir) / "claims" / f"{source.id}.yaml", published)
        article = read_article(Path(texts_dir) / source.file, published=published)
        extraction = extract(article, known, source.id)
        minted = {e.id: (_fold(e.label), {_fold(a) for a in e.aliases}, e.type == "Person") for e in extraction.entities}
        report = _score(source.id, gold, extraction, names, minted, published)
        report.split = source.split
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
        if not e.evidence:
            first = claim["evidence"][0] if isinstance(claim["evidence"], list) else claim["evidence"]
            e.evidence = first if isinstance(first, str) else first.get("quote", "")
    return events


def _same_entity(extracted: str, gold: str, names: dict[str, tuple[str, set[str]]],
                 minted: dict[str, tuple[str, set[str], bool]]) -> bool:
    """The same id, or a minted entity named as the reviewed one: its label is the reviewed label or
    an alias, or its aliases hold the reviewed label, or (not for persons) an alias of each is the
    same.  Two persons' short forms alike are not enough: "Lanza" is the alias of every Lanza."""
    if extracted == gold:
        return True
    if extracted in minted and gold in names:
        label, aliases, person = minted[extracted]
        gold_label, gold_aliases = names[gold]
        return label == gold_label or label in gold_aliases or gold_label in aliases \
            or (not person and bool(aliases & gold_aliases))
    return False


def _roles_match(values: list[str], gold: set[str], names, minted) -> bool:
    return not gold or any(_same_entity(v, g, names, minted) for v in values for g in gold)


def _score(source_id: str, gold: dict[str, GoldEvent], extraction, names, minted, published) -> ArticleReport:
    by_type: dict[str, Score] = {}
    used: set[str] = set()
    false_alarms, dates_right, dates_compared = [], 0, 0
    for event in extraction.events:
        match = next((g for g in gold.values() if g.id not in used and g.type == event.type
                      and _roles_match(event.agent, g.agent, names, minted)
                      and _roles_match(event.target, g.target, names, minted)), None)
        score = by_type.setdefault(event.type, Score())
        if match is None:
            score.fp += 1
            false_alarms.append((f"{event.type} agent={event.agent} target={event.target}", event.evidence[0]))
            continue
        used.add(match.id)
        score.tp += 1
        if "date" in event.fields and match.dates:
            date = event.fields["date"]
            value = date.get("value") or resolve(date["phrase"], published).value
            if value:
                dates_compared += 1
                dates_right += any(value.startswith(d) or d.startswith(value) for d in match.dates)
    misses = []
    for g in gold.values():
        if g.id not in used:
            by_type.setdefault(g.type, Score()).fn += 1
            misses.append((f"{g.type} {g.id} agent={sorted(g.agent)} target={sorted(g.target)}", g.evidence))
    total = Score()
    for s in by_type.values():
        total.add(s)
    return ArticleReport(source_id, total, by_type, misses, false_alarms, dates_right, dates_compared,
                         len(extraction.sentences))


def per_type_counts(report: EvalReport) -> Counter:
    return Counter({t: s.tp + s.fn for t, s in report.by_type.items()})
