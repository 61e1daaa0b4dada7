"""Danish words to search terms: tokens, stop words, Snowball stems and municipal synonyms.

Plain Python, no Django. PostgreSQL does the same with its ``danish`` text-search configuration
(the same Snowball stemmer and stop-word list); this module is the SQLite fallback's analyser and
the source of the reasons on both databases (which of a leader's words matched which of the
asker's). Synonyms and compounds are handled by *concepts*: a word that contains one of a
concept's roots ("weekendvagter" → ``vagt``) also yields the concept's key word ("vagtplan"),
on the leader's side and on the asker's, so "vagter", "vagtplanlægning" and "roster" meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import snowballstemmer

#: PostgreSQL's Danish stop words (``tsearch_data/danish.stop``, from the Snowball project).
_STOP = (
    "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om "
    "vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv "
    "her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end "
    "dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din "
    "nogle hos blive mange ad bliver hendes været thi jer sådan"
)
STOP_WORDS: Final = frozenset(_STOP.split())

#: Words that carry no problem in a question ("how do I get ..."): dropped from the asker's words.
_QUESTION = (
    "hvordan hvorfor hvem hvornår får få fik gør gøre gjort kan kun lige godt helt rigtig "
    "rigtigt nogen ny nye mere mest flere fleste stor store lille hjælp hjælpe brug bruge "
    "brugt vores jeres sparring sparre spørge spørg spørgsmål"
)
QUESTION_WORDS: Final = frozenset(_QUESTION.split())

#: Municipal vocabulary: concept key word → roots a word may contain (compounds) or be.
#: Roots of three letters or fewer match whole words only ("apv", "tr").
CONCEPTS: Final[dict[str, tuple[str, ...]]] = {
    "vagtplan": ("vagtplan", "vagt", "roster", "arbejdstid", "tjenesteplan", "skemalægning"),
    "deltid": ("deltid", "timelønn", "fuldtid"),
    "budget": (
        "budget",
        "økonomi",
        "regnskab",
        "merforbrug",
        "underskud",
        "overskud",
        "besparelse",
        "sparekrav",
        "finance",
    ),
    "halvår": ("halvår", "midtvejs", "midtår"),
    "sygefravær": ("sygefravær", "sygesamtal", "sygemeld", "fraværs", "fravær", "sygdom", "sick"),
    "rekruttering": (
        "rekrutter",
        "recruit",
        "ansøg",
        "jobopslag",
        "stillingsopslag",
        "ledige stilling",
        "ansættelsesudvalg",
        "ansætte",
        "fastholde",
    ),
    "personalesag": (
        "personalesag",
        "afsked",
        "advarsel",
        "tjenstlig",
        "personalejura",
        "opsig",
        "fyre",
        "fyring",
    ),
    "sammenlægning": ("sammenlæg", "fusion", "fusioner", "merger"),
    "tilsyn": ("tilsyn", "inspection", "dokumentationskrav", "kvalitetsstandard"),
    "frivillig": ("frivillig", "volunt", "forening"),
    "presse": ("presse", "medie", "journalist", "avis", "shitstorm", "krise"),
    "trivsel": ("trivsel", "stress", "arbejdsmiljø", "apv", "udbrænd", "psykisk"),
    "it": ("it-system", "system", "digital", "velfærdsteknologi", "software", "it"),
    "kollega": ("kolleg", "colleague", "rolleskift"),
    "matrikel": ("matrik", "adresser", "site"),
    "samarbejde": ("tillidsrepræsentant", "amir", "tr", "med-udvalg", "medudvalg"),
}

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SHORT = 3


@dataclass(frozen=True, slots=True)
class Term:
    """One searchable term: its stem, the word written, and the word to search for.

    For a concept's key word drawn from the asker's "vagterne", ``word`` is "vagterne" (what
    the reasons quote) and ``lexeme`` is "vagtplan" (what PostgreSQL is asked for).
    """

    stem: str
    word: str
    lexeme: str = ""


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    return snowballstemmer.stemmer("danish")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Return the Danish Snowball stem of a lower-case word."""
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """Return the lower-case words of a text (hyphenated words also split into their parts)."""
    found: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group(0)
        found.extend(word.split("-") if "-" in word else [word])
    return found


@lru_cache(maxsize=50_000)
def concepts_of(word: str) -> tuple[str, ...]:
    """Return the concept key words a lower-case word belongs to (by root, compounds included)."""
    keys = []
    for key, roots in CONCEPTS.items():
        for root in roots:
            if (len(root) <= _SHORT and word == root) or (len(root) > _SHORT and root in word):
                keys.append(key)
                break
    return tuple(keys)


def concept_words(text: str) -> list[str]:
    """Return the concept key words a text's words yield, in order (to append to the text)."""
    return [key for word in words(text) for key in concepts_of(word)]


def expand(text: str) -> str:
    """Return the text followed by its concept key words: what both databases index."""
    extra = concept_words(text)
    return f"{text} {' '.join(extra)}" if extra else text


def terms(text: str) -> Iterator[Term]:
    """Yield the searchable terms of an (already expanded) text, in order, stop words dropped."""
    for word in words(text):
        if word in STOP_WORDS:
            continue
        yield Term(stem=stem(word), word=word)


def query_terms(query: str) -> list[Term]:
    """Return the distinct terms of an asker's words with their concepts, first occurrence kept."""
    seen: dict[str, Term] = {}
    for word in words(query):
        if word in STOP_WORDS or word in QUESTION_WORDS:
            continue
        seen.setdefault(stem(word), Term(stem=stem(word), word=word, lexeme=word))
        for key in concepts_of(word):
            seen.setdefault(stem(key), Term(stem=stem(key), word=word, lexeme=key))
    return list(seen.values())


def query_words(query: str) -> list[str]:
    """Return the asker's words and concept words, stop words dropped, for PostgreSQL's query."""
    return list(dict.fromkeys(t.lexeme for t in query_terms(query)))
