import { describe, expect, it } from "vitest";
import type { VisibilityRule } from "../../api/privacy";
import { staffRequestSentence } from "../../components/Privacy";
import { translate } from "../../i18n";
import { SERVED_RULES } from "../../test/render";

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("en", key, vars);

function changed(audience: string, sees: VisibilityRule["sees"]): VisibilityRule[] {
  return SERVED_RULES.map((rule) =>
    rule.kind === "staff_request" && rule.audience === audience ? { ...rule, sees } : rule,
  );
}

describe("who reads a request to the staff functions", () => {
  it("is worded from the served rule: HR reads it, the line never learns of it", () => {
    expect(staffRequestSentence(SERVED_RULES, da)).toBe(
      "HR kan læse dine anmodninger til stabene og dine beskeder. Din chef og lederne over dig, " +
        "din mentor og andre ledere kan ikke se, at du har bedt om hjælp.",
    );
    expect(staffRequestSentence(SERVED_RULES, en)).toBe(
      "HR can read your requests to the staff functions and your messages. Your boss and the " +
        "leaders above them, your mentor and other leaders cannot see that you asked for help.",
    );
  });

  it("changes with the rule, so it never claims more than the server keeps", () => {
    const sentence = staffRequestSentence(changed("line", "everything"), da);
    expect(sentence).toContain("HR og din chef og lederne over dig kan læse");
    expect(sentence).not.toContain("Din chef og lederne over dig, din mentor");
  });

  it("without a rule claims no reader (no rule is no permission)", () => {
    expect(staffRequestSentence([], da)).toBe(
      "HR, din chef og lederne over dig, din mentor og andre ledere kan ikke se, " +
        "at du har bedt om hjælp.",
    );
  });
});
