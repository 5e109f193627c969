"""The words the quote rules read: reporting verbs and how they report, nouns that
name speakers, pronouns, and the heads of vague groups that speak for nobody."""

from __future__ import annotations

from ...constants import MONTH_NAMES, WEEKDAY_NAMES

REPORTING_VERBS = {
    "say", "note", "observe", "warn", "demand", "tweet", "add", "state", "tell", "claim", "argue",
    "urge", "maintain", "allege", "announce", "confirm", "deny", "highlight", "stress", "emphasise",
    "emphasize", "explain", "insist", "write", "post", "remark", "comment", "assert", "condemn",
    "ask", "suggest", "report", "reveal", "acknowledge", "admit", "recall", "declare", "mention",
    "predict", "caution", "lament", "complain", "reiterate", "contend", "clarify", "inform",
    "respond", "reply", "underscore", "believe", "criticise", "criticize", "question", "estimate",
    "describe", "termed", "term", "accuse", "point", "call", "share", "vow", "pledge", "agree",
    "disclose", "recommend", "opine", "stat", "observe",
    "announce", "testify", "assure", "promise", "threaten", "order", "direct", "rule", "hold", "blame",
}
# verbs whose NP object is the content ("noted a partial restoration")
NP_CONTENT = {"note", "observe", "highlight", "demand", "stress", "emphasise", "emphasize", "point",
              "warn", "call", "condemn", "deny", "confirm", "criticise", "criticize", "acknowledge",
              "announce", "reveal", "question", "urge", "lament", "predict", "recommend", "underscore",
              "reiterate", "blame", "accuse", "term", "describe"}
CLAUSE_VERBS = {"say", "add", "state", "claim", "argue", "maintain", "allege", "insist", "contend",
                "explain", "assert"}
# verbs that report only with a that-clause ("the court held that ..."); "held what
# it described as a rally" or "ruled the ban unlawful" report nothing
THAT_CLAUSE_ONLY = {"hold", "rule"}
# verbs whose object is the person spoken to ("..., he told Dawn"), not what was said
RECIPIENT_VERBS = {"tell", "inform", "assure", "warn", "ask", "urge", "remind", "caution", "advise"}
PARTICLES = {"out", "for", "of", "on", "that", "to", "about", "up"}
SUBJECT_DEPS = {"nsubj"}  # a passive subject is not the speaker ("the order was issued by ...")
PERSON_NOUNS = {"minister", "lawyer", "advocate", "activist", "spokesperson", "spokesman", "spokeswoman",
                "analyst", "expert", "researcher", "journalist", "executive", "founder", "director",
                "chairman", "chairperson", "senator", "premier", "official", "officer", "chief", "head",
                "leader", "president", "secretary", "adviser", "advisor", "lawmaker", "judge", "justice",
                "professor", "economist", "commentator", "editor", "reporter", "politician", "ceo", "owner",
                "actor", "actress", "singer", "producer", "coach", "captain", "skipper", "player", "cricketer",
                "mayor", "governor", "ambassador", "envoy", "diplomat", "commissioner", "inspector", "cleric",
                "scholar", "legislator", "candidate", "principal", "doctor"}
ORG_NOUNS = {"tracker", "watchdog", "organisation", "organization", "regulator", "authority", "ministry",
             "party", "group", "body", "company", "operator", "union", "court", "monitor", "observatory",
             "foundation", "association", "commission", "government", "department", "agency", "firm",
             "network", "forum", "platform", "office", "bench", "committee", "council", "centre", "center",
             "university", "institute", "board", "bank", "newspaper", "channel", "institution", "coalition"}
TITLE_WORDS = {"late", "chief", "justice", "mr", "ms", "mrs", "dr", "prof", "senator", "minister", "president",
               "chairman", "chairperson", "advocate", "barrister", "general", "judge", "secretary", "prime"}
DOC_NOUNS = {"report", "data", "study", "survey", "analysis", "figures", "statement", "notification",
             "letter", "document", "filing", "estimate", "estimates", "research"}
# honorifics that come before a Pakistani name ("Maulana Fazlur Rehman", "Mian Nawaz Sharif")
HONORIFICS = {"maulana", "mullah", "mufti", "allama", "hafiz", "qari", "sheikh", "syed", "pir", "makhdoom",
              "sardar", "nawab", "mian", "chaudhry", "khawaja", "begum", "haji"}
# a speaker phrase ending in one of these was cut in the middle ("Rehmanabad and"), or is a
# demonstrative standing for what was just said ("That", "This")
BROKEN_ENDS = {"and", "or", "of", "the", "a", "an", "v", "vs", "in", "for", "to", "with", "by", "that", "this",
               "which", "course"}
NOT_NAMES = {"Pakistan", "Government", "Ministry", "Court", "Authority"}
# pronouns by the kind of speaker they stand for
PRONOUNS_PERSON = {"he", "she"}
PRONOUNS_ORG = {"it"}
PRONOUNS_ANY = {"they", "we", "i"}
# the writer's own voice: "I said", "we believe" outside quotation marks is the author
# narrating or arguing, not a quoted speaker (inside another's quotation it is nested speech)
PRONOUNS_AUTHOR = {"i", "we"}
PRONOUNS_ALL = {"he", "she", "it", "they", "we", "i"}
# words that only name a role: "the President", "the Singer" alone are unnamed speakers
ROLE_ONLY = {"president", "prime", "minister", "chief", "justice", "senator", "governor", "mayor",
             "ambassador", "chairman", "chairperson", "spokesman", "spokesperson", "spokeswoman", "secretary",
             "general", "producer", "director", "singer", "actor", "actress", "coach", "captain", "skipper",
             "judge", "commissioner", "inspector", "premier", "emperor", "king", "queen", "prince", "pope",
             "speaker", "deputy", "vice", "federal", "interior", "foreign", "finance", "information"}
# heads of a vague group ("Some said", "Many people believe", "others claim"): no attribution
VAGUE_HEADS = {"some", "many", "others", "few", "several", "most", "all", "both", "anyone", "anybody",
               "everyone", "everybody", "someone", "somebody", "nobody", "none", "us", "him", "her", "them",
               "me", "you", "one", "who", "those", "these"}
VAGUE_DETS = {"many", "some", "several", "most", "few", "all", "other"}
VAGUE_NOUNS = {"people", "others", "experts", "details"}  # "according to details": the story itself

# "On Sunday Ghani rejected ...": a day or month before a name is not part of it
CALENDAR_WORDS = WEEKDAY_NAMES | MONTH_NAMES
# nouns whose "of"/"from" object is a speaker: "in the words of X", "a reply from X"
WORDS_OF = {"word", "words", "reply", "response", "answer", "remark", "remarks", "comment", "comments"}
