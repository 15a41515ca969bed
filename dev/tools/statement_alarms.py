"""Why the Statement coder proposes remarks the gold has not: its false alarms split into lone ones
(no missed Statement in their sentence: who_errors' pairing) and paired ones (a missed Statement in
their sentence: wrong speaker, wrong target, or both), counted per proposing stage by aggregate facts
of the remark, never its words:

  verb       the speech word's class (speech_acts.yaml), or ``(noun)``/``(none)`` when no speech verb
             of the sentence is the coder's trigger
  speaker    person / state / organ (a state's ministry, office, forces, court, legislature) / body
             (another organisation) / unnamed (no agent)
  role       for a person: expert / kin / opposition / official by the words of the sentence, or unknown
  form       quoted (a ``quotation``) or reported
  act        whether the extractor also coded an act other than a Statement in the sentence (an
             announcement of an act is its ``announced_by``, not a Statement: dev/README.md)
  named      the speaker's name or alias is in the sentence, or the speaker came from context
  subject    the speech verb's subject: a name, a pronoun, a description (a common noun: "the
             ministry", "a senior official"), or none (a participle, a passive)
  repeat     another extracted Statement of the same speaker and target: matched to a reviewed one
             (tp) or not, within two sentences (near) or farther; or none
  line       prose, a heading line (no closing punctuation: headline, caption) or a reaction line
             (a short heading before a dash or colon)

    .venv/bin/python dev/tools/statement_alarms.py --split heldout          # counts only
    .venv/bin/python dev/tools/statement_alarms.py --split rules --show     # and the cases
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from by_stage import row_of
from diplograph.graph.evaluate import _fold
from diplograph.graph.settings import registry_corpus
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract.line_labels import LABEL_DASHES
from diplograph.loaders.extract.parse import load_pipeline
from diplograph.loaders.extract.speech import speech_class
from diplograph.loaders.extract.text import read_article
from who_errors import classify, parse_split_args, scored, split_parser

FACTS = ("verb", "speaker", "role", "form", "act", "named", "subject", "line", "repeat")
#: words of the sentence that tell what a person speaker is (the first kind found wins)
ROLE_WORDS = {
    "expert": {"analyst", "professor", "expert", "lawyer", "attorney", "researcher", "scholar", "fellow", "historian",
               "journalist", "editor", "academic", "lecturer", "economist", "commentator", "author", "think"},
    "kin": {"wife", "husband", "widow", "son", "daughter", "mother", "father", "brother", "sister", "family", "relative"},
    "opposition": {"opposition", "activist", "dissident", "protester", "candidate", "rebel", "exile", "former"},
    "official": {"minister", "president", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
                 "secretary", "premier", "chancellor", "king", "prime", "deputy", "senator", "governor", "general",
                 "chief", "leader", "official", "diplomat", "commissioner", "mayor", "consul", "nuncio"},
}
#: how many sentences apart a second remark of the same speaker counts as near
NEAR = 2
#: words of an entity id that make it a state's organ rather than an organisation of its own
ORGAN_WORDS = ("ministry", "government", "office", "armed-forces", "army", "police", "court", "prosecutor",
               "congress", "senate", "parliament", "assembly", "presidency", "embassy", "junta", "military")
REACTION_HEADING_WORDS = 6


def speaker_kind(agents: list[str], types: dict[str, str], minted: dict) -> str:
    if not agents:
        return "unnamed"
    a = agents[0]
    kind = types.get(a)
    if kind == "Person" or (a in minted and minted[a][2]):
        return "person"
    if kind == "State":
        return "state"
    return "organ" if any(w in a for w in ORGAN_WORDS) else "body"


def line_kind(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = line.split()
    head = next((i for i, w in enumerate(words[:REACTION_HEADING_WORDS + 1]) if w in LABEL_DASHES or w.endswith(":")), None)
    if head is not None and head < REACTION_HEADING_WORDS:
        return "reaction line"
    if line and line[-1] not in ".\"”’'!?)":
        return "heading line"
    return "prose"


def sentence_at(nlp, text: str, at: int):
    """The parsed sentence of ``text`` at offset ``at`` (its paragraph parsed alone) and the token there."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    doc = nlp(text[start:end if end >= 0 else len(text)])
    token = doc.char_span(at - start, at - start + 1, alignment_mode="expand")
    token = token[0] if token is not None and len(token) else doc[0]
    return token.sent, token


def speech_word(sent, token) -> tuple[str, str, str]:
    """(class, lemma, subject kind) of the speech verb at the coder's trigger, or the sentence's nearest one."""
    verbs = [t for t in sent if speech_class(t)]
    if not verbs:
        return ("(noun)" if token.pos_ == "NOUN" else "(none)"), token.lemma_.lower(), "none"
    verb = min(verbs, key=lambda t: abs(t.i - token.i))
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    kind = ("none" if subject is None else "pronoun" if subject.pos_ == "PRON"
            else "name" if subject.pos_ == "PROPN" or subject.ent_type_ else "description")
    return speech_class(verb), verb.lemma_.lower(), kind


def facts_of(event, article, text: str, nlp, types, labels, minted) -> dict:
    at = event.told_at if event.told_at >= 0 else event.spans[0][0]
    sent, token = sentence_at(nlp, text, at)
    verb, lemma, subject = speech_word(sent, token)
    said = _fold(sent.text)
    names = set()
    for a in event.agent:
        label, aliases = labels.get(a) or (minted.get(a) or ("", set()))[:2]
        names |= {n for n in {label, *aliases} if n}
    words = {t.lower_ for t in sent}
    role = "-" if speaker_kind(event.agent, types, minted) != "person" else \
        next((r for r, ws in ROLE_WORDS.items() if words & ws), "unknown")
    repeat = "none"
    for other in article.extracted_events:
        if other is event or other.type != "Statement" or other.agent != event.agent or other.target != event.target:
            continue
        near = min((abs(a - b) for a in other.sentences for b in event.sentences), default=99) <= NEAR
        matched = all(other is not f for f in article.false_alarm_events)
        kind = f"{'tp' if matched else 'fp'} {'near' if near else 'far'}"
        repeat = kind if repeat == "none" or kind < repeat else repeat
    acts = any(e.type != "Statement" and e.sentences & event.sentences for e in article.extracted_events)
    return {"verb": verb, "speaker": speaker_kind(event.agent, types, minted),
            "form": "quoted" if event.fields.get("quotation") else "reported",
            "act": "act coded" if acts else "no act",
            "named": "named" if any(_fold(n) in said for n in names) else "from context",
            "subject": subject, "repeat": repeat, "role": role, "line": line_kind(text, at), "lemma": lemma}


def main() -> None:
    args = parse_split_args(split_parser(__doc__.split("\n\n")[0], "print each false alarm with its facts and sentence (rules split only)"))
    names, report = scored(args)
    lone: list = []
    _, _, _, _, pairs = classify(report, names, lone)
    gold = load_corpus(args.corpus, args.texts)
    registry = load_corpus(registry_corpus(None), texts=None).entities
    types = {e.id: e.type for e in registry.values()}
    labels = {e.id: (e.label, set(e.aliases)) for e in registry.values()}
    texts = {s.id: read_article(Path(args.texts) / s.file).text for s in gold.sources if s.split == args.split}
    by_source = {a.source: a for a in report.articles}
    nlp = load_pipeline()
    cases = [("lone", s, e) for s, e in lone if e.type == "Statement"]
    cases += [(k, s, e) for s, k, e, _ in pairs if e.type == "Statement"]
    counts: dict[tuple[str, str], Counter] = {}
    shown = []
    for kind, source, event in cases:
        article = by_source[source]
        f = facts_of(event, article, texts[source], nlp, types, labels, article.minted)
        group = "lone" if kind == "lone" else "wrong speaker" if kind in ("wrong agent", "both") else kind
        stage = row_of(event.target_stage, statements=True)
        for key in ((group, "all"), (group, stage)):
            c = counts.setdefault(key, Counter())
            c["n", ""] += 1
            for name in FACTS:
                c[name, f[name]] += 1
        shown.append((group, stage, source, event, f))
    print(f"{args.split}: Statement false alarms by kind and proposing stage "
          f"(lone {sum(1 for c in cases if c[0] == 'lone')}, paired {sum(1 for c in cases if c[0] != 'lone')})")
    for (group, stage), c in sorted(counts.items(), key=lambda x: (x[0][0], x[0][1] != "all", -x[1]["n", ""])):
        print(f"\n{group} / {stage}: {c['n', '']}")
        for name in FACTS:
            vals = sorted(((v, n) for (k, v), n in c.items() if k == name), key=lambda x: -x[1])
            print(f"  {name:8s} " + ", ".join(f"{v} {n}" for v, n in vals))
    if args.show:  # (the rules split only: parse_split_args refuses --show on heldout)
        for group, stage, source, event, f in sorted(shown, key=lambda x: (x[0], x[1], x[2])):
            print(f"\n[{group}] {stage} {source} agent={event.agent} target={event.target}\n  "
                  + " | ".join(f"{k}={f[k]}" for k in (*FACTS, "lemma")) + f"\n  “{event.evidence[0]}”")


if __name__ == "__main__":
    main()
