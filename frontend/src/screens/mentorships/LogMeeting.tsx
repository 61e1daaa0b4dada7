import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { formRules } from "../../api/formRules";
import * as mentoring from "../../api/mentoring";
import { mentoringKeys } from "../../api/mentoring";
import type { Mentorship } from "../../api/mentoring";
import { FieldError } from "../../components/FieldError";
import { ErrorView } from "../../components/Status";
import { setServerErrors } from "../../forms";
import { useI18n } from "../../i18n";

const CHECK_IN = formRules.CheckInInputRequest;

type Meeting = { met_on: string; minutes: string; note: string; note_shared: boolean };

/** Log a meeting that took place (the note stays the writer's unless shared with the pair). */
export function LogMeetingForm({
  pair,
  onLogged,
  formId,
}: {
  pair: Mentorship;
  onLogged: (metOn: string) => void;
  formId?: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
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
      onLogged(meeting.met_on);
      return queryClient.invalidateQueries({ queryKey: mentoringKeys.mine() });
    },
    onError: (error) =>
      setServerErrors(error, form.setError, ["met_on", "minutes", "note", "note_shared"]),
  });
  const onSubmit = form.handleSubmit((meeting) => log.mutate(meeting));
  const id = (name: string) => `pair-${pair.id}-${name}`;

  return (
    <form id={formId} onSubmit={onSubmit} className="form" aria-labelledby={id("form")}>
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
  );
}
