import { useState } from "react";
import * as mentoring from "../api/mentoring";
import type { Proposal } from "../api/mentoring";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useLoad } from "../useLoad";
import { PROPOSAL_STATUS } from "./Programmes";

/** Mentor (and mentee): proposals to accept or decline. */
export function MyProposals() {
  const { t, language } = useI18n();
  const [state, reload] = useLoad(mentoring.myProposals, `my-proposals-${language}`);
  const [message, setMessage] = useState("");
  return (
    <Page title={t("myProposals.title")}>
      <p>{t("myProposals.intro")}</p>
      <p role="status" className="ok">
        {message}
      </p>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <ErrorView error={state.error} /> : null}
      {state.status === "ready" ? (
        state.data.length === 0 ? (
          <p>{t("myProposals.none")}</p>
        ) : (
          <ul className="items">
            {state.data.map((proposal) => (
              <li key={proposal.id}>
                <MyProposalCard
                  proposal={proposal}
                  onChanged={(text) => {
                    setMessage(text);
                    reload();
                  }}
                />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Page>
  );
}

function MyProposalCard({
  proposal,
  onChanged,
}: {
  proposal: Proposal;
  onChanged: (message: string) => void;
}) {
  const { t, language, date } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const asMentor = proposal.mentee !== undefined;
  const other = asMentor ? proposal.mentee! : proposal.mentor;
  const mine = asMentor ? proposal.mentor_accepted_at : proposal.mentee_accepted_at;
  const titleId = `my-proposal-${proposal.id}`;
  const reasons = language === "da" ? proposal.reasons_da : proposal.reasons;

  async function act(run: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await run();
      onChanged(message);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(asMentor ? "myProposals.asMentor" : "myProposals.asMentee", { name: other.name })}
      </h2>
      <p className="muted">
        {[other.role_title, other.unit, other.administration].filter(Boolean).join(" · ")}
      </p>
      <dl className="facts">
        <div>
          <dt>{t("proposal.status")}</dt>
          <dd>{t(PROPOSAL_STATUS[proposal.status])}</dd>
        </div>
        {proposal.expires_at ? (
          <div>
            <dt>{t("myProposals.answerBy")}</dt>
            <dd>{date(proposal.expires_at)}</dd>
          </div>
        ) : null}
      </dl>
      {asMentor && proposal.mentee && proposal.mentee.topics.length > 0 ? (
        <p>{t("myProposals.topics", { topics: proposal.mentee.topics.join(", ") })}</p>
      ) : null}
      {reasons.length > 0 ? (
        <>
          <h3>{t("myProposals.why")}</h3>
          <ul>
            {reasons.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? <ErrorView error={error} /> : null}
      {proposal.status === "offered" && !mine ? (
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              act(() => mentoring.proposalAccept(proposal.id), t("myProposals.accepted"))
            }
          >
            {t("myProposals.accept")}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              act(() => mentoring.proposalDecline(proposal.id, ""), t("myProposals.declined"))
            }
          >
            {t("myProposals.decline")}
          </button>
        </div>
      ) : null}
      {proposal.status === "offered" && mine ? <p>{t("myProposals.waiting")}</p> : null}
    </article>
  );
}
