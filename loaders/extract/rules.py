"""Event rules: a trigger pattern per event type, and what its agent and target may be.

Each rule names the event class of the ontology's contract list, a trigger (a regular
expression over the sentence, case-insensitive), the kinds of actor that may fill the agent and
target roles, and hints for finding them (prepositions that introduce the target, whether the
state of a mission counts as the target).  Arguments are found by position around the trigger
(see rule_events.py); modality and negation around the trigger keep threats, demands, denials,
speculation and acts that are not happening out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..word_regex import first_char_lookahead
from .coref_lexicon import OFFENCES

STATE_LIKE = ("State", "Government", "GovernmentBody")          # organs act for their state
ORGS = ("Government", "GovernmentBody", "Legislature", "Court", "InternationalOrganization", "PoliticalParty")
PERSONS = ("Person", "Group")
ANY_ACTOR = ("State",) + ORGS + PERSONS


@dataclass(frozen=True)
class Rule:
    type: str
    trigger: re.Pattern
    agent: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = ()     # the target tends to follow one of these words
    state_level: bool = False              # the agent is a state: organs are lifted to their state
    target_from_mission: bool = False      # a mission in the sentence stands for its sending state
    agent_from_mission: bool = False       # (asylum granted in an embassy: by the embassy's state)
    place: bool = False                    # record the mission/city as the event's place
    negated_trigger: bool = False          # the trigger itself contains a negation ("not yet issued")
    needs: tuple[str, ...] = ("agent", "target")  # roles without which the rule proposes nothing
    confidence: float = 0.85
    extra: dict = field(default_factory=dict)


def _r(pattern: str) -> re.Pattern:
    return first_char_lookahead(re.compile(pattern, re.IGNORECASE))   # (the same matches, found sooner)


W = r"(?:[\w’'-]+\s+)"   # one word and its space

#: the frames (frames.yaml) code restorations, downgrades, non-recognitions, expulsions, persona non
#: grata declarations, asylum withdrawals, candidacies, safe-conduct requests, grants, refusals and (fifth
#: session) deferrals, and international legal actions on the parse: their regular expressions are retired
#: (RETIRED_CUES below keeps the triggers Statements read).  The four kept, each measured by leaving it out
#: alone (fifth session, seeds / rules half / held-out tp): AsylumRequest adds 1 held-out event (none on the
#: seeds or the rules half: the frame now reads the heading-split lead "X, sentenced to ..., sought
#: refuge", nouns "X's asylum request to Y", "filed an asylum request with", "sheltering in the
#: ambassador's residence"; the held-out telling it still catches is unknown to us); AsylumGrant adds 1 seed
#: event ("even though diplomatic asylum had already been granted to him": the grantor is only the mission
#: named before; giving the frame that mission as a last resort lost another seed event); CoupAttempt adds
#: 5 seed events (a leader's self-coup told as a noun: "attempted dissolution of Congress", "his attempted
#: coup", "announced the dissolution of Congress"); Recognition adds 1 seed event, 1 rules-half event (and 1 false alarm)
#: ("whom they consider the legitimate president": "they" for a government is no actor the mentions
#: resolve).  None can go without a loss.  The Sentence rule is retired (fourth session).
RULES: tuple[Rule, ...] = (
    # kept (fourth session): without it, the frame (given the mission told before as a last-resort grantor)
    # found as many grants on the seeds, the rules half and the held-out half, but lost a parse it cannot
    # read, a name split from the noun that describes it ("to the hacker X angered ...": X made the
    # subject; tests/test_extract.py), and the mission path cost a seed Statement its target
    Rule("AsylumGrant",
         _r(rf"\b(?:grant(?:s|ed|ing)?|gave|give[sn]?|offer(?:s|ed)?|extend(?:s|ed)?)\s+{W}{{0,3}}?(?:political\s+|diplomatic\s+|territorial\s+)?(?:asylum|refuge)\b"
            rf"|\basylum\s+grant\b|\bgrant(?:ing)?\s+of\s+(?:political\s+|diplomatic\s+)?asylum\b"
            rf"|\basylum\s+(?:had|has|have|was|were)\s+(?:already\s+)?(?:been\s+)?granted\b"
            rf"|\baccept(?:s|ed)?\s+(?:[\w’'-]+\s+){{0,3}}?asylum\s+(?:request|application)\b"),
         agent=STATE_LIKE + ("Embassy", "DiplomaticMission"), target=PERSONS, target_preps=("to",), state_level=True,
         agent_from_mission=True, needs=("target",)),
    Rule("AsylumRequest",
         _r(rf"\b(?:sought|seek(?:s|ing)?|request(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+for|appl(?:y|ies|ied|ying)\s+for|took|taken|taking)\s+{W}{{0,2}}?(?:political\s+|diplomatic\s+)?(?:asylum|refuge|shelter)\b"
            rf"|\b(?:asylum\s+request|request\s+for\s+(?:political\s+|diplomatic\s+)?asylum)\b"
            rf"|\bask(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){{1,2}}for\s+(?:political\s+|diplomatic\s+)?asylum\b"
            rf"|\b(?:sheltering|sheltered|holed\s+up|hiding)\s+(?:in|at|inside)\s+(?:the\s+)?(?=[^.;]{{0,40}}\b(?:embassy|residence|mission|nunciature))"),
         agent=PERSONS, target=("State",), target_preps=("in", "from", "to"), target_from_mission=True, place=True),
    Rule("CoupAttempt",
         _r(r"\b(?:coup\s+attempt|attempted\s+coup|self-coup|failed\s+coup|coup\s+d['’]état|attempt(?:ed)?\s+to\s+dissolve\s+(?:the\s+)?Congress|attempted\s+dissolution\s+of\s+Congress)\b"),
         agent=("Person",), target=("Legislature",), needs=("agent",)),
    # kept: "recognized the new military government" (the government of the state the article is about),
    # and an official whose state the article leaves implicit ("President X issued a statement recognizing
    # Y"): retired, the frames lose one seed event and two rules-half events, and no held-out one (Dec 2026)
    Rule("Recognition",
         _r(rf"\brecogni[sz](?:e|es|ed|ing)\b(?=[^.;]{{0,80}}\bas\b)|\brecogni[sz](?:ed|es)\s+(?:the\s+)?(?:new\s+|interim\s+|provisional\s+|military\s+|de\s+facto\s+){{0,2}}(?:government|regime|junta|authorities)\b|\bconsider(?:s|ed)?\s+{W}{{0,3}}?(?:as\s+)?the\s+legitimate\b|\bwhom\s+\w+\s+consider\s+the\s+legitimate\b"),
         agent=STATE_LIKE + ("InternationalOrganization",), target=PERSONS + ("Government",), state_level=True),
)

#: the triggers of rules the frames replaced (severance, recall, incursion, expulsion, persona non
#: grata: the frames find as many on the held-out articles, with fewer false alarms: the expulsion
#: and persona non grata rules added 0 held-out events and 5 false alarms when retired); no event is
#: coded from them, statements.py only reads them to tell the announcement of such an act from a
#: statement about it
RETIRED_CUES: tuple[Rule, ...] = (
    # retired (fifth session): the frame reads "has yet to grant", "has not decided", "is still studying
    # the request" and "awaiting the decision on whether she will be allowed to leave", and finds as many
    # on the seeds, the rules half and the held-out half
    Rule("SafeConductDeferral",
         _r(r"\bnot\s+(?:yet\s+)?(?:issued|granted|delivered)\s+(?:the\s+|a\s+)?safe[- ](?:conducts?|passages?)\b|\byet\s+to\s+(?:issue|grant|deliver|answer)\b(?=[^.;]{0,40}safe[- ](?:conduct|passage))|\bsafe[- ](?:conduct|passage)\b[^.;]{0,80}\b(?:pending|analy[sz]ing|under\s+review|yet\s+to)\b"
            # the exit permit not yet decided: "the government's decision on whether she will be allowed to leave"
            r"|\b(?:has|have)\s+not\s+(?:yet\s+)?decided\s+whether\s+to\s+(?:grant|issue|give)\b"
            r"|\b(?:studying|considering|reviewing|analy[sz]ing)\s+(?:[\w’'-]+\s+){0,2}?(?:request|application)\s+for\s+(?:a\s+|the\s+)?safe[- ](?:conduct|passage)"
            r"|\b(?:decision|decide|deciding)\s+(?:on\s+)?whether\s+(?:to\s+(?:allow|let)\s+\w+\s+(?:to\s+)?leave|(?:\w+\s+){1,3}(?:will|would|can|could|may)\s+be\s+(?:allowed|permitted)\s+to\s+leave)\b"),
         agent=STATE_LIKE, target=(), state_level=True, negated_trigger=True, needs=("agent",)),
    # retired (fifth session): the frame reads "asked the International Court of Justice to hold X
    # responsible" (a small clause's subject) and finds as many on the seeds, the rules half and the held-out half
    Rule("InternationalLegalAction",
         _r(r"\b(?:fil(?:e|es|ed|ing)|br(?:ing|ought)|lodg(?:e|ed)|submit(?:ted)?)\s+(?:a\s+)?(?:case|complaint|lawsuit|suit|application)\b(?=[^.]{0,80}\b(?:International\s+Court|ICJ|ICC|Inter-American\s+Court))|\b(?:took|take|taking|takes)\s+(?:[\w’'-]+\s+){1,3}to\s+the\s+(?:International\s+Court\s+of\s+Justice|ICJ|World\s+Court)\b|\bask(?:s|ed)?\s+the\s+(?:International\s+Court\s+of\s+Justice|ICJ|World\s+Court)\s+to\b"),
         agent=STATE_LIKE, target=("State",), target_preps=("against",), state_level=True, needs=("agent",)),
    Rule("ExpulsionOfDiplomats",
         _r(r"\bexpel(?:s|led|ling)?\b|\bordered\s+(?:[\w’'-]+\s+){1,4}?out\s+of\s+(?:the\s+)?country\b|\b(?:ordered|given|gave|giving|gives|told)\b(?!\s+(?:its|their)\s+own\b)[^.;]{0,60}?\bto\s+(?:leave|exit|depart)\b"
            r"|\b(?:had|has|have)\s+(?:\d+|[a-z]+)\s+(?:hours|days)\s+to\s+(?:leave|exit|depart)\b"),
         agent=STATE_LIKE, target=("Post", "Person", "Embassy", "DiplomaticMission", "State"), state_level=True,
         extra={"target_before_fallback": True}),  # "the ambassador had 72 hours to leave"
    Rule("PersonaNonGrataDeclaration",
         _r(r"\bpersona(?:e)?\s+non\s+grata\b"),
         agent=("State", "Government", "GovernmentBody", "Legislature", "InternationalOrganization"), target=("Person", "Post"), state_level=False,
         extra={"target_before": True}),
    # retired December 2026: the Candidacy frame (noun "candidacy" with its possessor, "ran for") finds as
    # many on the held-out half and the seeds, one fewer on the rules half
    Rule("Candidacy",
         _r(r"\bcandidacy\b|\b(?:running|ran|run|runs)\s+(?:for|as\s+(?:the\s+|a\s+)?candidate)\b|\bcandidate\s+(?:for|of)\b"),
         agent=("Person",), target=(), needs=("agent",), confidence=0.7),
    Rule("SeveranceOfRelations",
         _r(r"\b(?:sever(?:s|ed|ing)?|cut(?:s|ting)?|br(?:eak|eaks|oke|eaking|oken)(?:\s+off)?|suspend(?:s|ed|ing)?|end(?:s|ed|ing)?)\s+(?:all\s+|its\s+|their\s+|off\s+)?(?:diplomatic\s+)?(?:ties|relations)\b"
            r"|\bbr(?:oke|eaks|eaking)\s+with\b(?=\s+(?:the\s+)?[A-Z])"
            r"|\b(?:severing|severance|rupture|breaking(?:\s+off)?|break)\s+(?:of\s+)?(?:diplomatic\s+)?(?:ties|relations)\b"),
         agent=STATE_LIKE, target=("State",), target_preps=("with",), state_level=True),
    Rule("RecallOfAmbassador",
         _r(rf"\brecall(?:s|ed|ing)?\s+(?:of\s+)?(?:its\s+|their\s+|the\s+|his\s+|her\s+)?{W}?(?:ambassador|envoy|diplomatic\s+staff|diplomats|charg[ée]\s+d['’]affaires|top\s+diplomat|head\s+of\s+mission)\b|\brecall(?:s|ed|ing)?\s+theirs\b|"
            rf"\bbr(?:ing|ings|inging|ought)\s+(?:back\s+|home\s+)?(?:its|their|the)\s+{W}?(?:ambassador|envoy|diplomats|diplomatic\s+staff)\b|"
            rf"\bcall(?:s|ed|ing)?\s+(?:back\s+|home\s+)?(?:its|their|the)\s+{W}?(?:ambassadors?|envoys?|diplomats)\s+(?:home|back)\b|"
            rf"\bsummon(?:s|ed)?\s+(?:back\s+|home\s+)?(?:its|their|his|her)\s+{W}?ambassador\b|"
            rf"\bambassador\s+(?:was|were|is|had\s+been|has\s+been)\s+(?:being\s+)?(?:withdrawn|recalled)\b|\bwithdr(?:ew|aw|aws|awn|awal\s+of)\s+(?:its\s+|their\s+|the\s+)?{W}?ambassador\b"),
         agent=STATE_LIKE, target=("State",), target_preps=("from", "in", "to"), state_level=True, needs=("agent",)),
    Rule("EmbassyIncursion",
         _r(rf"\b(?:raid(?:s|ed|ing)?|storm(?:s|ed|ing)?|entered|broke\s+into|burst\s+into|forced\s+(?:their|its)\s+way\s+into)\s+{W}{{0,4}}?(?:embassy|residence|consulate|mission)\b|\b(?:raid|assault)\s+on\s+{W}{{0,4}}?(?:embassy|residence)\b"),
         agent=STATE_LIKE, target=("State",), state_level=True, target_from_mission=True, place=True,
         extra={"not_by_a_person": True}),
)

#: words that, between the clause start and the trigger, make the act not (yet) real
MODALITY = re.compile(
    r"\b(?:not|never|n['’]t|cannot|unable|without|no\s+longer|could|would|might|may|should|must|shall|will|threat\w*|warn\w*|if|whether|unless"
    r"|plans?\s+to|planning|intends?\s+to|considering|consider\s+whether|expected\s+to|likely|possib\w*|urg\w*"
    r"|offer(?:ed|s|ing)?|call(?:ed|s|ing)?\s+(?:on|for)|demand\w*|asked\s+\w+\s+to|refus\w*\s+to|den(?:y|ies|ied)|rejected\s+claims"
    r"|risk\w*|tempted|declin\w*\s+to|fail\w*\s+to|yet\s+to|seeking\s+to|trying\s+to|stop(?:s|ped|ping)?\s+short\s+of|before\s+that\s+could|en\s+route|on\s+(?:his|her|their|its)\s+way|escape|evade|avoid|avoiding|escaping)\b", re.IGNORECASE)
#: a clause boundary: the modality window starts after the last of these before the trigger
CLAUSE_BREAK = re.compile(r"[;:.!?,]|\b(?:but|while|after|because|since|when|as|although|though|that)\b", re.IGNORECASE)

SPEECH_VERBS = first_char_lookahead(re.compile(
    r"\b(?:said|says|say|stated|states|told|tweeted|wrote|added|warned|declared|announced|explained|noted|argued|"
    r"insisted|stressed|emphasi[sz]ed|described|called|labell?ed|labeling|labelling|branded|denounced|condemned|"
    r"criticized|criticised|rejected|regretted|defended|according\s+to|saying|stating|adding|calling|describing|"
    r"warning|arguing|noting|insisting|tweet|statement|interview|captured|confirmed|voiced|congratulated|urged|"
    r"demanded|welcomed|promised|threatened|denied|denies|claimed|claims|replied|responded|accused|accusing|"
    r"praised|thanked|expressed|appealed|argues|warns|accuses|insists|maintains)\b", re.IGNORECASE))
#: "“...” – Dr. Isabella Ramirez, Professor of ...": a quotation attributed after a dash
DASH_ATTRIBUTION = re.compile(r"(?<=[”\"])\s*[–—-]\s*(?=[A-Z])")
QUOTE = re.compile(r"[“\"]([^”\"]{3,600})[”\"]|(?<![\w])['‘]([^'’]{3,120}?)['’](?![\w])")

#: the offences a charge names (coref.yaml: "espionage", "money laundering")
OFFENCE_RE = re.compile(r"\b(" + "|".join(OFFENCES) + r")\b", re.IGNORECASE)
PENALTY_RE = re.compile(r"\b((?:over|more than|up to|nearly|almost)\s+)?(\d+|[a-z]+(?:-[a-z]+)?)[- ]years?(?:[- ]old)?"
                        r"(?:\s+(?:in\s+prison|prison\s+(?:sentence|request|term)|sentence|jail\s+term|of\s+prison))?", re.IGNORECASE)
DEADLINE_RE = re.compile(r"\b(\d+|[a-z]+)[- ]hours?\b|\b(?:a\s+)?(?:strict\s+|tight\s+)?deadline\b", re.IGNORECASE)
VOTES_TO_RE = re.compile(r"\bvot(?:ed|es)\s+(\d+)\s*(?:to|-|–)\s*(\d+)(?:[^.]{0,30}?\b(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+abstentions?)?", re.IGNORECASE)
VOTES_RE = re.compile(r"\b(\d+)\s+votes?\s+(?:in\s+favou?r|for)\b[^.]{0,20}?\b(\d+)\s+(?:against|votes?\s+against)"
                      r"(?:[^.]{0,20}?\b(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+abstentions?)?", re.IGNORECASE)
