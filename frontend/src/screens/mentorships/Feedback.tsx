import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { UseFormRegisterReturn } from "react-hook-form";
import { formRules } from "../../api/formRules";
import { mentoringKeys } from "../../api/mentoring";
import type { Mentorship } from "../../api/mentoring";
import * as life from "../../api/mentorshipLife";
import { lifeQueries } from "../../api/mentorshipLife";
import type { ExitSurveyInput } from "../../api/mentorshipLife";
import { FieldError } from "../../components/FieldError";
import { FeedbackPrivacy } from "../../components/Privacy";
import { ErrorView } from "../../components/Status";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";

const PULSE = formRules.PulseInputRequest;
const SURVEY = formRules.ExitSurveyInputRequest;
const END = formRules.MentorshipEndInputRequest;
const SCORES = [1, 2, 3, 4, 5] as const;
const SCORE_HINT: Record<(typeof SCORES)[number], MessageKey> = {
  1: "llife.score.1",
  2: "llife.score.2",
  3: "llife.score.3",
  4: "llife.score.4",
  5: "llife.score.5",
};

/** Radio buttons 1-5, each with its words (so the number is never the only signal). */
function ScoreChoice({ legend, field }: { legend: string; field: UseFormRegisterReturn }) {
  const { t } = useI18n();
  return (
    <fieldset className="plan-filters">
      <legend>{legend}</legend>
      {SCORES.map((score) => (
        <label key={score} className="chip">
          <input type="radio" value={score} {...field} />
          {score} – {t(SCORE_HINT[score])}
        </label>
      ))}
    </fieldset>
  );
}

/** After a meeting: how useful was it (1-5), and a word for the programme coordinator. */
export function PulseForm({ pair, metOn }: { pair: Mentorship; metOn: string }) {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const mine = useQuery(lifeQueries.pulses(pair.id));
  const form = useForm<{ score: string; comment: string }>({ defaultValues: { score: "", comment: "" } });
  const [thanks, setThanks] = useState("");
  const send = useMutation({
    mutationFn: (value: { score: string; comment: string }) =>
      life.pulseGive(pair.id, { met_on: metOn, score: Number(value.score), comment: value.comment }),
    onSuccess: () => {
      setThanks(t("llife.pulse.thanks"));
      return queryClient.invalidateQueries({ queryKey: lifeQueries.pulses(pair.id).queryKey });
    },
  });
  const given = (mine.data ?? []).some((pulse) => pulse.met_on === metOn);
  if (!mine.isSuccess) return null;
  if (given) return thanks ? <p role="status" className="ok">{thanks}</p> : null;
  const id = `pair-${pair.id}-pulse`;
  return (
    <form
      className="card form"
      aria-labelledby={`${id}-title`}
      onSubmit={form.handleSubmit((value) => send.mutate(value))}
    >
      <h2 id={`${id}-title`}>{t("llife.pulse.title", { date: date(metOn) })}</h2>
      <ScoreChoice legend={t("llife.pulse.legend")} field={form.register("score", PULSE.score)} />
      <FieldError error={form.formState.errors.score} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t("llife.feedback.comment")}</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={PULSE.comment.maxLength}
          aria-describedby={`${id}-privacy`}
          {...form.register("comment", PULSE.comment)}
        />
      </div>
      <FeedbackPrivacy id={`${id}-privacy`} />
      {send.error ? <ErrorView error={send.error} /> : null}
      <div className="actions">
        <button type="submit" disabled={send.isPending}>
          {t("llife.feedback.send")}
        </button>
      </div>
    </form>
  );
}

type Survey = { rating: string; goals_met: string; would_recommend: string; comment: string };

/** When the pair has ended: the exit survey, or thanks when answered. */
export function ExitSurveyForm({ pair }: { pair: Mentorship }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(lifeQueries.exitSurvey(pair.id));
  const form = useForm<Survey>({
    defaultValues: { rating: "", goals_met: "", would_recommend: "", comment: "" },
  });
  const answer = useMutation({
    mutationFn: (value: Survey) =>
      life.exitSurveyAnswer(pair.id, {
        rating: Number(value.rating),
        goals_met: value.goals_met as ExitSurveyInput["goals_met"],
        would_recommend: value.would_recommend === "yes",
        comment: value.comment,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lifeQueries.exitSurvey(pair.id).queryKey }),
  });
  if (!state.isSuccess) return null;
  if (state.data.answered) {
    return (
      <section className="card" aria-labelledby="survey-title">
        <h2 id="survey-title">{t("llife.survey.title")}</h2>
        <p role="status" className="ok">{t("llife.survey.thanks")}</p>
      </section>
    );
  }
  const id = `pair-${pair.id}-survey`;
  const { errors } = form.formState;
  return (
    <form
      className="card form"
      aria-labelledby="survey-title"
      onSubmit={form.handleSubmit((value) => answer.mutate(value))}
    >
      <h2 id="survey-title">{t("llife.survey.title")}</h2>
      <p>{t("llife.survey.intro")}</p>
      <ScoreChoice legend={t("llife.survey.rating")} field={form.register("rating", SURVEY.rating)} />
      <FieldError error={errors.rating} />
      <fieldset className="plan-filters">
        <legend>{t("llife.survey.goals")}</legend>
        {(["yes", "partly", "no"] as const).map((value) => (
          <label key={value} className="chip">
            <input type="radio" value={value} {...form.register("goals_met", SURVEY.goals_met)} />
            {t(`llife.survey.goals.${value}`)}
          </label>
        ))}
      </fieldset>
      <FieldError error={errors.goals_met} />
      <fieldset className="plan-filters">
        <legend>{t("llife.survey.recommend")}</legend>
        {(["yes", "no"] as const).map((value) => (
          <label key={value} className="chip">
            <input type="radio" value={value} {...form.register("would_recommend", { required: true })} />
            {t(`llife.survey.recommend.${value}`)}
          </label>
        ))}
      </fieldset>
      <FieldError error={errors.would_recommend} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t("llife.feedback.comment")}</label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={SURVEY.comment.maxLength}
          aria-describedby={`${id}-privacy`}
          {...form.register("comment", SURVEY.comment)}
        />
      </div>
      <FeedbackPrivacy id={`${id}-privacy`} />
      {answer.error ? <ErrorView error={answer.error} /> : null}
      <div className="actions">
        <button type="submit" disabled={answer.isPending}>
          {t("llife.feedback.send")}
        </button>
      </div>
    </form>
  );
}

/** End the mentorship: completed, or early with a reason. The exit survey follows. */
export function EndForm({ pair }: { pair: Mentorship }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<{ how: string; reason: string }>({ defaultValues: { how: "completed", reason: "" } });
  const how = useWatch({ control: form.control, name: "how" });
  const end = useMutation({
    mutationFn: (value: { how: string; reason: string }) =>
      life.mentorshipEnd(pair.id, value.how === "completed", value.reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mentoringKeys.mine() }),
  });
  const id = `pair-${pair.id}-end`;
  return (
    <details className="card">
      <summary>{t("llife.end.title")}</summary>
      <form className="form" onSubmit={form.handleSubmit((value) => end.mutate(value))}>
        <fieldset className="plan-filters">
          <legend>{t("llife.end.how")}</legend>
          <label className="chip">
            <input type="radio" value="completed" {...form.register("how")} />
            {t("llife.end.completed")}
          </label>
          <label className="chip">
            <input type="radio" value="early" {...form.register("how")} />
            {t("llife.end.early")}
          </label>
        </fieldset>
        {how === "early" ? (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t("llife.end.reason")}</label>
            <input
              id={`${id}-reason`}
              required
              maxLength={END.reason.maxLength}
              {...form.register("reason", { required: true, maxLength: END.reason.maxLength })}
            />
          </div>
        ) : null}
        {end.error ? <ErrorView error={end.error} /> : null}
        <div className="actions">
          <button type="submit" disabled={end.isPending}>
            {t("llife.end.confirm")}
          </button>
        </div>
      </form>
    </details>
  );
}
