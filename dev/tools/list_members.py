"""How the "merged" and "next conjunct" misses of ``miss_causes.py`` sit in their sentence's parse.

next conjunct (the sentence yielded an event of the miss's type, matched to another reviewed event):
which role the two differ in (agent / target / both), whether the missed member is a mention the
extractor knows in that sentence (a name, a demonym, a title, a pronoun) or a name it did not
recognise or is not named there at all, and how the missed member's mention relates to the found
one's in the parse:

  conjunct of agent / target / other   one coordination holds both (the head's role in its clause)
  of/from list                          the coordination is the object of "of" / "from"
  apposition                            one is an apposition of the other
  conjunct verb                         the two sit under two coordinated verbs
  relative clause                       the missed member is in a relative / participial clause
  colon list                            a colon stands between them
  two clauses                           they hang under different clause roots of the sentence
  same clause, other slot               under one verb, in different slots
  no mention                            the missed member has no mention in the sentence

merged (an extracted event fits the miss too but matched another reviewed event): whether a fitting
event carries the miss's sentence (the act was found there and assembled into the other act) or
not (the miss's sentence yielded its type for other actors / other types / nothing), whether the
reviewed event it took is told in the same sentence, and whether the two reviewed dates differ.

For both, "why (furthest trigger)": of the type's trigger words in the miss's quotes, the check
the one that got furthest failed (``why_blocked.diagnose`` over the evaluation's own extractor runs,
recorded by ``why_blocked.Recorder``: no second extraction).

Held-out: counts only, never sentences or ids::

    .venv/bin/python dev/tools/list_members.py --split rules [--show]
    .venv/bin/python dev/tools/list_members.py --split heldout
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from diplograph.graph.evaluate import _gold, _roles_match, _same_entity, _same_words
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract.envoys import ENVOY_LEMMAS
from diplograph.loaders.extract.parse import load_pipeline
from diplograph.loaders.extract.sibling_acts import (
    GOVERNMENT_NOUNS,
    SAME_ACT_NOUNS,
    SAME_ACT_PRONOUNS,
)
from miss_causes import CAUSES, cause_of, lone_misses, type_lemmas
from who_errors import parse_split_args, same_sentence, scored, split_parser
from why_blocked import Recorder, _tokens, diagnose

AGENT_DEPS = {"nsubj", "nsubjpass", "csubj"}
TARGET_DEPS = {"dobj", "dative", "attr", "oprd"}


def _sentence_span(text: str, quotes: list[str]) -> tuple[int, int] | None:
    for q in quotes:
        for probe in (q, q[:60], q[-60:]):
            at = text.find(probe) if probe else -1
            if at >= 0:
                return at, at + len(q)
    return None


def _head(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _conj_root(t):
    while t.dep_ == "conj" or (t.dep_ == "appos" and t.head.dep_ == "conj"):
        t = t.head
    return t


def _clause(t):
    """The verb heading the token's clause."""
    while t.head != t and not (t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"):
        t = t.head
    return t


def relation(missed, found) -> str:
    """How the missed member's head token relates to the found member's."""
    if missed is None:
        return "no mention"
    if found is None:
        return "found member not in sentence"
    if missed.head == found and missed.dep_ == "appos" or found.head == missed and found.dep_ == "appos":
        return "apposition"
    ra, rb = _conj_root(missed), _conj_root(found)
    if ra == rb:
        if ra.dep_ == "pobj" and ra.head.lower_ in ("of", "from"):
            return "of/from list"
        if ra.dep_ in AGENT_DEPS or ra.dep_ == "pobj" and ra.head.dep_ == "agent":
            return "conjunct of agent"
        if ra.dep_ in TARGET_DEPS or ra.dep_ == "pobj":
            return "conjunct of target"
        return f"conjunct ({ra.dep_})"
    lo, hi = sorted((missed.i, found.i))
    if any(t.text == ":" for t in missed.doc[lo:hi]):
        return "colon list"
    if any(a.dep_ in ("relcl", "acl") for a in missed.ancestors if not a.is_ancestor(found) and a != found):
        return "relative clause"
    ca, cb = _clause(missed), _clause(found)
    if ca == cb:
        return "same clause, other slot"
    if ca.head == cb and ca.dep_ == "conj" or cb.head == ca and cb.dep_ == "conj" or _conj_root(ca) == _conj_root(cb):
        return "conjunct verb"
    return "two clauses"


ROLE_DEPS = {"agent": AGENT_DEPS | {"poss", "pobj"}, "target": TARGET_DEPS | {"pobj", "poss", "nsubjpass"}}
GENERAL_VERBS = {"include", "follow", "join", "be", "see", "bring", "take", "add", "come", "reach", "total", "number"}
PRO_VERBS = {"do", "follow", "reciprocate", "retaliate", "respond", "match", "mirror", "answer", "reply"}


def _best_head(doc, mentions, fits, role: str):
    """The head token of the mention of the member that best fills the role (a subject for the agent)."""
    heads = [(m, _head(doc, m.start, m.end)) for m in mentions if fits(m)]
    heads = [(m, h) for m, h in heads if h is not None]
    if not heads:
        return None
    return min(heads, key=lambda mh: (_conj_root(mh[1]).dep_ not in ROLE_DEPS[role], mh[0].kind != "name"))[1]


def clause_link(missed, found, lemmas: set[str]) -> list[str]:
    """For members in two clauses: how the missed member's clause hangs on the found one's, and
    whether its verb is a trigger of the type, a pro-verb ("did the same", "followed suit") or another verb."""
    ca, cb = _clause(missed), _clause(found)
    if ca.is_ancestor(cb):
        link = "missed clause governs found"
    elif cb.is_ancestor(ca):
        path = []
        t = ca
        while t != cb:
            path.append(t.dep_)
            t = t.head
        link = "under found clause: " + "/".join(path[:2])
    elif ca.sent != cb.sent:
        link = "another spaCy sentence"
    else:
        link = f"sibling clauses ({ca.dep_} / {cb.dep_})"
    lemma = ca.lemma_.lower()
    verb = "trigger verb" if lemma in lemmas or ca.lower_ in lemmas else "pro-verb" if lemma in PRO_VERBS \
        else f"other {ca.pos_.lower()}"
    return [f"link: {link}", f"missed clause verb: {verb}", f"missed member dep: {missed.dep_}"]


def slot_path(t) -> str:
    """The dependency path from a member's head up to its clause's verb ("pobj<prep(with)<nsubj");
    prepositions (a closed class) are named."""
    verb, out = _clause(t), []
    while t != verb and len(out) < 5:
        out.append(f"{t.dep_}({t.lower_})" if t.dep_ == "prep" or t.pos_ in ("ADP", "CCONJ", "SCONJ") else t.dep_)
        t = t.head
    return "<".join(out) or "verb"


#: what a merged miss's sentence yielded (one per miss: the header's total)
YIELDED = ("a fitting event carries its sentence", "its sentence yielded its type (other actors)",
           "its sentence yielded other types", "its sentence yielded nothing")
COUNT_NOUNS = {"dozen", "hundred", "number", "total", "group", "score", "handful", "batch", "round", "wave", "tally"}
#: nouns that stand for a state or a group of states ("the envoys of six countries")
STATE_NOUNS = {"country", "state", "nation", "member", "ally", "partner", "neighbour", "neighbor", "capital",
               "government", "power", "republic", "signatory"}
#: nouns for a person who is no envoy ("staff", "official", "personnel")
STAFF_NOUNS = {"staff", "official", "personnel", "employee", "officer", "attaché", "attache", "spy", "agent", "member"}


ALL_LEMMAS: set[str] = set()   # every type's trigger lemmas (filled in main)
LEMMA_TYPES: dict[str, list[str]] = {}   # trigger lemma -> the types it triggers (filled in main)


def _category(t, lemmas: set[str]) -> str:
    lemma = t.lemma_.lower()
    kind = "trigger" if lemma in lemmas else "same-act" if lemma in SAME_ACT_NOUNS | SAME_ACT_PRONOUNS \
        else "government" if lemma in GOVERNMENT_NOUNS else "envoy" if lemma in ENVOY_LEMMAS \
        else "count" if lemma in COUNT_NOUNS else "statenoun" if lemma in STATE_NOUNS \
        else "staff" if lemma in STAFF_NOUNS else "othertrigger(" + "/".join(LEMMA_TYPES[lemma][:2]) + ")" if lemma in ALL_LEMMAS \
        else "deverbal" if t.pos_ == "NOUN" and re.search(r"(tion|sion|ment|al|ure)$", lemma) else "other"
    if any(c.dep_ == "det" for c in t.children):
        kind += "+det"
    if any(c.dep_ == "poss" for c in t.children):
        kind += "+poss"
    if any(c.dep_ == "amod" for c in t.children):
        kind += "+amod"
    if any(c.dep_ == "nummod" for c in t.children):
        kind += "+num"
    if t.tag_ in ("NNS", "NNPS"):
        kind += "+pl"
    if t.pos_ in ("ADP", "CCONJ", "SCONJ"):
        kind = t.lower_
    return f"{t.dep_}:{t.pos_}:{kind}"


def path_between(missed, found, lemmas: set[str]) -> str:
    """The dependency path from the missed member up to the lowest common ancestor and down to the
    found one, each token as dep:pos:class (trigger / same-act / government / other; prepositions named)."""
    up = [missed] + list(missed.ancestors)
    down = [found] + list(found.ancestors)
    common = next(t for t in up if t in down)
    a = [_category(t, lemmas) for t in up[:up.index(common)]]
    b = [_category(t, lemmas) for t in down[:down.index(common)]]
    return " < ".join(a) + f" < [{_category(common, lemmas)}] > " + " > ".join(reversed(b))


def _entity_in_names(entity_id: str, names: dict) -> list[str]:
    label, aliases = names.get(entity_id, ("", set()))
    return [s for s in {label, *aliases} if len(s) > 2]


def member_state(sentence_text: str, gold_ids: set[str], mentions, names, minted) -> str:
    if any(_same_entity(m.entity, g, names, minted) or m.entity == g for m in mentions for g in gold_ids):
        return "known mention"
    low = sentence_text.lower()
    if any(s in low for g in gold_ids for s in _entity_in_names(g, names)):
        return "named, not recognised"
    return "not named in sentence"


def main() -> None:
    ap = split_parser(__doc__.split("\n")[0], "print each case with its sentence (rules split only)")
    args = parse_split_args(ap)
    recorder = Recorder()   # the evaluation's own extractor runs (why_blocked.py): mentions, parse, matches
    recorder.install()
    names, report = scored(args)
    corpus = load_corpus(args.corpus, args.texts)
    sources = {s.id: s for s in corpus.sources}
    lemmas, nlp = type_lemmas(), load_pipeline()
    ALL_LEMMAS.update(*lemmas.values())
    for etype, words in sorted(lemmas.items()):
        for w in words:
            LEMMA_TYPES.setdefault(w, []).append(etype)
    counts: dict[str, Counter] = {"next": Counter(), "merged": Counter()}
    shown = []
    sentences_of: dict[str, set] = {}
    for article in report.articles:
        wanted = [(m, c) for m in lone_misses(article)
                  for c in [cause_of(m, article, names, lemmas, nlp)] if c in CAUSES[:2]]
        if not wanted:
            continue
        source = sources[article.source]
        published = source.published.value if source.published else None
        run = recorder.runs[article.source]
        ex = art = run["ext"]
        run.setdefault("text", ex.doc.text)
        gold = _gold(Path(args.corpus) / "claims" / f"{source.id}.yaml", published)
        missed_ids = {g.id for g in article.missed_events}
        for miss, cause in wanted:
            where = _sentence_span(art.text, miss.quotes)
            sentence = next((s for s in ex.sentences if where and s.start <= where[0] < s.end), None)
            mentions = ex._mentions_in(sentence.start, sentence.end) if sentence else []
            stext = sentence.text if sentence else miss.evidence
            if cause == CAUSES[1]:
                found = next(e for e in article.extracted_events
                             if e.type == miss.type and same_sentence(e.evidence, miss.quotes))
                bad = [r for r in ("agent", "target")
                       if not _roles_match(getattr(found, r), getattr(miss, r), names, article.minted)]
                role = "both" if len(bad) == 2 else bad[0] if bad else "none"
                r = bad[0] if bad else "target"
                state = member_state(stext, getattr(miss, r), mentions, names, article.minted)
                mh = _best_head(ex.doc, mentions, lambda m, article=article, miss=miss, r=r: any(
                    m.entity == g or _same_entity(m.entity, g, names, article.minted) for g in getattr(miss, r)), r)
                fh = _best_head(ex.doc, mentions, lambda m, found=found, r=r: m.entity in getattr(found, r), r)
                rel = relation(mh, fh)
                sentences_of.setdefault(rel, set())
                extra = clause_link(mh, fh, lemmas.get(miss.type, set()) | ({"say", "tell"} if miss.type == "Statement" else set())) \
                    if rel in ("two clauses", "conjunct verb", "relative clause") else \
                    [f"missed slot {slot_path(mh)}", f"found slot {slot_path(fh)}",
                     f"missed list head slot {slot_path(_conj_root(mh))}, clause verb {_clause(mh).dep_}/{'trigger' if _clause(mh).lemma_.lower() in lemmas.get(miss.type, set()) else 'other'}",
                     f"found is in missed list: {_conj_root(fh) == _conj_root(mh)}; found before missed: {fh.i < mh.i}",
                     (f"role {role}; clause verb a general verb: {_clause(mh).lemma_.lower() in GENERAL_VERBS}; "
                     f"list nouns: {[t.pos_ + ('/trigger' if t.lemma_.lower() in lemmas.get(miss.type, set()) else '') for t in mh.ancestors if t.pos_ == 'NOUN'][:3]}"),
                     f"path to found: {path_between(mh, fh, lemmas.get(miss.type, set()))}"] \
                    if rel == "same clause, other slot" else []
                mutual = _roles_match(found.agent, miss.target, names, article.minted) and \
                    _roles_match(found.target, miss.agent, names, article.minted)
                extra.append(f"mutual (missed = found reversed): {mutual}")
                if mh is not None and fh is not None:
                    lo, hi = sorted((mh.i, fh.i))
                    between = ex.doc[lo + 1:hi]
                    extra.append(f"tokens between {min(len(between), 20) // 5 * 5}+; punctuation between: "
                                 f"{sorted({t.text for t in between if t.is_punct}) or 'none'}; missed after found: {mh.i > fh.i}")
                    extra.append(f"found member dep/head: {fh.dep_} < {_category(fh.head, lemmas.get(miss.type, set()))}")
                sentences_of[rel].add((article.source, sentence.start if sentence else -1))
                counts["next"].update([f"role: {role}", f"member: {state}", f"relation: {rel}",
                                       f"{miss.type}: {rel}"] + [f"{rel} {x}" for x in extra])
                note = f" role={role} member={state} relation={rel} {extra} found agent={found.agent} target={found.target}"
            else:
                fits = [e for e in article.extracted_events if e.type == miss.type
                        and _roles_match(e.agent, miss.agent, names, article.minted)
                        and _roles_match(e.target, miss.target, names, article.minted)]
                here = any(same_sentence(e.evidence, miss.quotes) for e in fits)
                own = [e.type for e in article.extracted_events if same_sentence(e.evidence, miss.quotes)]
                yielded = YIELDED[0] if here else YIELDED[1] if miss.type in own else YIELDED[2] if own else YIELDED[3]
                taken = [g for g in gold.values() if g.id not in missed_ids and g.type == miss.type and any(
                    _roles_match(e.agent, g.agent, names, article.minted)
                    and _roles_match(e.target, g.target, names, article.minted) and _same_words(g, e) for e in fits)]
                other = taken[0] if taken else None
                told = "taken act in same sentence" if other and same_sentence(other.quotes, miss.quotes) \
                    else "taken act told elsewhere" if other else "taken act unknown"
                dates = "dates differ" if other and miss.dates and other.dates and not (miss.dates & other.dates) \
                    else "same date" if other and miss.dates & other.dates else "a date missing"
                if other is not None:
                    same_actors = other.agent == miss.agent and other.target == miss.target
                    counts["merged"][f"{miss.type}: taken act has the same actors: {same_actors}; {dates}"] += 1
                    own_types = sorted(set(own) - {miss.type})
                    counts["merged"][f"{miss.type}: own sentence yielded types {own_types or 'none'}"] += 1
                carrier = next((e for e in fits if same_sentence(e.evidence, miss.quotes)), None)
                span = f"; event spans {len(carrier.sentences)} sentences, gap {max(carrier.sentences) - min(carrier.sentences)}, " \
                    f"dated {'date' in carrier.fields}" if carrier else ""
                named = "; agent " + member_state(stext, miss.agent, mentions, names, article.minted) \
                    + ", target " + (member_state(stext, miss.target, mentions, names, article.minted) if miss.target else "none")
                counts["merged"].update([yielded, told, dates, f"{miss.type}: {yielded}", f"{yielded} + {dates}{span}",
                                         f"{yielded}{named}"])
                note = f" {yielded}; {told}; {dates}; gold dates {sorted(miss.dates)} vs {sorted(other.dates) if other else '?'}"
            if miss.type != "Statement":
                words = lemmas.get(miss.type, set())
                tokens = [t for q in miss.quotes for t in _tokens(ex.doc, run["text"], q) if {t.lemma_.lower(), t.lower_} & words]
                _, why = max((diagnose(t, miss.type, run, recorder.match_sentence) for t in tokens), default=(0, "no trigger word in the quotes"))
                counts["next" if cause == CAUSES[1] else "merged"][f"why (furthest trigger): {why}"] += 1
                counts["next" if cause == CAUSES[1] else "merged"][f"{miss.type}: why {why}"] += 1
                note += f"; why: {why}"
            shown.append((cause, article.source, miss, note, stext))
    for key, title in (("merged", "merged"), ("next", "next conjunct")):
        print(f"{args.split}: {title} ({sum(v for k, v in counts[key].items() if k.startswith('role:') or k in YIELDED)})")
        for k, v in sorted(counts[key].items(), key=lambda x: (":" in x[0] and x[0].split(":")[0][0].isupper(), x[0].split(":")[0], -x[1])):
            print(f"  {v:3d}  {k}")
    print("next conjunct: distinct sentences per relation: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(sentences_of.items())))
    if args.show:
        for cause, source, miss, note, stext in sorted(shown, key=lambda x: (x[0], x[2].type)):
            print(f"\n[{cause}] {source} {miss.type} {miss.id}\n  agent={sorted(miss.agent)} target={sorted(miss.target)}"
                  f"\n {note}\n  “{stext}”")


if __name__ == "__main__":
    main()
