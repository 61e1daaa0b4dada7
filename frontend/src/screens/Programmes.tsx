import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";
import { formRules } from "../api/formRules";
import * as mentoring from "../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../api/mentoring";
import type { MatchRun, Offer, Proposal, ProposalStatus } from "../api/mentoring";
import { MentoringFlags, ProgrammeAnalytics, ProgrammeQuality } from "../components/MentoringFollowUp";
import { Page } from "../components/Page";
import { FieldError } from "../components/FieldError";
import { ErrorView, Loading } from "../components/Status";
import { setServerErrors } from "../forms";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";

export const PROPOSAL_STATUS: Record<ProposalStatus, MessageKey> = {
  draft: "proposal.status.draft",
  offered: "proposal.status.offered",
  accepted: "proposal.status.accepted",
  rejected: "proposal.status.rejected",
  declined: "proposal.status.declined",
  expired: "proposal.status.expired",
  swapped: "proposal.status.swapped",
  withdrawn: "proposal.status.withdrawn",
  replaced: "proposal.status.replaced",
};

const COMPONENTS: Record<string, MessageKey> = {
  needs: "component.needs",
  context: "component.context",
  experience: "component.experience",
  network: "component.network",
  given: "component.given",
  cross_administration: "component.cross_administration",
  load: "component.load",
};

/** HR: the organisation's mentoring programmes. */
export function Programmes() {
  const { t, date } = useI18n();
  const state = useQuery(mentoringQueries.programmes());
  return (
    <Page title={t("programmes.title")}>
      <p>{t("programmes.intro")}</p>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        state.data.length === 0 ? (
          <p>{t("programmes.none")}</p>
        ) : (
          <ul className="link-list">
            {state.data.map((programme) => (
              <li key={programme.id}>
                <Link to={`${programme.id}`}>{programme.name}</Link>{" "}
                <span className="muted">
                  {t("programmes.starts", { date: date(programme.starts_on) })}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <MentoringFlags />
    </Page>
  );
}

/** HR: one programme: start a match run, follow it, review proposals, the manual queue. */
export function ProgrammeScreen() {
  const { t } = useI18n();
  const programmeId = Number(useParams().programmeId);
  const programmeQuery = useQuery(mentoringQueries.programme(programmeId));
  const proposalsQuery = useQuery(mentoringQueries.proposals(programmeId));
  const queueQuery = useQuery(mentoringQueries.manualQueue(programmeId));
  const offersQuery = useQuery(mentoringQueries.offers(programmeId));
  const runsQuery = useQuery(mentoringQueries.matchRuns(programmeId));
  const error =
    programmeQuery.error ??
    proposalsQuery.error ??
    queueQuery.error ??
    offersQuery.error ??
    runsQuery.error;
  if (error) return <ErrorView error={error} />;
  const programme = programmeQuery.data;
  const proposals = proposalsQuery.data;
  const queue = queueQuery.data;
  const offers = offersQuery.data;
  const runs = runsQuery.data;
  if (!programme || !proposals || !queue || !offers || !runs) return <Loading />;
  const open = proposals.filter((p) => p.status === "draft" || p.status === "offered");
  const closed = proposals.filter((p) => !open.includes(p));

  return (
    <Page title={programme.name}>
      <p>
        <Link to="/hr/programmes">{t("programmes.back")}</Link>
      </p>
      <MatchRunPanel programmeId={programmeId} lastRun={runs[0] ?? null} />
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t("proposals.title")}</h2>
        {open.length === 0 ? <p>{t("proposals.none")}</p> : null}
        <ul className="items">
          {open.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard proposal={proposal} offers={offers} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t("queue.title")}</h2>
        <p>{t("queue.intro")}</p>
        {queue.length === 0 ? (
          <p>{t("queue.none")}</p>
        ) : (
          <ul className="items">
            {queue.map((enrolment) => (
              <li key={enrolment.id} className="card">
                <strong>{enrolment.leader.name}</strong>
                {", "}
                {[enrolment.leader.role_title, enrolment.leader.unit].filter(Boolean).join(", ")}
                <p>{enrolment.manual_reason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="closed-heading">
          <h2 id="closed-heading">{t("proposals.closed")}</h2>
          <ul className="link-list">
            {closed.map((proposal) => (
              <li key={proposal.id}>
                {proposal.mentee?.name} – {proposal.mentor.name}:{" "}
                {t(PROPOSAL_STATUS[proposal.status])}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ProgrammeAnalytics programmeId={programmeId} />
      <ProgrammeQuality programmeId={programmeId} />
    </Page>
  );
}

const finished = (run: MatchRun | undefined) =>
  run !== undefined && (run.status === "succeeded" || run.status === "failed");

function MatchRunPanel({ programmeId, lastRun }: { programmeId: number; lastRun: MatchRun | null }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<number | null>(lastRun?.id ?? null);
  // Poll while the run works in the background; the worker updates `progress`.
  const polled = useQuery({
    ...mentoringQueries.matchRun(runId ?? 0),
    enabled: runId !== null,
    initialData: lastRun && lastRun.id === runId ? lastRun : undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : 700),
  });
  const run = runId === null ? null : (polled.data ?? null);
  const running = run !== null && (run.status === "queued" || run.status === "running");
  const start = useMutation({
    mutationFn: () => mentoring.matchRunStart(programmeId),
    onSuccess: (started) => {
      queryClient.setQueryData(mentoringKeys.matchRun(started.id), started);
      setRunId(started.id);
      // Run in-process (no worker), it is done already.
      if (finished(started)) {
        return queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) });
      }
    },
  });

  // When the run this panel follows finishes, the proposals and queue have changed.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (run === null) return;
    if (finished(run) && wasRunning.current) {
      void queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) });
    }
    wasRunning.current = !finished(run);
  }, [run, programmeId, queryClient]);
  const error = start.error ?? polled.error;

  return (
    <section aria-labelledby="run-heading" className="card">
      <h2 id="run-heading">{t("run.title")}</h2>
      <p>{t("run.intro")}</p>
      <button type="button" onClick={() => start.mutate()} disabled={running}>
        {t("run.start")}
      </button>
      <div role="status" aria-live="polite">
        {run ? (
          <>
            <progress max={100} value={run.progress ?? 0} aria-label={t("run.progress")} />
            <p>
              {run.status === "succeeded"
                ? t("run.succeeded")
                : run.status === "failed"
                  ? t("run.failed")
                  : t("run.running", { percent: run.progress ?? 0 })}
            </p>
          </>
        ) : null}
      </div>
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}

type Decision = { offer: string; reason: string };
// Rejecting and swapping ask the same of the reason (ReasonInputRequest, ProposalSwapInputRequest).
const REASON = formRules.ReasonInputRequest.reason;

function ProposalCard({ proposal, offers }: { proposal: Proposal; offers: Offer[] }) {
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
  const alternatives = offers.filter((o) => o.leader.name !== proposal.mentor.name);

  const onSubmit = form.handleSubmit(({ offer, reason }) => {
    if (mode === "reject") decide.mutate(() => mentoring.proposalReject(proposal.id, reason));
    if (mode === "swap") {
      decide.mutate(() => mentoring.proposalSwap(proposal.id, Number(offer), reason));
    }
  });

  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t("proposal.pair", { mentee: proposal.mentee?.name ?? "", mentor: proposal.mentor.name })}
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
            <dd>{proposal.score.toFixed(2)}</dd>
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
                <td>{value.toFixed(2)}</td>
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
