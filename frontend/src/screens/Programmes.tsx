import { useEffect, useState } from "react";
import type { FormEvent } from "react";
import { Link, useParams } from "react-router";
import * as mentoring from "../api/mentoring";
import type { MatchRun, Offer, Proposal, ProposalStatus } from "../api/mentoring";
import { MentoringFlags, ProgrammeAnalytics } from "../components/MentoringFollowUp";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { useLoad } from "../useLoad";

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
  const [state] = useLoad(mentoring.programmes, "programmes");
  return (
    <Page title={t("programmes.title")}>
      <p>{t("programmes.intro")}</p>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <ErrorView error={state.error} /> : null}
      {state.status === "ready" ? (
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
  const { t, language } = useI18n();
  const programmeId = Number(useParams().programmeId);
  const [state, reload] = useLoad(
    () =>
      Promise.all([
        mentoring.programme(programmeId),
        mentoring.proposals(programmeId),
        mentoring.manualQueue(programmeId),
        mentoring.offers(programmeId),
        mentoring.matchRuns(programmeId),
      ]),
    `programme-${programmeId}-${language}`,
  );
  if (state.status === "error") return <ErrorView error={state.error} />;
  if (state.status === "loading") return <Loading />;
  const [programme, proposals, queue, offers, runs] = state.data;
  const open = proposals.filter((p) => p.status === "draft" || p.status === "offered");
  const closed = proposals.filter((p) => !open.includes(p));

  return (
    <Page title={programme.name}>
      <p>
        <Link to="/hr/programmes">{t("programmes.back")}</Link>
      </p>
      <MatchRunPanel programmeId={programmeId} lastRun={runs[0] ?? null} onFinished={reload} />
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t("proposals.title")}</h2>
        {open.length === 0 ? <p>{t("proposals.none")}</p> : null}
        <ul className="items">
          {open.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard proposal={proposal} offers={offers} onChanged={reload} />
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
    </Page>
  );
}

function MatchRunPanel({
  programmeId,
  lastRun,
  onFinished,
}: {
  programmeId: number;
  lastRun: MatchRun | null;
  onFinished: () => void;
}) {
  const { t } = useI18n();
  const [run, setRun] = useState<MatchRun | null>(lastRun);
  const [error, setError] = useState<unknown>(null);
  const running = run !== null && (run.status === "queued" || run.status === "running");

  useEffect(() => {
    if (!running || run === null) return;
    // Poll while the run works in the background; the worker updates `progress`.
    const timer = window.setTimeout(async () => {
      try {
        const next = await mentoring.matchRun(run.id);
        setRun(next);
        if (next.status === "succeeded" || next.status === "failed") onFinished();
      } catch (caught) {
        setError(caught);
      }
    }, 700);
    return () => window.clearTimeout(timer);
  }, [run, running, onFinished]);

  async function onStart() {
    setError(null);
    try {
      const started = await mentoring.matchRunStart(programmeId);
      setRun(started);
      if (started.status === "succeeded" || started.status === "failed") onFinished();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="run-heading" className="card">
      <h2 id="run-heading">{t("run.title")}</h2>
      <p>{t("run.intro")}</p>
      <button type="button" onClick={onStart} disabled={running}>
        {t("run.start")}
      </button>
      <div role="status" aria-live="polite">
        {run ? (
          <>
            <progress max={100} value={run.progress} aria-label={t("run.progress")} />
            <p>
              {run.status === "succeeded"
                ? t("run.succeeded")
                : run.status === "failed"
                  ? t("run.failed")
                  : t("run.running", { percent: run.progress })}
            </p>
          </>
        ) : null}
      </div>
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}

function ProposalCard({
  proposal,
  offers,
  onChanged,
}: {
  proposal: Proposal;
  offers: Offer[];
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const [mode, setMode] = useState<"idle" | "reject" | "swap">("idle");
  const [reason, setReason] = useState("");
  const [offer, setOffer] = useState("");
  const [error, setError] = useState<unknown>(null);
  const titleId = `proposal-${proposal.id}`;
  const reasons = language === "da" ? proposal.reasons_da : proposal.reasons;
  const alternatives = offers.filter((o) => o.leader.name !== proposal.mentor.name);

  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
      setMode("idle");
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mode === "reject") void act(() => mentoring.proposalReject(proposal.id, reason));
    if (mode === "swap") void act(() => mentoring.proposalSwap(proposal.id, Number(offer), reason));
  }

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
        {proposal.score !== undefined ? (
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
          <button type="button" onClick={() => act(() => mentoring.proposalApprove(proposal.id))}>
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
                value={offer}
                onChange={(e) => setOffer(e.target.value)}
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
              maxLength={400}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
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
