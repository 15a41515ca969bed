"""World knowledge the rules need to recognise states: demonyms, capitals, common names.

Country names and codes come from pycountry (ISO 3166); English demonyms and capitals are not in
pycountry, so they are listed here (ISO alpha-2 → forms).  Capitals are used for metonymy ("Lima
called the move disproportionate" = the government of Peru) only when the capital acts; "in Lima"
stays a city.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan",), "AL": ("Albanian",), "DZ": ("Algerian",), "AO": ("Angolan",), "AR": ("Argentine", "Argentinian"),
    "AM": ("Armenian",), "AU": ("Australian",), "AT": ("Austrian",), "AZ": ("Azerbaijani",), "BH": ("Bahraini",),
    "BD": ("Bangladeshi",), "BY": ("Belarusian",), "BE": ("Belgian",), "BZ": ("Belizean",), "BO": ("Bolivian",),
    "BA": ("Bosnian",), "BR": ("Brazilian",), "BG": ("Bulgarian",), "KH": ("Cambodian",), "CM": ("Cameroonian",),
    "CA": ("Canadian",), "CL": ("Chilean",), "CN": ("Chinese",), "CO": ("Colombian",), "CR": ("Costa Rican",),
    "HR": ("Croatian",), "CU": ("Cuban",), "CY": ("Cypriot",), "CZ": ("Czech",), "DK": ("Danish",),
    "DO": ("Dominican",), "EC": ("Ecuadorian", "Ecuadorean"), "EG": ("Egyptian",), "SV": ("Salvadoran", "Salvadorean"),
    "EE": ("Estonian",), "ET": ("Ethiopian",), "FI": ("Finnish",), "FR": ("French",), "GE": ("Georgian",),
    "DE": ("German",), "GH": ("Ghanaian",), "GR": ("Greek",), "GT": ("Guatemalan",), "HT": ("Haitian",),
    "HN": ("Honduran",), "HU": ("Hungarian",), "IS": ("Icelandic",), "IN": ("Indian",), "ID": ("Indonesian",),
    "IR": ("Iranian",), "IQ": ("Iraqi",), "IE": ("Irish",), "IL": ("Israeli",), "IT": ("Italian",),
    "JM": ("Jamaican",), "JP": ("Japanese",), "JO": ("Jordanian",), "KZ": ("Kazakh",), "KE": ("Kenyan",),
    "KW": ("Kuwaiti",), "KG": ("Kyrgyz",), "LV": ("Latvian",), "LB": ("Lebanese",), "LY": ("Libyan",),
    "LT": ("Lithuanian",), "MY": ("Malaysian",), "ML": ("Malian",), "MX": ("Mexican",), "MD": ("Moldovan",),
    "MN": ("Mongolian",), "ME": ("Montenegrin",), "MA": ("Moroccan",), "MZ": ("Mozambican",), "MM": ("Myanmar", "Burmese"), "MV": ("Maldivian",),
    "NP": ("Nepali", "Nepalese"), "NL": ("Dutch",), "NZ": ("New Zealand",), "NI": ("Nicaraguan",), "NE": ("Nigerien",),
    "NG": ("Nigerian",), "KP": ("North Korean",), "NO": ("Norwegian",), "OM": ("Omani",), "PK": ("Pakistani",),
    "PS": ("Palestinian",), "PA": ("Panamanian",), "PY": ("Paraguayan",), "PE": ("Peruvian",), "PH": ("Philippine", "Filipino"),
    "PL": ("Polish",), "PT": ("Portuguese",), "QA": ("Qatari",), "RO": ("Romanian",), "RU": ("Russian",),
    "RW": ("Rwandan",), "SA": ("Saudi",), "SN": ("Senegalese",), "RS": ("Serbian",), "SG": ("Singaporean",),
    "SK": ("Slovak",), "SI": ("Slovenian",), "SO": ("Somali",), "ZA": ("South African",), "KR": ("South Korean",),
    "SS": ("South Sudanese",), "ES": ("Spanish",), "LK": ("Sri Lankan",), "SD": ("Sudanese",), "SE": ("Swedish",),
    "CH": ("Swiss",), "SY": ("Syrian",), "TW": ("Taiwanese",), "TJ": ("Tajik",), "TZ": ("Tanzanian",), "TH": ("Thai",),
    "TN": ("Tunisian",), "TR": ("Turkish",), "TM": ("Turkmen",), "UG": ("Ugandan",), "UA": ("Ukrainian",),
    "AE": ("Emirati",), "GB": ("British",), "US": ("American", "U.S."), "UY": ("Uruguayan",), "UZ": ("Uzbek",),
    "VE": ("Venezuelan",), "VN": ("Vietnamese",), "YE": ("Yemeni",), "ZM": ("Zambian",), "ZW": ("Zimbabwean",),
    "VA": ("Vatican", "papal", "Apostolic"), "BF": ("Burkinabe",), "TD": ("Chadian",), "GN": ("Guinean",), "CD": ("Congolese",),
    "BJ": ("Beninese",), "BW": ("Botswanan",), "BI": ("Burundian",), "CF": ("Central African",), "DJ": ("Djiboutian",),
    "ER": ("Eritrean",), "GA": ("Gabonese",), "GM": ("Gambian",), "GY": ("Guyanese",), "LR": ("Liberian",),
    "LU": ("Luxembourgish",), "MG": ("Malagasy",), "MW": ("Malawian",), "MR": ("Mauritanian",), "MT": ("Maltese",),
    "NA": ("Namibian",), "SL": ("Sierra Leonean",), "SR": ("Surinamese",), "TG": ("Togolese",), "TT": ("Trinidadian",),
    "BB": ("Barbadian",), "BS": ("Bahamian",), "FJ": ("Fijian",), "LA": ("Laotian", "Lao"), "MK": ("North Macedonian",),
    "TO": ("Tongan",), "WS": ("Samoan",), "BT": ("Bhutanese",), "CI": ("Ivorian",), "XK": ("Kosovar", "Kosovan"),
    "BN": ("Bruneian",), "PG": ("Papua New Guinean",), "VU": ("Ni-Vanuatu",), "TV": ("Tuvaluan",), "NR": ("Nauruan",),
    "PW": ("Palauan",), "MH": ("Marshallese",), "MU": ("Mauritian",), "KM": ("Comorian",), "SC": ("Seychellois",),
    "CV": ("Cape Verdean",), "SZ": ("Swazi",), "LS": ("Basotho",),
}

#: every demonym lower-cased ("russian", "south korean"): a people's adjective or name
DEMONYM_WORDS = frozenset(d.lower() for names in DEMONYMS.values() for d in names)
#: the peoples' plurals in -s ("canadians"; not of "Polish", "French", "Chinese", "Swiss")
DEMONYM_PLURALS = frozenset(d.lower() + "s" for names in DEMONYMS.values() for d in names
                            if not d.endswith(("sh", "ch", "ese", "s")))

#: capitals that are also common words or the state's own name (Victoria, Kingston, Georgetown, Male,
#: Luxembourg, Singapore, ...) are left out: they would name the state where the text means something else
CAPITALS: dict[str, tuple[str, ...]] = {
    "AF": ("Kabul",), "DZ": ("Algiers",), "AR": ("Buenos Aires",), "AM": ("Yerevan",), "AU": ("Canberra",),
    "AT": ("Vienna",), "AZ": ("Baku",), "BD": ("Dhaka",), "BY": ("Minsk",), "BE": ("Brussels",), "BO": ("La Paz",),
    "BR": ("Brasilia", "Brasília"), "BG": ("Sofia",), "CA": ("Ottawa",), "CL": ("Santiago",), "CN": ("Beijing",),
    "CO": ("Bogota", "Bogotá"), "CR": ("San Jose", "San José"), "CU": ("Havana",), "CZ": ("Prague",),
    "DK": ("Copenhagen",), "DO": ("Santo Domingo",), "EC": ("Quito",), "EG": ("Cairo",), "SV": ("San Salvador",),
    "FI": ("Helsinki",), "FR": ("Paris",), "GE": ("Tbilisi",), "DE": ("Berlin",), "GR": ("Athens",),
    "GT": ("Guatemala City",), "HN": ("Tegucigalpa",), "HU": ("Budapest",), "IN": ("New Delhi",), "ID": ("Jakarta",),
    "IR": ("Tehran",), "IQ": ("Baghdad",), "IE": ("Dublin",), "IL": ("Jerusalem",), "IT": ("Rome",), "JP": ("Tokyo",),
    "JO": ("Amman",), "KE": ("Nairobi",), "LB": ("Beirut",), "LY": ("Tripoli",), "MX": ("Mexico City",),
    "MA": ("Rabat",), "NL": ("The Hague", "Amsterdam"), "NZ": ("Wellington",), "NI": ("Managua",), "NG": ("Abuja",),
    "KP": ("Pyongyang",), "NO": ("Oslo",), "PK": ("Islamabad",), "PA": ("Panama City",), "PY": ("Asuncion", "Asunción"),
    "PE": ("Lima",), "PH": ("Manila",), "PL": ("Warsaw",), "PT": ("Lisbon",), "QA": ("Doha",), "RO": ("Bucharest",),
    "RU": ("Moscow",), "SA": ("Riyadh",), "RS": ("Belgrade",), "ZA": ("Pretoria",), "KR": ("Seoul",), "ES": ("Madrid",),
    "SE": ("Stockholm",), "CH": ("Bern",), "SY": ("Damascus",), "TW": ("Taipei",), "TH": ("Bangkok",), "TR": ("Ankara",),
    "UA": ("Kyiv", "Kiev"), "AE": ("Abu Dhabi",), "GB": ("London",), "US": ("Washington",), "UY": ("Montevideo",),
    "VE": ("Caracas",), "VN": ("Hanoi",), "VA": ("Vatican City",), "ZW": ("Harare",),
    # the rest of the world's capitals (a capital often stands for its government)
    "AL": ("Tirana",), "AD": ("Andorra la Vella",), "AO": ("Luanda",), "AG": ("St. John's",), "BS": ("Nassau",),
    "BH": ("Manama",), "BB": ("Bridgetown",), "BZ": ("Belmopan",), "BJ": ("Porto-Novo", "Cotonou"), "BT": ("Thimphu",),
    "BA": ("Sarajevo",), "BW": ("Gaborone",), "BN": ("Bandar Seri Begawan",), "BF": ("Ouagadougou",), "BI": ("Gitega",),
    "CV": ("Praia",), "KH": ("Phnom Penh",), "CM": ("Yaounde", "Yaoundé"), "CF": ("Bangui",), "TD": ("N'Djamena",),
    "KM": ("Moroni",), "CG": ("Brazzaville",), "CD": ("Kinshasa",), "CI": ("Yamoussoukro", "Abidjan"), "HR": ("Zagreb",),
    "CY": ("Nicosia",), "DM": ("Roseau",), "TL": ("Dili",), "GQ": ("Malabo",), "ER": ("Asmara",),
    "EE": ("Tallinn",), "SZ": ("Mbabane",), "ET": ("Addis Ababa",), "FJ": ("Suva",), "GA": ("Libreville",), "GM": ("Banjul",),
    "GH": ("Accra",), "GD": ("St. George's",), "GN": ("Conakry",), "GW": ("Bissau",),     "HT": ("Port-au-Prince",), "IS": ("Reykjavik",), "KZ": ("Astana",), "KI": ("Tarawa",),
    "KW": ("Kuwait City",), "KG": ("Bishkek",), "LA": ("Vientiane",), "LV": ("Riga",), "LS": ("Maseru",), "LR": ("Monrovia",),
    "LI": ("Vaduz",), "LT": ("Vilnius",), "MG": ("Antananarivo",), "MW": ("Lilongwe",),
    "MY": ("Kuala Lumpur",), "ML": ("Bamako",), "MT": ("Valletta",), "MH": ("Majuro",),
    "MV": ("Malé", "Male"),  # (capitalised only: "Male" the word is lower-case)
    "MR": ("Nouakchott",), "MU": ("Port Louis",), "FM": ("Palikir",), "MD": ("Chisinau",),     "MN": ("Ulaanbaatar", "Ulan Bator"), "ME": ("Podgorica",), "MZ": ("Maputo",), "MM": ("Naypyidaw", "Naypyitaw"),
    "NA": ("Windhoek",), "NR": ("Yaren",), "NP": ("Kathmandu",), "NE": ("Niamey",), "MK": ("Skopje",), "OM": ("Muscat",),
    "PW": ("Ngerulmud",), "PS": ("Ramallah",), "PG": ("Port Moresby",), "RW": ("Kigali",), "KN": ("Basseterre",),
    "LC": ("Castries",), "VC": ("Kingstown",), "WS": ("Apia",), "ST": ("Sao Tome", "São Tomé"),
    "SN": ("Dakar",), "SL": ("Freetown",), "SK": ("Bratislava",),
    "SI": ("Ljubljana",), "SB": ("Honiara",), "SO": ("Mogadishu",), "SS": ("Juba",), "LK": ("Colombo",), "SD": ("Khartoum",),
    "SR": ("Paramaribo",), "TJ": ("Dushanbe",), "TZ": ("Dodoma", "Dar es Salaam"), "TG": ("Lome", "Lomé"),
    "TO": ("Nuku'alofa",), "TT": ("Port of Spain",), "TN": ("Tunis",), "TM": ("Ashgabat",), "TV": ("Funafuti",),
    "UG": ("Kampala",), "UZ": ("Tashkent",), "VU": ("Port Vila",), "YE": ("Sanaa", "Sana'a"), "ZM": ("Lusaka",),
    "XK": ("Pristina", "Prishtina"),
}

#: a capital → its state's ISO code, today
CAPITAL_CODE = {form: code for code, forms in CAPITALS.items() for form in forms}

#: other names the press uses for a state (common short names pycountry lacks, nicknames)
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "the United States", "the U.S.", "US", "USA"),
    "GB": ("Britain", "the United Kingdom", "the UK", "Great Britain", "UK"),
    "RU": ("Russia",), "KR": ("South Korea",), "KP": ("North Korea",), "IR": ("Iran", "the Islamic Republic"), "SY": ("Syria",),
    "VE": ("Venezuela",), "BO": ("Bolivia",), "TW": ("Taiwan",), "VN": ("Vietnam",), "MD": ("Moldova",),
    "TZ": ("Tanzania",), "LA": ("Laos",), "CZ": ("Czech Republic", "Czechia"), "VA": ("the Holy See", "Vatican"),
    "MX": ("the Aztec nation",), "NL": ("the Netherlands",), "PS": ("Palestine",),
    "CD": ("DR Congo", "Democratic Republic of Congo", "the Democratic Republic of Congo", "Democratic Republic of the Congo",
           "the Democratic Republic of the Congo", "DRC"),
    "CN": ("the People's Republic of China", "the People's Republic", "mainland China"), "TR": ("Turkey",), "CI": ("Ivory Coast",), "BN": ("Brunei",), "CV": ("Cape Verde",), "SZ": ("Swaziland",),
    "MM": ("Burma",), "MK": ("Macedonia",), "TL": ("East Timor",), "FM": ("Micronesia",),
    "AE": ("UAE", "the UAE", "the U.A.E.", "the Emirates"),
}

#: a short name two states share, each state with the words that name it alone: the article's own
#: words decide which one it means ("Congo" in a story of Kinshasa is the Democratic Republic), the
#: first state where they do not
SHARED_SHORT_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "Congo": (("CG", r"\bBrazzaville\b|(?<!Democratic )\bRepublic of (?:the )?Congo\b"),
              ("CD", r"\bKinshasa\b|\bDRC\b|\bDR Congo\b|\bDemocratic Republic of (?:the )?Congo\b|\bZaire\b")),
}


#: common first names by gender, to keep "she" from resolving to a man (a heuristic, not a claim)
FEMALE_NAMES = frozenset("""
ana betssy dina claudia alicia isabella herminia maria maría carmen rosa lucia lucía cristina cristina fernanda
michelle dilma keiko susana patricia laura marta elena teresa isabel juana sofia sofía gabriela veronica verónica
mercedes violeta xiomara delcy raquel marine angela hillary kamala theresa liz jacinda sanna ursula christine
nicola giorgia sheikh hasina benazir indira golda margaret yulia svetlana natalia olga irina anna mary elizabeth
jennifer linda barbara susan jessica sarah karen nancy lisa betty sandra ashley kimberly emily donna michelle
pilar dolores montserrat nuria núria mireia meritxell laia beatriz inés ines lourdes adriana paula daniela
joana conceição graça marina luciana renata fernanda catherine marie sophie nathalie isabelle
ségolène segolène anne françoise francoise brigitte fatima fatma aisha aïcha leila layla mariam maryam zeynep
ayşe ayse emine elif ekaterina tatiana tatyana valentina lyudmila yoko yuko mariko akiko sanae
""".split())
MALE_NAMES = frozenset("""
pedro jose josé hugo andres andrés manuel luis jorge evo carlos gustavo juan nicolas nicolás rafael lenin lenín
daniel alberto alan ollanta martin martín pablo enrique felipe javier sebastian sebastián gabriel alvaro álvaro
ivan iván diego miguel fernando ricardo roberto eduardo francisco antonio rodrigo mauricio lula jair vladimir
sergei dmitry boris emmanuel olaf joe donald barack george bill justin narendra xi recep benjamin julian chen
manuel edmundo marcelo guillermo alejandro oscar óscar raul raúl jaime vicente ernesto hector héctor mario
john james robert michael william david richard joseph thomas charles christopher matthew anthony mark steven
jordi josep xavier pere lluís lluis oriol carles joão joao paulo sérgio tiago rui nuno henrique luiz
jean pierre jacques françois francois philippe nicolas laurent olivier michel alain mohammed muhammad mohamed
ahmed ahmad ali hassan hussein omar khalid abdullah abdel youssef yusuf ibrahim mustafa mehmet ahmet kaan
emre murat hakan mevlüt mevlut recep alexei alexey andrei sergey nikolai yuri igor mikhail viktor dmitri
hiroshi takeshi kenji shinzo fumio yoshihide
""".split())

#: more first names (any gender) for recognising untitled persons ("Julian Assange said")
OTHER_FIRST_NAMES = frozenset("""
julian lenin rafael edmundo nicolas nicolás juan delcy maria maría corina magalli leopoldo henrique henrique
manuel roberto porfirio romeo celso micheletti dilma luiz inacio inácio jair fernando mauricio javier alberto
cristina sergio gabriel gabriela mariano patricia diana hugo evo luis arce jeanine carlos lucas felipe
gustavo ivan iván andres andrés alvaro álvaro juan pablo santiago francia marta marcelo ebrard marcelo
narendra justin melanie mélanie stephen chrystia pavan hardeep subrahmanyam jaishankar arindam
daniel rosario violeta anastasio humberto ernesto sandino bianca sofia camila valentina isabel isabella
vladimir sergey sergei dmitry alexei alexander boris xi wang li kim moon shinzo fumio recep tayyip
emmanuel olaf angela ursula josep charles boris rishi keir theresa david donald mike antony kamala joe
barack hillary george condoleezza mark jens volodymyr petro andrzej viktor giorgia pedro josé jose
abdel mohammed muhammad ahmed ali hassan hosni bashar benjamin naftali yair mahmoud ismail
assange snowden chen guangcheng pope francis manuel antonio guillermo victor víctor raul raúl
""".split())


#: buildings and places that stand for a state's government (ISO code): metonymy in the press; with the
#: body a seat houses where it speaks as that body (the foreign ministry, or an office of its own name:
#: "the Itamaraty said", "the White House said"; body_speakers.py), None where it speaks as its state
#: ("the Kremlin said")
SEATS = {
    "Itamaraty": ("BR", "foreign ministry"), "Planalto": ("BR", None), "Quai d'Orsay": ("FR", "foreign ministry"),
    "Élysée": ("FR", None), "Elysée": ("FR", None), "Elysee": ("FR", None), "Kremlin": ("RU", None),
    "White House": ("US", "White House"), "State Department": ("US", "foreign ministry"),
    "Foggy Bottom": ("US", "foreign ministry"), "Pentagon": ("US", None), "Downing Street": ("GB", None),
    "Whitehall": ("GB", None), "Casa Rosada": ("AR", None), "Palacio San Martín": ("AR", "foreign ministry"),
    "Miraflores": ("VE", None), "Zhongnanhai": ("CN", None), "Farnesina": ("IT", "foreign ministry"),
    "Palacio de Carondelet": ("EC", None), "Carondelet": ("EC", None), "Palacio Quemado": ("BO", None),
    "Casa de Nariño": ("CO", None), "Palacio de Torre Tagle": ("PE", "foreign ministry"),
    "Torre Tagle": ("PE", "foreign ministry"), "Blue House": ("KR", None), "Bundeskanzleramt": ("DE", None),
    "Auswärtiges Amt": ("DE", "foreign ministry"), "Moncloa": ("ES", None), "Santa Sede": ("VA", None),
    "Holy See": ("VA", None), "Palacio Nacional": ("MX", None), "Los Pinos": ("MX", None), "La Moneda": ("CL", None),
    "Knesset": ("IL", None), "Tel Aviv": ("IL", None),
    # (Tel Aviv: where most embassies to Israel sit: the press names the government by it)
}
SEATS_OF_GOVERNMENT = {seat: state for seat, (state, _) in SEATS.items()}
SEAT_BODIES = {seat: body for seat, (_, body) in SEATS.items() if body}

#: security and intelligence organs the press names by their own name, plural or acronym included, with no state word
#: ("the Revolutionary Guards arrested her", "the FSB detained him"): they act for their state as a
#: seat does.  Only bodies known to be a state's organs: a name merely ending in "Guards" ("Red
#: Guards", a movement) is none
SECURITY_ORGANS = {
    "Revolutionary Guards": "IR", "Revolutionary Guard": "IR", "Islamic Revolutionary Guard Corps": "IR", "IRGC": "IR",
    "Basij": "IR", "FSB": "RU", "Federal Security Service": "RU", "SVR": "RU", "GRU": "RU", "Rosgvardia": "RU",
    "Mossad": "IL", "Shin Bet": "IL", "Shabak": "IL",
}


#: the full names of some states' foreign ministries, besides "Ministry of Foreign Affairs of X": a
#: ministry named either way is the same body (aliases of the minted organ, and so its surfaces:
#: no short form another state's ministry shares, such as "Foreign Office")
FOREIGN_MINISTRY_NAMES = {
    "US": ("United States Department of State", "US Department of State", "U.S. Department of State"),
    "IN": ("Ministry of External Affairs of India", "India's Ministry of External Affairs"),
    "GB": ("Foreign, Commonwealth and Development Office", "Foreign and Commonwealth Office", "Britain's Foreign Office",
           "British Foreign Office"),
    "DE": ("Federal Foreign Office",),
}
#: organs whose name alone says whose they are: surface -> (state code, organ word of gazetteer.ORGANS)
NAMED_ORGANS = {
    "State Department": ("US", "state department"), "Department of State": ("US", "state department"),
    "Federal Foreign Office": ("DE", "foreign ministry"), "Foreign and Commonwealth Office": ("GB", "foreign ministry"),
}


# -- facts with validity dates (world_history.yaml) ---------------------------------------------------

HISTORY_FILE = Path(__file__).with_name("world_history.yaml")


@dataclass(frozen=True)
class Period:
    """A fact holding from ``start`` (inclusive) until ``end`` (exclusive), ISO dates of any precision."""
    state: str | None
    start: str | None = None
    end: str | None = None

    def holds(self, when: str) -> bool:
        """Whether the fact holds at some time of ``when`` (an ISO date of any precision: '1956',
        '1991-12', '1991-12-30'): a year in which a state ended still saw it."""
        n = len(when)
        if self.start is not None and self.start[:n] > when:
            return False
        if self.end is None or when < self.end[:n]:
            return True
        # ``when`` holds the end: the fact held in part of it, unless it ended on its very first day
        return when == self.end[:n] and self.end[n:] not in ("", "-01", "-01-01")


@dataclass(frozen=True)
class HistoricalState:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    period: Period


def _iso(value) -> str | None:
    return None if value is None else str(value)


def _load_history(path: Path) -> tuple[dict[str, HistoricalState], dict[str, tuple[Period, ...]], dict[str, tuple[str, ...]]]:
    """The file's states, places and demonyms; a malformed entry says where and what to fix."""
    with path.open(encoding="utf-8") as handle:
        data = YAML(typ="safe").load(handle) or {}
    states: dict[str, HistoricalState] = {}
    for code, item in (data.get("states") or {}).items():
        if not isinstance(item, dict) or not item.get("name"):
            raise ValueError(f"{path}: state {code}: needs a name (see the comment at the top of the file)")
        states[code] = HistoricalState(code, item["name"], tuple(item.get("aliases") or ()), tuple(item.get("demonyms") or ()),
                                       Period(code, _iso(item.get("from")), _iso(item.get("until"))))
    places: dict[str, tuple[Period, ...]] = {}
    for place, periods in (data.get("places") or {}).items():
        if not isinstance(periods, list) or any(not isinstance(p, dict) or "state" not in p for p in periods):
            raise ValueError(f"{path}: place {place}: a list of {{state, from, until}} is wanted (see the top of the file)")
        places[place] = tuple(Period(p["state"], _iso(p.get("from")), _iso(p.get("until"))) for p in periods)
    demonyms = {code: tuple(forms) for code, forms in (data.get("demonyms") or {}).items()}
    return states, places, demonyms


HISTORICAL_STATES, PLACES_IN_TIME, DEMONYMS_OF_A_PERIOD = _load_history(HISTORY_FILE)


def state_at(place: str, when: str | None, today: str | None) -> str | None:
    """The ISO code of the state a capital or seat of government stood for at ``when`` (an ISO date
    of any precision; None: today's).  ``today`` is the state it stands for now (None: a city)."""
    if when:
        for period in PLACES_IN_TIME.get(place, ()):
            if period.holds(when):
                return period.state
    return today
