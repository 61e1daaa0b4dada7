"""Journey: HR previews a leader import, sees the row at fault, fixes it and imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from backend.people import models as m
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADER = (
    "medarbejdernummer;fornavn;efternavn;stillingsbetegnelse;forvaltning;center/område;"
    "enhedskode;enhed;startdato"
)
ROWS = [
    "90001;Anja;Mørk;Skoleleder;Børn og Unge;Skole;S-77;Østre Skole;01-08-2026",
    "90002;Bjørn;Ærø;Centerleder;Social og Sundhed;Ældre og Sundhed;P-12;Plejecenter Å;{date}",
]


def _csv(tmp_path: Path, name: str, date: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *ROWS]).format(date=date) + "\n", encoding="utf-8")
    return path


def test_hr_previews_fixes_and_imports_leaders(
    browser: Browser, world: World, tmp_path: Path
) -> None:
    browser.login(world.hr)
    browser.page.get_by_role("navigation").get_by_role("link", name="Importér ledere").click()
    browser.expect_heading("Importér ledere")
    browser.check("import")

    upload = browser.page.get_by_label("Fil", exact=True)
    upload.set_input_files(str(_csv(tmp_path, "bad.csv", "31-02-2026")))
    browser.page.get_by_role("button", name="Vis prøvekørsel").click()
    errors = browser.page.get_by_role("table", name="Fejl pr. række og kolonne")
    expect(errors).to_contain_text("startdato")
    expect(errors.get_by_role("row").nth(1)).to_contain_text("3")
    assert not browser.page.get_by_role("button", name="Importér nu").is_visible()
    browser.check("import-errors")

    upload.set_input_files(str(_csv(tmp_path, "good.csv", "01-09-2026")))
    browser.page.get_by_role("button", name="Vis prøvekørsel").click()
    ok = browser.page.get_by_role("heading", name="Prøvekørslen fandt ingen fejl.")
    expect(ok).to_be_visible()
    assert not m.Leader.objects.filter(employee_number="90002").exists()
    browser.page.get_by_role("button", name="Importér nu").click()
    expect(browser.page.get_by_role("heading", name="Importen er gennemført.")).to_be_visible()
    assert m.Leader.objects.get(employee_number="90002").last_name == "Ærø"
    browser.check("import-done")

    browser.switch_language("en")
    browser.expect_heading("Import leaders")
    upload = browser.page.get_by_label("File", exact=True)
    upload.set_input_files(str(_csv(tmp_path, "bad-en.csv", "31-02-2026")))
    browser.page.get_by_role("button", name="Show dry run").click()
    expect(browser.page.get_by_role("table", name="Errors by row and column")).to_be_visible()
    browser.check("import-errors")
