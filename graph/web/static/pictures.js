// Pictures drawn from the store with cytoscape.js (vendored): each <div class="picture"> names what it
// draws (data-picture) and the stored queries it reads (data-rows, data-conflicts: URLs of this
// server, answered as SPARQL JSON).  Nothing is inlined in the page: the data is what /queries/NAME
// answers to anyone.  Drawn graphs are kept in window.diplographPictures[id] (tests count their items).
"use strict";
(function () {
  const pictures = (window.diplographPictures = {});
  const JSON_RESULTS = { headers: { Accept: "application/sparql-results+json" } };
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
    "#ff7f0e", "#7f7f7f", "#393b79", "#637939"];

  async function rows(url) {
    if (!url) return [];
    const response = await fetch(url, JSON_RESULTS);
    if (!response.ok) throw new Error(`${url}: ${response.status} ${(await response.text()).trim()}`);
    const doc = await response.json();
    return doc.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
  }

  function idBase(div) { return div.dataset.idBase || ""; }
  function local(div, iri) { return iri.startsWith(idBase(div)) ? iri.slice(idBase(div).length) : iri; }
  function href(div, iri) { return iri.startsWith(idBase(div)) ? "/id/" + local(div, iri) : null; }
  function actorName(div, iri) {  // the id's words: "foreign-ministry-of-peru" → "foreign ministry of peru"
    return local(div, iri).replace(/^(event|source)\//, "").replace(/-/g, " ");
  }
  function sourceName(div, iri) { return local(div, iri).replace(/^source\//, ""); }
  function words(kind) { return (kind || "").replace(/([a-z])([A-Z])/g, "$1 $2"); }
  function colour(kinds, kind) {
    if (!kinds.has(kind)) kinds.set(kind, PALETTE[kinds.size % PALETTE.length]);
    return kinds.get(kind);
  }

  const STYLE = [
    { selector: "node", style: { label: "data(label)", "font-size": 13, "text-wrap": "wrap", "text-max-width": 140,
      "background-color": "data(colour)", width: 14, height: 14, color: "#1d2733" } },
    { selector: "node.item", style: { "text-valign": "bottom", "text-margin-y": 3 } },
    { selector: "node.published", style: { shape: "round-rectangle", "background-color": "#9aa5b1", width: 12, height: 12 } },
    { selector: "node.disputed", style: { "border-width": 3, "border-color": "#c2410c", "background-color": "#fb923c" } },
    { selector: "node.lane", style: { shape: "rectangle", "background-opacity": 0, width: 1, height: 1, "text-halign": "right",
      "font-family": "monospace", "font-size": 13 } },
    { selector: "node.axis", style: { shape: "rectangle", "background-opacity": 0, width: 1, height: 1, "font-weight": "bold",
      color: "#5b6b7d" } },
    { selector: "node.focus", style: { width: 24, height: 24, "font-weight": "bold", "background-color": "#1f3a5f" } },
    { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
      "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)",
      "font-size": 11, "text-rotation": "autorotate", color: "#4b5563", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    { selector: "edge.same-event", style: { "line-style": "dashed", "target-arrow-shape": "none", "line-color": "#b6c2cf",
      width: 1, label: "" } },
    { selector: "edge.same-event.disputed", style: { "line-color": "#c2410c", width: 2 } },
  ];

  function draw(div, elements, layout) {
    const cy = cytoscape({ container: div, elements, style: STYLE, layout,
      boxSelectionEnabled: false, autoungrabify: layout.name === "preset" });
    cy.on("tap", "node", (event) => { const to = event.target.data("href"); if (to) window.location.href = to; });
    pictures[div.id] = cy;
    div.dataset.drawn = String(cy.nodes(".item, .actor").length);
    return cy;
  }

  // --- timelines: one lane per source, events in date order (undated last), disagreements marked ---
  function nothing(div, what) {  // an empty picture says so instead of drawing a blank box
    div.classList.add("empty");
    div.style.height = "auto";
    div.textContent = what;
    div.dataset.drawn = "0";
    return null;
  }

  function timeline(div, items) {
    if (!items.length) return nothing(div, "no events to draw: the sources report none between them");
    const lanes = [...new Set(items.map((i) => i.source))].sort();
    // columns: the dates in order, then one column per undated event (so one event lines up across lanes)
    const dates = [...new Set(items.filter((i) => i.date).map((i) => i.date))].sort();
    const undated = [...new Set(items.filter((i) => !i.date).map((i) => i.column || i.event || i.source))].sort();
    const columnOf = (item) => item.date ? dates.indexOf(item.date) : dates.length + undated.indexOf(item.column || item.event || item.source);
    const stacks = new Map();  // (lane, column) → items already there
    items.forEach((item) => {
      const key = item.source + "|" + columnOf(item);
      item.stack = stacks.get(key) || 0;
      stacks.set(key, item.stack + 1);
    });
    const tallest = (lane) => Math.max(1, ...[...stacks].filter(([k]) => k.startsWith(lane + "|")).map(([, n]) => n));
    const laneHeight = lanes.map((lane) => tallest(lane) * 44 + 22);
    const laneTop = [];
    laneHeight.reduce((top, h, i) => { laneTop[i] = top; return top + h; }, 40);
    const x = (column) => 230 + column * 140;
    const elements = [];
    lanes.forEach((lane, i) => elements.push({ group: "nodes", classes: "lane",
      data: { id: "lane:" + lane, label: sourceName(div, lane), href: href(div, lane) }, position: { x: 0, y: laneTop[i] + 8 } }));
    dates.forEach((date, c) => elements.push({ group: "nodes", classes: "axis",
      data: { id: "col:" + date, label: date }, position: { x: x(c), y: 0 } }));
    if (undated.length) {
      elements.push({ group: "nodes", classes: "axis", data: { id: "col:undated", label: "undated →" },
        position: { x: x(dates.length), y: 0 } });
    }
    const byEvent = new Map();
    items.forEach((item, n) => {
      const lane = lanes.indexOf(item.source);
      const id = "item:" + n;
      elements.push({ group: "nodes", classes: "item" + (item.published ? " published" : "") + (item.disputed ? " disputed" : ""),
        data: { id, label: item.label, href: item.href, colour: item.colour || "#1f3a5f", event: item.event || "" },
        position: { x: x(columnOf(item)), y: laneTop[lane] + 8 + item.stack * 44 } });
      if (item.event && !item.published) {
        if (!byEvent.has(item.event)) byEvent.set(item.event, []);
        byEvent.get(item.event).push({ id, lane, disputed: item.disputed });
      }
    });
    byEvent.forEach((group, event) => {  // the same event as other sources give it: joined lane to lane
      group.sort((a, b) => a.lane - b.lane);
      for (let k = 1; k < group.length; k++) {
        elements.push({ group: "edges", classes: "same-event" + (group[k].disputed ? " disputed" : ""),
          data: { id: `same:${group[k - 1].id}:${group[k].id}`, source: group[k - 1].id, target: group[k].id, event } });
      }
    });
    div.style.height = (laneTop[lanes.length - 1] || 40) + (laneHeight[lanes.length - 1] || 0) + 40 + "px";
    const cy = draw(div, elements, { name: "preset", fit: true, padding: 24 });
    if (cy.zoom() < 0.85) {  // a long timeline stays readable: full size, panned to its start, dragged to see more
      cy.zoom(0.85);
      cy.pan({ x: 90, y: 30 });
    }
    return cy;
  }

  async function relationsTimeline(div) {
    const [found, conflicts] = await Promise.all([rows(div.dataset.rows), rows(div.dataset.conflicts)]);
    const disputed = new Set(conflicts.map((c) => c.subject));
    const kinds = new Map();
    const items = new Map();  // one item per event, source and date
    found.forEach((r) => {
      const key = [r.event, r.source, r.date || ""].join("|");
      if (items.has(key)) return;
      items.set(key, { event: r.event, source: r.source, date: r.date, href: href(div, r.event),
        label: words(r.kind) + (r.date ? "" : r.date_phrase ? ` (“${r.date_phrase}”)` : ""),
        colour: colour(kinds, r.kind), disputed: disputed.has(r.event) });
    });
    return timeline(div, [...items.values()]);
  }

  async function eventSources(div) {
    const [found, conflicts] = await Promise.all([rows(div.dataset.rows), rows(div.dataset.conflicts)]);
    const dateAspects = /#(onDate|startDate|endDate)$/;
    const disputedSources = new Set(conflicts.filter((c) => dateAspects.test(c.aspect)).map((c) => c.source));
    const items = [];
    const seen = new Set();
    found.forEach((r) => {
      const key = [r.source, r.date || "", r.date_phrase || ""].join("|");
      if (!seen.has(key)) {
        seen.add(key);
        const label = r.date ? r.date + (r.date_phrase ? ` “${r.date_phrase}”` : "") :
          r.date_phrase ? `“${r.date_phrase}” (unresolved)` : "no date given";
        items.push({ event: r.event, source: r.source, date: r.date, label, href: href(div, r.source), column: "undated",
          disputed: disputedSources.has(r.source) && !!(r.date || r.date_phrase) });
      }
      if (r.published && !seen.has(r.source + "|published")) {
        seen.add(r.source + "|published");
        items.push({ source: r.source, date: r.published, label: "article published " + r.published,
          href: href(div, r.source), published: true });
      }
    });
    return timeline(div, items);
  }

  // --- the actor network: who acted on whom, one arrow per agent, target and event type ---
  async function network(div) {
    const found = await rows(div.dataset.rows);
    if (!found.length) return nothing(div, "no events with both an agent and a target to draw");
    const focus = div.dataset.focus;
    const kinds = new Map();
    const actors = new Map();
    const arrows = new Map();
    found.forEach((r) => {
      [r.agent, r.target].forEach((a) => actors.set(a, true));
      const key = [r.agent, r.target, r.kind].join("|");
      if (!arrows.has(key)) arrows.set(key, { agent: r.agent, target: r.target, kind: r.kind, events: new Set(), sources: new Set() });
      arrows.get(key).events.add(r.event);
      arrows.get(key).sources.add(r.source);
    });
    const elements = [];
    [...actors.keys()].sort().forEach((a) => elements.push({ group: "nodes", classes: "actor" + (a === focus ? " focus" : ""),
      data: { id: a, label: actorName(div, a), href: href(div, a), colour: "#5b7fa6" } }));
    [...arrows.values()].forEach((e, n) => {
      const count = e.events.size;
      elements.push({ group: "edges", data: { id: "arrow:" + n, source: e.agent, target: e.target, kind: e.kind,
        label: words(e.kind) + (count > 1 ? ` ×${count}` : ""), colour: colour(kinds, e.kind),
        width: 1 + Math.min(5, e.sources.size) } });
    });
    div.style.height = Math.min(720, 260 + 28 * actors.size) + "px";
    // the entity in the middle, the others around it (a deterministic layout: the same picture every time)
    return draw(div, elements, { name: "concentric", animate: false, padding: 30, minNodeSpacing: 110,
      concentric: (node) => (node.data("id") === focus ? 2 : 1), levelWidth: () => 1 });
  }

  const DRAW = { "relations-timeline": relationsTimeline, "event-sources": eventSources, "actor-network": network };

  function start() {
    document.querySelectorAll("div.picture[data-picture]").forEach((div) => {
      const drawIt = DRAW[div.dataset.picture];
      if (!drawIt) return;
      drawIt(div).catch((error) => {
        div.classList.add("failed");
        div.textContent = "could not draw this picture: " + error.message;
        console.error(error);
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
