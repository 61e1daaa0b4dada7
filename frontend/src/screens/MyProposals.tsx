import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as mentoring from "../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../api/mentoring";
import type { MyProposal } from "../api/mentoring";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { PROPOSAL_STATUS } from "./Programmes";

/** Mentor (and mentee): proposals to accept or decline. */
export function MyProposals() {
  const { t } = useI18n();
  const state = useQuery(mentoringQueries.myProposals());
  const [message, setMessage] = useState("");
  return (
    <Page title={t("myProposals.title")}>
      <p>{t("myProposals.intro")}</p>
      <p role="status" className="ok">
        {message}
      </p>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        state.data.length === 0 ? (
          <p>{t("myProposals.none")}</p>
        ) : (
          <ul className="items">
            {state.data.map((proposal) => (
              <li key={proposal.id}>
                <MyProposalCard proposal={proposal} onChanged={setMessage} />
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
  proposal: MyProposal;
  onChanged: (message: string) => void;
}) {
  const { t, language, date } = useI18n();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: ({ run }: { run: () => Promise<unknown>; message: string }) => run(),
    onSuccess: (_data, { message }) => {
      onChanged(message);
      return queryClient.invalidateQueries({ queryKey: mentoringKeys.mine() });
    },
  });
  const error = answer.error;
  const asMentor = proposal.mentee !== undefined;
  const other = asMentor ? proposal.mentee! : proposal.mentor;
  const mine = asMentor ? proposal.mentor_accepted_at : proposal.mentee_accepted_at;
  const titleId = `my-proposal-${proposal.id}`;
  const reasons = language === "da" ? proposal.reasons_da : proposal.reasons;

  const act = (run: () => Promise<unknown>, message: string) => answer.mutate({ run, message });

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
