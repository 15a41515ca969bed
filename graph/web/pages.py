"""Entity, event and source pages, the timeline page and the home page (built on :class:`.render.Renderer`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from diplograph.ontology import PREFIXES
from markupsafe import Markup
from pyoxigraph import NamedNode

from ..formats import shorten
from .render import TEMPLATES, Renderer, esc

__all__ = ["PageContext", "esc", "EXAMPLE_QUERY"]

_ROLE_ORDER = ["type", "agent", "target", "beneficiary", "place", "onDate", "announcedBy", "legalBasis", "recognizedAs",
               "charge", "penalty", "votesFor", "votesAgainst", "abstentions", "deadline", "office", "candidateFor",
               "onBehalfOf", "quotation"]

EXAMPLE_QUERY = """# Who granted asylum to whom, according to which source?
# Prefixes (dg: dgid: dgg: ev: src: rdf: ...) are predeclared.  The default graph is the union of
# all graphs; GRAPH ?g keeps each source's claims together (one named graph per source).
SELECT DISTINCT ?grant ?grantor ?asylee ?source WHERE {
  GRAPH ?g {
    ?grant a dg:AsylumGrant ; dg:agent ?grantor ; dg:target ?asylee .
    ?claim rdf:subject ?grant ; rdf:predicate rdf:type ; dg:source ?source .
  }
}
ORDER BY ?asylee ?grant ?source
"""


class PageContext(Renderer):
    """The pages: what each kind of IRI shows, from the claims about it and the registry."""

    def entity_page(self, iri: NamedNode, job: dict) -> bytes:
        local = self.local(iri.value) or ""
        if local.startswith("event/") and "/" not in local[len("event/"):]:
            return self.event_page(iri)
        if local.startswith("source/") and "/" not in local[len("source/"):]:
            return self.source_page(iri)
        return self.thing_page(iri)

    def _header(self, iri: NamedNode, title: str, types: list) -> tuple[str, str]:
        links, alternates = self._formats_line(iri.value)
        tags = "".join(f'<span class=tag title="{esc(t.value)}">{esc(self.term_name(t))}</span>' for t in types)
        return (f"<h1>{esc(title)}</h1><div>{tags}</div>"
                f"<p class=iri>{esc(iri.value)} · as {links}</p>"), alternates

    def claims(self, pattern: str, **bindings) -> list[dict]:
        """Claims matching ``pattern`` (over ?claim in GRAPH ?g), each with its evidence, grouped per claim."""
        rows = self.select(f"""SELECT ?x ?claim ?s ?p ?o ?source ?note ?inferred ?rank ?reason ?rank_note ?quote ?start
                                         ?end ?verified WHERE {{
            {pattern}
            GRAPH ?g {{ ?claim a dg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dg:source ?source .
              OPTIONAL {{ ?claim dg:curationNote ?note }} OPTIONAL {{ ?claim dg:inferred ?inferred }}
              OPTIONAL {{ GRAPH dgg:curation {{ ?claim dg:rank ?rank OPTIONAL {{ ?claim dg:rankNote ?rank_note }}
                          OPTIONAL {{ ?claim dg:rankReason ?why GRAPH dgg:ontology {{ ?why rdfs:label ?reason }} }} }} }}
              OPTIONAL {{ ?claim dg:evidence ?m . ?m dg:quote ?quote .
                         OPTIONAL {{ ?m dg:startOffset ?start }} OPTIONAL {{ ?m dg:endOffset ?end }}
                         OPTIONAL {{ ?m dg:verified ?verified }} }} }}
        }} ORDER BY ?source ?s ?p ?o ?start""", **bindings)
        claims: dict[str, dict] = {}
        for r in rows:
            c = claims.setdefault(r["claim"].value, {"claim": r["claim"], "s": r["s"], "p": r["p"], "o": r["o"],
                                                     "source": r["source"], "note": r.get("note"), "evidence": [],
                                                     # issue 13: the curators' reading and their rank
                                                     "inferred": "inferred" in r and r["inferred"].value == "true",
                                                     "rank": r["rank"].value.rsplit("#", 1)[-1][:-4].lower()
                                                     if "rank" in r else None,
                                                     "reason": r.get("reason"), "rank_note": r.get("rank_note")})
            if "quote" in r:
                ev = (r["quote"].value, r.get("start"), r.get("end"), r.get("verified"))
                if ev not in c["evidence"]:
                    c["evidence"].append(ev)
        return list(claims.values())

    def evidence(self, claim: dict, seen: set | None = None) -> str:
        """The claim's evidence quotes (offsets, ✓ when verified against the text) and curation note.

        With ``seen`` (a set kept per table column), a quote or note already shown above is only referred to."""
        out, above = [], []
        for quote_text, start, end, verified in claim["evidence"]:
            where = f" [{start.value}–{end.value}]" if start is not None and end is not None else ""
            if seen is not None and quote_text in seen:
                above.append(where.strip() or "“…”")
                continue
            if seen is not None:
                seen.add(quote_text)
            check = " ✓" if verified is not None and verified.value == "true" else ""
            out.append(f'<span class=quote>“{esc(quote_text)}”<span class=off>{esc(where)}{check}</span></span>')
        if above:
            out.append(f'<span class="off above">evidence as above {esc(" ".join(above))}</span>')
        note = claim.get("note")
        if note is not None and not (seen is not None and ("note", note.value) in seen):
            if seen is not None:
                seen.add(("note", note.value))
            out.append(f'<span class=note>note: {esc(note.value)}</span>')
        if claim.get("inferred"):  # the curators' reading, not the text's words
            out.append('<span class="note inferred">inferred, not stated in the text</span>')
        if claim.get("rank"):
            why = ": " + claim["reason"].value if claim.get("reason") is not None else ""
            words = " — " + claim["rank_note"].value if claim.get("rank_note") is not None else ""
            out.append(f'<span class="note rank {esc(claim["rank"])}">rank: {esc(claim["rank"])}{esc(why)}{esc(words)}</span>')
        return "".join(out)

    def claims_table(self, claims: list[dict], focus: NamedNode | None = None, *, one_source: bool = False) -> str:
        """One row per claim: source, subject, property, value, evidence.  For one source's claims
        (``one_source``) the source column is left out and a quote is shown once per subject."""
        if not claims:
            return "<p class=muted>no claims</p>"
        rows, seen, subject_before = [], set(), None
        for c in claims:
            subject = "<i>this</i>" if focus is not None and c["s"] == focus else self.link(c["s"])
            obj = "<i>this</i>" if focus is not None and c["o"] == focus else self.value(c["o"])
            if one_source and c["s"] != subject_before:
                seen, subject_before = set(), c["s"]
            source = "" if one_source else f"<td>{self.source_link(c['source'])}</td>"
            rows.append(f"<tr>{source}<td>{subject}</td>"
                        f"<td title='{esc(c['p'].value)}'>{esc(self.term_name(c['p']))}</td><td>{obj}</td>"
                        f"<td>{self.evidence(c, seen if one_source else None)}</td></tr>")
        head = "" if one_source else "<th>source</th>"
        return (f"<table><thead><tr>{head}<th>subject</th><th>property</th><th>value</th><th>evidence</th>"
                f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")

    def conflicts_html(self, keep: Callable) -> tuple[list, str]:
        """The disagreements (graph.conflicts.find_conflicts) that ``keep`` selects, and their HTML."""
        from ..conflicts import find_conflicts

        if not self.library.queries:
            return [], ""
        found = [c for c in find_conflicts(self.backend, library=self.library) if keep(c)]
        parts = []
        for c in found:
            if c.kind == "post holder":
                head = f"who held {self.link(c.aspect)} at {self.link(c.subject)}"
            else:
                head = f"{self.link(c.subject)} — {esc(self.term_name(c.aspect))}"
            items = []
            for v in c.values:
                shown = self.link(v.value) if isinstance(v.value, NamedNode) else f"<b>{esc(v.value.value)}</b>"
                if v.phrase:
                    shown += f' <span class=muted>“{esc(v.phrase)}”</span>'
                sources = "".join(
                    f"<div>{self.source_link(NamedNode(s))} " + "".join(f'<span class=quote>“{esc(q)}”</span>' for q in quotes)
                    + "</div>" for s, quotes in v.sources.items())
                items.append(f"<li>{shown}{sources}</li>")
            parts.append(f"<div class=conflict><div>{head}</div><ul>{''.join(items)}</ul></div>")
        return found, "".join(parts)

    def all_triples(self, iri: NamedNode, open_: bool = False) -> str:
        quads = sorted(self.backend.quads_matching(iri),
                       key=lambda q: (str(q.graph_name), q.predicate.value, str(q.object)))
        rows = "".join(f"<tr><td class=small>{esc(shorten(q.graph_name.value) if isinstance(q.graph_name, NamedNode) else 'default')}"
                       f"</td><td title='{esc(q.predicate.value)}'>{esc(shorten(q.predicate.value))}</td>"
                       f"<td>{self.value(q.object)}</td></tr>" for q in quads)
        inbound = self.backend.quads_matching(object=iri)
        inbound = [q for q in inbound if q.predicate.value not in (PREFIXES["rdf"] + "subject", PREFIXES["rdf"] + "object")]
        inbound.sort(key=lambda q: (str(q.graph_name), q.predicate.value, str(q.subject)))
        in_rows = "".join(f"<tr><td class=small>{esc(shorten(q.graph_name.value) if isinstance(q.graph_name, NamedNode) else 'default')}"
                          f"</td><td>{self.link(q.subject)}</td><td>{esc(shorten(q.predicate.value))}</td></tr>"
                          for q in inbound[:500])
        return (f"<details{' open' if open_ else ''}><summary>All triples about this IRI ({len(quads)}), "
                f"and {len(inbound)} pointing to it, by graph</summary>"
                f"<table><thead><tr><th>graph</th><th>property</th><th>value</th></tr></thead><tbody>{rows}</tbody></table>"
                + (f"<h3>Pointing to it</h3><table><thead><tr><th>graph</th><th>subject</th><th>property</th></tr></thead>"
                   f"<tbody>{in_rows}</tbody></table>" if inbound else "") + "</details>")

    def thing_page(self, iri: NamedNode) -> bytes:
        registry = self.select("SELECT ?x ?p ?o WHERE { GRAPH dgg:registry { ?x ?p ?o } } ORDER BY ?p ?o", x=iri)
        rdf_type, label_p = PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label"
        alt_p, match_p = PREFIXES["skos"] + "altLabel", PREFIXES["skos"] + "exactMatch"
        types = [r["o"] for r in registry if r["p"].value == rdf_type]
        if not types:
            types = sorted({r["t"] for r in self.select("SELECT DISTINCT ?x ?t WHERE { GRAPH ?g { ?x a ?t } }", x=iri)},
                           key=lambda t: t.value)
        title = self.name(iri)
        head, alternates = self._header(iri, title, types)
        parts = [head]
        aliases = [r["o"].value for r in registry if r["p"].value == alt_p]
        matches = [r["o"] for r in registry if r["p"].value == match_p]
        facts = []
        if aliases:
            facts.append(f"<dt>also known as</dt><dd>{esc(', '.join(aliases))}</dd>")
        for m in matches:
            href = self.href(m.value) or m.value
            facts.append(f'<dt>Wikidata</dt><dd><a href="{esc(href)}">{esc(shorten(m.value))}</a> '
                         f'<span class="muted small">skos:exactMatch</span></dd>')
        if facts:
            parts.append(f"<dl class=facts>{''.join(facts)}</dl>")

        other = [r for r in registry if r["p"].value not in (rdf_type, label_p, alt_p, match_p)]
        inbound = self.select("SELECT ?x ?s ?p WHERE { GRAPH dgg:registry { ?s ?p ?x } } ORDER BY ?p ?s", x=iri)
        if other or inbound:
            rows = "".join(f"<tr><th title='{esc(r['p'].value)}'>{esc(self.term_name(r['p']))}</th><td>{self.value(r['o'])}</td></tr>"
                           for r in other)
            rows += "".join(f"<tr><th>{self.link(r['s'])}</th><td><span class=muted>{esc(self.term_name(r['p']))}</span> "
                            f"<i>this</i></td></tr>" for r in inbound)
            parts.append(f"<h2>Registry facts</h2><p class='muted small'>curated by the project (graph dgg:registry), "
                         f"not claims of any article</p><table><tbody>{rows}</tbody></table>")

        claims = self.claims("{ GRAPH ?g { ?claim rdf:subject ?x } } UNION { GRAPH ?g { ?claim rdf:object ?x } }", x=iri)
        event_base = self.id_base + "event/"
        events: dict[tuple[str, str], dict] = {}
        for c in claims:
            if c["o"] == iri and c["s"].value.startswith(event_base):
                e = events.setdefault((c["s"].value, c["p"].value), {"event": c["s"], "role": c["p"], "sources": []})
                if c["source"] not in e["sources"]:
                    e["sources"].append(c["source"])
        related = {k[0] for k in events}
        if events:
            rows = []
            for e in events.values():
                e["types_by"], e["dates_by"] = self.event_versions(e["event"])
                values = sorted(v for v in ((self.date(d) or {}).get("v") for d in e["dates_by"]) if v)
                e["first_date"] = values[0] if values else None
            # by date (the earliest any source gives; ISO values sort as text), undated events last
            for e in sorted(events.values(), key=lambda e: (e["first_date"] is None, e["first_date"] or "",
                                                           e["event"].value, e["role"].value)):
                types_by, dates_by = e["types_by"], e["dates_by"]
                reporting = self._distinct(s for sources in types_by.values() for s in sources)
                rows.append(f"<tr><td>{self.grouped(dates_by, self.value, reporting)}</td>"
                            f"<td>{self.link(e['event'])}</td><td>{esc(self.term_name(e['role']))}</td>"
                            f"<td>{self.grouped(types_by, lambda t: esc(self.term_name(t)), reporting)}</td>"
                            f"<td>{' '.join(self.source_link(s) for s in e['sources'])}</td></tr>")
            parts.append(f"<h2>Events ({len(related)})</h2><p class='muted small'>by date (the earliest a source "
                         "gives), undated last</p><table class=events><thead><tr><th>date (per source)</th><th>event</th>"
                         "<th>role</th><th>type (per source)</th><th>role stated by</th></tr></thead>"
                         f"<tbody>{''.join(rows)}</tbody></table>")
            parts.append(self.picture("actor-network", "Who acted on whom",
                                      "every event this entity (or an organ, post or mission of it) is agent or target "
                                      "of, one arrow per agent, target and event type; thicker when more sources say so",
                                      {"entity": iri.value}, focus=iri.value))
        if any(t.value == PREFIXES["dg"] + "State" for t in types):
            others = [r["s"] for r in self.select("SELECT ?s WHERE { GRAPH dgg:registry { ?s a dg:State } } ORDER BY ?s")
                      if r["s"] != iri]
            if others:
                parts.append("<p class=small>Timeline of relations with: " + " · ".join(
                    f'<a href="/timeline?{esc(urlencode({"state_a": iri.value, "state_b": o.value}))}">{esc(self.name(o))}</a>'
                    for o in others) + "</p>")

        tenures = self.select("""SELECT DISTINCT ?x ?tenure ?post ?source ?acting ?start ?end ?at WHERE { GRAPH ?g {
              ?tenure dg:holder ?x ; dg:post ?post .
              ?claim a dg:Claim ; rdf:subject ?tenure ; rdf:predicate dg:holder ; rdf:object ?x ; dg:source ?source .
              OPTIONAL { ?tenure dg:acting ?acting } OPTIONAL { ?tenure dg:startDate ?start }
              OPTIONAL { ?tenure dg:endDate ?end } OPTIONAL { ?tenure dg:heldAt ?at } } }
            ORDER BY ?post ?source ?at""", x=iri)
        if tenures:
            posts: dict[str, dict] = {}
            for t in tenures:
                p = posts.setdefault(t["tenure"].value, {"post": t["post"], "tenure": t["tenure"], "by": {}})
                details = p["by"].setdefault(t["source"].value, {"source": t["source"], "lines": []})
                bits = []
                if "acting" in t and t["acting"].value == "true":
                    bits.append("acting")
                if "start" in t:
                    bits.append("from " + self.value(t["start"]))
                if "end" in t:
                    bits.append("until " + self.value(t["end"]))
                if "at" in t:
                    bits.append("held at " + self.link(t["at"]))
                    related.add(t["at"].value)
                for b in bits:
                    if b not in details["lines"]:
                        details["lines"].append(b)
            rows = []
            for p in posts.values():
                per_source = "".join(f"<div>{self.source_link(d['source'])} {'; '.join(d['lines']) or '<span class=muted>held the post</span>'}</div>"
                                     for d in p["by"].values())
                rows.append(f"<tr><td>{self.link(p['post'])}<div class='muted small'>{self.link(p['tenure'], 'tenure')}</div></td>"
                            f"<td>{per_source}</td></tr>")
            parts.append(f"<h2>Posts held ({len(posts)})</h2><table><thead><tr><th>post</th><th>what each source says</th>"
                         f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")

        disagreements, conflicts = self.conflicts_html(
            lambda c: c.subject.value in related or c.subject == iri or any(v.value == iri for v in c.values))
        if disagreements:
            parts.append(f"<h2>Disagreements ({len(disagreements)})</h2><p class='muted small'>where sources give incompatible "
                         f"values about events this entity is part of; every version is kept</p>{conflicts}")
        parts.append(f"<h2>Claims ({len(claims)})</h2><p class='muted small'>every claim about this entity or pointing "
                     f"to it, with its source and the exact words of its evidence</p>{self.claims_table(claims, iri)}")
        parts.append(self.all_triples(iri, open_=not (claims or registry)))
        return self.page(title, "".join(parts), alternates)

    def event_versions(self, event: NamedNode) -> tuple[dict, dict]:
        """(type → sources, date node → sources) as each source states them."""
        rows = self.select("""SELECT ?e ?source ?type ?d WHERE { GRAPH ?g {
              ?claim a dg:Claim ; rdf:subject ?e ; rdf:predicate rdf:type ; rdf:object ?type ; dg:source ?source .
              OPTIONAL { ?e dg:onDate ?d } } } ORDER BY ?source""", e=event)
        types: dict = {}
        dates: dict = {}
        for r in rows:
            if r["source"] not in types.setdefault(r["type"], []):
                types[r["type"]].append(r["source"])
            if "d" in r:
                dates.setdefault(r["d"], [])
                if r["source"] not in dates[r["d"]]:
                    dates[r["d"]].append(r["source"])
        return types, dates

    def grouped(self, by_value: dict, show: Callable, reporting: list) -> str:
        """Values with the sources that give them; unattributed only when every reporting source agrees."""
        if not by_value:
            return "<span class=none>—</span>"
        merged: dict[str, list] = {}  # identical shown values (the same date from two sources) merged
        for value, sources in by_value.items():
            bucket = merged.setdefault(show(value), [])
            bucket.extend(s for s in sources if s not in bucket)
        if len(merged) == 1 and set(next(iter(merged.values()))) >= set(reporting):
            return next(iter(merged))
        return "".join(f"<span class=value>{shown} <span class=muted>— {' '.join(self.source_link(s) for s in sources)}</span></span>"
                       for shown, sources in merged.items())

    def event_page(self, iri: NamedNode) -> bytes:
        claims = self.claims("{ GRAPH ?g { ?claim rdf:subject ?x } } UNION { GRAPH ?g { ?claim rdf:object ?x } }", x=iri)
        about = [c for c in claims if c["s"] == iri]
        pointing = [c for c in claims if c["s"] != iri]
        sources = sorted({c["source"] for c in claims}, key=lambda s: s.value)
        rdf_type = PREFIXES["rdf"] + "type"
        types = sorted({c["o"] for c in about if c["p"].value == rdf_type}, key=lambda t: t.value)
        agents = self._distinct(c["o"] for c in about if self.term_name(c["p"]) == "agent")
        targets = self._distinct(c["o"] for c in about if self.term_name(c["p"]) == "target")
        kind = " / ".join(_words(self.term_name(t)) for t in types) or "Event"
        who = " / ".join(self.name(a) for a in agents)
        whom = " / ".join(self.name(t) for t in targets)
        title = kind + (f": {who}" if who else "") + (f" → {whom}" if whom else "")
        head, alternates = self._header(iri, title, types)
        parts = [head, (f"<p class=muted>event <b>{esc(self.name(iri))}</b> as {len(sources)} "
                       f"source{'s' if len(sources) != 1 else ''} report it</p>")]

        disagreements, conflicts = self.conflicts_html(lambda c: c.subject == iri)
        disputed = {c.aspect.value for c in disagreements}  # a property, or a post (who held it at this event)

        # the side-by-side table: one column per source, one row per property
        by_prop: dict[str, dict[str, list[dict]]] = {}
        for c in about:
            by_prop.setdefault(c["p"].value, {}).setdefault(c["source"].value, []).append(c)
        holders: dict[str, list[dict]] = {}
        for c in pointing:
            if self.term_name(c["p"]) == "heldAt":
                holders.setdefault(c["source"].value, []).append(c)

        def order(p: str) -> tuple:
            name = "type" if p == rdf_type else self.term_name(NamedNode(p))
            return (_ROLE_ORDER.index(name) if name in _ROLE_ORDER else len(_ROLE_ORDER), name)

        head_cells = "".join(f"<th>{self.source_link(s)}<div class='muted small' style='font-weight:normal'>"
                             f"{esc(self.label(s) or '')}</div></th>" for s in sources)
        rows = []
        seen: dict[str, set] = {s.value: set() for s in sources}  # quotes already shown, per column
        for p in sorted(by_prop, key=order):
            name = "type" if p == rdf_type else self.term_name(NamedNode(p))
            cls = " class=disputed" if p in disputed else ""
            cells = []
            for s in sources:
                found = by_prop[p].get(s.value, [])
                if not found:
                    cells.append("<td><span class=none>—</span></td>")
                    continue
                shown = "".join(f"<span class=value>{esc(self.term_name(c['o'])) if p == rdf_type else self.value(c['o'])}"
                                f"{self.evidence(c, seen[s.value])}</span>" for c in found)
                cells.append(f"<td>{shown}</td>")
            rows.append(f"<tr{cls}><th title='{esc(p)}'>{esc(name)}</th>{''.join(cells)}</tr>")
        if holders:
            post_disputed = any(not a.startswith(PREFIXES["dg"]) for a in disputed)
            cells = []
            for s in sources:
                found = holders.get(s.value, [])
                shown = "".join(f"<span class=value>{self.link(c['s'])}{self.evidence(c, seen[s.value])}</span>"
                                for c in found)
                cells.append(f"<td>{shown or '<span class=none>—</span>'}</td>")
            rows.append(f"<tr{' class=disputed' if post_disputed else ''}><th>post holders at the time</th>"
                        f"{''.join(cells)}</tr>")
        parts.append("<h2>What each source says</h2><p class='muted small'>one column per source; "
                     "rows marked ⚠ are where sources disagree</p>"
                     f"<table class=side><thead><tr><th>property</th>{head_cells}</tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table>")
        parts.append(self.picture("event-sources", "The sources in time",
                                  "one lane per source: the date it gives this event (marked where sources disagree) "
                                  "and when the article was published", {"event": iri.value}))
        if disagreements:
            parts.append(f"<h2>Disagreements ({len(disagreements)})</h2>{conflicts}")
        others = [c for c in pointing if self.term_name(c["p"]) != "heldAt"]
        if others:
            parts.append(f"<h2>Claims pointing to this event ({len(others)})</h2>{self.claims_table(others, iri)}")
        parts.append(f"<details><summary>All claims about this event ({len(claims)}), as a list</summary>"
                     f"{self.claims_table(claims, iri)}</details>")
        parts.append(self.all_triples(iri))
        return self.page(title, "".join(parts), alternates)

    def source_page(self, iri: NamedNode) -> bytes:
        meta = self.select("SELECT ?x ?p ?o WHERE { GRAPH ?g { ?x ?p ?o } } ORDER BY ?p ?o", x=iri)
        rdf_type = PREFIXES["rdf"] + "type"
        types = self._distinct(r["o"] for r in meta if r["p"].value == rdf_type)
        title = self.label(iri) or self.name(iri)
        head, alternates = self._header(iri, title, types)
        rows = [f"<tr><th>source id</th><td><span class=src>{esc(self.name(iri))}</span></td></tr>"]
        seen = set()
        for r in meta:
            if r["p"].value in (rdf_type, PREFIXES["rdfs"] + "label") or (r["p"].value, str(r["o"])) in seen:
                continue
            seen.add((r["p"].value, str(r["o"])))
            value = r["o"]
            if isinstance(value, NamedNode) and value.value.startswith(("http://", "https://")) and not self.href(value.value) \
                    and self.term_name(r["p"]) in ("url",):
                shown = f'<a href="{esc(value.value)}" rel="noreferrer">{esc(value.value)}</a>'
            else:
                shown = self.value(value)
            rows.append(f"<tr><th title='{esc(r['p'].value)}'>{esc(self.term_name(r['p']))}</th><td>{shown}</td></tr>")
        prov = self.select("""SELECT ?x ?graph ?verified ?build ?time WHERE { GRAPH dgg:meta {
              ?graph prov:wasDerivedFrom ?x . OPTIONAL { ?graph dg:verified ?verified }
              OPTIONAL { ?graph prov:wasGeneratedBy ?build . OPTIONAL { ?build prov:endedAtTime ?time } } } }""", x=iri)
        for r in prov:
            rows.append(f"<tr><th>named graph</th><td>{esc(shorten(r['graph'].value))}"
                        + (f" · evidence verified against the text: <b>{esc(r['verified'].value)}</b>" if "verified" in r else "")
                        + (f" · built {esc(r['time'].value)}" if "time" in r else "") + "</td></tr>")
        claims = self.claims("GRAPH ?g { ?claim dg:source ?x }", x=iri)
        events = self._distinct(c["s"] for c in claims if c["s"].value.startswith(self.id_base + "event/"))
        parts = [head, f"<table><tbody>{''.join(rows)}</tbody></table>"]
        if events:
            parts.append(f"<h2>Events it reports ({len(events)})</h2><ul class=cols>"
                         + "".join(f"<li>{self.link(e)}</li>" for e in sorted(events, key=lambda e: e.value)) + "</ul>")
        parts.append(f"<h2>Claims ({len(claims)})</h2><p class='muted small'>everything this article claims, "
                     f"with the exact words of the evidence and their character offsets in the text</p>"
                     f"{self.claims_table(sorted(claims, key=lambda c: (c['s'].value, c['p'].value)), one_source=True)}")
        return self.page(title, "".join(parts), alternates)

    def timeline_page(self, state_a: NamedNode, state_b: NamedNode) -> bytes:
        title = f"Relations between {self.name(state_a)} and {self.name(state_b)}"
        params = {"state_a": state_a.value, "state_b": state_b.value}
        body = (f"<h1>{esc(title)}</h1><p>{self.link(state_a)} · {self.link(state_b)} · "
                f'<a href="/queries/relations-timeline?{esc(urlencode(params))}">as a table</a></p>'
                + self.picture("relations-timeline", "Timeline",
                               "every event between the two states as each source dates it: one lane per source, "
                               "a dashed line joins one event across sources, marked where sources disagree about it; "
                               "undated events last", params))
        return self.page(title, body)

    @staticmethod
    def _distinct(terms: Iterable) -> list:
        out = []
        for t in terms:
            if t not in out:
                out.append(t)
        return out

    # --- the home page ---
    def home_page(self, job: dict) -> bytes:
        """The query editor (YASGUI, vendored) with the stored queries as examples, and the browse lists."""
        queries = job.get("queries", [])
        sources = self.select("""SELECT ?s ?label WHERE { GRAPH ?g { ?s a dg:Source . OPTIONAL { ?s rdfs:label ?label } } }
                                 ORDER BY ?s""")
        events = self.select("""SELECT DISTINCT ?e WHERE { GRAPH ?g { ?c a dg:Claim ; rdf:subject ?e }
                                 FILTER (STRSTARTS(STR(?e), STR(ev:))) } ORDER BY ?e""")
        states = self.select("SELECT ?s WHERE { GRAPH dgg:registry { ?s a dg:State } } ORDER BY ?s")
        examples = [{"name": "example: asylum grants by source", "query": EXAMPLE_QUERY}]
        examples += [{"name": q["name"], "query": q["text"]} for q in queries if q.get("text") and not q["params"]]
        config = {"idBase": self.id_base, "base": self.base, "prefixes": PREFIXES, "examples": examples}
        return TEMPLATES.get_template("home.html").render(
            title="diplograph", kind="home", config=config, example=EXAMPLE_QUERY, queries=queries,
            checks=[q for q in queries if q["kind"] == "check"],
            sources=[{"link": Markup(self.source_link(r["s"])), "label": r["label"].value if "label" in r else ""}
                     for r in sources],
            events=[Markup(self.link(r["e"])) for r in events],
            states=[{"iri": r["s"].value, "name": self.name(r["s"])} for r in states]).encode("utf-8")


def _words(name: str) -> str:
    """'SeveranceOfRelations' → 'Severance of relations'."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)
    if not words:
        return name
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[0].upper() + text[1:]
