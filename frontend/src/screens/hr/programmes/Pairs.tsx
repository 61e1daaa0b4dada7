import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as mentoring from "../../../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../../../api/mentoring";
import type { Mentorship } from "../../../api/mentoring";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";

/** HR: the programme's pairs, and ending one early with a reason. */
export function Pairs({ programmeId }: { programmeId: number }) {
  const { t } = useI18n();
  const pairs = useQuery(mentoringQueries.pairs(programmeId));
  const active = (pairs.data ?? []).filter((p) => p.status === "active");
  const ended = (pairs.data ?? []).filter((p) => p.status !== "active");
  return (
    <section aria-labelledby="pairs-heading">
      <h2 id="pairs-heading">{t("hrround.pairs.title")}</h2>
      {pairs.isPending ? <Loading /> : null}
      {pairs.error ? <ErrorView error={pairs.error} /> : null}
      {pairs.isSuccess && active.length === 0 ? <p>{t("hrround.pairs.none")}</p> : null}
      <ul className="items">
        {active.map((pair) => (
          <li key={pair.id} className="card">
            <PairCard programmeId={programmeId} pair={pair} />
          </li>
        ))}
      </ul>
      {ended.length > 0 ? (
        <>
          <h3>{t("hrround.pairs.ended")}</h3>
          <ul className="link-list">
            {ended.map((pair) => (
              <li key={pair.id}>
                {t("hrround.proposal.title", { mentee: pair.mentee.name, mentor: pair.mentor.name })}
                {pair.end_reason ? ` – ${pair.end_reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function PairCard({ programmeId, pair }: { programmeId: number; pair: Mentorship }) {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState("");
  const end = useMutation({
    mutationFn: () => mentoring.mentorshipEnd(pair.id, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) }),
  });
  const id = `end-${pair.id}`;
  return (
    <>
      <h3>{t("hrround.proposal.title", { mentee: pair.mentee.name, mentor: pair.mentor.name })}</h3>
      <p className="muted">{t("hrround.pairs.since", { date: date(pair.started_on) })}</p>
      {!ending ? (
        <button type="button" className="secondary" onClick={() => setEnding(true)}>
          {t("hrround.pairs.end")}
        </button>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            end.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t("hrround.pairs.reason")}</label>
            <input
              id={`${id}-reason`}
              required
              maxLength={400}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {end.error ? <ErrorView error={end.error} /> : null}
          <div className="actions">
            <button type="submit">{t("hrround.pairs.endConfirm")}</button>
            <button type="button" className="secondary" onClick={() => setEnding(false)}>
              {t("item.cancel")}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
