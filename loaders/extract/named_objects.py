"""Repairs of a clause's named object the small pipeline's parse lost: the name hung elsewhere than on the
verb or its object ("sentenced opposition politician Ana Ruiz to ...", "sentenced a retired teacher, Ana
Ruiz, to death", "charged the Canadians Ana Ruiz and Luis Vega", "dismissed the chief of the armed
forces, General X, who ..."), a verb made an adjective on its object's title ("on Monday sentenced
deposed leader Ana Ruiz"), or a name made a compound of the thing given ("granted Gruevski refugee
status").  repairs.repair_token tries each on the tokens its tags allow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree

if TYPE_CHECKING:
    from spacy.tokens import Token


def object_apposition_on_subject(token: Token) -> bool:
    """'Zelaya dismissed the chief of the armed forces, General X, who ...': the name in commas right
    after the verb's object the parser hung on the clause's subject; it is the object's apposition."""
    if token.pos_ != "PROPN":
        return False
    if token.dep_ == "appos" and token.head.dep_ in tree.SUBJECTS:
        verb = token.head.head
    elif token.dep_ == "nsubj" and token.head.i < token.i and any(
            c.dep_ in tree.SUBJECTS and c.i < token.head.i for c in token.head.children):
        verb = token.head  # (or made a second subject of the verb, after it)
    else:
        return False
    if verb.pos_ != "VERB" or token.i < verb.i or token.left_edge.i < 1:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < token.i]
    comma = token.doc[token.left_edge.i - 1]
    if len(objects) != 1 or comma.text != "," or objects[0].right_edge.i + 1 != comma.i:
        return False
    token.head, token.dep_ = objects[0], "appos"
    return True


def verb_made_modifier(token: Token) -> bool:
    """'A court in Myanmar on Monday sentenced deposed leader Ana Ruiz to ...': a verb with its own subject
    the parser hung as an adjective on its object's title, the object's name made the root; the verb heads
    the clause again, the name its object."""
    if token.pos_ != "VERB" or token.dep_ != "amod" or not any(c.dep_ == "nsubj" and c.i < token.i for c in token.children):
        return False
    name = token.head
    while name.dep_ in ("compound", "amod") and name.head.i > name.i:
        name = name.head
    if name.i < token.i or name.pos_ not in ("PROPN", "NOUN") or any(c.dep_ in tree.SUBJECTS for c in name.children):
        return False
    token.head, token.dep_ = (token, "ROOT") if name.dep_ == "ROOT" else (name.head, name.dep_)
    name.head, name.dep_ = token, "dobj"
    return True


#: what a name keeps when it is made the object again: its list, apposition and their commas
NAME_OWN_DEPS = frozenset({"conj", "cc", "appos", "punct"})


def name_split_from_title(token: Token) -> bool:
    """'sentenced opposition politician Ana Ruiz to ...': the title made the verb's object and the name
    after it hung elsewhere (a clause of its own); the name is the object again, the title on it."""
    if token.pos_ != "VERB":
        return False
    for title in [c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i > token.i]:
        run = []
        for t in token.doc[title.i + 1:]:
            if t.pos_ != "PROPN" and not (t.text == "-" and run):
                break
            run.append(t)
        while run and run[-1].pos_ != "PROPN":
            run.pop()
        tops = [t for t in run if t.head not in run]
        if not run or run[-1].ent_type_ != "PERSON" or len(tops) != 1 or tops[0].dep_ in ("nsubj", "nsubjpass", "compound", "appos") \
                or title in tops[0].subtree or title.head in run:
            continue  # ("told reporters Ana Ruiz had left": the name subject of a clause of its own)
        name = run[-1]
        # (the name's own list and apposition stay on it: "the opposition leaders A, B and C")
        outside = [c for t in run for c in t.children if c not in run and c.i > name.i
                   and c.dep_ not in NAME_OWN_DEPS]
        name.head, name.dep_ = token, "dobj"
        for t in run[:-1]:
            t.head, t.dep_ = name, "compound" if t.pos_ == "PROPN" else "punct"
        title.head, title.dep_ = name, "compound"
        for c in outside:
            c.head = token  # "to eight years in a penal colony": the verb's
        return True
    return False


def name_after_object(token: Token) -> bool:
    """'sentenced a retired teacher, Ana Ruiz, to death': the name between commas after the object the
    parser hung on the verb; it is the object's apposition."""
    if token.pos_ != "PROPN" or token.ent_type_ != "PERSON" or token.dep_ not in ("npadvmod", "advcl", "dobj", "dep", "conj") \
            or token.head.pos_ != "VERB" or token.left_edge.i < 2 or token.right_edge.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.left_edge.i - 1], token.doc[token.right_edge.i + 1]
    obj = token.doc[token.left_edge.i - 2]
    if before.text != "," or after.text not in (",", ".") or obj.dep_ != "dobj" or obj.head != token.head or obj.pos_ != "NOUN":
        return False
    token.head, token.dep_ = obj, "appos"
    return True


def title_made_object(token: Token) -> bool:
    """'charged the Canadians Ana Ruiz and Luis Vega with spying': a plural title before the names made
    a first object of its own; the names are the object, the title on them."""
    if token.pos_ != "VERB":
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if len(objects) != 2 or objects[1].pos_ != "PROPN" or objects[0].pos_ not in ("NOUN", "PROPN") \
            or objects[0].right_edge.i + 1 != objects[1].left_edge.i or objects[0].ent_type_ == "PERSON" \
            or objects[1].ent_type_ != "PERSON" or not objects[0].tag_.endswith("S"):
        return False
    objects[0].head, objects[0].dep_ = objects[1], "compound"
    return True


def name_made_compound_of_gift(token: Token) -> bool:
    """'Hungary granted Gruevski refugee status', 'granted Nikola Gruevski asylum': the parser made the
    name right after a giving verb a compound of the thing given; the name is the verb's dative."""
    if token.lemma_.lower() not in tree.GIVING_LEMMAS or tree.children(token, ("dative", "iobj")):
        return False
    objects = tree.children(token, ("dobj",))
    if len(objects) != 1 or objects[0].pos_ != "NOUN" or objects[0].left_edge.i != token.i + 1:
        return False
    given, doc = objects[0], token.doc
    end = token.i + 1
    while end < given.i and doc[end].pos_ == "PROPN" and doc[end].dep_ in ("compound", "nmod"):
        end += 1
    name = doc[end - 1]
    if end == token.i + 1 or end - token.i - 1 > 4 or doc[end].pos_ not in ("NOUN", "ADJ") \
            or any(doc[i].head.i >= end and doc[i].head.i != given.i for i in range(token.i + 1, end - 1)) \
            or name.head.i < end:
        return False   # (the name's words hang on one another and the name on the object's words)
    for i in range(token.i + 1, end - 1):
        doc[i].head, doc[i].dep_ = name, "compound"
    name.head, name.dep_ = token, "dative"
    return True
