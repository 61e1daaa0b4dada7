import { describe, expect, it } from "vitest";
import type { Kind, Sees, VisibilityRule } from "../api/privacy";
import { translate } from "../i18n";
import { SERVED_RULES } from "../test/render";
import { composerSentence, networkValueHrSentence } from "./Privacy";

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("en", key, vars);

/** The served rules with HR's rule for ``kind`` changed to ``sees``. */
function withHr(kind: Kind, sees: Sees): VisibilityRule[] {
  return SERVED_RULES.map((rule) =>
    rule.kind === kind && rule.audience === "hr" ? { ...rule, sees } : rule,
  );
}

describe("HR's network-value overview", () => {
  it("is worded from the served network-value and informal-network rules", () => {
    expect(networkValueHrSentence(SERVED_RULES, da)).toBe(
      "Tal og kommentarer vises kun for netværk med mindst fem svar, og kommentarer står uden " +
        "navn. Ingen kan se den enkeltes svar. Uformelle netværk er medlemmernes egne: HR ser " +
        "kun, hvor mange der er med, fra fem personer, aldrig hvem. De indgår ikke her.",
    );
    expect(networkValueHrSentence(SERVED_RULES, en)).toBe(
      "Figures and comments are shown only for networks with at least five answers, and " +
        "comments come without names. Nobody can see a single person's answer. Informal " +
        "networks are their members' own: HR sees only how many are in one, from five people " +
        "on, never who. They are not included here.",
    );
  });

  it("changes when a rule changes, and claims nothing about informal networks HR may see", () => {
    expect(networkValueHrSentence(withHr("network_value", "everything"), en)).toMatch(
      /^You see each member's answers, with their names\./,
    );
    expect(networkValueHrSentence(withHr("informal_network", "nothing"), en)).toMatch(
      /Informal networks are their members' own: HR never sees who is in them\. They are not/,
    );
    expect(networkValueHrSentence(withHr("informal_network", "everything"), en)).not.toMatch(
      /informal/i,
    );
  });
});

describe("beside the table composer", () => {
  it("is worded from the served pairing and informal-network rules", () => {
    expect(composerSentence(SERVED_RULES, da)).toBe(
      "»Kender hinanden« bygger kun på åbne netværk og mentorforløb. Uformelle netværk er " +
        "medlemmernes egne: HR ser kun, hvor mange der er med, fra fem personer, aldrig hvem. " +
        "De indgår hverken i sammensætningen eller i advarslerne.",
    );
    expect(composerSentence(SERVED_RULES, en)).toMatch(
      /^"Already know each other" comes only from open networks and mentorships\. Informal/,
    );
  });

  it("leaves mentorships out when HR may not see pairings", () => {
    expect(composerSentence(withHr("mentor_pairing", "nothing"), en)).toMatch(
      /^"Already know each other" comes only from open networks\. /,
    );
  });
});
