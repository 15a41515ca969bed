"""A grid of sentences of our own that open with an adjunct before their subject: event clauses
(recall, expulsion, severance, recognition, arrest, charge, sentence, asylum, Statements; subjects
named as states, capitals, organs, persons, pronouns) x openings of time, place, manner and source,
each with and without a comma; prints the pass rate by opening and by clause (``-v``: each failure).
It measures the repairs of fronted.py; the CheckList (tests/checklist/fronted.yaml) keeps a subset::

    .venv/bin/python dev/tools/fronted_grid.py [-v]
"""

from __future__ import annotations

import sys
from collections import Counter

import checklist  # (dev/tools: the runner, judge and item format of the CheckList)

#: a pronoun subject's antecedent, told in a sentence before the opening
PRONOUN_ANTECEDENT = "Peru is angry. "
#: (key, clause, the event it must give)
BASES = [
    ("recall", "Ghana recalled its ambassador from Togo.", ["RecallOfAmbassador", "Ghana", "Togo"]),
    ("expel", "Norway expelled two Iranian diplomats.", ["ExpulsionOfDiplomats", "Norway", "Iran"]),
    ("sever", "Ecuador severed diplomatic relations with Nicaragua.", ["SeveranceOfRelations", "Ecuador", "Nicaragua"]),
    ("recog", "Ireland recognised the State of Palestine.", ["Recognition", "Ireland", "Palestine"]),
    ("arrest", "Turkish police arrested Omar Saleh, a Syrian journalist.", ["Arrest", "Turkey", "Omar Saleh"]),
    ("charge", "Polish prosecutors charged Ivan Petrov with espionage.", ["Charge", "Poland", "Ivan Petrov"]),
    ("stmt", "Brazil condemned the attack on the Argentine embassy.", ["Statement", "Brazil", None]),
    ("recallcap", "Accra recalled its ambassador from Lome.", ["RecallOfAmbassador", "Ghana", "Togo"]),
    ("recallpres", "President Kwame Boateng recalled Ghana's ambassador from Togo.", ["RecallOfAmbassador", None, "Togo"]),
    ("expelcap", "Oslo expelled two Iranian diplomats.", ["ExpulsionOfDiplomats", "Norway", "Iran"]),
    ("severgov", "The government of Ecuador severed diplomatic relations with Nicaragua.", ["SeveranceOfRelations", "Ecuador", "Nicaragua"]),
    ("stmtmin", "Brazil's foreign ministry condemned the attack on the Argentine embassy.", ["Statement", None, None]),
    ("stmtpers", "President Luiz Santos of Brazil condemned the attack on the Argentine embassy.", ["Statement", None, None]),
    ("arrestcity", "Police in Ankara arrested Omar Saleh, a Syrian journalist.", ["Arrest", "Turkey", "Omar Saleh"]),
    ("expelgov", "The Kenyan government expelled two Somali diplomats.", ["ExpulsionOfDiplomats", "Kenya", "Somalia"]),
    ("recallit", "Peru is angry. It recalled its ambassador from Chile.", ["RecallOfAmbassador", "Peru", "Chile"]),
    ("reported", "The foreign ministry said Ghana had recalled its ambassador from Togo.", ["RecallOfAmbassador", "Ghana", "Togo"]),
    ("stmtname", "Peru's foreign minister, Ana Ruiz, condemned the raid on the Mexican embassy.", ["Statement", "Ana Ruiz", None]),
    ("sentence", "A court in Tehran sentenced Nadia Karimi, a French researcher, to five years in prison.", ["Sentence", "Iran", "Nadia Karimi"]),
    ("png", "Ukraine declared the Hungarian consul, Peter Farkas, persona non grata.", ["PersonaNonGrataDeclaration", "Ukraine", "Peter Farkas"]),
    ("stmtsaid", "Peru's foreign minister, Ana Ruiz, said the raid on the Mexican embassy was unacceptable.", ["Statement", "Ana Ruiz", None]),
    ("stmtcountry", "Chile rejected the accusations made by Bolivia.", ["Statement", "Chile", None]),
    ("asylum", "Mexico granted asylum to Carlos Ramos, a former Bolivian minister.", ["AsylumGrant", "Mexico", "Carlos Ramos"]),
]
#: openings before the subject
OPENINGS = ["On Tuesday", "Late on Friday", "In a statement", "Two days later", "In Geneva",
            "After a cabinet meeting", "Hours after the vote", "Separately", "Meanwhile", "In 1973",
            "Earlier this month", "Citing security concerns", "According to state media", "In response", "Last week",
            "On the same day", "In a letter to the United Nations", "Speaking in Geneva", "Just before midnight on Tuesday",
            "In a surprise move", "Within hours", "On 3 March", "That day", "That same evening", "The next day", "A week later", "In retaliation",
            "Days after the election", "In December", "Since then"]
#: the date an opening gives (published on Friday 2025-11-07)
DATES = {"On Tuesday": "2025-11-04", "In 1973": "1973", "Late on Friday": "2025-11-07", "On 3 March": "2025-03-03", "Just before midnight on Tuesday": "2025-11-04"}


def _lower(text: str) -> str:
    """A clause's first word in lower case after an opening, unless it is a name."""
    return text[0].lower() + text[1:] if text.split()[0] in ("The", "Police", "It", "A") else text


def grid() -> list[checklist.Item]:
    items = []
    for key, text, expected in BASES:
        before = PRONOUN_ANTECEDENT if text.startswith(PRONOUN_ANTECEDENT) else ""
        clause = text[len(before):]
        items.append(checklist.Item(f"{key}-plain", "plain", text, [expected]))
        for k, opening in enumerate(OPENINGS):
            for comma in (True, False):
                date = [DATES[opening]] if opening in DATES else []
                items.append(checklist.Item(f"{key}-{k}{'c' if comma else 'n'}", opening + ("," if comma else ""),
                                            before + opening + ("," if comma else "") + " " + _lower(clause),
                                            [expected + date]))
    return items


def main() -> None:
    items = grid()
    found = checklist.extract_items(items)
    failed_opening, failed_clause = Counter(), Counter()
    for item in items:
        ok, why = checklist.judge(item, found[item.id])
        if not ok:
            failed_opening[item.cap] += 1
            failed_clause[item.id.rsplit("-", 1)[0]] += 1
            if "-v" in sys.argv:
                print(f"FAIL {item.id}: {item.text!r}\n     {why}")
    print("failures by opening:", dict(failed_opening.most_common()))
    print("failures by clause:", dict(failed_clause.most_common()))
    passed = len(items) - sum(failed_opening.values())
    print(f"GRID {passed}/{len(items)} = {passed / len(items):.3f}")


if __name__ == "__main__":
    main()
