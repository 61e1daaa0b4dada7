import { describe, expect, it } from "vitest";
import type { DirectoryRules } from "../api/directory";
import { translate } from "../i18n";
import served from "../test/directoryRules.json";
import { directorySentences } from "./Privacy";

// The rules the server serves (`tests/backend/networks/test_directory.py` checks this copy).
const SERVED = served as DirectoryRules;
const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("en", key, vars);

describe("what crosses to other municipalities, from the served rules", () => {
  it("names the card's facts, when it is shown, and when contact details cross", () => {
    expect(directorySentences(SERVED, da)).toEqual([
      "Ledere i andre kommuner ser kun: navn, stillingsbetegnelse, type af tilbud, kommune og hvad man kan spørge dig om.",
      "Kortet vises kun, mens både du og din kommune er med, og kun for ledere i kommuner, der selv er med.",
      "Din e-mail og dit telefonnummer ser de først, når du siger ja til en introduktion.",
      "Intet andet om dig kan ses fra en anden kommune – hverken af ledere, chefer eller HR.",
    ]);
    expect(directorySentences(SERVED, en)[0]).toBe(
      "Leaders in other municipalities see only: name, role title, type of service, municipality and what to ask you about.",
    );
  });

  it("changes with the rules: a field less is a word less, an unknown rule is not claimed", () => {
    const fewer = { ...SERVED, card: SERVED.card.filter((field) => field !== "ask_me_about") };
    expect(directorySentences(fewer, en)[0]).toBe(
      "Leaders in other municipalities see only: name, role title, type of service and municipality.",
    );
    const other = { ...SERVED, contact_on: "always", others: "everything" as const, requires: [] };
    expect(directorySentences(other, en)).toHaveLength(1);
  });
});
