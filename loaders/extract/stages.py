"""Which part of the extractor proposed an event: one short, stable id per proposing stage, recorded
once when the event is minted (``Event.proposed_by``), shown to the reviewer beside the evidence and
confidence, written to RDF as ``dg:proposedBy``, and counted by ``dev/tools/by_stage.py``.

  frame:<frame>/<trigger lemma>   a frame of frames.yaml (one frame per event type) on its trigger word
  statement:<target source>       the Statement coder; the source of the first target as the coder found
                                  it (the Mention's kind: name, counterpart, act-author, ...), or no-target
  rule:<rule>                     a regular-expression rule of rules.py (named by its type), or the
                                  military-coup rule of rule_events.py
  stage:<module>                  a later stage that minted the event after the frames and the coder

An event told again by another stage keeps the id of the one that proposed it first.  Events minted
through ``EventBook._add_event`` take the driver's ``proposing`` (set before each stage runs: a new
stage that mints events sets it too, and adds its id here); those built directly name theirs.
"""

from __future__ import annotations

FRAME, STATEMENT, RULE, STAGE = "frame", "statement", "rule", "stage"

#: the later stages that mint events of their own (the module that decides)
FOLLOWERS = "stage:ellipsis"                       # "Canada and Brazil followed": the act just told, by each
FOLLOWED_REMARKS = "stage:followed_statements"     # "Bolivia criticised the decision, as did Ecuador"
ANSWERED_REQUESTS = "stage:answered_requests"      # "... asked for asylum. Mexico granted it."
ACT_GROUNDS = "stage:act_grounds"                  # "broke off relations, accusing X of ...": the grounds
COUPS = "stage:coups"                              # a leader removed or detained by force: the forces' coup
MILITARY_COUP = "rule:military_coup"               # rule_events._military_coup: "the army seized power"


def frame(frame_type: str, lemma: str) -> str:
    """A frame's id (its event type) and the trigger word's lemma."""
    return f"{FRAME}:{frame_type}/{lemma.lower()}"


def rule(rule_type: str) -> str:
    return f"{RULE}:{rule_type}"


def statement(target_kind: str | None) -> str:
    return f"{STATEMENT}:{target_kind or 'no-target'}"


def family(stage: str) -> str:
    """The stage without its detail: ``frame``, ``statement``, or the rule or later stage itself."""
    head = stage.split(":", 1)[0]
    return head if head in (FRAME, STATEMENT) else stage


def frame_of(stage: str) -> str:
    """A frame stage without its trigger word (``frame:RecallOfAmbassador``); other stages unchanged."""
    return stage.split("/", 1)[0] if stage.startswith(FRAME + ":") else stage
