import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as mentoring from "../../../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../../../api/mentoring";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";
import { ENROLMENT_STATUS, ROUTES } from "./shared";

/** HR: who is enrolled as a mentee and why (automatically by the programme's rule, or by HR);
 * enrol the new leaders, add a leader by hand, withdraw one. */
export function EnrolmentSection({ programmeId }: { programmeId: number }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const enrolled = useQuery(mentoringQueries.enrolments(programmeId));
  const leaders = useQuery({
    queryKey: [...mentoringKeys.programme(programmeId), "all-leaders"],
    queryFn: () =>
      mentoring.mentorCandidates(programmeId, { exclude_first_year: false, exclude_mentees: false }),
  });
  const [leader, setLeader] = useState("");
  const [reason, setReason] = useState("");
  const [ensured, setEnsured] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) });
  const ensure = useMutation({
    mutationFn: () => mentoring.enrolmentEnsure(programmeId),
    onSuccess: (result) => {
      const n = new Intl.NumberFormat(language);
      setEnsured(
        t("hrround.enrol.ensured", {
          enrolled: n.format(result.enrolled),
          skipped: n.format(result.skipped_active_mentorship),
        }),
      );
      return refresh();
    },
  });
  const add = useMutation({
    mutationFn: () => mentoring.enrolmentAdd(programmeId, Number(leader), reason),
    onSuccess: () => {
      setLeader("");
      setReason("");
      return refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (enrolmentId: number) => mentoring.enrolmentWithdraw(enrolmentId),
    onSuccess: refresh,
  });
  const rows = enrolled.data?.filter((e) => e.status !== "withdrawn") ?? [];
  const enrolledIds = new Set(rows.map((e) => e.leader.id));

  return (
    <section aria-labelledby="enrol-heading" className="card">
      <h2 id="enrol-heading">{t("hrround.enrol.title")}</h2>
      <p>{t("hrround.enrol.intro")}</p>
      <div className="actions">
        <button type="button" onClick={() => ensure.mutate()}>
          {t("hrround.enrol.ensure")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {ensured ? <p>{ensured}</p> : null}
      </div>
      {ensure.error ? <ErrorView error={ensure.error} /> : null}
      {enrolled.isPending ? <Loading /> : null}
      {enrolled.error ? <ErrorView error={enrolled.error} /> : null}
      {enrolled.isSuccess && rows.length === 0 ? <p>{t("hrround.enrol.none")}</p> : null}
      {rows.length > 0 ? (
        <ul className="items" aria-label={t("hrround.enrol.caption")}>
          {rows.map((e) => (
            <li key={e.id} className="card">
              <strong>{e.leader.name}</strong>, {e.leader.role_title}
              <dl className="facts">
                <div>
                  <dt>{t("hrround.col.why")}</dt>
                  <dd>
                    {t(ROUTES[e.route ?? "hr"] ?? "hrround.route.hr")}
                    {e.route !== "hr" ? ` (${t("hrround.enrol.auto")})` : ""}
                  </dd>
                </div>
                <div>
                  <dt>{t("hrround.col.status")}</dt>
                  <dd>{t(ENROLMENT_STATUS[e.status ?? "waiting"] ?? "hrround.enrolment.waiting")}</dd>
                </div>
              </dl>
              {e.second_mentorship_reason ? (
                <p className="muted">
                  {t("hrround.enrol.second", { reason: e.second_mentorship_reason })}
                </p>
              ) : null}
              <button
                type="button"
                className="secondary"
                onClick={() => withdraw.mutate(e.id)}
                aria-label={t("hrround.enrol.withdrawNamed", { name: e.leader.name })}
              >
                {t("hrround.enrol.withdraw")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (leader) add.mutate();
        }}
      >
        <h3>{t("hrround.enrol.add")}</h3>
        <div className="field">
          <label htmlFor="enrol-leader">{t("hrround.col.leader")}</label>
          <select id="enrol-leader" value={leader} onChange={(e) => setLeader(e.target.value)} required>
            <option value="">{t("hrround.enrol.choose")}</option>
            {(leaders.data ?? [])
              .filter((c) => !enrolledIds.has(c.leader.id))
              .map((c) => (
                <option key={c.leader.id} value={c.leader.id}>
                  {c.leader.name}, {c.leader.role_title}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="enrol-reason">{t("hrround.enrol.secondReason")}</label>
          <input
            id="enrol-reason"
            value={reason}
            maxLength={400}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="enrol-reason-d"
          />
          <span id="enrol-reason-d" className="muted">
            {t("hrround.enrol.secondReason.d")}
          </span>
        </div>
        {add.error ? <ErrorView error={add.error} /> : null}
        <button type="submit">{t("hrround.enrol.addButton")}</button>
      </form>
    </section>
  );
}
