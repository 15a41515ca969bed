"""The titles that introduce a person's name ("President X", "Foreign Minister X", "Commodore X"), with the
post each names, and the ranks that title a name only capitalised: what the gazetteer's title patterns and
the name finders read."""

#: titles that introduce a person's name, and the post they name (role words)
TITLES = {
    "president": "President", "interim president": "President", "vice president": "Vice President",
    "prime minister": "Prime Minister", "foreign minister": "Minister of Foreign Affairs",
    "foreign affairs minister": "Minister of Foreign Affairs", "minister of foreign affairs": "Minister of Foreign Affairs",
    "interior minister": "Minister of the Interior", "defense minister": "Minister of Defense",
    "defence minister": "Minister of Defense", "justice minister": "Minister of Justice", "minister": None,
    "ambassador": "Ambassador", "secretary general": "Secretary General", "secretary-general": "Secretary General",
    "chancellor": "Chancellor", "senator": None, "lawmaker": None, "congressman": None, "congresswoman": None,
    "judge": None, "prosecutor": None, "attorney general": "Attorney General", "lawyer": None, "attorney": None,
    "journalist": None, "spokesperson": None, "spokesman": None, "spokeswoman": None, "leader": None,
    "opposition leader": None, "activist": None, "dissident": None, "general": None, "king": "King", "queen": "Queen",
    "chargé d'affaires": "Chargé d'affaires", "envoy": None, "dr.": None, "professor": None, "analyst": None,
    "expert": None, "consul": None, "senior official": None, "official": None, "mayor": None, "governor": None,
    "cardinal": None, "archbishop": None, "bishop": None, "pope": None, "priest": None,
    # clerical styles before a name ("the Reverend X", "Rev. X", "Pastor X"): no part of the name
    "reverend": None, "rev.": None, "pastor": None,
    "foreign secretary": "Minister of Foreign Affairs", "secretary of state": "Minister of Foreign Affairs",
    "home secretary": "Minister of the Interior", "premier": "Prime Minister", "emir": None, "sheikh": None,
    "prince": None, "crown prince": None, "colonel": None, "admiral": None,
    "taoiseach": "Prime Minister", "chief of staff": None, "press secretary": None, "high commissioner": None,
    "nuncio": None, "apostolic nuncio": None, "adviser": None, "advisor": None, "aide": None, "deputy foreign minister": None,
    # titles of other governments and armies ("State Counsellor X", "Senior General X", "Supreme Leader X")
    "state counsellor": None, "senior general": None, "field marshal": None, "marshal": None,
    "army chief": None, "junta leader": None, "junta chief": None, "supreme leader": None, "ayatollah": None,
    "grand ayatollah": None, "sultan": None, "president-elect": None, "deputy prime minister": None,
    # military ranks before a name ("Commodore X gave the envoys 24 hours"; "major" and "captain"
    # left out: common words)
    "commodore": None, "brigadier": None, "brigadier general": None, "major general": None,
    "lieutenant general": None, "lieutenant colonel": None, "rear admiral": None, "vice admiral": None,
    "air marshal": None,
    # ranks of two words, whose second is a rank or office alone ("Flight Lieutenant X", "Wing Commander X"):
    # the whole rank titles the name, else its first word is read as the name's first
    "flight lieutenant": None, "wing commander": None, "squadron leader": None, "group captain": None,
    "air commodore": None, "air vice marshal": None, "air chief marshal": None, "lieutenant commander": None,
    "staff sergeant": None, "master sergeant": None, "sergeant major": None, "warrant officer": None,
    "second lieutenant": None, "first lieutenant": None,
}
#: ranks that title a name only capitalised ("Major Ana Ruiz", "Captain X"; "a major power", "the
#: ship's captain" are common words): the name after them is a person's, the rank no part of it
CAPITALISED_RANKS = frozenset({"Major", "Maj.", "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.",
                               "Corporal", "Cpl."})
