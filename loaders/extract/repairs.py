"""Repairs of the small pipeline's parse where it loses a clause's verb or object, each a pattern
of its own with the words that show it (repair_parse runs them once per article, before the
frames): "A court in X on Monday sentenced activist Y to ...", "sentenced opposition politician Y",
"A Minsk court sentences Y", "charged the Canadians X and Y", "sentenced a retired teacher, Y, to death"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    among_them,
    fronted,
    line_labels,
    present_lists,
    spliced_clauses,
    structure,
    told_orders,
    tree,
)
from .act_noun_lists import act_noun_hung_on_object
from .as_well_as import second_after_as_well_as
from .aside_clauses import (
    conjunct_hung_on_aside,
    conjunct_hung_on_relative,
    passive_conjunct_hung_in_aside,
)
from .attributive_participles import participle_made_complement
from .capitalised_plurals import repair_capitalised_plurals
from .clause_subjects import (
    subject_coordinated_with_object,
    subject_swallowed_by_fronted_clause,
)
from .colon_members import actors_after_heading, members_after_mark, states_after_mark
from .conjunct_phrases import (
    second_named_object,
    second_named_object_on_verb,
    second_object_one,
    second_object_phrase,
)
from .controlled_infinitives import infinitive_on_far_verb
from .dated_act_nouns import of_phrase_on_date
from .dated_verbs import verb_after_date_made_modifier
from .declaration_conjuncts import conjunct_of_declaration, member_after_declaration
from .departure_objects import envoys_made_compound, time_span_in_list
from .described_appositions import (
    description_hung_on_verb,
    description_of_name_hung_on_verb,
    member_after_dangling_and,
    name_hung_on_list_head,
)
from .document_participles import document_participle_made_modifier
from .from_to_phrases import from_split_from_to
from .gerund_conjuncts import gerund_made_compound, gerund_on_infinitive
from .gift_recipients import description_made_compound_of_gift
from .inverted_passives import member_after_fronted_participle
from .label_verbs import verb_after_line_label
from .legal_repairs import phrase_of_act_noun
from .level_phrases import rank_read_as_infinitive
from .line_presents import (
    noun_with_subject,
    plural_present_made_compound,
    present_made_noun,
    verb_in_organ_place,
)
from .modal_conjuncts import past_out_of_infinitive, past_out_of_modal
from .named_objects import (
    name_after_object,
    name_made_compound_of_gift,
    name_split_from_title,
    object_apposition_on_subject,
    title_made_object,
    verb_made_modifier,
)
from .object_relatives import (
    STEP_ADVERBS,
    object_relative_read_as_participle,
    participle_after_object_read_as_adjunct,
)
from .ordered_acts import participle_ordered
from .organ_acts import act_read_as_relative, object_read_as_adverb
from .phrase_before_object import phrase_swallowing_object
from .reduced_passives import participle_read_as_conjunct, participle_read_as_main_verb
from .relation_participles import infinitive_on_relations, participle_on_relations
from .reporter_conjuncts import conjunct_after_reporter
from .shifted_objects import object_after_phrase
from .subject_clause_conjuncts import clause_read_as_participle
from .time_clauses import time_clause_read_as_prep
from .time_participles import participle_on_time_noun
from .titled_lists import name_pair, titled_pair
from .titled_speech_verbs import speech_verb_read_as_participle
from .trailing_members import members_after_adjunct, members_of_collective
from .tree import SUBJECTS
from .verb_lists import middle_of_verb_list

if TYPE_CHECKING:
    from spacy.tokens import Token


def repair_token(token: Token) -> bool:
    """Repair the parse around one token; whether a repair was made."""
    key = (token.pos_, token.dep_)
    tried = _REPAIRS_BY_TAG.get(key)
    if tried is None:
        tried = _REPAIRS_BY_TAG[key] = tuple(f for f, pos, dep in _REPAIRS if (pos is None or key[0] in pos)
                                             and (dep is None or key[1] in dep))
    for repair in tried:
        if repair(token):
            return True
    return False


_REPAIRS_BY_TAG: dict = {}   # (pos, dep) → the repairs that can apply to such a token, in order


def _repairs():
    """Every repair in the order tried, with the parts of speech and dependencies it demands of the token
    itself (None: any): a token is tried only on the repairs its own tags allow (most on none), and no
    repair that fails changes the token's own tags, so the first that succeeds is the same."""
    verb, verbs = frozenset({"VERB"}), frozenset({"VERB", "AUX"})
    return (
        (verb_after_line_label, frozenset({"VERB", "PROPN", "NOUN", "ADJ"}), frozenset({"ROOT", "amod", "compound"})),
        (verb_made_modifier, verb, frozenset({"amod"})),
        (document_participle_made_modifier, verb, frozenset({"amod"})),
        (name_split_from_title, verb, None),
        (noun_with_subject, frozenset({"NOUN"}), frozenset({"ROOT"})),
        (title_made_object, verb, None),
        (present_made_noun, frozenset({"NOUN"}), frozenset({"compound", "ROOT", "appos", "dobj"})),
        (plural_present_made_compound, frozenset({"VERB", "NOUN"}), frozenset({"compound", "ROOT", "appos"})),
        (second_object_phrase, frozenset({"NOUN"}), frozenset({"conj"})),
        (second_named_object, frozenset({"PROPN"}), frozenset({"conj"})),
        (second_named_object_on_verb, frozenset({"PROPN"}), frozenset({"conj"})),   # "to five years and Y and Z to four"
        (second_object_one, frozenset({"NUM"}), frozenset({"conj"})),   # "and a Czech one from St Petersburg"
        (act_noun_hung_on_object, frozenset({"NOUN"}), frozenset({"conj"})),
        (name_after_object, frozenset({"PROPN"}), None),
        # (a conjunct's own head first: "ordered the envoy to leave and brought its own envoy home" needs both)
        (past_out_of_modal, verb, frozenset({"conj"})),
        (past_out_of_infinitive, verb, frozenset({"conj"})),
        (envoys_made_compound, verb, None),
        (time_span_in_list, verb, None),
        (name_made_compound_of_gift, verb, None),
        (description_made_compound_of_gift, verb, None),
        (gerund_on_infinitive, verb, frozenset({"conj"})),
        (gerund_made_compound, frozenset({"NOUN"}), frozenset({"compound"})),
        (conjunct_after_reporter, verb, frozenset({"conj"})),
        (conjunct_hung_on_aside, verb, frozenset({"conj"})),
        (conjunct_hung_on_relative, verb, frozenset({"conj"})),
        (passive_conjunct_hung_in_aside, verb, frozenset({"conj"})),
        (verb_in_organ_place, None, frozenset({"prep"})),
        (object_apposition_on_subject, frozenset({"PROPN"}), None),
        (_subject_made_adverb, frozenset({"PROPN"}), frozenset({"advmod", "npadvmod"})),
        (fronted.split_swallowed_subject, verbs, frozenset({"ROOT", "ccomp"})),
        (fronted.split_date_from_subject, frozenset({"ADP"}), frozenset({"prep"})),
        (fronted.split_apposed_subject, verbs, frozenset({"ROOT"})),
        (fronted.time_preposition_made_mark, None, frozenset({"mark"})),
        (phrase_of_act_noun, None, frozenset({"prep"})),
        (from_split_from_to, frozenset({"ADP"}), frozenset({"prep"})),
        (of_phrase_on_date, frozenset({"ADP"}), frozenset({"prep"})),
        (present_lists.repair, None, frozenset({"conj"})),
        (spliced_clauses.repair, verb, frozenset({"ccomp"})),
        (subject_coordinated_with_object, verb, frozenset({"conj"})),
        (subject_swallowed_by_fronted_clause, verb, frozenset({"ROOT"})),
        (participle_made_complement, verb, frozenset({"xcomp", "ROOT"})),
        (participle_ordered, verb, frozenset({"ccomp", "xcomp", "oprd", "relcl"})),
        (infinitive_on_far_verb, verb, frozenset({"xcomp", "advcl"})),
        (among_them.members_after_among_them, frozenset({"ADP"}), frozenset({"prep"})),
        (among_them.member_among_those_participle, frozenset({"ADP"}), frozenset({"prep"})),
        (among_them.member_that_took_the_participle, frozenset({"ADP"}), frozenset({"prep"})),
        (member_after_fronted_participle, verb, frozenset({"ROOT", "conj", "ccomp"})),   # "Also arrested were X and Y"
        (act_read_as_relative, verb, frozenset({"acl"})),
        (object_read_as_adverb, verb, frozenset({"ROOT", "conj", "ccomp"})),
        (object_relative_read_as_participle, verb, frozenset({"acl"})),
        (told_orders.clause_read_as_relative, verb, frozenset({"relcl"})),
        (participle_on_time_noun, verb, frozenset({"acl"})),
        (clause_read_as_participle, verb, frozenset({"acl"})),
        (speech_verb_read_as_participle, verb, frozenset({"acl"})),
        (verb_after_date_made_modifier, verb, frozenset({"amod"})),
        (participle_on_relations, frozenset({"ADJ", "VERB"}), frozenset({"amod"})),
        (infinitive_on_relations, frozenset({"ADJ", "VERB"}), frozenset({"amod"})),
        (second_after_as_well_as, None, frozenset({"cc"})),
        (middle_of_verb_list, verb, frozenset({"advcl"})),
        (participle_after_object_read_as_adjunct, verb, frozenset({"advcl"})),
        (rank_read_as_infinitive, verb, frozenset({"advcl", "xcomp"})),
        (titled_pair, frozenset({"CCONJ"}), None),
        (members_after_adjunct, frozenset({"PROPN"}), frozenset({"conj"})),
        (members_of_collective, frozenset({"PROPN"}), None),
        (description_hung_on_verb, frozenset({"NOUN", "PROPN"}), frozenset({"npadvmod", "dep", "appos", "dobj"})),
        (description_of_name_hung_on_verb, frozenset({"NOUN"}), frozenset({"npadvmod", "dep", "appos"})),
        (name_hung_on_list_head, frozenset({"PROPN"}), frozenset({"appos"})),
        (member_after_dangling_and, frozenset({"PROPN"}), frozenset({"dep", "npadvmod"})),
        (members_after_mark, frozenset({"PUNCT"}), frozenset({"punct"})),
        (states_after_mark, frozenset({"PUNCT"}), frozenset({"punct"})),
        (actors_after_heading, frozenset({"PUNCT"}), None),
        (_passive_subject_called_active, verb, None),
        (_then_clause_left_unattached, verb, frozenset({"dep"})),
        (phrase_swallowing_object, verb, None),
        (object_after_phrase, verb, None),
        (participle_read_as_main_verb, verb, frozenset({"ROOT"})),
        (participle_read_as_conjunct, verb, frozenset({"conj"})),
        (time_clause_read_as_prep, verb, frozenset({"conj", "advcl", "ccomp"})))


def _then_clause_left_unattached(verb: Token) -> bool:
    """'Peru first recalled its ambassador in March, then withdrew him for good in June': the parser leaves
    the second verb of an unlinked coordination as a bare dependent; it is the first one's conjunct."""
    head = verb.head
    if verb.dep_ != "dep" or head.pos_ != "VERB" or head.i > verb.i or verb.left_edge.i < 1 \
            or verb.doc[verb.left_edge.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    if not any(c.dep_ == "advmod" and c.lower_ in STEP_ADVERBS and c.i < verb.i for c in verb.children):
        return False
    verb.dep_ = "conj"
    return True


def _passive_subject_called_active(verb: Token) -> bool:
    """'"X is hereby declared persona non grata," the ministry said': the parser gives a participle its
    passive auxiliary and calls the subject before them an active one (of the verb or of the auxiliary);
    it is the passive's subject."""
    if verb.tag_ != "VBN" or any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.lemma_ == "be"]
    if len(aux) != 1:
        return False
    subjects = [c for c in list(verb.children) + list(aux[0].children) if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].i > aux[0].i:
        return False
    subjects[0].head, subjects[0].dep_ = verb, "nsubjpass"
    return True


def _subject_made_adverb(token: Token) -> bool:
    """'Nauru recognised Abkhazia in 2008': a name the small pipeline does not know, first in the clause
    of a finite verb that has no subject, read as the verb's adverb; it is the subject."""
    verb = token.head
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or token.i > verb.i \
            or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or verb.left_edge != token.left_edge \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children) \
            or any(t.pos_ in ("VERB", "AUX", "ADP", "PUNCT") for t in token.doc[token.i + 1:verb.i]):
        return False
    token.dep_ = "nsubj"
    return True


_MENDED_HERE = frozenset({"VERB", "NOUN"})


def repair_parse(doc) -> None:
    """The article's parse mended once, before the frames read it: the lists of names first (over the
    whole article: the verb repairs read a list of names where it hangs, wherever it stands, "declared
    two diplomats persona non grata: X and Y"), then the verbs; before all, a sentence's first plural the
    tagger made a name ("MOSCOW (Reuters) - Prosecutors charged ...": capitalised_plurals.py)."""
    repair_capitalised_plurals(doc)
    repair_name_lists(doc)
    repair_verbs(doc)


def repair_name_lists(doc) -> None:
    """Two untitled names joined by "and" that the parser read as one name, rebuilt as two
    (titled_lists.name_pair)."""
    for token in tree.tokens(doc):
        if token.pos_ == "CCONJ":
            name_pair(token)


def repair_verbs(doc) -> None:
    """A clause's root the tagger called a noun though it has a subject and a direct object is its verb
    ("Bolivia's president, Evo Morales, cut relations with Israel": "cut" as NN)."""
    for token in tree.tokens(doc):
        if repair_token(token):  # repairs.py: a verb or object the parse lost
            continue
        if token.lower_ in structure.PHRASE_LAST and token.dep_ == "ccomp" and token.head.pos_ == "VERB" \
                and not tree.children(token, SUBJECTS) and tree.children(token.head, ("dobj",)):
            # "X, whom Latvia declared persona non grata": the phrase the parser made a clause of its own
            token.dep_ = "oprd"
            continue
        if token.pos_ not in _MENDED_HERE and token.lower_ not in structure.FIXED_PHRASE_HEADS:
            continue  # (the mends below are of verbs, nouns and the fixed phrases only)
        if token.pos_ == "VERB" and token.dep_ == "conj" and token.head.pos_ == "ADJ" and token.head.dep_ in ("oprd", "acomp") \
                and token.head.head.pos_ == "VERB" and token.head.head.i < token.i:
            # "he was found guilty and jailed for five years": the second verb the parser hung on "guilty"
            token.head = token.head.head
            continue
        if token.lower_ in structure.FIXED_PHRASE_HEADS and token.dep_ in ("ccomp", "xcomp", "dobj") and token.head.pos_ == "VERB":
            # "declared Volker Perthes persona non grata": the name the parser made compounds on the phrase
            names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
            if names and names[-1].i == token.i - 1 and not tree.children(token.head, ("dobj",)):
                for c in names[:-1]:
                    c.head = names[-1]
                names[-1].head, names[-1].dep_ = token.head, "dobj"
                token.dep_ = "oprd"
                continue
        if conjunct_of_declaration(token):   # "declared X persona non grata and recalled ..."
            continue
        if member_after_declaration(token):   # "declared X persona non grata on Monday and Y on Tuesday"
            continue
        if token.lower_ in structure.FIXED_PHRASE_HEADS and token.pos_ == "VERB" and token.dep_ == "conj" \
                and token.head.pos_ == "VERB" and not tree.children(token, SUBJECTS):
            # "declared the head of the mission, X, persona non grata": the phrase the tagger made a verb
            token.pos_, token.tag_, token.dep_ = "NOUN", "NN", "oprd"
            continue
        if token.pos_ == "VERB" and token.tag_ in ("VBZ", "VBP", "VBD") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in token.children):
            # "1984: Britain severs ties with Libya": a subject the parser made a compound on the verb
            named = [c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.pos_ == "PROPN"]
            if not named and token.tag_ == "VBZ" and token.i > 0 and token.doc[token.i - 1].head == token \
                    and token.doc[token.i - 1].dep_ == "compound" and token.doc[token.i - 1].pos_ == "NOUN":
                named = [token.doc[token.i - 1]]  # "March 2 — Bolivian court charges X": a noun subject too
            if named:
                named[-1].dep_ = "nsubj"
                continue
        if token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.tag_ in ("NN", "NNS") \
                and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children) \
                and any(c.dep_ == "dobj" and c.i > token.i for c in token.children):
            token.pos_ = "VERB"
        # a headline's present: "Somalia severs ties with Kenya", "Austria orders Russian diplomats to
        # leave" (the tagger makes the verb a plural noun and its subject a compound on it)
        elif token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.tag_ == "NNS" and token.lower_.endswith("s") \
                and any(c.dep_ == "dobj" and c.i > token.i for c in token.children) \
                and not any(c.dep_ in ("det", "nsubj", "poss") for c in token.children):
            subject = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1
                       and c.text[:1].isupper() and (c.pos_ == "PROPN" or c.dep_ == "compound")]
            if subject and not any(c.dep_ == "amod" and c not in subject for c in token.children):
                token.pos_, token.tag_ = "VERB", "VBZ"
                subject[0].dep_ = "nsubj"
        # "June 7 — Mauritania severs relations with Qatar": the verb a plural noun compound on its object,
        # the subject a compound before it; the verb heads the clause again
        # (or an apposition to the line's label: "2016: Saudi Arabia severs ties with Iran")
        elif token.pos_ == "NOUN" and token.tag_ in ("NN", "NNS") and token.i >= 2 \
                and (token.dep_ == "ROOT" or (token.dep_ == "appos" and token.head.i < token.i - 2
                                              and token.doc[token.head.i + 1].text in line_labels.LABEL_DASHES)) \
                and not any(c.dep_ in ("det", "poss", "nsubj", "amod") and c.i != token.i - 1 for c in token.children):
            verb, subject = doc[token.i - 1], doc[token.i - 2]  # (the verb may be the noun's "subject" instead)
            if verb.head == token and verb.dep_ in ("compound", "nsubj") and verb.tag_ in ("NNS", "VBZ") and verb.lower_.endswith("s") \
                    and subject.dep_ == "compound" and subject.pos_ in ("PROPN", "NOUN") and subject.text[:1].isupper() \
                    and subject.head in (token, verb) \
                    and not any(c.dep_ == "compound" for c in verb.children if c != subject):
                for c in [c for c in token.children if c.i < subject.i]:
                    c.head = verb  # the line's date and dash
                verb.head, verb.dep_ = (verb, "ROOT") if token.dep_ == "ROOT" else (token.head, "appos")
                verb.pos_, verb.tag_ = "VERB", "VBZ"
                subject.head, subject.dep_ = verb, "nsubj"
                token.head, token.dep_ = verb, "dobj"


_REPAIRS = _repairs()
