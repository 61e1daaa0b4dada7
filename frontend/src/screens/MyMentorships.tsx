import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import * as mentoring from "../api/mentoring";
import { mentoringQueries } from "../api/mentoring";
import type { FirstMeeting, Mentorship, MyProposal } from "../api/mentoring";
import { lifeQueries } from "../api/mentorshipLife";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { CheckInPrivacy } from "../components/Privacy";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { LogMeetingForm } from "./mentorships/LogMeeting";

/** My active mentorships (as mentor: my mentees; as mentee: my mentor), and logging a meeting. */
export function MyMentorships() {
  const { t } = useI18n();
  const pairs = useQuery(mentoringQueries.mentorships());
  const proposals = useQuery(mentoringQueries.myProposals());
  const error = pairs.error ?? proposals.error;
  return (
    <Page title={t("pairs.title")}>
      <p>{t("pairs.intro")}</p>
      <CheckInPrivacy />
      {pairs.isPending || proposals.isPending ? <Loading /> : null}
      {error ? <ErrorView error={error} /> : null}
      {pairs.isSuccess && proposals.isSuccess ? (
        pairs.data.length === 0 ? (
          <p>{t("pairs.none")}</p>
        ) : (
          <ul className="items">
            {pairs.data.map((pair) => (
              <li key={pair.id}>
                <PairCard
                  pair={pair}
                  proposal={proposals.data.find((p) => p.id === pair.proposal)}
                />
              </li>
            ))}
          </ul>
        )
      ) : null}
      <EndedPairs />
    </Page>
  );
}

/** Ended pairs, each a link to its screen (where the exit survey is asked). */
function EndedPairs() {
  const { t, date } = useI18n();
  const me = useMe();
  const ended = useQuery(lifeQueries.ended());
  if (!ended.data || ended.data.length === 0) return null;
  return (
    <section aria-labelledby="ended-pairs">
      <h2 id="ended-pairs">{t("llife.pair.ended")}</h2>
      <ul>
        {ended.data.map((pair) => {
          const other = pair.mentor.id === me.leader_id ? pair.mentee : pair.mentor;
          return (
            <li key={pair.id}>
              <Link to={`/mentoring/mentorships/${pair.id}`}>{other.name}</Link>{" "}
              {pair.ended_on ? t("llife.pair.endedOn", { date: date(pair.ended_on) }) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function PairCard({ pair, proposal }: { pair: Mentorship; proposal: MyProposal | undefined }) {
  const { t, date, language } = useI18n();
  const me = useMe();
  const asMentor = pair.mentor.id === me.leader_id;
  const other = asMentor ? pair.mentee : pair.mentor;
  const [saved, setSaved] = useState("");
  const titleId = `pair-${pair.id}`;

  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(asMentor ? "pairs.yourMentee" : "pairs.yourMentor", { name: other.name })}
      </h2>
      <p className="muted">
        {[other.role_title, other.unit, other.administration].filter(Boolean).join(" · ")}
      </p>
      <dl className="facts">
        <div>
          <dt>{t("pairs.started")}</dt>
          <dd>{date(pair.started_on)}</dd>
        </div>
        <div>
          <dt>{t("pairs.lastMet")}</dt>
          <dd>{pair.last_met_on ? date(pair.last_met_on) : t("pairs.notYet")}</dd>
        </div>
      </dl>
      {proposal ? (
        <>
          <h3>{t("lnet.mentor.why")}</h3>
          <ul>
            {(language === "da" ? proposal.reasons_da : proposal.reasons).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
      {typeof pair.proposal === "number" && pair.first_met_on === null ? (
        <FirstMeetingForm pair={pair} proposalId={pair.proposal} other={other.name} />
      ) : null}
      <p role="status" className="ok">
        {saved}
      </p>
      <LogMeetingForm pair={pair} onLogged={(metOn) => setSaved(t("pairs.logged", { date: date(metOn) }))} />
      <p>
        <Link to={`/mentoring/mentorships/${pair.id}`}>
          {t("llife.pair.open", { name: other.name })}
        </Link>
      </p>
    </article>
  );
}

/** Propose the first meeting: pick when and where, and download the calendar invitation. */
function FirstMeetingForm({
  pair,
  proposalId,
  other,
}: {
  pair: Mentorship;
  proposalId: number;
  other: string;
}) {
  const { t, date } = useI18n();
  const initial = pair.first_meeting_at
    ? mentoring.localDateTime(pair.first_meeting_at)
    : { date: pair.first_meeting_due ?? "", time: "10:00" };
  const [meeting, setMeeting] = useState<FirstMeeting>({
    ...initial,
    minutes: 60,
    location: "",
  });
  const id = (name: string) => `pair-${pair.id}-meet-${name}`;
  const set = (change: Partial<FirstMeeting>) => setMeeting((m) => ({ ...m, ...change }));
  const ready = meeting.date !== "" && meeting.time !== "" && meeting.minutes >= 15;

  return (
    <div className="form" role="group" aria-labelledby={id("title")}>
      <h3 id={id("title")}>{t("lnet.mentor.propose")}</h3>
      <p>{t("lnet.mentor.proposeIntro", { name: other })}</p>
      {pair.first_meeting_due ? (
        <p className="small">
          {t("lnet.mentor.due", { date: date(pair.first_meeting_due) })}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id("date")}>{t("lnet.mentor.date")}</label>
        <input
          id={id("date")}
          type="date"
          required
          value={meeting.date}
          onChange={(e) => set({ date: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={id("time")}>{t("lnet.mentor.time")}</label>
        <input
          id={id("time")}
          type="time"
          required
          value={meeting.time}
          onChange={(e) => set({ time: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={id("minutes")}>{t("lnet.mentor.minutes")}</label>
        <input
          id={id("minutes")}
          type="number"
          min={15}
          max={480}
          step={15}
          required
          value={meeting.minutes}
          onChange={(e) => set({ minutes: Number(e.target.value) })}
        />
      </div>
      <div className="field">
        <label htmlFor={id("place")}>{t("lnet.mentor.place")}</label>
        <input
          id={id("place")}
          type="text"
          maxLength={200}
          value={meeting.location}
          onChange={(e) => set({ location: e.target.value })}
        />
      </div>
      {ready ? (
        <p>
          <a
            className="button-link"
            href={mentoring.invitationUrl(proposalId, meeting)}
            download={`mentormoede-${proposalId}.ics`}
          >
            {t("lnet.mentor.download")}
          </a>
        </p>
      ) : (
        <p className="small">{t("lnet.mentor.pickFirst")}</p>
      )}
      <p className="small">{t("lnet.mentor.downloadHelp", { name: other })}</p>
    </div>
  );
}
