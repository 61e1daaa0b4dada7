"""Danish and English: the Danish catalogue is complete, and the API answers in the right language.

The language of a response is the user's own ``User.language`` when set (session logins), else
``Accept-Language``, else ``LANGUAGE_CODE`` (Danish). The catalogue is parsed with a small
parser here, so neither gettext nor polib is needed to run these tests.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

from backend.people import models as m

ROOT = Path(settings.BASE_DIR)
CATALOGUE_DIR = ROOT / "backend" / "locale" / "da" / "LC_MESSAGES"
PO = CATALOGUE_DIR / "django.po"
MO = CATALOGUE_DIR / "django.mo"
# Where the translatable Python source lives (matching/ is a pure library without strings).
SOURCE_DIRS = [ROOT / "backend", ROOT / "onboarding", ROOT / "seed"]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "gettext_noop"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")

# ---------------------------------------------------------------------------------------------
# A small .po parser: enough for what makemessages writes (no obsolete #~ entries are kept).


@dataclass
class Entry:
    """One catalogue entry."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0


def _unquote(text: str) -> str:
    return ast.literal_eval(text)  # a C-style quoted string; close enough to Python's


def parse_po(path: Path) -> list[Entry]:
    """Parse a .po file into entries (the header entry, msgid "", included)."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, target = None, None
            continue
        if line.startswith("#~"):
            raise AssertionError(f"{path.name}:{number}: obsolete entry left in the catalogue")
        if current is None:
            current = Entry(line=number)
            entries.append(current)
        if line.startswith("#,"):
            current.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            current.msgctxt, target = _unquote(line[8:]), ("msgctxt", 0)
        elif line.startswith("msgid_plural "):
            current.msgid_plural, target = _unquote(line[13:]), ("msgid_plural", 0)
        elif line.startswith("msgid "):
            current.msgid, target = _unquote(line[6:]), ("msgid", 0)
        elif line.startswith("msgstr["):
            index = int(line[7 : line.index("]")])
            current.msgstr[index] = _unquote(line[line.index("]") + 1 :].strip())
            target = ("msgstr", index)
        elif line.startswith("msgstr "):
            current.msgstr[0], target = _unquote(line[7:]), ("msgstr", 0)
        elif line.startswith('"') and target is not None:
            name, index = target
            if name == "msgstr":
                current.msgstr[index] += _unquote(line)
            else:
                setattr(current, name, (getattr(current, name) or "") + _unquote(line))
        else:
            raise AssertionError(f"{path.name}:{number}: cannot parse {raw!r}")
    return entries


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    entries = parse_po(PO)
    assert entries and entries[0].msgid == "", "the catalogue has no header"
    return entries


def _messages(entries: list[Entry]) -> list[Entry]:
    return [entry for entry in entries if entry.msgid]


# ---------------------------------------------------------------------------------------------
# The catalogue


def test_catalogue_has_no_fuzzy_entry(catalogue: list[Entry]) -> None:
    fuzzy = [f"line {entry.line}: {entry.msgid!r}" for entry in catalogue if "fuzzy" in entry.flags]
    assert not fuzzy, "fuzzy entries (Django ignores them):\n" + "\n".join(fuzzy)


def test_catalogue_has_no_untranslated_entry(catalogue: list[Entry]) -> None:
    forms = 2  # Danish: nplurals=2
    missing = []
    for entry in _messages(catalogue):
        expected = range(forms) if entry.msgid_plural is not None else range(1)
        if any(not entry.msgstr.get(index) for index in expected):
            missing.append(f"line {entry.line}: {entry.msgid!r}")
    assert not missing, "untranslated entries:\n" + "\n".join(missing)


def test_catalogue_header_is_danish(catalogue: list[Entry]) -> None:
    header = catalogue[0].msgstr[0]
    assert "Language: da\n" in header
    assert "charset=UTF-8" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header


def test_translations_keep_every_placeholder(catalogue: list[Entry]) -> None:
    broken = []
    for entry in _messages(catalogue):
        for index, text in entry.msgstr.items():
            source = entry.msgid if index == 0 else (entry.msgid_plural or entry.msgid)
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                broken.append(f"line {entry.line}: {entry.msgid!r} -> {text!r}")
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def test_compiled_catalogue_matches_the_po(catalogue: list[Entry]) -> None:
    """The committed .mo is compiled from the committed .po (CI has no gettext to do it)."""
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in _messages(catalogue):
        if entry.msgid_plural is not None:
            got = compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
        elif entry.msgctxt is not None:
            got = compiled.pgettext(entry.msgctxt, entry.msgid)
        else:
            got = compiled.gettext(entry.msgid)
        if got != entry.msgstr[0]:
            stale.append(entry.msgid)
    assert not stale, "run `python manage.py compilemessages -l da`; stale: " + repr(stale[:5])


def _source_strings() -> Iterator[tuple[str, str]]:
    """Literal strings passed to gettext in the project's Python source, with where they are."""
    for directory in SOURCE_DIRS:
        for path in sorted(directory.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name not in GETTEXT_NAMES:
                    continue
                argument = node.args[1] if name.startswith("pgettext") else node.args[0]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    yield argument.value, f"{path.relative_to(ROOT)}:{node.lineno}"


def test_every_source_string_is_in_the_catalogue(catalogue: list[Entry]) -> None:
    """A new or changed _("...") needs makemessages, a Danish translation and compilemessages."""
    known = {entry.msgid for entry in _messages(catalogue)}
    missing = sorted(
        {f"{where}: {text!r}" for text, where in _source_strings() if text not in known}
    )
    assert not missing, (
        "strings missing from backend/locale/da: run `python manage.py makemessages -l da` "
        "(with the --ignore options in backend/locale/README.md), translate, compilemessages:\n"
        + "\n".join(missing)
    )


# ---------------------------------------------------------------------------------------------
# The API answers in the user's language


def _bad_weight(client: APIClient, topic: m.Topic, **headers: Any) -> str:
    response = client.post(
        reverse("me-support-need-list"),
        {"topic": topic.id, "weight": 9},
        format="json",
        **headers,
    )
    assert response.status_code == 400, response.content
    return str(response.json()["weight"])


def _hr_only_field(client: APIClient, leader: m.Leader, **headers: Any) -> str:
    response = client.patch(
        reverse("leader-detail", args=[leader.id]), {"role_title": "Chef"}, format="json", **headers
    )
    assert response.status_code == 400, response.content
    return str(response.content, "utf-8")


DANISH_CHOICE = "er ikke et gyldigt valg"  # Django REST framework's own Danish catalogue
ENGLISH_CHOICE = "is not a valid choice"
DANISH_HR_ONLY = "Kun HR kan ændre dette felt."  # ours
ENGLISH_HR_ONLY = "Only HR can change this field."


@pytest.mark.django_db
def test_validation_errors_are_danish_by_default(
    world: object, new_leader: m.User, client_for: Callable[[m.User | None], APIClient]
) -> None:
    assert new_leader.language == ""
    client = client_for(new_leader)
    topic = m.Topic.objects.filter(organisation=new_leader.organisation).first()
    assert topic is not None
    assert DANISH_CHOICE in _bad_weight(client, topic)
    assert new_leader.leader is not None
    body = _hr_only_field(client, new_leader.leader)
    assert DANISH_HR_ONLY in body
    response = client.get(reverse("me"))
    assert response["Content-Language"] == "da"


@pytest.mark.django_db
def test_accept_language_en_gives_english(
    world: object, new_leader: m.User, client_for: Callable[[m.User | None], APIClient]
) -> None:
    client = client_for(new_leader)
    topic = m.Topic.objects.filter(organisation=new_leader.organisation).first()
    assert topic is not None
    assert ENGLISH_CHOICE in _bad_weight(client, topic, HTTP_ACCEPT_LANGUAGE="en")
    assert new_leader.leader is not None
    assert ENGLISH_HR_ONLY in _hr_only_field(client, new_leader.leader, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_users_own_language_wins_over_accept_language(
    world: object, new_leader: m.User, client_for: Callable[[m.User | None], APIClient]
) -> None:
    client = client_for(new_leader)
    response = client.patch(reverse("me"), {"language": "en"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["language"] == "en"
    topic = m.Topic.objects.filter(organisation=new_leader.organisation).first()
    assert topic is not None
    assert new_leader.leader is not None
    # No header, and even a Danish header: the user's choice decides.
    assert ENGLISH_CHOICE in _bad_weight(client, topic)
    assert ENGLISH_HR_ONLY in _hr_only_field(client, new_leader.leader, HTTP_ACCEPT_LANGUAGE="da")
    assert client.get(reverse("me"))["Content-Language"] == "en"


@pytest.mark.django_db
def test_users_danish_wins_over_an_english_browser(
    world: object, new_leader: m.User, client_for: Callable[[m.User | None], APIClient]
) -> None:
    new_leader.language = "da"
    new_leader.save(update_fields=["language"])
    client = client_for(new_leader)
    assert new_leader.leader is not None
    assert DANISH_HR_ONLY in _hr_only_field(client, new_leader.leader, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_blank_language_follows_accept_language_again(
    world: object, new_leader: m.User, client_for: Callable[[m.User | None], APIClient]
) -> None:
    new_leader.language = "en"
    new_leader.save(update_fields=["language"])
    client = client_for(new_leader)
    assert client.patch(reverse("me"), {"language": ""}, format="json").status_code == 200
    assert new_leader.leader is not None
    assert DANISH_HR_ONLY in _hr_only_field(client, new_leader.leader)
    assert ENGLISH_HR_ONLY in _hr_only_field(client, new_leader.leader, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_a_service_error_is_translated(
    world: object, hr: m.User, client_for: Callable[[m.User | None], APIClient]
) -> None:
    """A message a service raises (gettext at raise time) follows the request's language too."""
    client = client_for(hr)
    existing = m.Topic.objects.filter(organisation=hr.organisation).first()
    assert existing is not None
    payload = {"slug": existing.slug, "label_da": "Budget igen", "label_en": "Budget again"}
    url = reverse("topic-list")
    danish = client.post(url, payload, format="json")
    assert danish.status_code == 400, danish.content
    assert danish.json()["slug"] == ["Der findes allerede et emne med denne nøgle."]
    english = client.post(url, payload, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["slug"] == ["A topic with this key already exists."]
    hr.language = "en"
    hr.save(update_fields=["language"])
    assert client.post(url, payload, format="json").json()["slug"] == [
        "A topic with this key already exists."
    ]
