import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as mentoring from "../../../api/mentoring";
import { mentoringKeys } from "../../../api/mentoring";
import type { Enrolment, Offer } from "../../../api/mentoring";
import { ErrorView } from "../../../components/Status";
import { useI18n } from "../../../i18n";

/** HR: mentees the run could not match, with the reason, and a manual match for each (the line
 * rule is checked by the server; a reason is required). */
export function ManualQueue({
  programmeId,
  queue,
  offers,
}: {
  programmeId: number;
  queue: Enrolment[];
  offers: Offer[];
}) {
  const { t } = useI18n();
  const free = offers.filter((o) => o.state === "active" && !o.paused && o.active_count < (o.capacity ?? 1));
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t("queue.title")}</h2>
      <p>{t("queue.intro")}</p>
      {queue.length === 0 ? (
        <p>{t("queue.none")}</p>
      ) : (
        <ul className="items">
          {queue.map((enrolment) => (
            <li key={enrolment.id} className="card">
              <strong>{t("hrround.queue.mentee", { name: enrolment.leader.name })}</strong>
              {", "}
              {[enrolment.leader.role_title, enrolment.leader.unit].filter(Boolean).join(", ")}
              <p>{enrolment.manual_reason}</p>
              <ManualMatchForm programmeId={programmeId} enrolment={enrolment} offers={free} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ManualMatchForm({
  programmeId,
  enrolment,
  offers,
}: {
  programmeId: number;
  enrolment: Enrolment;
  offers: Offer[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [offer, setOffer] = useState("");
  const [reason, setReason] = useState("");
  const match = useMutation({
    mutationFn: () => mentoring.manualMatch(programmeId, enrolment.id, Number(offer), reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) }),
  });
  const id = `manual-${enrolment.id}`;
  if (offers.length === 0) return <p className="muted">{t("hrround.queue.noMentor")}</p>;
  return (
    <form
      className="form"
      aria-label={t("hrround.queue.formFor", { name: enrolment.leader.name })}
      onSubmit={(event) => {
        event.preventDefault();
        match.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-offer`}>{t("hrround.queue.mentor")}</label>
        <select id={`${id}-offer`} required value={offer} onChange={(e) => setOffer(e.target.value)}>
          <option value="">{t("proposal.chooseMentor")}</option>
          {offers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.leader.name}, {o.leader.role_title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("proposal.reason")}</label>
        <input
          id={`${id}-reason`}
          required
          maxLength={400}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {match.error ? <ErrorView error={match.error} /> : null}
      <button type="submit">{t("hrround.queue.match")}</button>
    </form>
  );
}
