import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { formRules } from "../../../api/formRules";
import * as mentoring from "../../../api/mentoring";
import { mentoringKeys } from "../../../api/mentoring";
import type { Offer, Proposal } from "../../../api/mentoring";
import { FieldError } from "../../../components/FieldError";
import { ErrorView } from "../../../components/Status";
import { setServerErrors } from "../../../forms";
import { useI18n } from "../../../i18n";
import { COMPONENTS, PROPOSAL_STATUS } from "./shared";

type Decision = { offer: string; reason: string };
// Rejecting and swapping ask the same of the reason (ReasonInputRequest, ProposalSwapInputRequest).
const REASON = formRules.ReasonInputRequest.reason;

/** HR: one proposal, saying plainly who is the mentee and who is the mentor; approve, reject
 * or swap the mentor (a reason for the last two). */
export function ProposalCard({ proposal, offers }: { proposal: Proposal; offers: Offer[] }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"idle" | "reject" | "swap">("idle");
  const form = useForm<Decision>({ defaultValues: { offer: "", reason: "" } });
  const decide = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => {
      setMode("idle");
      return queryClient.invalidateQueries({
        queryKey: mentoringKeys.programme(proposal.programme),
      });
    },
    onError: (error) => setServerErrors(error, form.setError, ["offer", "reason"]),
  });
  const error = decide.error;
  const titleId = `proposal-${proposal.id}`;
  const reasons = language === "da" ? proposal.reasons_da : proposal.reasons;
  const alternatives = offers.filter(
    (o) => o.leader.name !== proposal.mentor.name && o.state === "active",
  );
  const decimal = new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

  const onSubmit = form.handleSubmit(({ offer, reason }) => {
    if (mode === "reject") decide.mutate(() => mentoring.proposalReject(proposal.id, reason));
    if (mode === "swap") {
      decide.mutate(() => mentoring.proposalSwap(proposal.id, Number(offer), reason));
    }
  });

  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t("hrround.proposal.title", {
          mentee: proposal.mentee?.name ?? "",
          mentor: proposal.mentor.name,
        })}
      </h3>
      <p className="muted">
        {t("proposal.mentorIs", {
          role: proposal.mentor.role_title,
          unit: proposal.mentor.unit ?? "",
          administration: proposal.mentor.administration ?? "",
        })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t("proposal.status")}</dt>
          <dd>{t(PROPOSAL_STATUS[proposal.status])}</dd>
        </div>
        {typeof proposal.score === "number" ? (
          <div>
            <dt>{t("proposal.score")}</dt>
            <dd>{decimal.format(proposal.score)}</dd>
          </div>
        ) : null}
      </dl>
      {proposal.components ? (
        <table className="breakdown">
          <caption>{t("proposal.breakdown")}</caption>
          <tbody>
            {Object.entries(proposal.components).map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key in COMPONENTS ? t(COMPONENTS[key]!) : key.replace(/_/g, " ")}</th>
                <td>{decimal.format(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {reasons.length > 0 ? (
        <>
          <h4>{t("proposal.reasons")}</h4>
          <ul>
            {reasons.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? <ErrorView error={error} /> : null}
      {proposal.status === "draft" && mode === "idle" ? (
        <div className="actions">
          <button
            type="button"
            onClick={() => decide.mutate(() => mentoring.proposalApprove(proposal.id))}
          >
            {t("proposal.approve")}
          </button>
          <button type="button" className="secondary" onClick={() => setMode("reject")}>
            {t("proposal.reject")}
          </button>
          {alternatives.length > 0 ? (
            <button type="button" className="secondary" onClick={() => setMode("swap")}>
              {t("proposal.swap")}
            </button>
          ) : null}
        </div>
      ) : null}
      {mode !== "idle" ? (
        <form onSubmit={onSubmit} className="form">
          {mode === "swap" ? (
            <div className="field">
              <label htmlFor={`swap-${proposal.id}`}>{t("proposal.swapTo")}</label>
              <select
                id={`swap-${proposal.id}`}
                required
                {...form.register("offer")}
              >
                <option value="">{t("proposal.chooseMentor")}</option>
                {alternatives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.leader.name}, {o.leader.role_title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`reason-${proposal.id}`}>{t("proposal.reason")}</label>
            <input
              id={`reason-${proposal.id}`}
              required
              maxLength={REASON.maxLength}
              {...form.register("reason", REASON)}
            />
            <FieldError error={form.formState.errors.reason} />
          </div>
          <div className="actions">
            <button type="submit">
              {mode === "reject" ? t("proposal.rejectConfirm") : t("proposal.swapConfirm")}
            </button>
            <button type="button" className="secondary" onClick={() => setMode("idle")}>
              {t("item.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
