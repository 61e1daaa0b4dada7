/**
 * "Ask for a coach": the leader's confidential request (with who can see it, from the served
 * rules), its status, the coach's contact once assigned, and withdraw / end.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import * as coaching from "../../api/coaching";
import type { MyCoachRequest, Preference } from "../../api/coaching";
import { coachingKeys, coachingQueries } from "../../api/coaching";
import { formRules } from "../../api/formRules";
import { peopleQueries } from "../../api/people";
import type { Topic } from "../../api/types";
import { FieldError } from "../../components/FieldError";
import { Page } from "../../components/Page";
import { CoachPrivacy } from "../../components/Privacy";
import { ErrorView, Loading } from "../../components/Status";
import { setServerErrors } from "../../forms";
import { useI18n } from "../../i18n";
import { ContactCard, PREFERENCE_TEXT, STATUS_TEXT, useDate } from "./common";

const RULES = formRules.CoachRequestInputRequest;
const PREFERENCES: Preference[] = ["any", "internal", "external"];

export function MyCoach() {
  const { t } = useI18n();
  const mine = useQuery(coachingQueries.mine());
  const topics = useQuery(peopleQueries.topics());
  const coachees = useQuery(coachingQueries.coachees());
  const error = mine.error ?? topics.error;
  const current = mine.data?.find((r) => r.status === "open" || r.status === "assigned");
  const earlier = mine.data?.filter((r) => r !== current) ?? [];
  return (
    <Page title={t("coach.title")}>
      <p>{t("coach.intro")}</p>
      <CoachPrivacy />
      {mine.isPending || topics.isPending ? <Loading /> : null}
      {error ? <ErrorView error={error} /> : null}
      {mine.isSuccess && topics.isSuccess ? (
        current ? (
          <Current request={current} />
        ) : (
          <RequestForm topics={topics.data} />
        )
      ) : null}
      {earlier.length > 0 ? (
        <section aria-labelledby="coach-earlier">
          <h2 id="coach-earlier">{t("coach.mine.earlier")}</h2>
          <ul>
            {earlier.map((r) => (
              <Earlier key={r.id} request={r} />
            ))}
          </ul>
        </section>
      ) : null}
      {coachees.data && coachees.data.length > 0 ? (
        <section aria-labelledby="coach-coaching">
          <h2 id="coach-coaching">{t("coach.mine.coaching")}</h2>
          <p>
            <Link to="/coaching/coachees">{t("coach.mine.coachingLink")}</Link>
          </p>
        </section>
      ) : null}
    </Page>
  );
}

function Earlier({ request }: { request: MyCoachRequest }) {
  const { t } = useI18n();
  const date = useDate();
  return (
    <li>
      {t("coach.mine.asked", { date: date(request.created_at) })} · {t(STATUS_TEXT[request.status])}
      {request.coach ? ` · ${request.coach.name}` : ""}
    </li>
  );
}

function Current({ request }: { request: MyCoachRequest }) {
  const { t } = useI18n();
  const date = useDate();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: () => coaching.coachRequestEnd(request.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coachingKeys.all }),
  });
  return (
    <section className="card" aria-labelledby="coach-mine">
      <h2 id="coach-mine">{t("coach.mine.title")}</h2>
      <p>
        <strong>{t(STATUS_TEXT[request.status])}</strong> ·{" "}
        {t("coach.mine.asked", { date: date(request.created_at) })}
      </p>
      <p className="pre-wrap">{request.text}</p>
      {request.topics.length > 0 ? <p>{request.topics.map((x) => x.name).join(", ")}</p> : null}
      <p className="muted">{t(PREFERENCE_TEXT[request.preference])}</p>
      {request.status === "open" ? <p>{t("coach.mine.waiting")}</p> : null}
      {request.coach ? (
        <ContactCard contact={request.coach} heading={t("coach.mine.yourCoach")} />
      ) : null}
      {end.error ? <ErrorView error={end.error} /> : null}
      <button type="button" className="secondary" onClick={() => end.mutate()} disabled={end.isPending}>
        {request.status === "open" ? t("coach.mine.withdraw") : t("coach.mine.finish")}
      </button>
    </section>
  );
}

type Values = { text: string; topics: string[]; preference: Preference; language: "" | "da" | "en" };

function RequestForm({ topics }: { topics: Topic[] }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState("");
  const form = useForm<Values>({
    defaultValues: { text: "", topics: [], preference: "any", language: "" },
  });
  const { errors } = form.formState;
  const create = useMutation({
    mutationFn: (values: Values) =>
      coaching.coachRequestCreate({
        text: values.text,
        topics: values.topics.map(Number),
        preference: values.preference,
        language: values.language,
      }),
    onSuccess: () => {
      setSent(t("coach.form.sent"));
      return queryClient.invalidateQueries({ queryKey: coachingKeys.all });
    },
    onError: (error) =>
      setServerErrors(error, form.setError, ["text", "topics", "preference", "language"]),
  });
  const failed = create.error instanceof ApiError && create.error.status === 400 ? null : create.error;
  return (
    <form
      className="card form"
      aria-labelledby="coach-form"
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <h2 id="coach-form">{t("coach.form.title")}</h2>
      <p role="status" className="ok">
        {sent}
      </p>
      <div className="field">
        <label htmlFor="coach-text">{t("coach.form.text")}</label>
        <textarea
          id="coach-text"
          rows={5}
          required
          maxLength={RULES.text.maxLength}
          aria-describedby="coach-text-hint"
          {...form.register("text", RULES.text)}
        />
        <p id="coach-text-hint" className="muted small">
          {t("coach.form.textHint")}
        </p>
        <FieldError error={errors.text} className="error" />
      </div>
      {topics.length > 0 ? (
        <fieldset className="field">
          <legend>{t("coach.form.topics")}</legend>
          {topics.map((topic) => (
            <label key={topic.id} className="choice">
              <input type="checkbox" value={String(topic.id)} {...form.register("topics")} />
              {language === "en" ? topic.label_en : topic.label_da}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="field">
        <legend>{t("coach.form.preference")}</legend>
        {PREFERENCES.map((preference) => (
          <label key={preference} className="choice">
            <input type="radio" value={preference} {...form.register("preference")} />
            {t(PREFERENCE_TEXT[preference])}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="coach-language">{t("coach.form.language")}</label>
        <select id="coach-language" {...form.register("language")}>
          <option value="">{t("coach.language.none")}</option>
          <option value="da">{t("coach.language.da")}</option>
          <option value="en">{t("coach.language.en")}</option>
        </select>
      </div>
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      {failed ? <ErrorView error={failed} /> : null}
      <button type="submit" disabled={create.isPending}>
        {t("coach.form.send")}
      </button>
    </form>
  );
}
