"""Surface patterns the Statement coder reads around a speech verb: the speaker's own country,
both parties named together, paraphrase verbs, quoted terms and topic adjuncts, and the clauses
whose actors are circumstances of what is said rather than what it is about."""

from __future__ import annotations

import re

from .gazetteer import Mention

#: "his critics said": a possessive pronoun before the noun that is the speaker
POSSESSIVE_OF_SPEAKER = re.compile(r"(?i)(?:his|her|their|its)\s+(?:[a-z-]+\s+){1,2}(?=(?:said|says|say|told|argued|claimed|warned|insisted)\b)")

#: the two parties of the article's dispute, named together
BOTH_SIDES = re.compile(r"(?i)\b(?:both\s+(?:governments|countries|sides|capitals|nations)|the\s+two\s+(?:governments|countries|sides|capitals|nations|neighbou?rs))\b")

#: "her country", "his government": the speaker's own state
OWN_COUNTRY = re.compile(r"(?i)(?:her|his|their|its)\s+(?:own\s+)?(?:country|nation|government)\b")

#: speech verbs of a reported statement without quotation marks
PARAPHRASE_VERBS = re.compile(r"(?i)said|stated|told|warned|described|called|criticized|criticised|condemned|confirmed|"
                              r"defended|rejected|argued|insisted|emphasi[sz]ed|stressed|denounced|regretted|noted|explained|"
                              r"accused|reiterated|acknowledged|maintained|voiced|congratulated|urged|demanded|welcomed|"
                              r"promised|threatened|denied|denies|claimed|claims|replied|responded|praised|thanked|expressed|"
                              r"appealed|says|argues|warns|accuses|insists|maintains|wrote|added|adds|"
                              # "broke off relations, saying ...": the participle reports the subject's words
                              r"saying|arguing|stating")

#: a quoted term heading a noun: "the 'persona non grata' declaration"
QUOTED_TERM_HEAD = re.compile(r"\s+(?:declaration|decision|designation|label|status|law|policy|doctrine|clause|order)\b")

#: a demonym naming the state itself rather than qualifying a person or thing
STATE_NOUN_AFTER = re.compile(r"\s+(?:State|state|nation|Republic)\b")

#: a demonym that is itself the plural noun of its phrase, after "the", names the state's side ("said the
#: Saudis were holding him", "accused the Colombians of"): not people it qualifies ("Saudi officials")
#: nor people counted ("two Ugandans were arrested", "thousands of Venezuelans")
SIDE_DEMONYM_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})


def demonym_names_side(doc, mention: Mention) -> bool:
    """'the Saudis', 'the Colombians': a demonym heading its own definite plural phrase names its state."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.tag_ in ("NNS", "NNPS") and token.dep_ in SIDE_DEMONYM_DEPS \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and not any(c.dep_ in ("nummod", "amod", "poss") for c in token.children)


#: "the Chávez case": a name used as a modifier names a topic, not an actor spoken about
ADJUNCT_HEAD = re.compile(r"\s+(?:case|affair|issue|crisis|dispute|saga|standoff|matter|file|trial|episode|question)\b")

#: clauses whose actors are circumstances of what is said: "if Mexico formalizes ..., ",
#: ", which is in force in both Mexico and Peru,", "—in this case, Mexico—", "(…)"
CIRCUMSTANTIAL = re.compile(r"\b(?:if|unless|when|whenever|although|though|once|because|since)\b[^,;]*,"
                            r"|,\s*(?:which|who|whom|whose|where)\b[^,;]*(?:,|$)"
                            r"|\s[—–]\s?[^—–]*[—–]|\([^)]*\)", re.IGNORECASE)


def noun_adjunct(mention: Mention, text: str) -> bool:
    before = text[max(0, mention.start - 4):mention.start].lower()
    return before.endswith("the ") and not re.search(r"['’]s$", mention.surface) \
        and ADJUNCT_HEAD.match(text, mention.end) is not None


def main_clause(mentions: list[Mention], text: str, start: int, end: int) -> list[Mention]:
    """The mentions of text[start:end] outside its conditional, relative and parenthetical clauses."""
    spans = [(start + m.start(), start + m.end()) for m in CIRCUMSTANTIAL.finditer(text[start:end])]
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


def independent_clause_end(text: str, start: int, end: int) -> int:
    """Where the remark from ``start`` (after its speech verb and quoted words) ends: at a semicolon
    outside quotation marks ("said there was 'a limit'; the embassy's staff will leave ...": the
    clause after it is the writer's, not the speaker's), else at ``end``."""
    at = text.find(";", start, end)
    while at >= 0:
        before = text[start:at]
        if before.count('"') % 2 == 0 and before.count("\u201c") <= before.count("\u201d"):
            return at
        at = text.find(";", at + 1, end)
    return end
