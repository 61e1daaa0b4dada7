import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { formRules } from "../api/formRules";
import * as mentoring from "../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../api/mentoring";
import type { FirstMeeting, Mentorship, MyProposal } from "../api/mentoring";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { CheckInPrivacy } from "../components/Privacy";
import { FieldError } from "../components/FieldError";
import { ErrorView, Loading } from "../components/Status";
import { setServerErrors } from "../forms";
import { useI18n } from "../i18n";

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
    </Page>
  );
}

const CHECK_IN = formRules.CheckInInputRequest;

type Meeting = { met_on: string; minutes: string; note: string; note_shared: boolean };

function PairCard({ pair, proposal }: { pair: Mentorship; proposal: MyProposal | undefined }) {
  const { t, date, language } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const asMentor = pair.mentor.id === me.leader_id;
  const other = asMentor ? pair.mentee : pair.mentor;
  const [saved, setSaved] = useState("");
  const form = useForm<Meeting>({
    defaultValues: {
      met_on: new Date().toISOString().slice(0, 10),
      minutes: "60",
      note: "",
      note_shared: false,
    },
  });
  const { errors } = form.formState;
  const log = useMutation({
    mutationFn: (meeting: Meeting) =>
      mentoring.checkInLog(pair.id, { ...meeting, minutes: Number(meeting.minutes) }),
    onSuccess: (_data, meeting) => {
      form.setValue("note", "");
      setSaved(t("pairs.logged", { date: date(meeting.met_on) }));
      return queryClient.invalidateQueries({ queryKey: mentoringKeys.mine() });
    },
    onError: (error) =>
      setServerErrors(error, form.setError, ["met_on", "minutes", "note", "note_shared"]),
  });
  const onSubmit = form.handleSubmit((meeting) => log.mutate(meeting));
  const titleId = `pair-${pair.id}`;
  const id = (name: string) => `pair-${pair.id}-${name}`;

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
      <form onSubmit={onSubmit} className="form" aria-labelledby={id("form")}>
        <h3 id={id("form")}>{t("pairs.log")}</h3>
        <div className="field">
          <label htmlFor={id("date")}>{t("pairs.metOn")}</label>
          <input id={id("date")} type="date" required {...form.register("met_on", CHECK_IN.met_on)} />
          <FieldError error={errors.met_on} />
        </div>
        <div className="field">
          <label htmlFor={id("minutes")}>{t("pairs.minutes")}</label>
          <input
            id={id("minutes")}
            type="number"
            min={CHECK_IN.minutes.min}
            max={CHECK_IN.minutes.max}
            required
            {...form.register("minutes", CHECK_IN.minutes)}
          />
          <FieldError error={errors.minutes} />
        </div>
        <div className="field">
          <label htmlFor={id("note")}>{t("pairs.note")}</label>
          <textarea
            id={id("note")}
            rows={3}
            maxLength={CHECK_IN.note.maxLength}
            {...form.register("note", CHECK_IN.note)}
          />
          <FieldError error={errors.note} />
        </div>
        <label className="choice">
          <input type="checkbox" {...form.register("note_shared")} />
          {t("pairs.share")}
        </label>
        {log.error ? <ErrorView error={log.error} /> : null}
        <div className="actions">
          <button type="submit">{t("pairs.save")}</button>
        </div>
      </form>
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
