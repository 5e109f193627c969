"""The words the disruption rules read: triggers, what can be cut, the frames that
change a statement's status, and the cue words of areas and reasons.

Written from how Pakistani outlets and digital-rights groups report shutdowns:
"mobile internet services were suspended in ...", "X remained inaccessible for the
third day", "the PTA denied blocking ...", "the interior ministry decided to suspend
cellular service on 9th and 10th Muharram", "users demanded that X be restored".
"""

from __future__ import annotations

import re

from ..kinds import Network, Reason

# -- triggers ----------------------------------------------------------------------
# what a trigger says about the service: cut, slowed, or back
CUT, SLOW, BACK = "cut", "slow", "back"

# verbs whose subject, in the active voice, is who cut (or restored), never what was cut:
# "Wikipedia neither blocked nor removed the content" cuts nothing ("services shut down" does)
TRANSITIVE_ONLY = {"suspend", "block", "ban", "restrict", "censor", "jam", "disrupt", "throttle", "restore",
                   "unblock", "unban", "reinstate", "lift", "revoke", "rescind", "withdraw", "reverse", "curb",
                   "bar", "degrade", "curtail", "sever", "disconnect", "interrupt", "hamper", "reconnect"}
# verbs by lemma; a verb listed in NEEDS_PARTICLE counts only with one of its particles
VERB_TRIGGERS = {
    "suspend": CUT, "block": CUT, "ban": CUT, "disrupt": CUT, "restrict": CUT, "jam": CUT,
    "censor": CUT, "shut": CUT, "cut": CUT, "switch": CUT, "turn": CUT, "black": CUT, "go": CUT,
    "knock": CUT, "blackout": CUT, "bar": CUT, "curb": CUT, "halt": CUT, "snap": CUT,
    "curtail": CUT, "sever": CUT, "disconnect": CUT, "interrupt": CUT, "hamper": CUT,
    "throttle": SLOW, "slow": SLOW, "degrade": SLOW,
    "restore": BACK, "unblock": BACK, "unban": BACK, "lift": BACK, "resume": BACK, "reinstate": BACK,
    "revoke": BACK, "rescind": BACK, "withdraw": BACK, "reverse": BACK, "reopen": BACK,
    "reconnect": BACK, "normalise": BACK, "normalize": BACK,
    # a service as their subject: "cellular signals vanished", "mobile internet returned"
    "vanish": CUT, "disappear": CUT, "return": BACK, "end": BACK,
}
# verbs that are triggers only in an idiom, by the noun it needs among their arguments:
# "pulled the plug on mobile internet", "services were put on hold"
IDIOMS = {"pull": ("plug", CUT), "put": ("hold", CUT)}
# "switched back on", "turned on again": the particle that undoes the cut
BACK_PARTICLES = {"switch": "on", "turn": "on"}
NEEDS_PARTICLE = {
    "switch": {"off"}, "turn": {"off"}, "black": {"out"}, "go": {"down", "offline", "dark"},
    "knock": {"offline", "out"}, "snap": {"off"},
}
# "lift the ban", "withdraw the suspension": these undo a cut named by their object, never alone
UNDO_VERBS = {"lift", "revoke", "rescind", "withdraw", "reverse", "end"}  # "ending a suspension that began ..."

NOUN_TRIGGERS = {
    "suspension": CUT, "block": CUT, "blockade": CUT, "blockage": CUT, "blocking": CUT, "ban": CUT,
    "shutdown": CUT, "outage": CUT, "blackout": CUT, "disruption": CUT, "restriction": CUT,
    "closure": CUT, "cutoff": CUT, "unavailability": CUT, "interruption": CUT, "disconnection": CUT,
    "jamming": CUT, "curtailment": CUT,
    "throttling": SLOW, "slowdown": SLOW,
    "restoration": BACK, "reinstatement": BACK, "resumption": BACK, "unblocking": BACK, "lifting": BACK,
}
# "shut-down", "black-out" written with a hyphen
NOUN_SPELLINGS = {"shut-down": "shutdown", "black-out": "blackout", "cut-off": "cutoff", "slow-down": "slowdown"}

# adjectives and adverbs after a copula ("X remained inaccessible", "YouTube was slow")
ADJ_TRIGGERS = {
    "inaccessible": CUT, "unavailable": CUT, "unreachable": CUT, "offline": CUT, "down": CUT,
    "suspended": CUT, "blocked": CUT, "dark": CUT, "banned": CUT, "restricted": CUT, "disrupted": CUT,
    "jammed": CUT, "shut": CUT, "off": CUT, "unusable": CUT,
    "slow": SLOW, "slowly": SLOW, "sluggish": SLOW, "throttled": SLOW,
    "unblocked": BACK, "restored": BACK, "unbanned": BACK,
}
# adjectives that cut only as a predicate ("X went offline"): before a noun they name a
# mode or a feature ("offline downloads", "a dark theme")
PREDICATIVE_ONLY = {"offline", "down", "off", "dark", "shut"}
# "X became accessible", "YouTube was available again", "WhatsApp came back online": back,
# though the adjective alone ("X is accessible via VPN") says nothing changed; "available"
# and "online" need "again" or "back" ("Threads became available in Pakistan" is a launch)
AVAILABLE = {"accessible", "reachable", "operational", "functional"}
AVAILABLE_AGAIN_ONLY = {"available", "online"}
BECOME = {"become", "come", "get"}
AGAIN = {"again", "back"}
# verbs that slow a speed named as their subject ("speeds had fallen by 40 percent",
# "download speeds dropped") or object ("crawling internet speeds")
SPEED_VERBS = {"fall", "drop", "decline", "plunge", "dip", "crawl", "plummet", "deteriorate", "decrease"}
# "unable to access X", "could not load X", "X was not working": cut, though negated
ACCESS_VERBS = {"access", "load", "work", "open", "connect", "use", "reach", "stream", "upload", "download"}
ACCESS_FAILURE = {"unable", "fail", "struggle", "problem", "difficulty", "trouble", "issue", "complaint",
                  "stop", "cease", "refuse"}  # "X stopped loading", "Substack has refused to load"

# -- what is cut ---------------------------------------------------------------------
# nouns that name a service (their phrase is read for what it is); anything else as the
# object of a trigger is not a service ("1,000 SIMs", "a road", "the match", "a player")
SERVICE_HEADS = {
    "service", "internet", "data", "network", "connectivity", "connection", "media", "platform",
    "site", "website", "app", "application", "broadband", "communication", "signal", "coverage",
    "sms", "call", "access", "line", "telephone", "phone", "cellphone", "domain", "webpage",
    "page", "game", "3g", "4g", "5g", "telecommunication", "telecom", "messaging", "networking", "vpn",
    "feed", "timeline", "facility", "speed", "bandwidth", "datum", "download", "upload",
}
# what slows rather than stops: a cut, restoration or slowing of these is throttling
# ("normal internet speeds were restored", "slow speeds", "downloads remained slow")
SPEED_HEADS = {"speed", "bandwidth", "download", "upload"}
# people and places affected: neither a service nor something else ("users faced outages",
# "major areas experienced outages", "a partial restoration for certain users")
NEUTRAL_NOUNS = {"user", "subscriber", "customer", "consumer", "netizen", "resident", "people", "citizen",
                 "area", "city", "region", "part", "province", "district", "town", "village", "country",
                 "parts", "areas", "cities", "regions", "student", "journalist", "business"}
# a noun trigger of habit or generality ("an organisation that tracks internet outages")
GENERIC_VERBS = {"track", "monitor", "measure", "document", "study", "record", "map", "count", "detect",
                 "research", "analyse", "analyze", "investigate"}
# what a bare trigger noun ("the blockade", "the outage") must be the argument of to say
# something: its start, end, continuation or effect
BARE_VERBS = {"begin", "start", "commence", "end", "continue", "persist", "remain", "stay", "keep", "enter", "last",
              "drag", "hit", "affect", "occur", "happen", "impose", "lift", "enforce", "extend", "stretch", "order",
              "notify", "announce", "implement", "approve", "deny",
              "face", "experience", "suffer", "witness", "see", "encounter", "undergo", "endure"}
# what a copula can say of a bare trigger noun: its extent ("the disruption was nationwide")
BARE_EXTENT = {"nationwide", "countrywide", "widespread", "partial", "total", "complete", "temporary", "brief",
               "localised", "localized", "intermittent", "patchy", "severe"}
# verbs that a manner adverb trigger can hang on ("apps were running very slowly")
MANNER_HEADS = {"be", "remain", "stay", "become", "go", "continue", "run", "work", "load", "function", "operate"}
# nouns that say a trigger noun is about something else ("power outage", "traffic disruption")
NOT_SERVICES = {"power", "electricity", "gas", "water", "load", "traffic", "road", "highway", "motorway",
                "transport", "train", "flight", "rail", "fuel", "supply", "trade", "school", "market",
                "account", "sim", "match", "visa", "import", "export", "container", "route"}
# words that stand for a service named earlier: "the platform", "services were restored", "it"
ANAPHORS = {"it", "they", "them", "service", "platform", "site", "website", "app", "application",
            "network", "access", "facility", "connectivity"}

# regular expressions over the object phrase (lower case) -> networks and kind hints
MOBILE = r"(?:mobile|cellular|cell[- ]?phone|cellphone|smartphone)"
NETWORK_PATTERNS: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (re.compile(rf"\b{MOBILE}[ -](?:phone[ -])?(?:internet|data|broadband)\b|\b[345]g\b|\bdata services?\b"
                r"|\bmobile internet\b"), (Network.MOBILE_DATA,)),
    # cellular service as a whole carries calls and data ("mobile phone services", "cellular services")
    (re.compile(rf"\b{MOBILE}(?:[ -]phones?)?[ -](?:services?|networks?|signals?|connectivity|coverage|"
                r"communications?|operators?|companies)\b|\bcellular\b"), (Network.MOBILE_VOICE, Network.MOBILE_DATA)),
    (re.compile(r"\bvoice (?:calls?|services?|communications?)\b|\bphone (?:services?|lines?|calls?)\b|\bcalls?\b"),
     (Network.MOBILE_VOICE,)),
    (re.compile(r"\bsms\b|\btext messag"), (Network.SMS,)),
    (re.compile(r"\b(?:broadband|fib(?:re|er)|wi-?fi|dsl)(?: internet)?\b"), (Network.BROADBAND,)),
    (re.compile(r"\b(?:fixed[- ]?lines?|landlines?)(?: internet| phones?)?\b"), (Network.FIXED_LINE,)),
]
# services of other kinds, blanked before reading ("internet banking" is banking)
OTHER_SERVICES = re.compile(r"\b(?:internet|online|mobile|sms) banking\b|\b(?:internet|online) (?:payments?|shopping|classes)\b"
                            r"|\bbanking apps?\b|\bride-hailing\b")
# the whole internet and whole telecom (read after blanking what NETWORK_PATTERNS matched,
# so that the "internet" of "mobile internet" does not count)
ALL_INTERNET = re.compile(
    r"\binternet\b|\btele(?:com|communications?)\b|\bcommunications? (?:services?|networks?|systems?)\b"
    r"|\bconnectivity\b|\ball communications?\b"
)
SOCIAL_MEDIA = re.compile(r"\bsocial[ -](?:media|networking|networks?)\b|\bmessaging\b")
WEBSITE = re.compile(r"\bweb ?sites?\b|\bweb ?pages?\b|\bdomains?\b|\bsites?\b|\bportals?\b")
DOMAIN = re.compile(r"\b(?:www\.)?[a-z0-9-]+\.(?:com|org|net|pk|info|io|tv|co)(?:\.pk)?\b")
APP = re.compile(r"\bapps?\b|\bapplications?\b|\bgames?\b")
# platform categories (platforms.json) that are networks, operators or sites, not platforms
NETWORK_CATEGORIES = {"network", "operator"}
WEBSITE_CATEGORIES = {"reference"}
CIRCUMVENTION_CATEGORIES = {"circumvention"}
APP_CATEGORIES = {"game", "dating", "live streaming", *CIRCUMVENTION_CATEGORIES}
# short-video platforms the PTA bans as apps (its orders name them apps), unlike other video sites
APP_PLATFORMS = {"TikTok", "Likee"}
# the nouns that make the proper noun next to them an app's name ("the online game Free Fire")
APP_NOUNS = {"app", "application", "game"}
MOBILE_OPERATORS = {"Jazz", "Zong", "Telenor", "Ufone", "SCOM"}

# -- status frames --------------------------------------------------------------------
# verbs (lemma, or lemma + particle) over the trigger that make it something else than
# a report of what happened
DENY = {"deny", "refute", "reject", "dismiss", "debunk"}
RULE_OUT = {"rule out", "call off", "cancel", "refuse", "turn down", "shelve", "abandon", "scrap", "postpone", "drop",
            "decide against", "back down", "backtrack", "withdraw", "revoke", "rescind", "reverse"}
# verbs that keep someone "from" doing it: "the court barred the PTA from blocking X"
PREVENT = {"bar", "prevent", "restrain", "stop", "prohibit", "forbid", "stay", "deter"}
# "no plans to ban X", "no decision has been taken to suspend ...": nothing is coming
NO_PLAN_NOUNS = {"plan", "decision", "intention", "proposal", "move", "order", "question", "need"}
# the verbs that give an order: "had not issued any directive to block X" denies one
ISSUE_VERBS = {"issue", "give", "send", "pass", "sign", "make", "take"}
# the verbs of a decision still to come ("a decision ... would be taken")
TAKE_DECISION = {"take", "make", "reach"}
DEMAND = {"demand", "urge", "call for", "call on", "appeal", "request", "seek", "plead", "press",
          "want", "insist", "push", "ask"}
# orders and plans: announced (an order by a body of the state is announced, not demanded)
ANNOUNCE = {"announce", "decide", "plan", "order", "direct", "instruct", "schedule", "approve", "notify",
            "propose", "intend", "prepare", "recommend", "issue", "expect", "agree"}
# of those, the ones that announce a disruption named as their direct object ("notified the
# suspensions"); "the suspension was ordered", "imposed a ban" report it done
ANNOUNCE_OBJECT = {"announce", "notify", "plan", "propose", "schedule", "recommend", "consider", "expect"}
# nouns through which a plan or demand still reaches the trigger ("its request to suspend")
PLAN_NOUNS = {"request", "demand", "call", "plan", "decision", "order", "notification", "directive",
              "instruction", "proposal", "move", "intention", "threat", "warning", "need"}
# a question left open under a negated or unknowing verb ("did not say when ... would return")
OPEN_QUESTION_WORDS = {"when"}
NOT_KNOWN = {"unclear", "uncertain", "unknown"}
# a trigger in a question ("explain why mobile data was suspended"): it happened
QUESTION_WORDS = {"why", "how", "whether"}
# plurals that are generic without a determiner ("they can block platforms")
GENERIC_PLURALS = {"platform", "app", "application", "website", "site"}
# determiners that make a bare trigger noun none in particular ("any suspension"; "a partial
# restoration" is one)
QUANTIFIERS = {"any", "all", "every", "each", "most", "other", "such", "no"}
# cuts in general, not one of them: "past suspensions", "suspensions had often extended",
# "communication about internet restrictions"
IN_GENERAL = {"past", "previous", "earlier", "such", "frequent", "repeated", "recurring", "routine", "periodic"}
HABITUAL = {"often", "usually", "routinely", "frequently", "repeatedly", "regularly", "sometimes", "always",
            "typically", "generally"}
TOPIC_PREPS = {"about", "against", "on", "over", "regarding"}
# determiners that make a service noun stand for one named before ("the site", "this app")
DEFINITE = {"the", "this", "that", "these", "those"}
# words that make a noun indefinite or generic ("a platform", "other apps"): no antecedent
INDEFINITE = {"a", "an", "any", "other", "some", "many", "several", "every", "each", "all", "most", "such"}
HYPOTHESIS = {"threaten", "consider", "mull", "contemplate", "fear", "may", "might", "could", "can",
              "rumour", "rumor", "speculate", "weigh", "likely"}
# ("whether" supposes only over the trigger's own clause; above it, it asks: see QUESTION_WORDS)
CONDITIONAL_MARKS = {"if", "unless", "lest"}
# auxiliaries that open a condition before their subject: "Should X be blocked, ..."
INVERTED_CONDITION_AUX = {"should", "were", "had"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "’ll"}
HYPOTHETICAL_AUX = {"may", "might", "could", "can"}
# "the government must restore ...": a demand
OBLIGATION_AUX = {"must", "should", "ought"}
# still in force: "X remained blocked", "the outage continued", "is still inaccessible"
ONGOING = {"remain", "continue", "persist", "stay", "enter", "drag", "linger", "keep"}
# the same verbs as written, for the auxiliaries the lemmatizer leaves alone ("remained" as auxpass)
ONGOING_FORMS = re.compile(r"^(?:remain|stay|continu|persist|kept|keep|linger)")
ONGOING_ADVERBS = {"still", "yet", "ongoing", "continuing", "continued", "persistent", "continuous"}
# verbs whose subject is the disruption's agent when the trigger is their object
IMPOSE = {"impose", "order", "enforce", "implement", "announce", "place", "put", "issue", "approve", "direct",
          "decide", "lift", "instruct", "carry", "undertake", "suspend", "block", "restore", "write"}
# light verbs: "X faced disruption", "users experienced outages"
SUFFER = {"face", "experience", "suffer", "witness", "see", "encounter", "undergo", "endure", "hit",
          "affect", "plague"}
# reporting verbs are transparent: "NetBlocks said X was restricted"
REPORTING = {"say", "tell", "add", "report", "note", "confirm", "state", "claim", "observe", "tweet", "post",
             "show", "indicate", "reveal", "highlight", "point", "learn", "inform", "allege", "according"}

# "on the directions of the Ministry of Interior", "on the orders of the IHC"
ORDER_NOUNS = {"direction", "directive", "order", "instruction", "request", "behest", "advice",
               "recommendation", "orders", "directions", "instructions", "notification", "decision"}
GOVERNMENT = re.compile(
    r"\b(?:(?:the\s+)?(?:federal|provincial|caretaker|interim|Punjab|Sindh|Balochistan|Khyber Pakhtunkhwa|KP|"
    r"Gilgit-Baltistan|GB|AJK|Islamabad)\s+(?:government|administration|home department|cabinet)|"
    r"(?:Punjab|Sindh|Balochistan|Khyber Pakhtunkhwa|KP|Gilgit-Baltistan|GB|AJK)\s+[Hh]ome\s+[Dd]epartment|"
    r"[Hh]ome\s+[Dd]epartment|district administration|deputy commissioner)\b"
)
# org types (orgs.json) named by their acronym in ordered_by ("PTA", "PEMRA")
ACRONYM_ORG_TYPES = {"regulator"}
COURT_ORG_TYPE = "court"

# -- areas ----------------------------------------------------------------------------
NATIONWIDE = re.compile(
    r"\b(?:nationwide|nation-wide|countrywide|country-wide|across the country|across pakistan|"
    r"all over (?:the country|pakistan)|throughout (?:the country|pakistan)|(?:in |across )?(?:(?:various|several|"
    r"many|most|different|all|other) )?parts of the country|across (?:various|several|many|different) regions|"
    r"(?:anywhere |everywhere )?in the country(?!['’]))\b",
    re.I,
)
# a place named again by its kind ("in the province"): the one of that scope its sentence names
BACK_TO_PLACE = re.compile(r"\b(?:in|across|throughout|of) the (province|district|city)\b(?!['’])", re.I)
# what Pakistani reporting calls Islamabad (and Rawalpindi) without naming them: a reference
# to the city the text named before ("... Islamabad's Blue Area ... cut off in the capital")
CAPITAL_REFERENCES = [
    (re.compile(r"\bthe (?:federal )?capital\b(?! (?:territory|punishment|gains?|markets?|flight|spending))", re.I),
     ("Islamabad",)),
    (re.compile(r"\bthe twin cities\b", re.I), ("Islamabad", "Rawalpindi")),
]
# Pakistan as a national area (GeoNames country centroid)
PAKISTAN = {"name": "Pakistan", "latitude": 30.0, "longitude": 70.0}
# nouns of bodies a place name can be part of ("the Punjab home department", "Sindh Home Minister")
BODY_NOUNS = {"department", "government", "minister", "ministry", "board", "police", "chief", "assembly",
              "secretary", "spokesperson", "spokesman", "official", "administration", "court", "cabinet",
              "commissioner", "governor", "party", "chapter", "committee", "authority"}
# the marks of a side clause whose places are the scene of something else ("while", "as")
SIDE_CLAUSE_MARKS = {"while", "as", "when", "after", "before", "because", "since", "whereas"}
PLACE_SCOPES = {"country": "national", "province": "province", "territory": "province",
                "district": "district", "tribal districts": "district", "division": "district",
                "region": "district", "city": "city"}

# -- dates ------------------------------------------------------------------------------
START_PREPS = {"since", "from", "starting", "beginning", "effective"}
END_PREPS = {"until", "till", "til", "through", "to", "ending", "upto"}
START_VERBS = {"begin", "start", "commence", "impose"}
END_VERBS = {"end", "lift", "restore", "conclude"}
ORDINAL_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "two": 2, "three": 3, "four": 4,
                "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
NTH_DAY = re.compile(
    r"\b(?:(?:the|its|a)\s+(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(?:st|nd|rd|th))\s+(?:consecutive\s+|straight\s+|successive\s+|running\s+)?day"
    r"|day\s+(?P<num>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of)\b",
    re.I,
)

# how long it lasted, counted back from the date of the statement: "restored on Friday after
# four days" counts Friday as day four; "three days after it was switched off" and "after a
# three-day suspension" count whole days before it
_COUNT = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
DAYS_INCLUSIVE = re.compile(rf"\bafter\s+{_COUNT}\s+days\b", re.I)
DAYS_BEFORE = re.compile(rf"(?:\b(?=\w+\s+days\s+after\b)|\bafter\s+an?\s+(?=\w+[- ]day\b)){_COUNT}", re.I)
# an announced span from its start: "for 48 hours", "for two days"
SPAN = re.compile(rf"\bfor\s+(?:the\s+next\s+)?{_COUNT}\s+(?P<unit>hours?|days?)\b", re.I)
COUNT_WORDS = {"one": 1, "eleven": 11, "twelve": 12, **{k: v for k, v in ORDINAL_DAYS.items() if k.isalpha()}}

# -- reasons ------------------------------------------------------------------------------
REASONS: list[tuple[Reason, re.Pattern]] = [
    (Reason.RELIGIOUS_PROCESSION, re.compile(
        r"\b(?:muharram|ashura|ashoora|youm-e-ashur|procession|processions|chehlum|majalis|majlis|arbaeen|"
        r"eid milad|milad-un-nabi|12th rabiul awwal|9th and 10th)\b", re.I)),
    (Reason.PROTEST, re.compile(
        # "march" lower case only: "March" is the month ("Long March", "Aurat March" named)
        r"\b(?:(?i:protests?|protesters?|protestors?|sit-ins?|dharnas?|(?:long|aurat|azadi) march|rall(?:y|ies)|"
        r"demonstrations?|demonstrators|agitation|jalsas?|power show|telethon|virtual (?:rally|event|gathering)|"
        r"online (?:rally|event|gathering)|clashes)|march|marches)\b")),
    (Reason.ELECTION, re.compile(
        r"\b(?:elections?|electoral|polling|polls?|by-elections?|by-polls?|vote|votes|voting|general election)\b",
        re.I)),
    (Reason.SECURITY_OPERATION, re.compile(
        r"\b(?:security (?:concerns?|reasons?|threats?|situation|measures?|operations?|forces|alerts?)|"
        r"military operation|operation|law and order|national security|terroris[mt]s?|militants?|militancy|"
        r"insurgen(?:ts?|cy)|threat alert|sectarian)\b", re.I)),
    (Reason.COURT_ORDER, re.compile(
        r"\b(?:court(?:'s|’s)? (?:order|orders|directive|directions?|ruling|verdict)|"
        r"orders? of the (?:\w+ )*court|on (?:the )?court orders?|"
        r"(?:ihc|lhc|shc|phc|bhc|court) (?:order|ordered|directed))\b", re.I)),
    (Reason.EXAM, re.compile(r"\b(?:exams?|examinations?|entry tests?|mdcat|papers? leak|cheating)\b", re.I)),
    (Reason.CONTENT, re.compile(
        r"\b(?:blasphem\w*|immoral|obscen\w*|indecent|vulgar\w*|objectionable|sacrilegious|unethical|"
        r"anti-state|anti-islamic|pornograph\w*|derogatory|hate (?:speech|material)|fake news|"
        r"propaganda|misinformation|disinformation)\b", re.I)),
    # breakdowns and nature: a cut cable, a landslide, snow, a power failure
    (Reason.OTHER, re.compile(
        r"\b(?:(?:submarine|undersea|international|fib(?:re|er)(?:[- ]optic)?|optic(?:al)?) cables?|"
        r"cable (?:faults?|cuts?|damage|segments?|repairs?)|landslides?|landsliding|snow(?:fall|storms?)?|floods?|"
        r"flooding|earthquakes?|storms?|power (?:breakdowns?|failures?)|technical (?:faults?|glitch(?:es)?)|"
        r"celebrations?)\b", re.I)),
]
