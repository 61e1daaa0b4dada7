import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { mentoringQueries } from "../../../api/mentoring";
import { ProgrammeAnalytics, ProgrammeQuality } from "../../../components/MentoringFollowUp";
import { Page } from "../../../components/Page";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";
import { EnrolmentSection } from "./Enrolment";
import { ManualQueue } from "./ManualQueue";
import { MatchRunPanel } from "./MatchRunPanel";
import { MentorInvite, OfferList } from "./MentorInvite";
import { Pairs } from "./Pairs";
import { ProgrammeForm } from "./ProgrammeForm";
import { ProposalCard } from "./ProposalCard";
import { PROPOSAL_STATUS } from "./shared";

/** HR: one programme, in the order of a round: settings, mentees, mentors, the run, proposals,
 * the manual queue, the pairs and the figures. */
export function ProgrammeScreen() {
  const { t, date } = useI18n();
  const programmeId = Number(useParams().programmeId);
  const [editing, setEditing] = useState(false);
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
      <section aria-labelledby="settings-heading" className="card">
        <h2 id="settings-heading">{t("hrround.settings.title")}</h2>
        {editing ? (
          <ProgrammeForm programme={programme} onDone={() => setEditing(false)} />
        ) : (
          <>
            <p>
              {t("hrround.settings.period", {
                starts: date(programme.starts_on),
                ends: programme.ends_on ? date(programme.ends_on) : t("hrround.settings.open"),
              })}
            </p>
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              {t("hrround.settings.edit")}
            </button>
          </>
        )}
      </section>
      <EnrolmentSection programmeId={programmeId} />
      <MentorInvite programmeId={programmeId} />
      <OfferList programmeId={programmeId} />
      <MatchRunPanel programmeId={programmeId} lastRun={runs[0] ?? null} queued={queue.length} />
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
      <ManualQueue programmeId={programmeId} queue={queue} offers={offers} />
      <Pairs programmeId={programmeId} />
      {closed.length > 0 ? (
        <section aria-labelledby="closed-heading">
          <h2 id="closed-heading">{t("proposals.closed")}</h2>
          <ul className="link-list">
            {closed.map((proposal) => (
              <li key={proposal.id}>
                {t("hrround.proposal.title", {
                  mentee: proposal.mentee?.name ?? "",
                  mentor: proposal.mentor.name,
                })}
                : {t(PROPOSAL_STATUS[proposal.status])}
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
