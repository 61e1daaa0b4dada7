import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as mentoring from "../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../api/mentoring";
import type { AnalyticsCell, AnalyticsFigures, Flag } from "../api/mentoring";
import { lifeQueries } from "../api/mentorshipLife";
import { BarChart } from "../charts/BarChart";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { ErrorView, Loading } from "./Status";

const FLAG_KINDS: Record<Flag["kind"], MessageKey> = {
  inactive: "hrnet.flags.kind.inactive",
  no_first_meeting: "hrnet.flags.kind.no_first_meeting",
  rule_broken: "hrnet.flags.kind.rule_broken",
};

/** HR: open flags on mentoring pairs (no meeting for long, no first meeting, a broken rule). */
export function MentoringFlags() {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(mentoringQueries.flags());
  const [done, setDone] = useState("");
  const resolve = useMutation({
    mutationFn: (flag: Flag) => mentoring.flagResolve(flag.id),
    onSuccess: (_data, flag) => {
      setDone(t("hrnet.flags.resolved", { mentee: flag.mentee.name, mentor: flag.mentor.name }));
      return queryClient.invalidateQueries({ queryKey: mentoringKeys.flags() });
    },
  });
  const error = resolve.error;
  const onResolve = (flag: Flag) => resolve.mutate(flag);

  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t("hrnet.flags.title")}</h2>
      <p>{t("hrnet.flags.intro")}</p>
      <div role="status">{done ? <p className="ok">{done}</p> : null}</div>
      {error ? <ErrorView error={error} /> : null}
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess && state.data.length === 0 ? <p>{t("hrnet.flags.none")}</p> : null}
      {state.isSuccess && state.data.length > 0 ? (
        <ul className="items">
          {state.data.map((flag) => (
            <li key={flag.id}>
              <article className="card" aria-labelledby={`flag-${flag.id}`}>
                <h3 id={`flag-${flag.id}`}>
                  {t("hrnet.flags.pair", { mentee: flag.mentee.name, mentor: flag.mentor.name })}
                </h3>
                <dl className="facts">
                  <div>
                    <dt>{t("hrnet.flags.why")}</dt>
                    <dd>{t(FLAG_KINDS[flag.kind])}</dd>
                  </div>
                  <div>
                    <dt>{t("hrnet.flags.since")}</dt>
                    <dd>{date(flag.created_at)}</dd>
                  </div>
                  {flag.suggested_mentor ? (
                    <div>
                      <dt>{t("hrnet.flags.suggested")}</dt>
                      <dd>{flag.suggested_mentor.name}</dd>
                    </div>
                  ) : null}
                </dl>
                {flag.reason ? <p>{flag.reason}</p> : null}
                <button type="button" className="secondary" onClick={() => onResolve(flag)}>
                  {t("hrnet.flags.resolve")}
                  <span className="visually-hidden">
                    {" "}
                    {t("hrnet.flags.pair", { mentee: flag.mentee.name, mentor: flag.mentor.name })}
                  </span>
                </button>
              </article>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const FIGURES: { key: keyof AnalyticsFigures; label: MessageKey; percent?: boolean }[] = [
  { key: "enrolled", label: "hrnet.analytics.enrolled" },
  { key: "matched_pct", label: "hrnet.analytics.matched", percent: true },
  { key: "days_to_match", label: "hrnet.analytics.daysToMatch" },
  { key: "days_to_first_meeting", label: "hrnet.analytics.daysToMeeting" },
  { key: "active", label: "hrnet.analytics.active" },
  { key: "ended_early", label: "hrnet.analytics.endedEarly" },
  { key: "needs_covered_pct", label: "hrnet.analytics.needsCovered", percent: true },
];

/** HR: a programme's figures overall and per administration; small cells are hidden by the API. */
export function ProgrammeAnalytics({ programmeId }: { programmeId: number }) {
  const { t } = useI18n();
  const state = useQuery(mentoringQueries.analytics(programmeId));
  const cell = (c: AnalyticsCell, percent = false) => {
    if (c.suppressed) return t("hrnet.analytics.hidden");
    if (c.value === null) return "–";
    const text = c.value.toLocaleString(t("hrnet.locale"), { maximumFractionDigits: 1 });
    return percent ? `${text} %` : text;
  };

  return (
    <section aria-labelledby="analytics-heading">
      <h2 id="analytics-heading">{t("hrnet.analytics.title")}</h2>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        <>
          <p>{t("hrnet.analytics.intro")}</p>
            <table className="data-table">
              <caption>{t("hrnet.analytics.table")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("hrnet.col.administration")}</th>
                  {FIGURES.map((f) => (
                    <th scope="col" key={f.key}>
                      {t(f.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[
                  { name: t("hrnet.analytics.total"), figures: state.data.total as AnalyticsFigures },
                  ...state.data.administrations.map((a) => ({ name: a.administration, figures: a })),
                ].map((row) => (
                  <tr key={row.name}>
                    <th scope="row">{row.name}</th>
                    {FIGURES.map((f) => (
                      <td key={f.key}>{cell(row.figures[f.key], f.percent)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          <p className="muted small">{t("hrnet.analytics.legend")}</p>
          <h3>{t("hrnet.analytics.chartTitle")}</h3>
          <BarChart
            label={t("hrnet.analytics.chartAlt")}
            domain={{ min: 0, max: 100 }}
            rows={state.data.administrations.map((a) => ({
              key: a.administration,
              label: a.administration,
              value: a.matched_pct.suppressed ? null : a.matched_pct.value,
              text: cell(a.matched_pct, true),
            }))}
          />
        </>
      ) : null}
    </section>
  );
}

type QualityCell = { value: number | null; suppressed: boolean };
type QualityRow = { administration?: string | null } & Record<string, QualityCell | string | null | undefined>;

const PULSE_COLUMNS: { key: string; label: MessageKey }[] = [
  { key: "respondents", label: "llife.quality.respondents" },
  { key: "pulses", label: "llife.quality.pulses" },
  { key: "mean_score", label: "llife.quality.meanScore" },
];
const SURVEY_COLUMNS: { key: string; label: MessageKey; percent?: boolean }[] = [
  { key: "respondents", label: "llife.quality.respondents" },
  { key: "mean_rating", label: "llife.quality.meanRating" },
  { key: "goals_met_pct", label: "llife.quality.goalsMet", percent: true },
  { key: "recommend_pct", label: "llife.quality.recommend", percent: true },
];

/**
 * HR: a programme's quality from meeting pulses and exit surveys. The API hides every figure
 * resting on fewer than five people, pools small administrations, and gives comments without
 * names (only when five or more answered).
 */
export function ProgrammeQuality({ programmeId }: { programmeId: number }) {
  const { t, language } = useI18n();
  const state = useQuery(lifeQueries.quality(programmeId));
  const cell = (c: QualityCell | undefined, percent = false) => {
    if (!c || c.suppressed) return t("hrnet.analytics.hidden");
    if (c.value === null) return "–";
    const text = c.value.toLocaleString(language, { maximumFractionDigits: 1 });
    return percent ? `${text} %` : text;
  };
  const table = (
    caption: MessageKey,
    columns: { key: string; label: MessageKey; percent?: boolean }[],
    data: { total: QualityRow; administrations: QualityRow[] },
  ) => (
    <table className="data-table">
      <caption>{t(caption)}</caption>
      <thead>
        <tr>
          <th scope="col">{t("hrnet.col.administration")}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key}>
              {t(c.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[{ ...data.total, administration: t("hrnet.analytics.total") }, ...data.administrations].map(
          (row, index) => (
            <tr key={index}>
              <th scope="row">{row.administration ?? t("llife.quality.otherAdministrations")}</th>
              {columns.map((c) => (
                <td key={c.key}>{cell(row[c.key] as QualityCell | undefined, c.percent)}</td>
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
  const comments = (title: MessageKey, list: string[], hidden: boolean) => (
    <>
      <h4>{t(title)}</h4>
      {hidden ? (
        <p className="muted small">{t("llife.quality.commentsHidden")}</p>
      ) : list.length === 0 ? (
        <p className="muted small">{t("llife.quality.noComments")}</p>
      ) : (
        <ul>
          {list.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ul>
      )}
    </>
  );

  return (
    <section aria-labelledby="quality-heading">
      <h2 id="quality-heading">{t("llife.quality.title")}</h2>
      <p>{t("llife.quality.intro")}</p>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        <>
          {table("llife.quality.pulsesTable", PULSE_COLUMNS, state.data.pulses as never)}
          {table("llife.quality.surveysTable", SURVEY_COLUMNS, state.data.surveys as never)}
          <h3>{t("llife.quality.comments")}</h3>
          {comments(
            "llife.quality.pulseComments",
            state.data.pulse_comments,
            state.data.pulse_comments_hidden,
          )}
          {comments(
            "llife.quality.surveyComments",
            state.data.survey_comments,
            state.data.survey_comments_hidden,
          )}
        </>
      ) : null}
    </section>
  );
}
