"""``diplograph`` commands that read new articles: extract (rules propose claims), review (a curator
accepts, rejects or edits them), eval (the extractor scored against reviewed claims)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from .cli_app import _say, app, err, out
from .errors import DiplographError


@app.command("extract")
def extract_cmd(
    articles: list[Path] = typer.Argument(..., help="article files, plain text (.txt) or HTML, or folders of them"),
    out_dir: Path = typer.Option(Path("var/extracted"), "--out", "-o", help="the extraction folder to write"),
    published: str | None = typer.Option(None, help="publication date (YYYY-MM-DD) when the text does not say"),
    corpus: Path | None = typer.Option(None, help="corpus whose entity registry to resolve actors against"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="processes extracting articles side by side (same output for any number)"),
) -> None:
    """Propose claims from new articles (rules; offline) for review; nothing joins the corpus yet."""
    from .extraction import extract_articles

    if published is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise DiplographError(f"--published {published!r} is not a date (YYYY-MM-DD)") from None
    from .progress import progress_bar

    with progress_bar(err, "extracting") as tick:
        extracted = extract_articles(articles, out_dir, corpus_dir=corpus, published=published, jobs=jobs,
                                     progress=tick)
    for r in extracted:
        out.print(f"{r.path}: {r.events} events, {r.tenures} tenures, {r.new_entities} new entities "
                  f"from {r.sentences} sentences → {r.claims_file}")
        if r.published is None:
            _say(err, "warning", "yellow", f"{r.path}: no publication date found: relative dates stay unresolved (use --published)")
        if r.truncated:
            _say(err, "warning", "yellow", f"{r.path}: the page is for subscribers: its text may be only the story's start, "
                                           "and the claims cover only what it shows")
        out.print(f"review with: diplograph review {r.claims_file}")


@app.command()
def review(
    claims_file: Path = typer.Argument(..., help="a claims file written by `diplograph extract`"),
    accept: str = typer.Option("", help="claim numbers to accept, e.g. 1,2,5 (or 'all')"),
    reject: str = typer.Option("", help="claim numbers to reject (or 'all')"),
    edit: list[str] = typer.Option([], metavar="N:FIELD=VALUE", help="N:field=value, e.g. 3:target=peru (the claim is then accepted)"),
    min_confidence: float | None = typer.Option(None, help="accept claims at or above this confidence, reject the rest"),
    corpus: Path | None = typer.Option(None, help="your project's corpus to add accepted claims to (default ./corpus; "
                                                     "make one with `diplograph init DIR`)"),
    texts: Path | None = typer.Option(None, help="folder to copy the article into (default: texts/ beside the corpus)"),
) -> None:
    """Accept, reject or edit each extracted claim beside its evidence; accepted claims join the corpus.

    Without --accept/--reject/--edit/--min-confidence it asks, claim by claim: [a]ccept, [r]eject,
    [e]dit, [s]kip (decide later), [q]uit (skip the rest).
    """
    from .extraction import review as review_claims

    scripted = bool(accept or reject or edit or min_confidence is not None)
    decide = _scripted(accept, reject, edit, min_confidence) if scripted else _interactive()
    summary = review_claims(claims_file, decide, corpus_dir=corpus, texts_dir=texts)
    out.print(f"accepted {summary.accepted}, rejected {summary.rejected}, left for later {summary.skipped}")
    if summary.corpus_file:
        out.print(f"accepted claims are in {summary.corpus_file}; run `diplograph build` to take them in")
    if summary.entities_added:
        out.print(f"new entities in {corpus or 'corpus'}/entities.d/extracted.yaml: {', '.join(summary.entities_added)}",
                  markup=False, highlight=False)
    if summary.text_copied_to:
        out.print(f"article text copied to {summary.text_copied_to}", markup=False, highlight=False)


def _numbers(spec: str) -> set[int] | str:
    if spec.strip() == "all":
        return "all"
    try:
        return {int(x) for x in spec.replace(" ", "").split(",") if x}
    except ValueError:
        raise DiplographError(f"expected claim numbers like 1,2,5 or 'all', got {spec!r}") from None


def _scripted(accept: str, reject: str, edits: list[str], min_confidence):
    accepted, rejected = _numbers(accept), _numbers(reject)
    changes: dict[int, dict] = {}
    for item in edits:
        number, sep, assignment = item.partition(":")
        field, eq, value = assignment.partition("=")
        if not (sep and eq and number.strip().isdigit() and field):
            raise DiplographError(f"--edit takes N:field=value, got {item!r}")
        changes.setdefault(int(number), {})[field.strip()] = value.strip()

    def decide(index: int, claim: dict, text: str):
        n = index + 1
        if n in changes:
            return "accept", {**claim, **changes[n]}
        if accepted == "all" or (isinstance(accepted, set) and n in accepted):
            return "accept", None
        if rejected == "all" or (isinstance(rejected, set) and n in rejected):
            return "reject", None
        if min_confidence is not None:
            return ("accept" if claim.get("confidence", 0) >= min_confidence else "reject"), None
        return "skip", None

    return decide


def _interactive():
    from rich.panel import Panel

    from .extraction import describe_claim

    state = {"quit": False}

    def decide(index: int, claim: dict, text: str):
        if state["quit"]:
            return "skip", None
        evidence = claim.get("evidence", [])
        first = evidence[0] if evidence else {}
        start = first.get("start", 0) if isinstance(first, dict) else max(0, text.find(first))
        quote = first.get("quote", "") if isinstance(first, dict) else first
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", start + len(quote))
        context = text[left:right if right >= 0 else None]
        shown = Text(context)
        if quote and quote in context:
            at = context.index(quote)
            shown.stylize("bold yellow", at, at + len(quote))
        proposed = f", proposed by {claim['proposed_by']}" if claim.get("proposed_by") else ""
        title = Text(f"claim {index + 1}: {describe_claim(claim)}  (confidence {claim.get('confidence')}{proposed})")
        out.print(Panel(shown, title=title))
        while True:
            answer = typer.prompt("[a]ccept [r]eject [e]dit [s]kip [q]uit", default="s").strip().lower()[:1]
            if answer == "a":
                return "accept", None
            if answer == "r":
                return "reject", None
            if answer == "q":
                state["quit"] = True
                return "skip", None
            if answer == "s":
                return "skip", None
            if answer == "e":
                edited = dict(claim)
                while True:
                    line = typer.prompt("field=value (empty line to finish)", default="", show_default=False)
                    if not line.strip():
                        return "accept", edited
                    field, eq, value = line.partition("=")
                    if eq:
                        edited[field.strip()] = value.strip()

    return decide


@app.command("eval")
def eval_cmd(
    corpus: Path = typer.Option(Path("dev/corpus"), help="a corpus with reviewed claims to score against"),
    texts: Path | None = typer.Option(None, help="its texts (default CORPUS/texts, else $DIPLOGRAPH_TEXTS)"),
    split: str | None = typer.Option(None, help="only articles of this split (rules or heldout)"),
    show_sentences: bool | None = typer.Option(
        None, "--show-sentences/--hide-sentences", "--details/--no-details",
        help="list every miss and false alarm with its sentence (default: only when no held-out article is scored)"),
    min_confidence: float | None = typer.Option(
        None, help="score only the proposals of this confidence or more (as a reviewer filtering by it would see them)"),
    roles: str = typer.Option(
        "any", help="match an agent or target with several values by: any (one of them is the reviewer's), "
                    "first (the first, the actor chosen, is), all (each is)"),
) -> None:
    """Score the extractor against reviewed claims: precision, recall, F1, per event type, dates.

    The sentences of held-out articles are printed only with --show-sentences, so that whoever
    writes extraction rules next has still not read them.  After the ALL line, the score of the
    proposals at or above a few confidences shows what a threshold trades."""
    from .evaluate import evaluate
    from .settings import default_texts

    texts_dir = texts or (corpus / "texts" if (corpus / "texts").is_dir() else default_texts())
    if texts_dir is None:
        raise DiplographError("no texts folder: pass --texts or set DIPLOGRAPH_TEXTS")
    from .progress import progress_bar

    with progress_bar(err, "scoring articles") as tick:
        report = evaluate(corpus, texts_dir, split=split, progress=tick, min_confidence=min_confidence, roles=roles)
    heldout = report.heldout
    details = show_sentences if show_sentences is not None else not heldout
    out.print(report.as_text(details=details), markup=False, highlight=False)
    if heldout and show_sentences is None:
        out.print(f"\n(sentences not shown: {len(heldout)} held-out articles are scored, and their text stays out of "
                  "view; --show-sentences prints the misses and false alarms with their sentences)", markup=False, highlight=False)
