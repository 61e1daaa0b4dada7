import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { formRules } from "../../api/formRules";
import type { Mentorship } from "../../api/mentoring";
import * as life from "../../api/mentorshipLife";
import { lifeKeys, lifeQueries } from "../../api/mentorshipLife";
import { FieldError } from "../../components/FieldError";
import { ErrorView, Loading } from "../../components/Status";
import { setServerErrors } from "../../forms";
import { useI18n } from "../../i18n";

const MEETING = formRules.MeetingInputRequest;

type Plan = { date: string; time: string; minutes: string; location: string };

/** The pair's planned meetings (each with its calendar file) and planning the next one. */
export function Meetings({ pair, other }: { pair: Mentorship; other: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const meetings = useQuery(lifeQueries.meetings(pair.id));
  const [said, setSaid] = useState("");
  // Meetings from half a day ago on count as upcoming (the moment the screen opened).
  const [since] = useState(() => Date.now() - 12 * 3600 * 1000);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "short" }).format(
      new Date(iso),
    );
  const refresh = () => queryClient.invalidateQueries({ queryKey: lifeKeys.pair(pair.id) });
  const form = useForm<Plan>({ defaultValues: { date: "", time: "10:00", minutes: "60", location: "" } });
  const { errors } = form.formState;
  const plan = useMutation({
    mutationFn: (value: Plan) =>
      life.meetingPlan(pair.id, {
        starts_at: new Date(`${value.date}T${value.time}`).toISOString(),
        minutes: Number(value.minutes),
        location: value.location,
      }),
    onSuccess: (meeting) => {
      form.reset();
      setSaid(t("llife.meeting.planned", { when: when(meeting.starts_at), name: other }));
      return refresh();
    },
    onError: (error) => setServerErrors(error, form.setError, ["minutes", "location"]),
  });
  const cancel = useMutation({
    mutationFn: (meetingId: number) => life.meetingCancel(meetingId),
    onSuccess: (meeting) => {
      setSaid(t("llife.meeting.cancelled", { when: when(meeting.starts_at) }));
      return refresh();
    },
  });
  const id = (name: string) => `pair-${pair.id}-plan-${name}`;
  const upcoming = (meetings.data ?? []).filter(
    (meeting) => Date.parse(meeting.starts_at) > since,
  );

  return (
    <section aria-labelledby="meetings-heading" id="plan-meeting">
      <h2 id="meetings-heading">{t("llife.meeting.title")}</h2>
      <p role="status" className="ok">
        {said}
      </p>
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <ErrorView error={meetings.error} /> : null}
      {meetings.isSuccess && upcoming.length === 0 ? <p>{t("llife.meeting.none")}</p> : null}
      {upcoming.length > 0 ? (
        <ul className="items">
          {upcoming.map((meeting) => (
            <li key={meeting.id} className="card">
              <p>
                <strong>{when(meeting.starts_at)}</strong>
                {" · "}
                {t("llife.meeting.minutes", { minutes: meeting.minutes })}
                {meeting.location ? ` · ${meeting.location}` : ""}
              </p>
              <div className="actions">
                <a
                  className="button-link"
                  href={life.meetingInvitationUrl(meeting.id)}
                  download={`mentormoede-${meeting.id}.ics`}
                >
                  {t("llife.meeting.calendar")}
                </a>
                <button
                  type="button"
                  className="secondary"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(meeting.id)}
                >
                  {t("llife.meeting.cancel")}
                  <span className="visually-hidden"> {when(meeting.starts_at)}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="form"
        aria-labelledby={id("title")}
        onSubmit={form.handleSubmit((value) => plan.mutate(value))}
      >
        <h3 id={id("title")}>{t("llife.meeting.plan")}</h3>
        <p className="small">{t("llife.meeting.planIntro", { name: other })}</p>
        <div className="field">
          <label htmlFor={id("date")}>{t("lnet.mentor.date")}</label>
          <input id={id("date")} type="date" required {...form.register("date", { required: true })} />
        </div>
        <div className="field">
          <label htmlFor={id("time")}>{t("lnet.mentor.time")}</label>
          <input id={id("time")} type="time" required {...form.register("time", { required: true })} />
        </div>
        <div className="field">
          <label htmlFor={id("minutes")}>{t("lnet.mentor.minutes")}</label>
          <input
            id={id("minutes")}
            type="number"
            step={15}
            min={MEETING.minutes.min}
            max={MEETING.minutes.max}
            {...form.register("minutes", MEETING.minutes)}
          />
          <FieldError error={errors.minutes} />
        </div>
        <div className="field">
          <label htmlFor={id("place")}>{t("lnet.mentor.place")}</label>
          <input
            id={id("place")}
            maxLength={MEETING.location.maxLength}
            {...form.register("location", MEETING.location)}
          />
          <FieldError error={errors.location} />
        </div>
        {plan.error ? <ErrorView error={plan.error} /> : null}
        <div className="actions">
          <button type="submit" disabled={plan.isPending}>
            {t("llife.meeting.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
