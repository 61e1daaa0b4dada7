import { describe, expect, it } from "vitest";
import type { VisibilityRule } from "../../api/privacy";
import { coachHrSentence, coachSentences } from "../../components/Privacy";
import { translate } from "../../i18n";
import { SERVED_RULES } from "../../test/render";

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("en", key, vars);

function changed(audience: string, change: Partial<VisibilityRule>): VisibilityRule[] {
  return SERVED_RULES.map((rule) =>
    rule.kind === "coach_request" && rule.audience === audience ? { ...rule, ...change } : rule,
  );
}

describe("the coach request's privacy sentences come from the served rules", () => {
  it("say who reads it, that HR's reads are logged, and who never knows", () => {
    expect(coachSentences(SERVED_RULES, da)).toEqual([
      "Du og HR kan læse din anmodning.",
      "Hver gang HR læser den, bliver det skrevet i din adgangslog.",
      "Din chef og lederne over dig, din mentor og andre ledere kan ikke se den – heller ikke at den findes.",
    ]);
    expect(coachSentences(SERVED_RULES, en)[2]).toBe(
      "Your boss and the leaders above them, your mentor and other leaders cannot see it – not even that it exists.",
    );
    expect(coachHrSentence(SERVED_RULES, da)).toContain("adgangslog");
  });

  it("change when a rule changes", () => {
    const lineSees = coachSentences(changed("line", { sees: "everything" }), en);
    expect(lineSees[0]).toBe("You, HR and your boss and the leaders above them can read your request.");
    expect(coachHrSentence(changed("hr", { logged: false }), da)).toBe("");
  });
});
