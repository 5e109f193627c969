"""Quotes: direct and reported speech, speakers, roles, pronouns, headings and posts."""

import pytest

from extract.nlp import analyze_texts


def quotes(nlp, text):
    (_, qs, _), = analyze_texts(nlp, [(text, None)])
    for q in qs:
        assert text[q.start_char:q.end_char] == q.quote
    return qs


def test_possessive_org_gives_org(nlp):
    qs = quotes(nlp, "NetBlocks’ Alp Toker noted that the restrictions were still in place on several networks.")
    assert len(qs) == 1
    q = qs[0]
    assert (q.speaker, q.speaker_kind, q.speaker_role_or_org, q.verb, q.direct) == (
        "Alp Toker", "person", "NetBlocks", "noted", False)
    assert q.quote == "the restrictions were still in place on several networks"


def test_role_before_name(nlp):
    q, = quotes(nlp, "Digital rights advocate Usama Khilji said the shutdown hurt small businesses the most.")
    assert (q.speaker, q.speaker_role_or_org) == ("Usama Khilji", "Digital rights advocate")


def test_org_after_name(nlp):
    q, = quotes(nlp, "Michael Kugelman from the Wilson Center observed that the ban had drawn international attention.")
    assert (q.speaker, q.speaker_role_or_org, q.verb) == ("Michael Kugelman", "Wilson Center", "observed")


def test_according_to(nlp):
    q, = quotes(nlp, "Mobile data was suspended in three cities, according to NetBlocks.")
    assert (q.speaker, q.speaker_kind, q.verb) == ("NetBlocks", "org", "according to")
    assert q.quote == "Mobile data was suspended in three cities"


def test_direct_quote_spanning_sentences_and_pronoun(nlp):
    text = ("Lawyer Nida Shah said the order had no legal basis. "
            "“There was no notification. Nobody has seen the order,” she said.")
    qs = quotes(nlp, text)
    assert [(q.speaker, q.direct) for q in qs] == [("Nida Shah", False), ("Nida Shah", True)]
    assert qs[1].quote == "There was no notification. Nobody has seen the order"


def test_unnamed_speaker(nlp):
    q, = quotes(nlp, "A senior ISP executive warned of losses running into billions of rupees.")
    assert q.speaker_kind == "unnamed" and q.speaker == "A senior ISP executive" and q.verb == "warned"


def test_demanded_and_acronym_org(nlp):
    q, = quotes(nlp, "The Pakistan Federal Union of Journalists (PFUJ) demanded the restoration of all services.")
    assert q.speaker_kind == "org" and q.verb == "demanded"
    assert q.quote == "the restoration of all services"


def test_definite_description_resolves(nlp):
    text = "NetBlocks, an internet observatory, published new data. The observatory said traffic had fallen by half."
    qs = quotes(nlp, text)
    assert qs[-1].speaker == "NetBlocks" and qs[-1].speaker_kind == "org"


def test_statement_heading(nlp):
    text = "Statement by Bolo Bhi\nThe blocking of websites without notice violates the Constitution.\nIt was issued on Monday."
    q, = quotes(nlp, text)
    assert q.speaker == "Bolo Bhi" and q.direct
    assert q.quote == "The blocking of websites without notice violates the Constitution."


def test_embedded_post(nlp):
    text = ("The minister responded late at night.\n"
            "Services will be restored once the situation improves. We ask citizens to be patient.\n"
            "— Sana Ullah (@sanaullah_pk) February 19, 2024\n"
            "The post was shared widely.")
    qs = quotes(nlp, text)
    post = [q for q in qs if q.verb == "tweeted"]
    assert post and post[0].speaker == "Sana Ullah" and post[0].direct
    assert post[0].quote.startswith("Services will be restored")


def test_scare_quotes_are_not_quotes(nlp):
    assert quotes(nlp, "The ‘official silence’ continued as the so-called \"firewall\" was tested.") == []


def test_negated_and_participle_verbs_are_not_statements(nlp):
    assert quotes(nlp, "The ministry did not say when services would be restored.") == []
    assert quotes(nlp, "Users in Quetta reporting that WhatsApp was down were told to wait.") == []


def test_partial_quotation_inside_reported_clause(nlp):
    q, = quotes(nlp, "Nighat Dad said the restrictions were “a blatant attempt to silence dissent”.")
    assert q.speaker == "Nighat Dad" and not q.direct
    assert q.quote.startswith("the restrictions were")


def test_multi_paragraph_quote_continues_speaker(nlp):
    text = ("“We lost two days of sales,” said trader Imran Ali.\n\n"
            "“Nobody told us when the internet would come back. We are still waiting.”")
    qs = quotes(nlp, text)
    assert [q.speaker for q in qs] == ["Imran Ali", "Imran Ali"]


def test_participle_after_verb_and_coordinated_orgs(nlp):
    q, = quotes(nlp, "The Lahore High Court dismissed the petition, saying the matter was pending before another bench.")
    assert q.speaker == "Lahore High Court" and q.verb == "saying"
    q, = quotes(nlp, "Freedom House and Access Now said the ban violated international law.")
    assert q.speaker_kind == "org" and "Freedom House" in q.speaker and "Access Now" in q.speaker


def test_verbs_with_objects_of_their_own_are_not_statements(nlp):
    # "held what it described as ...": a relative clause; "held"/"ruled" report only with "that"
    q, = quotes(nlp, "Users reported on Sunday that they could not reach X as the opposition party held "
                     "what it described as its first online rally.")
    assert (q.speaker, q.verb) == ("Users", "reported")
    assert q.quote.endswith("its first online rally")
    # a clause before a verb that has its own object is not that verb's content
    assert quotes(nlp, "Hundreds of replies called her a liar, some shared her home address, "
                       "and an edited photo of her circulated on messaging groups.") == []
    q, = quotes(nlp, "The Islamabad High Court held that the suspension of the platform had no legal basis.")
    assert (q.speaker, q.verb) == ("Islamabad High Court", "held")


def test_told_keeps_its_recipient_object(nlp):
    q, = quotes(nlp, "The shutdown was illegal, the lawyer told reporters on Monday.")
    assert (q.speaker, q.verb, q.quote) == ("the lawyer", "told", "The shutdown was illegal")


def test_question_quote_attributed_after_the_parser_ends_the_sentence(nlp):
    text = "“Is there any procedure at all? Or does the site simply vanish?” the judge asked the counsel."
    q, = quotes(nlp, text)
    assert (q.speaker, q.verb, q.direct) == ("the judge", "asked", True)


def test_relative_pronoun_speaks_for_its_noun(nlp):
    qs = quotes(nlp, "Broadband worked in most cities, according to NetBlocks, which said live metrics "
                     "showed a sharp fall in national connectivity.")
    assert [(q.speaker, q.verb) for q in qs] == [("NetBlocks", "according to"), ("NetBlocks", "said")]
    q, = quotes(nlp, "The lawyer, who said the order was unlawful, filed a petition on Monday.")
    assert (q.speaker, q.quote) == ("The lawyer", "the order was unlawful")
    q, = quotes(nlp, "Hotel owners who spoke to reporters said bookings had fallen by half.")
    assert (q.speaker, q.quote) == ("Hotel owners", "bookings had fallen by half")


def test_reported_clause_ends_before_a_conjunction(nlp):
    qs = quotes(nlp, "Industry body P@SHA said it supported a registration system for enterprises but warned "
                     "that a broader crackdown would hurt exports.")
    assert [q.quote for q in qs] == ["it supported a registration system for enterprises",
                                     "a broader crackdown would hurt exports"]


# ------------------------------------------------------------------ real-page lessons (issue 11)
def _speakers(nlp, text):
    return [(q.speaker, q.speaker_kind, q.speaker_role_or_org) for q in quotes(nlp, text)]


def test_apposition_is_the_role_not_the_name(nlp):
    assert _speakers(nlp, "Bilqees, a local Muslim resident, said the mob had come from nearby villages.") == [
        ("Bilqees", "person", "local Muslim resident")]
    assert _speakers(nlp, "Jan Achakzai, a strategic affairs analyst, said the move would backfire badly.")[0][:2] == (
        "Jan Achakzai", "person")


def test_occupation_before_the_name_is_the_role(nlp):
    assert _speakers(nlp, "Singer Ali Azmat said the film industry needed new blood and better scripts.") == [
        ("Ali Azmat", "person", "Singer")]


def test_title_alone_is_an_unnamed_speaker(nlp):
    (speaker, kind, role), = _speakers(nlp, '"This is unacceptable and we will challenge it," the President said.')
    assert (kind, role) == ("unnamed", "President")


def test_one_word_name_is_the_person_named_before(nlp):
    got = _speakers(nlp, 'Misbah-ul-Haq praised the bowler. "Sami is a proven match winner," Misbah said.')
    assert got == [("Misbah-ul-Haq", "person", None)]


@pytest.mark.parametrize("text", [
    "Some said the game was lost long before the final over was bowled.",
    "Many people believe that the ban will be lifted next week after talks.",
    "According to some, the ban was a mistake that cost the country dearly.",
    "But meet any industry representative and he would immediately tell you that graduates lack skills.",
    "The duo of Ahmad and Kamran added 133 runs for the second wicket after the early loss.",
])
def test_no_one_in_particular_makes_no_statement(nlp, text):
    assert quotes(nlp, text) == []


@pytest.mark.parametrize("text,speaker", [
    ("She explained how her late start helped her. \u201cMy dedication to the music is much more today than ever.\u201d",
     "She"),
    ("\u201cWhy are you trying to rub salt into my wounds?\u201d, comes a bitter reply from Azhar Mehmood.", "Azhar Mehmood"),
    ("Zinoviev invited the guests to a fiery project: \u201cComrades! The time has now come to set about it.\u201d",
     "Zinoviev"),
    ("The agency quoted Najib Danish, the deputy spokesman, as saying, \u201cPakistan has no right to fence the border.\u201d",
     "Najib Danish"),
])
def test_quote_attributed_by_its_lead_in(nlp, text, speaker):
    direct = [q for q in quotes(nlp, text) if q.direct]
    assert direct and direct[0].speaker == speaker


def test_quote_after_an_unrelated_sentence_has_no_speaker(nlp):
    qs = quotes(nlp, "The weather was fine on the day. \u201cWe will see what happens next in the series today.\u201d")
    assert [q.speaker for q in qs] == [None]


def test_a_day_before_a_name_is_not_part_of_it(nlp):
    got = _speakers(nlp, "On Sunday Ghani rejected the resignations, demanding they help bolster the defences.")
    assert got and got[0][0] == "Ghani"


def test_definite_title_resolves_to_the_person_it_named(nlp):
    got = _speakers(nlp, 'PCB Chairman Shahryar Khan met the players. "They did not inform the board," the PCB chairman said.')
    assert got == [("Shahryar Khan", "person", "PCB Chairman")]


def test_a_title_with_a_relative_clause_is_the_person_it_named(nlp):
    qs = quotes(nlp, "Cricket board chairman Shahryar Khan on Friday said the league would go ahead. The chairman, "
                     "who appeared before a Senate committee, said two players had met bookies.")
    assert [(q.speaker, q.speaker_kind) for q in qs] == [("Shahryar Khan", "person")] * 2


def test_the_writers_own_i_and_we_are_not_speakers(nlp):
    qs = quotes(nlp, "Imran Khan spoke at the rally in Lahore. Though I believe the arguments above are enough, "
                     "we said nothing at the time.")
    assert all(q.speaker not in {"Imran Khan"} for q in qs), [(q.speaker, q.quote) for q in qs]


def test_he_is_the_person_named_after_the_last_quote(nlp):
    qs = quotes(nlp, "Shireen Mazari said her party was not against such courts. The strongest support came from "
                     "former president Asif Ali Zardari. He had stated on December 27 that his party backed the plan.")
    assert [q.speaker for q in qs] == ["Shireen Mazari", "Asif Ali Zardari"]


def test_according_to_details_is_the_story_itself(nlp):
    assert [q.speaker for q in quotes(nlp, "According to details, the attackers entered the mosque from the back.")
            if q.speaker] == []


def test_he_after_a_named_person_takes_the_title_before_the_name(nlp):
    qs = quotes(nlp, "Shireen Mazari said her party was not against such courts. The strongest support came from "
                     "former president Asif Ali Zardari. He had stated on December 27 that his party backed the plan.")
    assert (qs[-1].speaker, qs[-1].speaker_role_or_org) == ("Asif Ali Zardari", "former president")


def test_an_honorific_alone_is_the_person_it_was_given_to(nlp):
    qs = quotes(nlp, "JUI-F chief Maulana Fazlur Rehman met PPP co-chairman Asif Ali Zardari on Monday. "
                     "Maulana said the opposition would field a joint candidate.")
    assert [(q.speaker, q.speaker_kind, q.speaker_role_or_org) for q in qs] == [("Fazlur Rehman", "person", "JUI-F chief")]


@pytest.mark.parametrize("text", [
    "Residents of the old town and the market said the project would finish on time. That said, delays are likely.",
    "The bench hearing Iqbal Zafar Jhagra v Federation of Pakistan said the tax was unlawful.",
])
def test_a_phrase_cut_in_the_middle_or_a_demonstrative_is_no_speaker(nlp, text):
    for q in quotes(nlp, text):
        assert q.speaker is None or q.speaker.split()[-1].lower() not in {"and", "of", "that"}
