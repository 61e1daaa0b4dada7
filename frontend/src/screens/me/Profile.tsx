import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { formRules } from "../../api/formRules";
import * as me from "../../api/me";
import { EMAIL_GROUPS, meKeys, meQueries } from "../../api/me";
import type { Competency, EmailPreference } from "../../api/me";
import { peopleQueries } from "../../api/people";
import { privacyQueries } from "../../api/privacy";
import type { Kind, VisibilityRule } from "../../api/privacy";
import type { LeaderDetail, Topic } from "../../api/types";
import { useAuth, useMe } from "../../auth";
import { FieldError } from "../../components/FieldError";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { DirectorySection } from "./DirectorySection";
import { setServerErrors } from "../../forms";
import { isLanguage, useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";

/** The user's own page: who they are to others, how they are told things, their language. */
export function Profile() {
  const { t } = useI18n();
  const user = useMe();
  return (
    <Page title={t("lself.profile.title")}>
      <p>{t("lself.profile.intro")}</p>
      {user.leader_id !== null ? <LeaderParts leaderId={user.leader_id} /> : null}
      <EmailSection />
      <section aria-labelledby="lself-language" className="profile-section">
        <h2 id="lself-language">{t("lself.profile.language")}</h2>
        <LanguageChoice />
      </section>
      {user.leader_id !== null ? (
        <section aria-labelledby="lself-data" className="profile-section">
          <h2 id="lself-data">{t("lself.data.title")}</h2>
          <p>{t("lself.profile.dataHint")}</p>
          <p>
            <Link to="/me/data">{t("lself.profile.dataLink")}</Link>
          </p>
        </section>
      ) : null}
    </Page>
  );
}

function LeaderParts({ leaderId }: { leaderId: number }) {
  const profile = useQuery(meQueries.profile(leaderId));
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorView error={profile.error} />;
  return (
    <>
      <AboutSection leaderId={leaderId} profile={profile.data} />
      <StrengthsSection />
      <FinderSection leaderId={leaderId} profile={profile.data} />
      <DirectorySection leaderId={leaderId} profile={profile.data} />
    </>
  );
}

interface About {
  bio: string;
  languages: string;
}

const ABOUT = formRules.PatchedLeaderHrInputRequest;

function languagesOf(profile: LeaderDetail): string[] {
  return Array.isArray(profile.languages) ? profile.languages.map(String) : [];
}

function AboutSection({ leaderId, profile }: { leaderId: number; profile: LeaderDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<About>({
    defaultValues: { bio: profile.bio ?? "", languages: languagesOf(profile).join(", ") },
  });
  const save = useMutation({
    mutationFn: (about: About) =>
      me.myProfileUpdate(leaderId, {
        bio: about.bio,
        languages: about.languages
          .split(",")
          .map((language) => language.trim())
          .filter(Boolean),
      }),
    onSuccess: (data) => {
      setSaved(true);
      queryClient.setQueryData(meKeys.profile(leaderId), data);
    },
    onError: (error) => setServerErrors(error, form.setError, ["bio", "languages"]),
  });
  const errors = form.formState.errors;
  return (
    <section aria-labelledby="lself-about" className="profile-section">
      <h2 id="lself-about">{t("lself.profile.about")}</h2>
      <p className="muted">
        {[profile.full_name, profile.role_title, profile.unit?.name].filter(Boolean).join(" · ")}
      </p>
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit((about) => {
          setSaved(false);
          save.mutate(about);
        })}
      >
        <div className="field">
          <label htmlFor="lself-bio">{t("lself.profile.bio")}</label>
          <textarea
            id="lself-bio"
            rows={4}
            aria-describedby="lself-bio-hint"
            aria-invalid={errors.bio ? true : undefined}
            {...form.register("bio", ABOUT.bio)}
          />
          <span id="lself-bio-hint" className="muted small">
            {t("lself.profile.bioHint")}
          </span>
          <FieldError id="lself-bio-error" error={errors.bio} />
        </div>
        <div className="field">
          <label htmlFor="lself-languages">{t("lself.profile.languages")}</label>
          <input
            id="lself-languages"
            aria-describedby="lself-languages-hint"
            {...form.register("languages")}
          />
          <span id="lself-languages-hint" className="muted small">
            {t("lself.profile.languagesHint")}
          </span>
          <FieldError id="lself-languages-error" error={errors.languages} />
        </div>
        <button type="submit" disabled={save.isPending}>
          {t("lself.profile.save")}
        </button>
        <p role="status" className="ok">
          {saved ? t("lself.profile.saved") : ""}
        </p>
      </form>
    </section>
  );
}

const LEVELS: { value: number; label: MessageKey }[] = [
  { value: 0, label: "lself.strength.none" },
  { value: 1, label: "lself.strength.1" },
  { value: 2, label: "lself.strength.2" },
  { value: 3, label: "lself.strength.3" },
];

function StrengthsSection() {
  const { t, language } = useI18n();
  const topics = useQuery(peopleQueries.topics());
  const mine = useQuery(meQueries.competencies());
  return (
    <section aria-labelledby="lself-strengths" className="profile-section">
      <h2 id="lself-strengths">{t("lself.strength.title")}</h2>
      <p>{t("lself.strength.intro")}</p>
      {topics.isPending || mine.isPending ? <Loading /> : null}
      {topics.isError ? <ErrorView error={topics.error} /> : null}
      {mine.isError ? <ErrorView error={mine.error} /> : null}
      {topics.data && mine.data ? (
        <StrengthsForm
          topics={topics.data}
          mine={mine.data}
          label={(topic) => (language === "en" ? topic.label_en : topic.label_da)}
        />
      ) : null}
    </section>
  );
}

function StrengthsForm({
  topics,
  mine,
  label,
}: {
  topics: Topic[];
  mine: Competency[];
  label: (topic: Topic) => string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [levels, setLevels] = useState<Record<string, number>>(() =>
    Object.fromEntries(mine.map((c) => [c.topic.slug, Number(c.level ?? 2)])),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      me.myCompetenciesSet(Object.fromEntries(Object.entries(levels).filter(([, v]) => v > 0))),
    onSuccess: (data) => {
      setSaved(true);
      queryClient.setQueryData(meKeys.competencies(), data);
    },
  });
  const asked = topics.filter((topic) => (levels[topic.slug] ?? 0) > 0).map(label);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      <ul className="items strengths">
        {topics.map((topic) => (
          <li key={topic.slug} className="field">
            <label htmlFor={`lself-strength-${topic.slug}`}>{label(topic)}</label>
            <select
              id={`lself-strength-${topic.slug}`}
              value={levels[topic.slug] ?? 0}
              onChange={(event) =>
                setLevels({ ...levels, [topic.slug]: Number(event.target.value) })
              }
            >
              {LEVELS.map((level) => (
                <option key={level.value} value={level.value}>
                  {t(level.label)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <p>
        <strong>{t("lself.strength.askMe")}</strong>{" "}
        {asked.length > 0 ? asked.join(", ") : t("lself.strength.askMeNone")}
      </p>
      {save.error ? <ErrorView error={save.error} /> : null}
      <button type="submit" disabled={save.isPending}>
        {t("lself.strength.save")}
      </button>
      <p role="status" className="ok">
        {saved ? t("lself.strength.saved") : ""}
      </p>
    </form>
  );
}

export const KIND_NAME: Record<Kind, MessageKey> = {
  support_need: "lself.kind.support_need",
  support_need_note: "lself.kind.support_need_note",
  help_request: "lself.kind.help_request",
  mentor_pairing: "lself.kind.mentor_pairing",
  check_in_note: "lself.kind.check_in_note",
  mentoring_feedback: "lself.kind.mentoring_feedback",
  coach_request: "coach.kind.request",
  network_value: "nval.privacy.kind",
  staff_request: "cat.kind.staff_request",
  informal_network: "lself.kind.informal_network",
};

/**
 * What other leaders never see, from the served rules (audience `others`): each kind whose rule
 * says `nothing`. A kind the rules would show them is left out of the sentence, never claimed.
 */
export function othersNeverSee(rules: VisibilityRule[]): Kind[] {
  const kinds = Object.keys(KIND_NAME) as Kind[];
  return kinds.filter((kind) => {
    const rule = rules.find((r) => r.kind === kind && r.audience === "others");
    return rule !== undefined && rule.sees === "nothing";
  });
}

function FinderSection({ leaderId, profile }: { leaderId: number; profile: LeaderDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const rules = useQuery(privacyQueries.rules());
  const [status, setStatus] = useState<MessageKey | null>(null);
  const save = useMutation({
    mutationFn: (discoverable: boolean) => me.myProfileUpdate(leaderId, { discoverable }),
    onSuccess: (data) => {
      setStatus(data.discoverable ? "lself.finder.on" : "lself.finder.off");
      queryClient.setQueryData(meKeys.profile(leaderId), data);
    },
  });
  const never = rules.data ? othersNeverSee(rules.data) : [];
  return (
    <section aria-labelledby="lself-finder" className="profile-section card privacy">
      <h2 id="lself-finder">{t("lself.finder.title")}</h2>
      <p>{t("lself.finder.intro")}</p>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={Boolean(profile.discoverable)}
            disabled={save.isPending}
            aria-describedby="lself-finder-sees lself-finder-never"
            onChange={(event) => save.mutate(event.target.checked)}
          />
          {t("lself.finder.label")}
        </label>
      </div>
      <p id="lself-finder-sees">{t("lself.finder.sees")}</p>
      <p id="lself-finder-never">
        {never.length > 0
          ? t("lself.finder.never", { things: never.map((kind) => t(KIND_NAME[kind])).join("; ") })
          : ""}
      </p>
      {save.error ? <ErrorView error={save.error} /> : null}
      <p role="status" className="ok">
        {status ? t(status) : ""}
      </p>
    </section>
  );
}

function EmailSection() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(meQueries.email());
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (changes: EmailPreference) => me.emailPreferenceUpdate(changes),
    onSuccess: (data) => {
      setSaved(true);
      queryClient.setQueryData(meKeys.email(), data);
    },
  });
  return (
    <section aria-labelledby="lself-email" className="profile-section">
      <h2 id="lself-email">{t("lself.email.title")}</h2>
      <p>{t("lself.email.intro")}</p>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.data ? (
        <fieldset className="field">
          <legend>{t("lself.email.legend")}</legend>
          {EMAIL_GROUPS.map((group) => (
            <div key={group}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={state.data[group] !== false}
                  disabled={save.isPending}
                  onChange={(event) => save.mutate({ [group]: event.target.checked })}
                />
                {t(`lself.email.${group}`)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {save.error ? <ErrorView error={save.error} /> : null}
      <p role="status" className="ok">
        {saved ? t("lself.email.saved") : ""}
      </p>
    </section>
  );
}

/** The language of the screens and of the notifications (the same choice as the banner's). */
function LanguageChoice() {
  const { t, language } = useI18n();
  const { chooseLanguage } = useAuth();
  return (
    <div className="form">
      <div className="field">
      <label htmlFor="lself-language-choice">{t("lself.profile.languageLabel")}</label>
      <select
        id="lself-language-choice"
        value={language}
        aria-describedby="lself-language-hint"
        onChange={(event) => {
          if (isLanguage(event.target.value)) chooseLanguage(event.target.value);
        }}
      >
        <option value="da" lang="da">
          Dansk
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
      <span id="lself-language-hint" className="muted small">
        {t("lself.profile.languageHint")}
      </span>
      </div>
    </div>
  );
}
