import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { VisibilityRule } from "../../api/privacy";
import { I18nProvider, useI18n } from "../../i18n";
import type { Language } from "../../i18n";
import { SERVED_RULES } from "../../test/render";
import { othersNeverSee } from "./Profile";

function Figures() {
  const { number, decimal } = useI18n();
  return (
    <p>
      {number("10.5")} | {decimal(9.4512)} | {number(12000)}
    </p>
  );
}

function figuresIn(language: Language): string {
  render(
    <I18nProvider initial={language}>
      <Figures />
    </I18nProvider>,
  );
  return screen.getByText(/\|/).textContent ?? "";
}

describe("numbers in the chosen language", () => {
  it("writes a decimal comma in Danish and a point in English", () => {
    expect(figuresIn("da")).toBe("10,5 | 9,45 | 12.000");
  });
  it("writes English numbers the English way", () => {
    expect(figuresIn("en")).toBe("10.5 | 9.45 | 12,000");
  });
});

describe("othersNeverSee", () => {
  const rule = (kind: VisibilityRule["kind"], sees: VisibilityRule["sees"]): VisibilityRule => ({
    kind,
    audience: "others",
    sees,
    logged: false,
  });

  it("names only the kinds the served rules hide from other leaders", () => {
    const rules = [
      rule("support_need", "nothing"),
      rule("mentor_pairing", "everything"),
      { ...rule("check_in_note", "nothing"), audience: "hr" as const },
    ];
    expect(othersNeverSee(rules)).toEqual(["support_need"]);
  });

  it("says other leaders see none of the private kinds, as the server serves the rules", () => {
    expect(othersNeverSee(SERVED_RULES)).toEqual([
      "support_need",
      "support_need_note",
      "help_request",
      "mentor_pairing",
      "check_in_note",
      "mentoring_feedback",
      "coach_request",
      "network_value",
      "staff_request",
    ]);
  });

  it("claims nothing before the rules have arrived", () => {
    expect(othersNeverSee([])).toEqual([]);
  });
});
