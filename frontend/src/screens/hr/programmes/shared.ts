/** Labels shared by the programme screens (HR) and the leader's proposal screen. */
import type { MatchRun, ProposalStatus, WeightKey } from "../../../api/mentoring";
import type { MessageKey } from "../../../i18n";

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

export const COMPONENTS: Record<string, MessageKey> = {
  needs: "component.needs",
  context: "component.context",
  experience: "component.experience",
  network: "component.network",
  given: "component.given",
  cross_administration: "component.cross_administration",
  load: "component.load",
};

/** Each weight in plain language (label and what it does). */
export const WEIGHTS: Record<WeightKey, { label: MessageKey; hint: MessageKey }> = {
  needs: { label: "hrround.weight.needs", hint: "hrround.weight.needs.d" },
  context: { label: "hrround.weight.context", hint: "hrround.weight.context.d" },
  cross_administration: {
    label: "hrround.weight.cross_administration",
    hint: "hrround.weight.cross_administration.d",
  },
  experience: { label: "hrround.weight.experience", hint: "hrround.weight.experience.d" },
  network: { label: "hrround.weight.network", hint: "hrround.weight.network.d" },
  load: { label: "hrround.weight.load", hint: "hrround.weight.load.d" },
};

export const ROUTES: Record<string, MessageKey> = {
  first_leader_job: "hrround.route.first_leader_job",
  promotion: "hrround.route.promotion",
  other_sector: "hrround.route.other_sector",
  hr: "hrround.route.hr",
};

export const ENROLMENT_STATUS: Record<string, MessageKey> = {
  waiting: "hrround.enrolment.waiting",
  proposed: "hrround.enrolment.proposed",
  matched: "hrround.enrolment.matched",
  manual: "hrround.enrolment.manual",
  withdrawn: "hrround.enrolment.withdrawn",
};

export const OFFER_STATE: Record<string, MessageKey> = {
  invited: "hrround.offer.invited",
  active: "hrround.offer.active",
  declined: "hrround.offer.declined",
};

/** Why a leader was left out of a run (the run's `excluded[].reason`). */
export const EXCLUSION: Record<string, MessageKey> = {
  withdrawn: "hrround.excluded.withdrawn",
  left_organisation: "hrround.excluded.left_organisation",
  open_proposal: "hrround.excluded.open_proposal",
  already_matched: "hrround.excluded.already_matched",
  enrolled_as_mentee: "hrround.excluded.enrolled_as_mentee",
  paused: "hrround.excluded.paused",
  invitation_open: "hrround.excluded.invitation_open",
  invitation_declined: "hrround.excluded.invitation_declined",
  mentee_elsewhere: "hrround.excluded.mentee_elsewhere",
  first_year: "hrround.excluded.first_year",
  active_mentorship_elsewhere: "hrround.excluded.active_mentorship_elsewhere",
};

export const finished = (run: MatchRun | undefined) =>
  run !== undefined && (run.status === "succeeded" || run.status === "failed");
