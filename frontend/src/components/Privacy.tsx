/**
 * Every sentence the web app says about privacy, built from the rules the server keeps
 * (`GET /api/privacy/rules/`): one phrase per rule value, in Danish and English, so a changed
 * rule is a changed sentence. `tests/trust/test_rules.py` holds the server's answers for every
 * persona to the same rules. Until the rules have arrived nothing is said (never a guess).
 */
import { useQuery } from "@tanstack/react-query";
import type { Audience, Kind, Sees, VisibilityRule } from "../api/privacy";
import { privacyQueries } from "../api/privacy";
import type { CardField, DirectoryRules } from "../api/directory";
import { directoryQueries } from "../api/directory";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The order the audiences are named in. */
export const AUDIENCES: readonly Audience[] = ["self", "hr", "line", "mentor", "others"];

const WHO: Record<Audience, MessageKey> = {
  self: "privacy.who.self",
  line: "privacy.who.line",
  hr: "privacy.who.hr",
  mentor: "privacy.who.mentor",
  others: "privacy.who.others",
};
const NEED: Record<Sees, MessageKey> = {
  everything: "privacy.need.everything",
  topic_and_weight: "privacy.need.topic_and_weight",
  when_shared: "privacy.need.when_shared",
  nothing: "privacy.need.nothing",
  in_figures: "llife.privacy.need.in_figures",
  members: "privacy.need.nothing", // a network's rule only: never a support need's
};
const NOTE: Record<Sees, MessageKey> = {
  everything: "privacy.note.everything",
  topic_and_weight: "privacy.note.topic_and_weight",
  when_shared: "privacy.note.when_shared",
  nothing: "privacy.note.nothing",
  in_figures: "privacy.note.nothing",
  members: "privacy.note.nothing",
};

function ruleOf(rules: VisibilityRule[], kind: Kind, audience: Audience): VisibilityRule {
  const rule = rules.find((r) => r.kind === kind && r.audience === audience);
  // No rule is no permission: say the most private thing rather than guess.
  return rule ?? { kind, audience, sees: "nothing", logged: false };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a og b", "a, b og c" (and / and). */
function list(t: T, names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")}${t("privacy.and")}${names[names.length - 1]}`;
}

/** One line per audience: what it sees of the leader's support needs and their notes. */
export function needSentences(rules: VisibilityRule[], t: T): string[] {
  return AUDIENCES.map((audience) => {
    const need = ruleOf(rules, "support_need", audience);
    const note = ruleOf(rules, "support_need_note", audience);
    const parts = [t(NEED[need.sees])];
    if (need.sees !== "nothing") parts.push(t(NOTE[note.sees]));
    const sentence = `${capitalise(t(WHO[audience]))}: ${parts.join(" – ")}.`;
    return need.logged || note.logged ? `${sentence} ${t("privacy.logged")}` : sentence;
  });
}

/** Who can see "I need help" on a plan item, and who cannot. */
export function helpSentence(rules: VisibilityRule[], t: T): string {
  const sees = (audience: Audience) => ruleOf(rules, "help_request", audience).sees !== "nothing";
  const can = AUDIENCES.filter(sees).map((audience) => t(WHO[audience]));
  const cannot = AUDIENCES.filter((audience) => !sees(audience)).map((a) => t(WHO[a]));
  const sentences = [t("privacy.help.can", { who: list(t, can) })];
  if (cannot.length) sentences.push(t("privacy.help.cannot", { who: capitalise(list(t, cannot)) }));
  return sentences.join(" ");
}

/** Who can read a leader's request for a staff function's offer, and who never learns of it. */
export function staffRequestSentence(rules: VisibilityRule[], t: T): string {
  const others = AUDIENCES.filter((audience) => audience !== "self");
  const sees = (audience: Audience) => ruleOf(rules, "staff_request", audience).sees !== "nothing";
  const can = others.filter(sees).map((audience) => t(WHO[audience]));
  const cannot = others.filter((audience) => !sees(audience)).map((a) => t(WHO[a]));
  const sentences = [];
  if (can.length) sentences.push(t("cat.privacy.can", { who: capitalise(list(t, can)) }));
  if (cannot.length) sentences.push(t("cat.privacy.cannot", { who: capitalise(list(t, cannot)) }));
  return sentences.join(" ");
}

/** Beside the request form and the leader's requests: who reads them (served rules). */
export function StaffRequestPrivacy({ id }: { id: string }) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <p id={id} className="muted small">
      {rules ? staffRequestSentence(rules, t) : null}
    </p>
  );
}

/** Who, besides the pair, knows that a leader has a mentor, and who does not. */
export function pairingSentence(rules: VisibilityRule[], t: T): string {
  const others = AUDIENCES.filter((audience) => audience !== "self" && audience !== "mentor");
  const sees = (audience: Audience) =>
    ruleOf(rules, "mentor_pairing", audience).sees !== "nothing";
  const can = others.filter(sees).map((audience) => t(WHO[audience]));
  const cannot = others.filter((audience) => !sees(audience)).map((a) => t(WHO[a]));
  const sentences = [];
  if (can.length) sentences.push(t("privacy.pairing.can", { who: capitalise(list(t, can)) }));
  if (cannot.length) {
    sentences.push(t("privacy.pairing.cannot", { who: capitalise(list(t, cannot)) }));
  }
  return sentences.join(" ");
}

/** What the line above a leader sees of the leader's private things (the line reads this). */
const LINE_KINDS: readonly Kind[] = [
  "support_need",
  "help_request",
  "mentor_pairing",
  "coach_request",
  "staff_request",
];
const THINGS: Record<Kind, MessageKey> = {
  support_need: "privacy.things.support_need",
  support_need_note: "privacy.things.support_need_note",
  help_request: "privacy.things.help_request",
  mentor_pairing: "privacy.things.mentor_pairing",
  check_in_note: "privacy.things.check_in_note",
  mentoring_feedback: "llife.privacy.things.feedback",
  coach_request: "coach.privacy.things",
  network_value: "nval.privacy.thing",
  staff_request: "cat.privacy.things",
  informal_network: "privacy.things.informal_network",
};

/** For a boss: which of their leaders' private things they are not shown (and which they are). */
export function lineSentence(rules: VisibilityRule[], t: T): string {
  const hidden = (kind: Kind) => ruleOf(rules, kind, "line").sees === "nothing";
  const names = (kinds: Kind[]) => list(t, kinds.map((kind) => t(THINGS[kind])));
  const sentences = [];
  const shown = LINE_KINDS.filter((kind) => !hidden(kind));
  const kept = LINE_KINDS.filter(hidden);
  if (kept.length) sentences.push(t("privacy.line.hidden", { things: names(kept) }));
  if (shown.length) sentences.push(t("privacy.line.shown", { things: names(shown) }));
  return sentences.join(" ");
}

/** Under a support need's note: who can read it. */
export function noteSentence(rules: VisibilityRule[], t: T): string {
  const readers = AUDIENCES.filter(
    (audience) => ruleOf(rules, "support_need_note", audience).sees !== "nothing",
  );
  return t("privacy.noteHint", { who: list(t, readers.map((audience) => t(WHO[audience]))) });
}

const CHECK_IN: Record<Sees, MessageKey> = {
  when_shared: "privacy.checkIn.when_shared",
  everything: "privacy.checkIn.everything",
  topic_and_weight: "privacy.checkIn.everything",
  nothing: "privacy.checkIn.nothing",
  in_figures: "llife.privacy.checkIn.in_figures",
  members: "privacy.checkIn.nothing",
};

/** On the pair's screen: who reads the meeting notes you write (the other of the pair too). */
export function checkInSentence(rules: VisibilityRule[], t: T): string {
  const label = (audience: Audience) => t(audience === "mentor" ? "privacy.who.pair" : WHO[audience]);
  const others = AUDIENCES.filter((audience) => audience !== "self");
  const order: Sees[] = ["when_shared", "everything", "topic_and_weight", "in_figures", "nothing"];
  return order
    .map((sees) => others.filter((a) => ruleOf(rules, "check_in_note", a).sees === sees))
    .map((group, index) =>
      group.length
        ? t(CHECK_IN[order[index]!], { who: capitalise(list(t, group.map(label))) })
        : "",
    )
    .filter(Boolean)
    .join(" ");
}

const FEEDBACK: Record<Sees, MessageKey> = {
  everything: "llife.privacy.feedback.everything",
  topic_and_weight: "llife.privacy.feedback.everything",
  when_shared: "llife.privacy.feedback.everything",
  in_figures: "llife.privacy.feedback.in_figures",
  nothing: "llife.privacy.feedback.nothing",
  members: "llife.privacy.feedback.nothing",
};

const NETWORK_VALUE: Record<Sees, MessageKey> = {
  everything: "nval.privacy.everything",
  topic_and_weight: "nval.privacy.everything",
  when_shared: "nval.privacy.everything",
  in_figures: "nval.privacy.in_figures",
  nothing: "nval.privacy.nothing",
  members: "nval.privacy.nothing",
};

/** Beside a pulse or the exit survey: who reads the answers (mentoring feedback's rules); with
 * `kind` "network_value", who reads the answers to "is the network worth your time?". */
export function feedbackSentence(
  rules: VisibilityRule[],
  t: T,
  kind: Kind = "mentoring_feedback",
): string {
  const phrases = kind === "network_value" ? NETWORK_VALUE : FEEDBACK;
  const pair = kind === "mentoring_feedback";
  const label = (audience: Audience) =>
    t(audience === "mentor" && pair ? "privacy.who.pair" : WHO[audience]);
  const others = AUDIENCES.filter((audience) => audience !== "self");
  const order: Sees[] = ["everything", "topic_and_weight", "when_shared", "in_figures", "nothing"];
  const groups = order.map((sees) => ({
    sees,
    who: others.filter((a) => ruleOf(rules, kind, a).sees === sees),
  }));
  return groups
    .filter((group) => group.who.length > 0)
    .map((group) => t(phrases[group.sees], { who: capitalise(list(t, group.who.map(label))) }))
    .join(" ");
}

/** On "Ask for a coach": who can read the request, whose reads are logged, who never knows. */
export function coachSentences(rules: VisibilityRule[], t: T): string[] {
  const rule = (audience: Audience) => ruleOf(rules, "coach_request", audience);
  const can = AUDIENCES.filter((audience) => rule(audience).sees !== "nothing");
  const cannot = AUDIENCES.filter((audience) => rule(audience).sees === "nothing");
  const logged = can.filter((audience) => audience !== "self" && rule(audience).logged);
  const name = (audiences: Audience[]) => list(t, audiences.map((a) => t(WHO[a])));
  const sentences = [];
  if (can.length) sentences.push(t("coach.privacy.can", { who: capitalise(name(can)) }));
  if (logged.length) sentences.push(t("coach.privacy.logged", { who: name(logged) }));
  if (cannot.length) sentences.push(t("coach.privacy.cannot", { who: capitalise(name(cannot)) }));
  return sentences;
}

/** For HR, above the queue: that each read is written in the leader's access log. */
export function coachHrSentence(rules: VisibilityRule[], t: T): string {
  return ruleOf(rules, "coach_request", "hr").logged ? t("coach.privacy.hrReads") : "";
}

/** What HR sees of who is in an informal network, and so what HR's tools leave out: said only
 * when the served rule keeps the members from HR (otherwise nothing is claimed). */
export function informalHrSentence(rules: VisibilityRule[], t: T, leftOut: MessageKey): string {
  const sees = ruleOf(rules, "informal_network", "hr").sees;
  if (sees !== "nothing" && sees !== "in_figures") return "";
  return `${t(`privacy.informal.hr.${sees}`)} ${t(leftOut)}`;
}

const NETWORK_VALUE_HR: Record<Sees, MessageKey> = {
  everything: "nval.hr.sees.everything",
  topic_and_weight: "nval.hr.sees.everything",
  when_shared: "nval.hr.sees.everything",
  members: "nval.hr.sees.everything",
  in_figures: "nval.hr.sees.in_figures",
  nothing: "nval.hr.sees.nothing",
};

/** HR's network-value overview: how much HR sees of the answers, and that informal networks
 * are not in it (the network-value and informal-network rules for HR). */
export function networkValueHrSentence(rules: VisibilityRule[], t: T): string {
  const answers = t(NETWORK_VALUE_HR[ruleOf(rules, "network_value", "hr").sees]);
  return [answers, informalHrSentence(rules, t, "nval.privacy.informal.leftOut")]
    .filter(Boolean)
    .join(" ");
}

/** The table composer: what "already know each other" rests on (HR sees mentorships, or not)
 * and that informal networks are left out (the pairing and informal-network rules for HR). */
export function composerSentence(rules: VisibilityRule[], t: T): string {
  const pairs = ruleOf(rules, "mentor_pairing", "hr").sees !== "nothing";
  const known = t(pairs ? "gath.privacy.known.pairs" : "gath.privacy.known.open");
  return [known, informalHrSentence(rules, t, "gath.privacy.informal.leftOut")]
    .filter(Boolean)
    .join(" ");
}

/** On HR's network-value overview. */
export function NetworkValueHrPrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  return <p className="muted small">{rules ? networkValueHrSentence(rules, t) : null}</p>;
}

/** Beside the table composer. */
export function ComposerPrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  return <p className="muted small">{rules ? composerSentence(rules, t) : null}</p>;
}

function useRules(): VisibilityRule[] | undefined {
  return useQuery(privacyQueries.rules()).data;
}

/** Who can see the leader's support needs, one line per audience. */
export function NeedsPrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <aside className="card privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t("needs.privacy.title")}</h2>
      {rules ? (
        <ul>
          {needSentences(rules, t).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : null}
    </aside>
  );
}

/** Under an "I need help" button: who can see that the leader asks. */
export function HelpPrivacy({ id }: { id: string }) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <p id={id} className="muted small">
      {rules ? helpSentence(rules, t) : null}
    </p>
  );
}

/** Who knows that the leader has a mentor. */
export function PairingPrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  return rules ? <p>{pairingSentence(rules, t)}</p> : null;
}

/** For a boss, on their new leaders' progress: what of their leaders they are not shown. */
export function LinePrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  return rules ? <p>{lineSentence(rules, t)}</p> : null;
}

/** Under a support need's note field. */
export function NoteHint({ id }: { id: string }) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <p id={id} className="muted small">
      {rules ? noteSentence(rules, t) : null}
    </p>
  );
}

/** On the pair's screen: who reads the meeting notes. */
/** Who reads the leader's pulses and exit-survey answers. */
export function FeedbackPrivacy({ id, kind }: { id?: string; kind?: Kind }) {
  const { t } = useI18n();
  const rules = useRules();
  return rules ? (
    <p id={id} className="muted small">
      {feedbackSentence(rules, t, kind)}
    </p>
  ) : null;
}

export function CheckInPrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  return rules ? <p>{checkInSentence(rules, t)}</p> : null;
}

// --- Peers in other municipalities: what crosses the boundary (`/api/privacy/rules/directory/`)

const CARD_FIELD: Record<CardField, MessageKey> = {
  name: "xorg.privacy.field.name",
  role_title: "xorg.privacy.field.role_title",
  service_type: "xorg.privacy.field.service_type",
  municipality: "xorg.privacy.field.municipality",
  ask_me_about: "xorg.privacy.field.ask_me_about",
};
/** The conditions and moments the server names, each with its sentence (unknown: unsaid). */
const DIRECTORY_REQUIRES = ["organisation_opted_in", "leader_opted_in", "asker_organisation_opted_in"];
const CONTACT_ON: Record<string, MessageKey> = {
  introduction_accepted: "xorg.privacy.contact",
};

/** The sentences about the directory card: what it shows, when, and what never crosses. */
export function directorySentences(rules: DirectoryRules, t: T): string[] {
  const fields = rules.card.map((field) => t(CARD_FIELD[field]));
  const sentences = [t("xorg.privacy.card", { fields: listWith(t, fields) })];
  if (DIRECTORY_REQUIRES.every((need) => rules.requires.includes(need))) {
    sentences.push(t("xorg.privacy.needs"));
  }
  const contact = CONTACT_ON[rules.contact_on];
  if (contact) sentences.push(t(contact));
  if (rules.others === "nothing") sentences.push(t("xorg.privacy.others"));
  return sentences;
}

function listWith(t: T, names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")}${t("xorg.privacy.and")}${names[names.length - 1]}`;
}

/** What leaders in other municipalities see of a leader, worded from the served rules. */
export function DirectoryPrivacy({ id, heading = true }: { id: string; heading?: boolean }) {
  const { t } = useI18n();
  const rules = useQuery(directoryQueries.rules()).data;
  const sentences = rules ? directorySentences(rules, t) : [];
  return (
    <div id={id} className="privacy">
      {heading ? <h3>{t("xorg.privacy.title")}</h3> : null}
      <ul>
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </div>
  );
}

/** Who can see a leader's request for a coach, one sentence per line. */
export function CoachPrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <aside className="card privacy" aria-labelledby="coach-privacy-heading">
      <h2 id="coach-privacy-heading">{t("coach.privacy.title")}</h2>
      {rules ? (
        <ul>
          {coachSentences(rules, t).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : null}
    </aside>
  );
}

/** For HR, above the coach requests: reads are logged (when the rules say so). */
export function CoachHrPrivacy() {
  const { t } = useI18n();
  const rules = useRules();
  const sentence = rules ? coachHrSentence(rules, t) : "";
  return sentence ? <p className="muted">{sentence}</p> : null;
}
