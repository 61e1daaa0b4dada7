import { describe, expect, it } from "vitest";
import type { VisibilityRule } from "../api/privacy";
import { translate } from "../i18n";
import { SERVED_RULES } from "../test/render";
import { feedbackSentence } from "./Privacy";

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("en", key, vars);

describe("who reads pulses and exit-survey answers", () => {
  it("is worded from the served mentoring-feedback rule", () => {
    expect(feedbackSentence(SERVED_RULES, da)).toBe(
      "HR (programmets koordinator) ser dem kun i tal, der bygger på mindst fem personer, og din " +
        "kommentar uden dit navn. Din chef og lederne over dig, den anden i forløbet og andre " +
        "ledere ser aldrig dine svar.",
    );
    expect(feedbackSentence(SERVED_RULES, en)).toMatch(/^HR \(the programme coordinator\)/);
  });

  it("changes when the rule changes", () => {
    const rules: VisibilityRule[] = SERVED_RULES.map((rule) =>
      rule.kind === "mentoring_feedback" && rule.audience === "mentor"
        ? { ...rule, sees: "everything" }
        : rule,
    );
    expect(feedbackSentence(rules, en)).toMatch(/^The other in the pair can read your answers\./);
  });
});
