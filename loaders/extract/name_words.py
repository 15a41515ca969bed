"""The words that make or unmake a name, shared by the finders of names (names.py) and of persons
speaking (speaking_names.py), which the name finder runs: here so that neither imports the other's
module for them."""

from __future__ import annotations

import re

from .gazetteer import LOWER, ONE_WORD_TITLES, UPPER
from .world import FEMALE_NAMES, MALE_NAMES, OTHER_FIRST_NAMES

#: the given names a name may open with
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES | OTHER_FIRST_NAMES
#: "the" right before a match (searched in the few characters before its start)
THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he\s+$")

NOT_NAMES = {"The", "A", "An", "In", "On", "At", "As", "And", "But", "For", "From", "With", "Embassy", "Ministry",
             "Government", "Congress", "President", "Minister", "Foreign", "Convention", "Court", "Police", "Party",
             "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "Latin", "North", "South", "East", "West", "Central", "United", "National", "International", "Republic"}
#: words of fields, institutions and places that never make a person's name ("Professor of International Law")
NOT_NAME_WORDS = {"Law", "Laws", "Relations", "Affairs", "Studies", "Science", "Sciences", "Policy", "History", "University",
                  "Universidad", "Nacional", "Institute", "School", "College", "Center", "Centre", "Foundation",
                  "Council", "Union", "Bank", "Fund", "Embassy", "Ministry", "Congress", "Government", "Convention",
                  # the last word of a street's or a building's name, never a surname ("Jaffa Gate", "Exhibition Road")
                  "Street", "Road", "Avenue", "Square", "Gate", "Gardens", "Terrace", "Boulevard", "Embankment",
                  "Airport", "Barracks",
                  # the last word of an organisation's name ("Human Rights Watch")
                  "Watch", "Association", "Federation", "Forum", "Society", "Commission",
                  "Organisation", "Organization", "Network", "Alliance",
                  # the last word of a newspaper's name, as a byline gives it ("By Ana Ruiz, Danube Courier")
                  "Courier", "Times", "Tribune", "Gazette", "Herald", "Ledger", "Chronicle", "Journal", "Telegraph",
                  "Observer", "Dispatch", "Inquirer", "Examiner", "Bulletin", "Post", "Review", "News", "Daily"}
#: the words of Spanish, Portuguese and French organisations' names ("Transparencia Internacional",
#: "Amnistía Internacional", "Fundación Libertad"), never a person's
ROMANCE_ORG_WORDS = {"Internacional", "Internationale", "International", "Nationale", "Asociación", "Associação",
                     "Federación", "Federação", "Fédération", "Fundación", "Fundação", "Fondation", "Instituto", "Institut",
                     "Comisión", "Comissão", "Consejo", "Conselho", "Conseil", "Sociedad", "Sociedade", "Société",
                     "Movimiento", "Movimento", "Mouvement", "Organización", "Organização", "Observatorio", "Observatoire"}
NOT_NAME_WORDS |= ROMANCE_ORG_WORDS
#: subordinators and question words a sentence opens with, capitalised there, never a name's first word
#: ("When Taliban fighters took the city", "After Houthi rebels ...", "Since Karim Nadir fled")
CLAUSE_OPENERS = frozenset({"When", "Whenever", "While", "Whilst", "After", "Before", "Although", "Though", "Once",
                            "Since", "If", "Unless", "Until", "Where", "Whereas", "Why", "How", "What", "Who",
                            "Which", "Because", "During", "Despite", "Unlike", "Like", "Under", "Among", "Against"})
NOT_NAMES |= CLAUSE_OPENERS
ORG_HEADS = {"police": "GovernmentBody", "department": "GovernmentBody", "ministry": "GovernmentBody",
             "office": "GovernmentBody", "agency": "GovernmentBody", "service": "GovernmentBody", "guard": "GovernmentBody",
             "army": "GovernmentBody", "forces": "GovernmentBody", "court": "Court", "tribunal": "Court",
             "assembly": "Legislature", "congress": "Legislature", "senate": "Legislature", "parliament": "Legislature",
             "party": "PoliticalParty", "front": "PoliticalParty", "movement": "PoliticalParty", "platform": "PoliticalParty",
             "group": "InternationalOrganization", "commission": "InternationalOrganization"}
#: single words that title a person ("General", "lawyer"), from the gazetteer's titles
TITLE_WORDS = ONE_WORD_TITLES | {"mr", "mrs", "ms", "dr", "sir", "sheikh", "mullah"}
#: one word of a person's name as the parser tokenises it ("Tebboune", "Akufo-Addo")
NAME_TOKEN = re.compile(rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}]?[{LOWER}'’]+)*")
