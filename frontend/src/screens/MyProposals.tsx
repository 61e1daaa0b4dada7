import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { UseFormRegister } from "react-hook-form";
import * as mentoring from "../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../api/mentoring";
import type { MyProposal } from "../api/mentoring";
import { peopleKeys, peopleQueries } from "../api/people";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { PairingPrivacy } from "../components/Privacy";
import { SelfMatch } from "../components/SelfMatch";
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
      <PairingPrivacy />
      <p role="status" className="ok">
        {message}
      </p>
      <SelfMatch onChosen={setMessage} />
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
  const me = useMe();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: ({ run }: { run: () => Promise<unknown>; message: string }) => run(),
    onSuccess: (_data, { message }) => {
      onChanged(message);
      // Accepting may change which of my support needs are shared with my mentor.
      void queryClient.invalidateQueries({ queryKey: peopleKeys.needs() });
      return queryClient.invalidateQueries({ queryKey: mentoringKeys.mine() });
    },
  });
  const error = answer.error;
  const asMentor = proposal.mentee !== undefined;
  const other = asMentor ? proposal.mentee! : proposal.mentor;
  const mine = asMentor ? proposal.mentor_accepted_at : proposal.mentee_accepted_at;
  // The anchor a notification's link lands on (`/mentoring/proposals/:id` → `#proposal-:id`).
  const titleId = `proposal-${proposal.id}`;
  const mentee = asMentor ? other.name : me.display_name;
  const awaitingMe = proposal.status === "offered" && !mine;
  const reasons = language === "da" ? proposal.reasons_da : proposal.reasons;

  const act = (run: () => Promise<unknown>, message: string) => answer.mutate({ run, message });
  const form = useForm<ShareChoice>({ defaultValues: { share: [] } });

  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(asMentor ? "myProposals.asMentor" : "myProposals.asMentee", { name: other.name })}
      </h2>
      <p>{t("lself.proposal.pair", { mentee, mentor: asMentor ? me.display_name : other.name })}</p>
      <p className="muted">
        {[other.role_title, other.unit, other.administration].filter(Boolean).join(" · ")}
      </p>
      <dl className="facts">
        <div>
          <dt>{t("proposal.status")}</dt>
          <dd>{t(PROPOSAL_STATUS[proposal.status])}</dd>
        </div>
        {/* A deadline only while the answer is still mine to give. */}
        {awaitingMe && proposal.expires_at ? (
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
      {awaitingMe ? (
        <form
          onSubmit={form.handleSubmit(({ share }) =>
            act(
              () => mentoring.proposalAccept(proposal.id, asMentor ? undefined : share.map(Number)),
              t("myProposals.accepted"),
            ),
          )}
        >
          {asMentor ? null : <ShareNeeds proposalId={proposal.id} register={form.register} />}
          <div className="actions">
            <button type="submit">{t("myProposals.accept")}</button>
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
        </form>
      ) : null}
      {proposal.status === "offered" && mine ? <p>{t("myProposals.waiting")}</p> : null}
    </article>
  );
}

/** The ticked support needs (ids as the checkboxes give them). */
type ShareChoice = { share: string[] };

/** The mentee's accept step: which open support needs the mentor may see (none ticked at first). */
function ShareNeeds({
  proposalId,
  register,
}: {
  proposalId: number;
  register: UseFormRegister<ShareChoice>;
}) {
  const { t, language } = useI18n();
  const needs = useQuery(peopleQueries.mySupportNeeds());
  const titleId = `share-needs-${proposalId}`;
  const hintId = `share-needs-hint-${proposalId}`;
  const open = (needs.data ?? []).filter((need) => (need.status ?? "open") === "open");
  return (
    <fieldset className="field" aria-labelledby={titleId} aria-describedby={hintId}>
      <legend id={titleId}>{t("myProposals.share.title")}</legend>
      <p id={hintId} className="muted small">
        {t("myProposals.share.hint")}
      </p>
      {needs.isPending ? <Loading /> : null}
      {needs.isError ? <ErrorView error={needs.error} /> : null}
      {needs.isSuccess && open.length === 0 ? <p>{t("myProposals.share.none")}</p> : null}
      {open.map((need) => (
        <label key={need.id} className="choice">
          <input type="checkbox" value={String(need.id)} {...register("share")} />
          {language === "en" ? need.topic.label_en : need.topic.label_da}
        </label>
      ))}
    </fieldset>
  );
}
