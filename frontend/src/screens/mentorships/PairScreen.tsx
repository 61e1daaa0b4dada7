import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Mentorship } from "../../api/mentoring";
import { lifeQueries } from "../../api/mentorshipLife";
import { useMe } from "../../auth";
import { Page } from "../../components/Page";
import { CheckInPrivacy } from "../../components/Privacy";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import { NotFound } from "../NotFound";
import { EndForm, ExitSurveyForm, PulseForm } from "./Feedback";
import { LogMeetingForm } from "./LogMeeting";
import { Meetings } from "./Meetings";

/**
 * One mentorship (`/mentoring/mentorships/:id`, the address every mentoring notice links to):
 * "did you meet?", the planned meetings and the next one, logging a meeting and its pulse,
 * ending the pair, and the exit survey once it has ended.
 */
export function PairScreen() {
  const { t } = useI18n();
  const me = useMe();
  const pairId = Number(useParams().mentorshipId);
  const valid = Number.isInteger(pairId);
  const query = useQuery({ ...lifeQueries.mentorship(pairId), enabled: valid });
  if (!valid) return <NotFound />;
  if (query.isError) return <ErrorView error={query.error} />;
  const pair = query.data;
  const other = pair ? (pair.mentor.id === me.leader_id ? pair.mentee : pair.mentor) : null;
  const title = pair && other
    ? t(pair.mentor.id === me.leader_id ? "pairs.yourMentee" : "pairs.yourMentor", { name: other.name })
    : t("pairs.title");
  return (
    <Page title={title}>
      <p>
        <Link to="/mentoring/pairs">{t("llife.pair.back")}</Link>
      </p>
      {pair && other ? <PairLife pair={pair} other={other.name} /> : <Loading />}
    </Page>
  );
}

function PairLife({ pair, other }: { pair: Mentorship; other: string }) {
  const { t, date } = useI18n();
  const [saved, setSaved] = useState("");
  const active = pair.status === "active";
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t("pairs.started")}</dt>
          <dd>{date(pair.started_on)}</dd>
        </div>
        <div>
          <dt>{t("pairs.lastMet")}</dt>
          <dd>{pair.last_met_on ? date(pair.last_met_on) : t("pairs.notYet")}</dd>
        </div>
        {pair.ended_on ? (
          <div>
            <dt>{t("llife.pair.endedAt")}</dt>
            <dd>{date(pair.ended_on)}</dd>
          </div>
        ) : null}
      </dl>
      {active && pair.first_met_on === null ? (
        <section className="card warn-card" aria-labelledby="did-you-meet">
          <h2 id="did-you-meet">{t("llife.pair.didYouMeet", { name: other })}</h2>
          <p>
            {pair.first_meeting_due && pair.first_meeting_due < today
              ? t("llife.pair.didYouMeetLate", { date: date(pair.first_meeting_due) })
              : t("llife.pair.didYouMeetIntro")}
          </p>
          <p className="actions">
            <a className="button-link" href="#log-meeting">
              {t("llife.pair.yesLog")}
            </a>
            <a className="button-link" href="#plan-meeting">
              {t("llife.pair.notYetPlan")}
            </a>
          </p>
        </section>
      ) : null}
      {pair.last_met_on ? <PulseForm pair={pair} metOn={pair.last_met_on} /> : null}
      {active ? (
        <>
          <Meetings pair={pair} other={other} />
          <section aria-labelledby={`pair-${pair.id}-form`}>
            <p role="status" className="ok">
              {saved}
            </p>
            <CheckInPrivacy />
            <LogMeetingForm
              pair={pair}
              formId="log-meeting"
              onLogged={(metOn) => setSaved(t("pairs.logged", { date: date(metOn) }))}
            />
          </section>
          <EndForm pair={pair} />
        </>
      ) : (
        <ExitSurveyForm pair={pair} />
      )}
    </>
  );
}
