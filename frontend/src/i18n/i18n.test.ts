import { describe, expect, it } from "vitest";
import { da, en, format, translate } from "./index";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sources = import.meta.glob<Record<string, string>>(["./*.json", "./areas/*.json"], {
  eager: true,
  import: "default",
});

describe("message catalogues", () => {
  it("never define one key in two files of a language", () => {
    for (const language of ["da", "en"]) {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const [file, messages] of Object.entries(sources)) {
        if (!file.endsWith(`${language}.json`)) continue;
        for (const key of Object.keys(messages)) {
          if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${file}`);
          seen.set(key, file);
        }
      }
      expect(twice).toEqual([]);
    }
  });

  it("have the same keys in Danish and English", () => {
    const missingInEnglish = Object.keys(da).filter((key) => !(key in en));
    const missingInDanish = Object.keys(en).filter((key) => !(key in da));
    expect(missingInEnglish).toEqual([]);
    expect(missingInDanish).toEqual([]);
  });

  it("have no empty messages", () => {
    for (const catalogue of [da, en] as Record<string, string>[]) {
      const empty = Object.entries(catalogue).filter(([, text]) => text.trim() === "");
      expect(empty).toEqual([]);
    }
  });

  it("use the same placeholders in both languages", () => {
    const english = en as Record<string, string>;
    const mismatched = Object.entries(da as Record<string, string>)
      .filter(([key]) => english[key] !== undefined)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(english[key]!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Hej {name}, {missing}", { name: "Mette" })).toBe("Hej Mette, {missing}");
    expect(translate("en", "home.title", { name: "Mette" })).toBe("Welcome, Mette");
    expect(translate("da", "home.title", { name: "Mette" })).toBe("Velkommen, Mette");
  });
});
