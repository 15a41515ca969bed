"""'both officers', 'the two men', 'the pair': persons named together a few sentences before (and
"Police detained five activists. Among them was X": the members the next sentence names, ``members_named_after``).

A definite plural of a person noun with its count ("both", "the two", "those three"), or a noun that
is a count ("the pair"), stands for the last list of that many persons the article named within
``LOOK_BACK`` sentences ("The other two, Major X and Captain Y, were captured. ... In December a
court sentenced both officers to death": one sentence per officer).  Nothing is guessed: no list
of that size in reach, no one.  The nouns are language data (``coref.yaml``: person_groups,
person_collectives); states counted the same way are ``mentions_before.MentionsBefore.group``'s.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from .coref_lexicon import (
    EVENT_PLURALS,
    GROUP_DETERMINERS,
    GROUP_NAMING_VERBS,
    NUMBER_WORDS,
    PERSON_COLLECTIVES,
    PERSON_GROUP_NOUNS,
    TIME_PLURALS,
    group_size,
)
from .doc_index import line_start
from .spouse_pairs import spouses_told
from .tree import SUBJECTS, fan_out, name_head, named_member, sent_start_before

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions

#: how many sentences back the list may be (a paragraph or two: longer than a pronoun's reach)
LOOK_BACK = 6


def counted_persons(index: TokenMentions, noun: Token, kind: str, memo: dict | None = None) -> list[tuple[str, Mention]]:
    """The persons a counted plural stands for, as (entity id, mention), or [] (see the module).
    ``memo``: the groups already read in this look-back (``_groups_back``)."""
    if kind != "person" or _named_itself(index, noun):
        return []
    words = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "nummod", "amod")]
    collective = PERSON_COLLECTIVES.get(noun.lower_)
    if _bare_count(noun, words):
        size = _number_of(noun)
    else:
        if not GROUP_DETERMINERS & set(words):
            return []
        if collective is None and (noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() not in PERSON_GROUP_NOUNS):
            return []
        size = group_size(words, collective, NUMBER_WORDS)
    first = sent_start_before(noun, LOOK_BACK)
    memo = {} if memo is None else memo
    if size is None:
        # "the men": too vague to stand for a list, unless the last one told was itself a group already
        # read ("Four men were jailed. X ... Y ... The four had been arrested ... The men were charged")
        for head, listed in _groups_back(index, noun, first, memo):
            if len(listed) >= 2:
                return listed if memo.get(head.i) else []
        return []
    listed_before = False
    for _, listed in _groups_back(index, noun, first, memo):
        if len(listed) >= 2:
            if len(listed) == size:
                return listed
            # a list of another size is not these; the count reaches past it to the last list of its
            # size ("X, Y and Z were sentenced ... X and Y had been detained ... charged the three")
            listed_before = True
    # (a spouse beside a person only where no list was told: "X, his wife, Y, and their son, Z ... the couple": which two, untold)
    return _named_since_counted(index, noun, size, first) or _subjects_told_before(index, noun, size) \
        or (spouses_told(index, noun, first) if collective == 2 and not listed_before else [])


#: the recogniser's labels a person's name may carry in a small pipeline ("Felix Abitbol": ORG)
NAME_LABELS = frozenset({"PERSON", "ORG", ""})


def _named_since_counted(index: TokenMentions, noun: Token, size: int, first: int) -> list[tuple[str, Mention]]:
    """'Four men were jailed on Monday. X got ten years; the judge jailed Y, and Z and W for six. The
    four had been arrested in May': a group introduced by its count ("four men", no determiner), its
    members named one by one after it; exactly that many persons named between the introduction and
    the reference are the group (any other number: no one).  The introduction's own sentence is left
    out: the names it tells are of what the group did or where ("four men who seized X were jailed")."""
    for i in range(noun.i - 1, first - 1, -1):
        intro = noun.doc[i]
        if intro.tag_ == "NNS" and intro.lemma_.lower() in PERSON_GROUP_NOUNS and not any(
                c.lower_ in GROUP_DETERMINERS for c in intro.children) and group_size(
                [c.lower_ for c in intro.children if c.dep_ == "nummod"], None, NUMBER_WORDS) == size:
            break
    else:
        return []
    named: dict[str, Mention] = {}
    for token in noun.doc[intro.sent.end:noun.i]:   # (after the introduction's sentence: "four men who freed X were jailed at Y")
        mention = index.at(token)
        if mention is not None and mention.type == "Person" and mention.kind != "pronoun":
            named.setdefault(mention.entity, mention)
        elif mention is None and token.pos_ == "PROPN" and token.dep_ not in ("compound", "flat") \
                and token.ent_type_ in NAME_LABELS and index.person_named is not None:
            for entity, minted in index.person_named(token)[:1]:   # a name no role has read yet (the minter tells a person's)
                named.setdefault(entity, minted)
    return list(named.items()) if len(named) == size else []


#: the subject roles of a sentence's main verb, whose persons are what the story is about at that point
SUBJECT_ROLES = SUBJECTS


def _subjects_told_before(index: TokenMentions, noun: Token, size: int, since: int = 0) -> list[tuple[str, Mention]]:
    """'X surrendered in the evening. President Y was detained the same night. Both men were flown out':
    persons told one by one, each the subject of its own sentence, in the sentences right before the
    group (the persons the story was just about): the whole run of such sentences (up to ``LOOK_BACK``)
    must name exactly that many distinct persons, else no one ("X surrendered. Crowds filled the
    square. Both men ...": one person in the run; three persons in turn: which two is not told)."""
    persons: dict[str, Mention] = {}
    start = noun.sent.start
    for _ in range(LOOK_BACK):
        if start == 0:
            break
        sentence = noun.doc[start - 1].sent
        start = sentence.start
        if sentence.root.i < since:   # (``since``: the first token the run may reach back to)
            break
        mention = _person_subject(index, sentence.root)
        if mention is None:
            break
        persons.setdefault(mention.entity, mention)
    return list(persons.items()) if len(persons) == size else []


def _person_subject(index: TokenMentions, verb: Token) -> Mention | None:
    """The person a main verb's subject names, itself or by the name set beside it ("The foreign
    minister, X, hid ..."), or None."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_ROLES), None)
    if subject is None:
        return None
    for token in (subject, *(c for c in subject.children if c.dep_ == "appos")):
        mention = index.at(token)
        if mention is not None and mention.type == "Person":
            return mention
    return None


#: determiners of a bare number that stands for a group told before ("the five", "all five", "those three")
BARE_COUNT_DETERMINERS = frozenset({"the", "all", "those", "these"})


def _bare_count(noun: Token, words: list[str]) -> bool:
    """'All five were detained', 'police led the three out': a number with a determiner and no noun, as
    a clause's argument, counts persons as "the five men" does ("five were detained": no determiner,
    a new group, no one)."""
    return noun.pos_ == "NUM" and noun.dep_ in ARGUMENTS | {"dative"} and bool(BARE_COUNT_DETERMINERS & set(words)) \
        and _number_of(noun) is not None


#: plural personal pronouns that may stand for persons named together ("charged them", "they were detained")
PLURAL_PRONOUNS = frozenset({"them", "they"})
#: how many sentences back a pronoun's list may be (a pronoun reaches less far than "the two men")
PRONOUN_LOOK_BACK = 1
#: arguments whose plural common noun, met first, is what a pronoun stands for instead ("the protesters")
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def listed_persons(index: TokenMentions, pronoun: Token, kind: str, memo: dict | None = None) -> list[tuple[str, Mention]]:
    """The persons "them"/"they" stands for where a legal act's target is asked for: the list of two or
    more persons named last, in its sentence or the one before (a bare "both", "each (of them)": the
    last list, of two for "both", within LOOK_BACK) ("named two officers, X and Y, as
    suspects. Prosecutors charged them"), unless a plural noun argument is told between ("X and Y led
    the protesters; police detained them": the protesters) or nothing was listed: then no one."""
    if kind == "person" and _distributive(pronoun) and index.at(pronoun) is None:
        first = sent_start_before(pronoun, LOOK_BACK)   # "both" reaches as far as "both officers"
        listed = next((found for _, found in _groups_back(index, pronoun, first, memo) if len(found) >= 2), None)
        if listed is None and pronoun.lower_ == "both":
            # "X was arrested in May. Y was detained in June. Both were charged": no list in reach, the two
            # persons told one by one as the subjects of the sentences right before in its paragraph, as
            # "both men" are (a bare pronoun reaches less far than a noun: not past the paragraph)
            return _subjects_told_before(index, pronoun, 2, since=line_start(pronoun))
        return listed if listed and (len(listed) == 2 or pronoun.lower_ == "each") else []
    if kind != "person" or pronoun.lower_ not in PLURAL_PRONOUNS or pronoun.tag_ != "PRP" or index.at(pronoun) is not None:
        return []
    first = sent_start_before(pronoun, PRONOUN_LOOK_BACK)
    # (a group told between stands for its list: "X and Y ... Police picked the two men up. They were charged")
    for head, listed in _groups_back(index, pronoun, first, memo):
        if len(listed) >= 2:
            return listed
        if head.tag_ in ("NNS", "NNPS") and head.dep_ in ARGUMENTS and index.at(head) is None \
                and head.lemma_.lower() not in EVENT_PLURALS | TIME_PLURALS and head.ent_type_ not in ("DATE", "TIME") \
                and not any(c.dep_ == "appos" for c in head.children) and not _clause_mate(head, pronoun) \
                and not any(c.dep_ == "poss" and c.lower_ == "their" for c in head.children):
            return []  # a plural named between: the pronoun's nearer antecedent (not "their homes": the list's own)
    return []


#: pronouns that deal an act out to each member of a list told before: "both" (of two), "each" (of any)
DISTRIBUTIVES = frozenset({"both", "each"})


def _distributive(token: Token) -> bool:
    """A bare "both" or "each" as a clause's argument, as "both officers" without its noun: "Both were
    expelled", "a court sentenced each to ten years", "sentenced each of them" (not "both X and Y",
    "both countries", "each of the embassies": only a pronoun may follow its "of")."""
    if token.lower_ not in DISTRIBUTIVES or token.dep_ not in ARGUMENTS | {"dative"} \
            or token.head.pos_ not in ("VERB", "AUX", "ADP"):
        return False
    preps = [c for c in token.children if c.dep_ == "prep"]
    return not preps or (len(preps) == 1 and preps[0].lower_ == "of" and all(
        g.lower_ in PLURAL_PRONOUNS for g in preps[0].children if g.dep_ == "pobj"))


def _clause_mate(noun: Token, pronoun: Token) -> bool:
    """'Police arrested them': the subject of the object pronoun's own clause is never what the pronoun
    stands for (an object that meant its own subject would be "themselves")."""
    return pronoun.dep_ in ("dobj", "dative", "pobj") and noun.dep_ in SUBJECTS \
        and noun.head.i == (pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head).i


#: pronouns after "among" that open a sentence naming members of the group told just before
AMONG_WHOM = frozenset({"them", "those", "these"})


def members_named_after(index: TokenMentions, noun: Token, kind: str) -> list[tuple[str, Mention]]:
    """'Police detained five opposition figures. Among them was Ana Ruiz': the persons the next
    sentence names as members of a plural person noun left unnamed (one event per person named, as the
    codebook asks; the unnamed rest are no one's)."""
    if kind != "person" or _named_itself(index, noun) or noun.tag_ != "NNS" and not _collective(noun):
        return []
    described = [c.lower_ for c in noun.children if c.dep_ == "compound"] + [noun.lemma_.lower()]
    if noun.lemma_.lower() not in PERSON_GROUP_NOUNS and " ".join(described[-2:]) not in PERSON_GROUP_NOUNS \
            and not _collective(noun):
        return []
    doc, end = noun.doc, _past_headings(noun.doc, noun.sent.end)
    if end + 2 >= len(doc):
        return []
    if doc[end].lower_ != "among" or doc[end + 1].lower_ not in AMONG_WHOM:
        # "... sentenced five ministers. The men were accused of treason. Among them were X and Y": the
        # group told again by a description or pronoun as the next sentence's subject, then its members
        after = _past_headings(doc, doc[end].sent.end)
        if after + 2 < len(doc) and doc[after].lower_ == "among" and doc[after + 1].lower_ in AMONG_WHOM \
                and _group_told_again(doc[end].sent, noun):
            return _members_among(index, doc, after)
        return _named_by_copula(index, noun, doc[end].sent.root) or _named_in_apposition(index, noun, doc[end].sent) \
            or _named_as(index, noun, doc[end].sent)
    return _members_among(index, doc, end)


def _named_itself(index: TokenMentions, noun: Token) -> bool:
    """Whether a person noun names its own actor: not "two Russian diplomats", whose mention is their
    state (a plural of envoys stands for the state that sent them, article_mentions), and whose members
    a later sentence may still name ("They are X and Y": the codebook's one event per person named)."""
    mention = index.at(noun)
    return mention is not None and not (mention.kind == "post" and mention.type == "State")


def _past_headings(doc, start: int) -> int:
    """The first token at or after ``start`` that is not in a heading (a line with no verb: "THE CHARGES")."""
    while start < len(doc):
        sentence = doc[start].sent
        if any(t.pos_ in ("VERB", "AUX") for t in sentence) or sentence.end >= len(doc):
            return start
        start = sentence.end
    return start


def _members_among(index: TokenMentions, doc, end: int) -> list[tuple[str, Mention]]:
    """The persons named by the sentence that opens at ``end`` with "Among them"."""
    root = doc[end].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "attr") and c.i > end + 1), None)
    if subject is None:
        return []
    listed = _persons_listed(index, subject)
    # "Among them were the foreign minister, X, the president of the Senate, Y, and the Speaker, Z": a
    # list of titles each with its name, which the parser chains as it likes; every person named in it
    # is a member (not a possessor: "the late president's brother, X" names X only; nor one of a clause
    # on a member: "X, whose lawyer, Y, protested")
    for token in subject.subtree:
        mention = index.at(token)
        if mention is not None and mention.type == "Person" and _listed_link(token, subject) \
                and mention.entity not in {e for e, _ in listed}:
            listed.append((mention.entity, mention))
    return listed


#: the links of a list of titled names: "the foreign minister, X, the Speaker, Y, and Z"
LIST_LINKS = frozenset({"appos", "conj", "cc", "punct"})


def _listed_link(token: Token, subject: Token) -> bool:
    """Whether ``token`` (a word of a name) is an item of the list ``subject`` heads: itself an apposition
    or conjunct, linked up to the subject by those and by "of" phrases alone (the parser hangs the items
    after "the president of the Senate, Y" on "Senate"); not a possessor ("X's brother, Y"), an "of"
    object ("the brother of X") or a name inside a description ("Y, an aide to President X")."""
    token = name_head(token)   # "Ana" of "Ana Ruiz"
    if token.i != subject.i and token.dep_ not in LIST_LINKS:
        return False
    while token.i != subject.i:
        if token.dep_ not in LIST_LINKS | {"prep", "pobj"} or token.head.i == token.i:
            return False
        token = token.head
    return True


#: plural nouns that tell any group of persons again ("five ministers ... The men were accused")
ANY_PERSONS = frozenset({"man", "woman", "accused", "defendant", "people"})
#: determiners by which a plural tells a group told before ("the men", "these diplomats"; not "both",
#: which tells a pair of its own)
TELLING_AGAIN = GROUP_DETERMINERS - {"both"}


def _told_again_by(word: Token) -> bool:
    """Whether ``word`` has a determiner that tells a group told before ("the", "these", "those")."""
    return any(d.dep_ == "det" and d.lower_ in TELLING_AGAIN for d in word.children)


def _count_of(noun: Token) -> int | None:
    """The count a plural's number word gives ("two diplomats": 2), or a collective's ("a couple": 2), or None."""
    if _collective(noun):
        return PERSON_COLLECTIVES[noun.lower_]
    return group_size([c.lower_ for c in noun.children if c.dep_ == "nummod"], None, NUMBER_WORDS)


def _collective(noun: Token) -> bool:
    """'a couple', 'a pair' (coref.yaml person_collectives): one noun for persons the next sentence may name
    ("Police detained a couple travelling on false passports. They were in fact X and Y")."""
    return noun.tag_ == "NN" and noun.lower_ in PERSON_COLLECTIVES


def _number_of(word: Token) -> int | None:
    """The number a word itself is ("two", "both": 2), or None."""
    return group_size([word.lower_], None, NUMBER_WORDS)


def _group_told_again(sentence, noun: Token) -> bool:
    """Whether a sentence's subject tells the group again: "They", "The men", "The ministers" (after
    "five ministers"; not "The leaders")."""
    subject = next((c for c in sentence.root.children if c.dep_ in SUBJECTS), None)
    return subject is not None and (subject.lower_ == "they" or subject.tag_ == "NNS" and (
        subject.lemma_.lower() in ANY_PERSONS or subject.lemma_.lower() == noun.lemma_.lower())
        and _told_again_by(subject))


#: the verbs of a sentence that names a group's members: "They are X and Y", "The three include X"
NAMING_VERBS = frozenset({"be", "include"})
#: pronouns that open such a sentence for the group told just before
GROUP_PRONOUNS = frozenset({"they", "these", "those"})


def _named_by_copula(index: TokenMentions, noun: Token, root: Token) -> list[tuple[str, Mention]]:
    """'Kenya declared three UN officials persona non grata. They are X, Y and Z' ("The three are",
    "The officials include"): the persons the next sentence names, as its first words, as the group;
    all of them where "are" gives the count, which must then be the group's."""
    if root.lemma_.lower() not in NAMING_VERBS or root.i - root.sent.start > 3:
        return []
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subject is None or subject.i != root.i - 1 or not (
            subject.lower_ in GROUP_PRONOUNS or (subject.lemma_.lower() == noun.lemma_.lower() or subject.pos_ == "NUM")
            and any(d.dep_ == "det" and d.lower_ == "the" for d in subject.children)):
        return []
    named = next((c for c in root.children if c.dep_ in ("attr", "dobj") and c.i > root.i), None)
    if named is None or named.pos_ != "PROPN":
        return []
    listed = _persons_listed(index, named)
    size = _count_of(noun)
    if root.lemma_.lower() == "be" and size is not None and size != len(listed):
        return []   # ("three officials ... They are X and Y": not the same group)
    if subject.pos_ == "NUM" and _number_of(subject) != size:
        return []   # ("three officials ... The two are X and Y")
    return listed


def _named_in_apposition(index: TokenMentions, noun: Token, sentence) -> list[tuple[str, Mention]]:
    """'Estonia declared two diplomats persona non grata. The diplomats, X and Y, must leave within a
    week' ("The two, X and Y,"): the next sentence's subject, its first words, tells the group again
    and names its members in an apposition; as many as the group's count, when one is told."""
    subject = next((c for c in sentence.root.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i - sentence.start > 3:
        return []
    size = _count_of(noun)
    counted = subject.pos_ == "NUM" and _told_again_by(subject) \
        and size is not None and _number_of(subject) == size
    if not counted and not _group_told_again(sentence, noun):
        return []
    named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    listed = _persons_listed(index, named) if named is not None else []
    return listed if len(listed) >= 2 and (size is None or size == len(listed)) else []


def _named_as(index: TokenMentions, noun: Token, sentence) -> list[tuple[str, Mention]]:
    """'Estonia declared two diplomats persona non grata. The ministry named them as X and Y' ("They were
    identified as", "The two men, named by the ministry as X and Y, ..."): a naming verb of the next
    sentence whose object (or passive subject, or the noun its participle describes) tells the group
    again, and the persons its "as" names; as many as the group's count, when one is told."""
    size = _count_of(noun)
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in GROUP_NAMING_VERBS:
            continue
        groups = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        group = next((g for g in groups if _tells_group(g, noun, size)), None)
        if group is None:
            continue
        # (the parser hangs "as" on the verb, or on the object it follows: "identified the two men as X and Y")
        named = next((o for p in (*verb.children, *group.children) if p.dep_ == "prep" and p.lower_ == "as"
                      for o in p.children if o.dep_ == "pobj"), None)
        listed = _persons_listed(index, named) if named is not None else []
        if len(listed) >= 2 and (size is None or size == len(listed)):
            return listed
    return []


def _tells_group(word: Token, noun: Token, size: int | None) -> bool:
    """Whether a word tells a group again: "them", "they", "the diplomats", "the two men", "the two"."""
    if word.lower_ in PLURAL_PRONOUNS:
        return True
    the = _told_again_by(word)
    if word.pos_ == "NUM":
        return the and size is not None and _number_of(word) == size
    count = _count_of(word)
    return the and word.tag_ == "NNS" and (word.lemma_.lower() in ANY_PERSONS or word.lemma_.lower() == noun.lemma_.lower()) \
        and (count is None or count == size)


def _persons_listed(index: TokenMentions, head: Token) -> list[tuple[str, Mention]]:
    """The distinct persons a list fans out to from its first member (one entry per person)."""
    listed: list[tuple[str, Mention]] = []
    for member in (*fan_out(head), *_relatives_in_apposition(head)):
        mention = index.at(member)
        if mention is not None and mention.type == "Person" and mention.entity not in {e for e, _ in listed}:
            listed.append((mention.entity, mention))
    return listed


def _relatives_in_apposition(head: Token):
    """'Kim, his wife Lee, their daughter Mi and his brother Jin': the relatives the parser hung on the
    first name as appositions (a noun with a possessive pronoun, then its name), each a person of the
    list; an apposition without one ("Kim, a lawyer,", "the consul, Kim") is the same person."""
    if head.pos_ != "PROPN":
        return
    stack = deque(c for c in head.children if c.dep_ == "appos")
    while stack:
        member = stack.popleft()
        if member.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in member.children):
            continue
        name = named_member(member)
        yield name
        stack.extend(c for node in ((member,) if name == member else (member, name)) for c in node.children if c.dep_ in ("appos", "conj") and c.i > node.i)


def _in_relatives_list(appos: Token) -> bool:
    """An apposition inside a list of relatives (met from the list's first name, not on its own)."""
    node = appos
    while node.dep_ in ("appos", "conj") and node.head.i != node.i:
        node = node.head
        if node.pos_ == "PROPN" and node.dep_ not in ("appos", "conj"):
            return any(True for _ in _relatives_in_apposition(node))
    return False


def _list_member(appos: Token) -> bool:
    """'Ana Lima, Jorge Paz and Rosa Vidal', parsed with "Paz" an apposition of "Lima" and "Vidal" its
    conjunct: a later member of the list its head opens (met from the first name, with all three), not
    a list of its own."""
    head = appos.head
    return head.i < appos.i and head.pos_ == "PROPN" and any(t.i == appos.i for t in fan_out(head))


def _lists_back(index: TokenMentions, token: Token, first: int):
    """From the word before ``token`` back to ``first``: each word that may open a list (not a later
    member, met from its first), with the persons it fans out to."""
    for i in range(token.i - 1, first - 1, -1):
        head = token.doc[i]
        if head.dep_ != "conj" and not (head.dep_ == "appos" and (_in_relatives_list(head) or _list_member(head))):
            yield head, _persons_listed(index, head)


def _groups_back(index: TokenMentions, token: Token, first: int, memo: dict | None = None):
    """``_lists_back``, where a group told on the way stands for its list: a counted plural or a
    "both"/"each" that names the list told before it ("X and Y were detained. Both were charged. ...
    In May the two officers pleaded guilty; the court sentenced each": X and Y).  Each step reaches
    back from an earlier word, so the chain ends; each group is read once per look-back (``memo``: a
    chain of counted groups would otherwise reread every group before it, doubling with each one)."""
    memo = {} if memo is None else memo
    for head, listed in _lists_back(index, token, first):
        if len(listed) < 2 and head.pos_ in ("NOUN", "PRON", "DET", "NUM") and index.at(head) is None:
            if head.i not in memo:
                memo[head.i] = counted_persons(index, head, "person", memo) or (
                    listed_persons(index, head, "person", memo) if head.lower_ in DISTRIBUTIVES | PLURAL_PRONOUNS else [])
            listed = memo[head.i] or listed
        yield head, listed
