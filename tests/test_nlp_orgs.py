"""Organisations: curated list, acronyms linked to full names, traps."""

import pytest

from extract.nlp import analyze_texts


def orgs(nlp, text):
    (mentions, _, _), = analyze_texts(nlp, [(text, None)])
    return [m for m in mentions if m.kind == "org"], mentions


def test_acronym_linked_to_full_name(nlp):
    os, _ = orgs(nlp, "The PTA said it had received the order. The Pakistan Telecommunication Authority later denied it.")
    assert [o.value for o in os] == ["Pakistan Telecommunication Authority"] * 2
    assert os[0].attrs["full_name"] == "Pakistan Telecommunication Authority"
    assert os[0].attrs["acronym"] == "PTA"


@pytest.mark.parametrize("text,value", [
    ("NetBlocks reported a disruption.", "NetBlocks"),
    ("The PTI held a virtual rally.", "Pakistan Tehreek-e-Insaf"),
    ("The PML-N criticised the move.", "Pakistan Muslim League-Nawaz"),
    ("The PPP criticised the move.", "Pakistan Peoples Party"),
    ("The FIA arrested a suspect.", "Federal Investigation Agency"),
    ("The Ministry of IT and Telecom issued a statement.", "Ministry of Information Technology and Telecommunication"),
    ("The Islamabad High Court heard the petition.", "Islamabad High Court"),
    ("Bolo Bhi filed the petition.", "Bolo Bhi"),
    ("Media Matters for Democracy published a report.", "Media Matters for Democracy"),
    ("Bytes for All published a report.", "Bytes for All"),
    ("ISPAK estimated the losses.", "Internet Service Providers Association of Pakistan"),
    ("The PFUJ protested.", "Pakistan Federal Union of Journalists"),
    ("Amnesty International and Access Now condemned it.", "Amnesty International"),
])
def test_curated(nlp, text, value):
    os, _ = orgs(nlp, text)
    assert value in [o.value for o in os]


def test_bolo_bhi_is_not_a_person(nlp):
    _, ms = orgs(nlp, "Bolo Bhi and Digital Rights Foundation criticised the ban.")
    assert not [m for m in ms if m.kind == "person"]


def test_acronym_defined_in_text(nlp):
    os, _ = orgs(nlp, "The Pakistan Software Export Board (PSEB) said exports rose. The PSEB expects growth.")
    assert "Pakistan Software Export Board" in [o.value for o in os]
    pseb = [o for o in os if o.text == "PSEB"]
    assert pseb and all(o.value == "Pakistan Software Export Board" for o in pseb)


def test_traps(nlp):
    os, _ = orgs(nlp, "Article 19 of the Constitution guarantees free speech under the Prevention of Electronic Crimes Act.")
    assert os == []
    os, ms = orgs(nlp, "Protesters gathered at D-Chowk in Islamabad.")
    assert os == []
    os, _ = orgs(nlp, "Article 19 and Access Now wrote to the minister.")
    assert {"Article 19", "Access Now"} <= {o.value for o in os}


def test_person_after_role_noun(nlp):
    _, ms = orgs(nlp, "HRCP chairperson Asad Iqbal Butt said the suspensions were unlawful.")
    assert ("person", "Asad Iqbal Butt") in {(m.kind, m.value) for m in ms}
