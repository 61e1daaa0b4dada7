import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { VisibilityRule } from "../api/privacy";
import { translate } from "../i18n";
import { renderWithProviders, SERVED_RULES } from "../test/render";
import {
  checkInSentence,
  CheckInPrivacy,
  helpSentence,
  LinePrivacy,
  lineSentence,
  NeedsPrivacy,
  needSentences,
  NoteHint,
  noteSentence,
  pairingSentence,
  PairingPrivacy,
} from "./Privacy";

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("en", key, vars);

/** The served rules with one rule changed. */
function changed(kind: string, audience: string, sees: VisibilityRule["sees"]): VisibilityRule[] {
  return SERVED_RULES.map((rule) =>
    rule.kind === kind && rule.audience === audience ? { ...rule, sees } : rule,
  );
}

describe("privacy sentences from the served rules", () => {
  it("say who sees the support needs, one line per audience", () => {
    expect(needSentences(SERVED_RULES, da)).toEqual([
      "Du: alle dine støttebehov, med emne og hvor meget hjælp du ønsker – også dine noter.",
      "HR: emne og hvor meget hjælp du ønsker – aldrig dine noter. Hvert opslag bliver logget.",
      "Din chef og lederne over dig: intet. De kan ikke se dine støttebehov.",
      "Din mentor: emne og hvor meget hjælp du ønsker, kun for de behov du vælger at dele – aldrig dine noter. Hvert opslag bliver logget.",
      "Andre ledere: intet. De kan ikke se dine støttebehov.",
    ]);
    expect(needSentences(SERVED_RULES, en)[2]).toBe(
      "Your boss and the leaders above them: nothing. They cannot see your support needs.",
    );
  });

  it("say who sees a help request and who does not", () => {
    expect(helpSentence(SERVED_RULES, da)).toBe(
      "Kun du og HR kan se, at du beder om hjælp. Din chef og lederne over dig, din mentor og andre ledere kan ikke.",
    );
    expect(helpSentence(SERVED_RULES, en)).toBe(
      "Only you and HR can see that you ask for help. Your boss and the leaders above them, your mentor and other leaders cannot.",
    );
  });

  it("say who knows of a mentor", () => {
    expect(pairingSentence(SERVED_RULES, da)).toBe(
      "HR kan se, om du har en mentor. Din chef og lederne over dig og andre ledere kan ikke se, om du har en mentor.",
    );
  });

  it("tell a boss what of their leaders they are not shown", () => {
    expect(lineSentence(SERVED_RULES, da)).toBe(
      "Deres støttebehov, anmodninger om hjælp, mentorforløb, anmodninger om en coach og anmodninger til stabene er private og vises ikke for dig.",
    );
    expect(lineSentence(changed("help_request", "line", "everything"), en)).toBe(
      "Their support needs, mentorships, requests for a coach and requests to the staff functions are private and not shown to you. You see their requests for help.",
    );
  });

  it("say who reads a support need's note and a meeting note", () => {
    expect(noteSentence(SERVED_RULES, da)).toBe("Kun du kan læse noten.");
    expect(noteSentence(changed("support_need_note", "hr", "everything"), en)).toBe(
      "Only you and HR can read the note.",
    );
    expect(checkInSentence(SERVED_RULES, da)).toBe(
      "Den anden i forløbet kan kun læse dine mødenoter, når du deler dem. HR, din chef og lederne over dig og andre ledere kan ikke læse dine mødenoter.",
    );
    expect(checkInSentence(changed("check_in_note", "mentor", "nothing"), en)).toBe(
      "HR, your boss and the leaders above them, the other in the pair and other leaders cannot read your meeting notes.",
    );
  });

  it("change when a rule changes", () => {
    const lineSees = changed("support_need", "line", "topic_and_weight");
    expect(needSentences(lineSees, en)[2]).toBe(
      "Your boss and the leaders above them: the topic and how much help you want – never your notes.",
    );
    expect(helpSentence(changed("help_request", "line", "everything"), en)).toBe(
      "Only you, HR and your boss and the leaders above them can see that you ask for help. Your mentor and other leaders cannot.",
    );
    expect(pairingSentence(changed("mentor_pairing", "hr", "nothing"), en)).toBe(
      "HR, your boss and the leaders above them and other leaders cannot see whether you have a mentor.",
    );
  });

  it("are what the support-needs, proposals, pairs and my-leaders screens show", () => {
    renderWithProviders(
      <>
        <NeedsPrivacy />
        <PairingPrivacy />
        <LinePrivacy />
        <NoteHint id="hint" />
        <CheckInPrivacy />
      </>,
      { language: "da" },
    );
    const sentences = [
      ...needSentences(SERVED_RULES, da),
      pairingSentence(SERVED_RULES, da),
      lineSentence(SERVED_RULES, da),
      noteSentence(SERVED_RULES, da),
      checkInSentence(SERVED_RULES, da),
    ];
    for (const sentence of sentences) {
      expect(screen.getByText(sentence)).toBeTruthy();
    }
  });

  it("show a changed rule on the screen", () => {
    renderWithProviders(<NeedsPrivacy />, {
      language: "en",
      rules: changed("support_need", "others", "when_shared"),
    });
    expect(
      screen.getByText(
        "Other leaders: the topic and how much help you want, only for the needs you choose to share – never your notes.",
      ),
    ).toBeTruthy();
  });
});
