"""Whom a Statement is about (loaders/extract/statement_targets.py): exact target lists, where the
checklist's "shares a value" cannot tell a right target from one with a wrong one beside it.  Every
sentence here is our own."""

from __future__ import annotations

from pathlib import Path

from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, parse_article

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


def statements(text: str) -> list[tuple[list[str], list[str]]]:
    article = parse_article(text.encode("utf-8"), published="2025-11-07")
    return [(e.agent, e.target) for e in extract(article, REGISTRY, "test").events if e.type == "Statement"]


def test_a_participle_giving_the_reason_for_an_act_is_about_the_acts_target():
    found = statements("The United Arab Emirates broke off relations with Qatar on Monday, saying the emirate had "
                       "sheltered the Egyptian preacher Yusuf Hamdi for years.")
    assert found == [(["united-arab-emirates"], ["qatar"])], found


def test_a_counted_group_is_each_of_its_states():
    found = statements("Saudi Arabia and Kuwait broke off relations with Egypt on Monday. Egypt's foreign ministry "
                       "said the two governments had bowed to pressure from abroad.")
    assert [sorted(t) for _, t in found] == [["kuwait", "saudi-arabia"]], found


def test_an_official_who_announced_the_act_is_of_its_authors_side():
    found = statements("Kenya broke off diplomatic relations with Somalia on Monday. Prime Minister Musa Odhiambo "
                       "announced the break on television. \"Nobody insults a Kenyan envoy and goes unanswered,\" "
                       "Odhiambo told reporters.")
    assert [t for _, t in found] == [["somalia"]], found


def test_the_body_a_speaker_holds_a_post_in_is_their_own_side():
    found = statements("Soldiers seized power in Gabon on Wednesday. Shops in the capital stayed closed on Thursday and "
                       "flights were suspended. UN Secretary-General Ana Lopes \"is deeply worried\", her spokesman said.")
    # not the UN: the other side, which answering a seizure of power just told is those who seized it
    # (the group the text names stands where the armed forces stood: the coup-force convention, dev/README zgold29 item 2)
    assert [t for _, t in found] == [["gabonese-soldiers-of-the-coup"]], found


def test_a_noun_for_earlier_words_is_about_whoever_voiced_them():
    found = statements("Russia recognised the independence of Abkhazia on Monday. Germany's chancellor, Olaf Scholz, "
                       "condemned the decision. Russia's foreign ministry rejected the criticism as \"hysterical\".")
    assert [t for _, t in found] == [["russia"], ["olaf-scholz", "germany"]], found


def test_words_joined_are_about_what_they_were_about():
    found = statements("Soldiers detained President Alpha Kone of Guinea on Sunday. Shops in the capital stayed closed "
                       "on Monday. The African Union condemned the coup. France joined the condemnation.")
    # (the group the text names: the coup-force convention, dev/README zgold29 item 2; France, a speaker of known
    # side, has the dispute's other side besides, as for any group of persons: statement_target_list.COUNTERPART_TOO)
    assert [t for _, t in found] == [["guinean-soldiers-of-the-coup"], ["guinean-soldiers-of-the-coup", "guinea"]], found


def test_a_pronoun_judged_is_the_act_the_sentence_before_is_about():
    found = statements("Officers seized power in Niger on Wednesday. The putsch drew swift condemnation. The head of "
                       "the African Union, Musa Kamara, \"strongly condemns\" it, his office said.")
    # (the group the text names: the coup-force convention, dev/README zgold29 item 2)
    assert [t for _, t in found] == [["nigerien-officers-of-the-coup"]], found


def test_a_speaker_never_speaks_for_a_state_they_spoke_about():
    found = statements("Belgium banned a rally by a visiting minister on Saturday. President Aziz Benali called "
                       "Belgium \"a haven of bigots\". A day later he said Belgium would \"regret this insult\".")
    assert [t for _, t in found] == [["belgium"], ["belgium"]], found


def test_the_speakers_own_envoy_named_by_a_possessive_is_not_spoken_about():
    # (judging words of its own beside the recall: a quoted reason inside the clause that tells the
    # recall is the recall's telling, no Statement — announcements.quoted_in_report)
    found = statements("Protesters stormed parliament in Kyrgyzstan on Saturday. The Kazakh foreign ministry said on "
                       "Sunday it had recalled its ambassador, Daulet Bekov, for consultations, calling the situation "
                       "in Bishkek \"grave\".")
    assert [t for _, t in found] == [["kyrgyzstan"]], found


def test_an_abduction_condemned_is_about_its_author():
    found = statements("Venezuelan agents detained the Colombian journalist Luis Mora in Caracas on Friday. Colombia's "
                       "foreign minister, Ana Gil, condemned the abduction and said Bogota was in contact with his family "
                       "in Spain.")
    assert [t for _, t in found] == [["venezuela"]], found


def test_words_of_the_one_an_act_was_done_to_are_about_its_author():
    # the deposed president's words name no one: the officers who deposed him, not his own state
    found = statements("Army officers seized power in Niger on Wednesday and detained President Issa Moussa. "
                       "\"Those who took power by force will answer for it,\" Moussa said on Thursday.")
    # (the group the text names: the coup-force convention, dev/README zgold29 item 2)
    assert found == [(["issa-moussa"], ["nigerien-officers-of-the-coup"])], found
    # his own state, when its court sentenced him
    found = statements("The exiled opposition leader Rustam Aliyev was sentenced by a court in Tashkent to twenty "
                       "years in prison in absentia on Monday. From Istanbul, Aliyev called the verdict \"a lie "
                       "ordered from above\".")
    assert found == [(["rustam-aliyev"], ["uzbekistan"])], found


def test_an_attempt_names_the_act_whose_multiword_needs_its_infinitive_holds():
    from diplograph.loaders.extract.named_acts import attempted_kinds
    from diplograph.loaders.extract.parse import parse_many

    doc = next(iter(parse_many(["Peru condemned the attempt to grant safe conduct to the former minister."])))
    kinds = attempted_kinds(next(t for t in doc if t.lower_ == "attempt"))
    assert kinds is not None and "SafeConductGrant" in kinds, kinds
