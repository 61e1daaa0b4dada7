import { describe, expect, it } from "vitest";
import da from "./da.json";
import en from "./en.json";
import { format, translate } from "./index";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
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
