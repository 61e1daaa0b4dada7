/**
 * Mentoring: programmes, match runs, proposals, mentorships, check-ins, HR's flags on pairs and
 * a programme's figures (`/api/programmes/`, `/api/match-runs/`, `/api/proposals/`,
 * `/api/mentorships/`, `/api/mentoring/flags/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type Programme = S["ProgrammeOutput"];
export type MatchRun = S["MatchRunOutput"];
export type RunStatus = S["MatchRunStatusEnum"];
export type Enrolment = S["EnrolmentOutput"];
export type Offer = S["OfferOutput"];
export type Mentorship = S["MentorshipOutput"];
export type CheckIn = S["CheckInInputRequest"];
export type Flag = S["FlagOutput"];
export type Analytics = S["ProgrammeAnalytics"];
export type AnalyticsFigures = S["AnalyticsFigures"];
export type AnalyticsCell = S["AnalyticsCell"];
export type ProgrammeInput = S["ProgrammeInputRequest"];
export type MentorCandidate = S["MentorCandidate"];
export type Preview = S["PreviewOutput"];
export type OpenProgramme = S["OpenProgramme"];
export type OfferState = S["OfferOutput"]["state"];

/** The matcher's policy as a programme keeps it (`matching.Policy`; missing fields: defaults). */
export interface Policy {
  objective?: "participation" | "score";
  require_other_administration?: boolean;
  top_n?: number;
  weights?: Partial<Record<WeightKey, number>>;
}
export type WeightKey = "needs" | "context" | "cross_administration" | "experience" | "network" | "load";
/** The matcher's default weights (`matching/model.py`, `Weights`). */
export const DEFAULT_WEIGHTS: Record<WeightKey, number> = {
  needs: 4,
  context: 2,
  cross_administration: 1,
  experience: 1,
  network: 0.5,
  load: 0.25,
};
/** Every status a proposal can show (a leader also sees `replaced`). */
export type ProposalStatus = S["ProposalStatusForLeaderEnum"];

/** The schema sees the JSON reason fields as untyped; the API sends lists of sentences. */
type Reasons = { reasons: string[]; reasons_da: string[] };

/** A proposal as HR sees it, with the score broken down by criterion. */
export type Proposal = Omit<S["ProposalOutput"], "reasons" | "reasons_da" | "components" | "status"> &
  Reasons & { status: S["ProposalStatusEnum"]; components?: Record<string, number> };

/** A proposal as its mentee or mentor sees it (`mentee` absent for the mentee). */
export type MyProposal = Omit<S["ProposalForLeader"], "reasons" | "reasons_da"> & Reasons;

// One page of 500 holds a programme's proposals, queue and offers.
const ALL = { page_size: 500 } as const;

export async function programmes(): Promise<Programme[]> {
  return unwrap(await api.GET("/api/programmes/")).results;
}

export async function programme(programmeId: number): Promise<Programme> {
  return unwrap(
    await api.GET("/api/programmes/{programme_id}/", {
      params: { path: { programme_id: programmeId } },
    }),
  );
}

export async function matchRunStart(programmeId: number): Promise<MatchRun> {
  return unwrap(
    await api.POST("/api/programmes/{programme_id}/match-runs/", {
      params: { path: { programme_id: programmeId } },
    }),
  );
}

export async function matchRun(runId: number): Promise<MatchRun> {
  return unwrap(await api.GET("/api/match-runs/{run_id}/", { params: { path: { run_id: runId } } }));
}

export async function matchRuns(programmeId: number): Promise<MatchRun[]> {
  const result = await api.GET("/api/programmes/{programme_id}/match-runs/", {
    params: { path: { programme_id: programmeId } },
  });
  return unwrap(result).results;
}

export async function proposals(programmeId: number): Promise<Proposal[]> {
  const result = await api.GET("/api/programmes/{programme_id}/proposals/", {
    params: { path: { programme_id: programmeId }, query: ALL },
  });
  return unwrap(result).results as Proposal[];
}

export async function manualQueue(programmeId: number): Promise<Enrolment[]> {
  const result = await api.GET("/api/programmes/{programme_id}/manual-queue/", {
    params: { path: { programme_id: programmeId }, query: ALL },
  });
  return unwrap(result).results;
}

export async function offers(programmeId: number): Promise<Offer[]> {
  const result = await api.GET("/api/programmes/{programme_id}/mentor-offers/", {
    params: { path: { programme_id: programmeId }, query: ALL },
  });
  return unwrap(result).results;
}

export async function proposalApprove(proposalId: number): Promise<Proposal> {
  const result = await api.POST("/api/proposals/{proposal_id}/approve/", {
    params: { path: { proposal_id: proposalId } },
  });
  return unwrap(result) as Proposal;
}

export async function proposalReject(proposalId: number, reason: string): Promise<Proposal> {
  const result = await api.POST("/api/proposals/{proposal_id}/reject/", {
    params: { path: { proposal_id: proposalId } },
    body: { reason },
  });
  return unwrap(result) as Proposal;
}

export async function proposalSwap(
  proposalId: number,
  offer: number,
  reason: string,
): Promise<Proposal> {
  const result = await api.POST("/api/proposals/{proposal_id}/swap/", {
    params: { path: { proposal_id: proposalId } },
    body: { offer, reason },
  });
  return unwrap(result) as Proposal;
}

export async function myProposals(): Promise<MyProposal[]> {
  return unwrap(await api.GET("/api/proposals/mine/")).results as MyProposal[];
}

/** Accept a proposal; the mentee's acceptance also says which support needs the mentor may see
 * (`shareNeeds`: ids of their own open needs; none when left out). */
export async function proposalAccept(proposalId: number, shareNeeds?: number[]): Promise<void> {
  unwrap(
    await api.POST("/api/proposals/{proposal_id}/accept/", {
      params: { path: { proposal_id: proposalId } },
      body: shareNeeds === undefined ? {} : { share_needs: shareNeeds },
    }),
  );
}

export async function proposalDecline(proposalId: number, reason: string): Promise<void> {
  unwrap(
    await api.POST("/api/proposals/{proposal_id}/decline/", {
      params: { path: { proposal_id: proposalId } },
      body: { reason },
    }),
  );
}

/** My active mentorships. */
export async function mentorships(): Promise<Mentorship[]> {
  const result = await api.GET("/api/mentorships/", {
    params: { query: { status: "active", ...ALL } },
  });
  return unwrap(result).results;
}

export async function checkInLog(mentorshipId: number, body: CheckIn): Promise<void> {
  unwrap(
    await api.POST("/api/mentorships/{mentorship_id}/check-ins/", {
      params: { path: { mentorship_id: mentorshipId } },
      body,
    }),
  );
}

export async function flags(): Promise<Flag[]> {
  const result = await api.GET("/api/mentoring/flags/", { params: { query: { page_size: 200 } } });
  return unwrap(result).results;
}

export async function flagResolve(flagId: number): Promise<void> {
  unwrap(
    await api.POST("/api/mentoring/flags/{flag_id}/resolve/", {
      params: { path: { flag_id: flagId } },
    }),
  );
}

export async function programmeAnalytics(programmeId: number): Promise<Analytics> {
  return unwrap(
    await api.GET("/api/programmes/{programme_id}/analytics/", {
      params: { path: { programme_id: programmeId } },
    }),
  );
}

/** What a leader picks for the first meeting: local date and time, length, place. */
export interface FirstMeeting {
  date: string;
  time: string;
  minutes: number;
  location: string;
}

/** The address of the first-meeting calendar file for the time and place picked. */
export function invitationUrl(proposalId: number, meeting: FirstMeeting): string {
  // The browser's local time, sent with its offset (as UTC) so the server needs no guess.
  const query = new URLSearchParams({
    start: new Date(`${meeting.date}T${meeting.time}`).toISOString(),
    minutes: String(meeting.minutes),
    location: meeting.location,
  });
  return `/api/proposals/${proposalId}/invitation.ics?${query.toString()}`;
}

// --- running a round (HR) -------------------------------------------------------------------

export async function programmeCreate(body: ProgrammeInput): Promise<Programme> {
  return unwrap(await api.POST("/api/programmes/", { body }));
}

export async function programmeUpdate(programmeId: number, body: ProgrammeInput): Promise<Programme> {
  return unwrap(
    await api.PATCH("/api/programmes/{programme_id}/", {
      params: { path: { programme_id: programmeId } },
      body,
    }),
  );
}

export async function programmePreview(programmeId: number, policy?: Policy): Promise<Preview> {
  return unwrap(
    await api.POST("/api/programmes/{programme_id}/preview/", {
      params: { path: { programme_id: programmeId } },
      body: policy === undefined ? {} : { policy },
    }),
  );
}

export async function enrolments(programmeId: number): Promise<Enrolment[]> {
  const result = await api.GET("/api/programmes/{programme_id}/enrolments/", {
    params: { path: { programme_id: programmeId }, query: ALL },
  });
  return unwrap(result).results;
}

export async function enrolmentAdd(
  programmeId: number,
  leader: number,
  secondMentorshipReason = "",
): Promise<Enrolment> {
  return unwrap(
    await api.POST("/api/programmes/{programme_id}/enrolments/", {
      params: { path: { programme_id: programmeId } },
      body: { leader, route: "hr", second_mentorship_reason: secondMentorshipReason },
    }),
  );
}

export async function enrolmentEnsure(programmeId: number) {
  return unwrap(
    await api.POST("/api/programmes/{programme_id}/enrolments/ensure/", {
      params: { path: { programme_id: programmeId } },
    }),
  );
}

export async function enrolmentWithdraw(enrolmentId: number): Promise<void> {
  unwrap(
    await api.POST("/api/enrolments/{enrolment_id}/withdraw/", {
      params: { path: { enrolment_id: enrolmentId } },
    }),
  );
}

export interface CandidateCriteria {
  min_years?: number;
  administration?: number;
  exclude_first_year?: boolean;
  exclude_mentees?: boolean;
}

export async function mentorCandidates(
  programmeId: number,
  criteria: CandidateCriteria,
): Promise<MentorCandidate[]> {
  return unwrap(
    await api.GET("/api/programmes/{programme_id}/mentor-candidates/", {
      params: { path: { programme_id: programmeId }, query: criteria },
    }),
  );
}

export async function mentorInvite(
  programmeId: number,
  leaders: number[],
  overrideReason = "",
): Promise<Offer[]> {
  return unwrap(
    await api.POST("/api/programmes/{programme_id}/mentor-invitations/", {
      params: { path: { programme_id: programmeId } },
      body: { leaders, override_reason: overrideReason },
    }),
  );
}

export async function manualMatch(
  programmeId: number,
  enrolment: number,
  offer: number,
  reason: string,
): Promise<Proposal> {
  const result = await api.POST("/api/programmes/{programme_id}/proposals/", {
    params: { path: { programme_id: programmeId } },
    body: { enrolment, offer, reason },
  });
  return unwrap(result) as Proposal;
}

/** The programme's pairs (HR), active first. */
export async function programmePairs(programmeId: number): Promise<Mentorship[]> {
  const result = await api.GET("/api/mentorships/", {
    params: { query: { programme: programmeId, ...ALL } },
  });
  return unwrap(result).results;
}

export async function mentorshipEnd(mentorshipId: number, reason: string): Promise<void> {
  unwrap(
    await api.POST("/api/mentorships/{mentorship_id}/end/", {
      params: { path: { mentorship_id: mentorshipId } },
      body: { completed: false, reason },
    }),
  );
}

// --- the mentor's own offers (a leader) -----------------------------------------------------

export async function myOffers(): Promise<Offer[]> {
  return unwrap(await api.GET("/api/mentor-offers/mine/", { params: { query: ALL } })).results;
}

export async function openProgrammes(): Promise<OpenProgramme[]> {
  return unwrap(await api.GET("/api/programmes/open-for-mentors/", { params: { query: ALL } }))
    .results;
}

export interface OfferAnswer {
  accept: boolean;
  capacity: number;
  topics: number[];
  availability: string;
}

export async function invitationAnswer(offerId: number, body: OfferAnswer): Promise<Offer> {
  return unwrap(
    await api.POST("/api/mentor-offers/{offer_id}/answer/", {
      params: { path: { offer_id: offerId } },
      body,
    }),
  );
}

export async function offerVolunteer(
  programmeId: number,
  body: { capacity: number; topics: number[]; availability: string },
): Promise<Offer> {
  return unwrap(
    await api.POST("/api/programmes/{programme_id}/mentor-offers/", {
      params: { path: { programme_id: programmeId } },
      body: { ...body, paused: false },
    }),
  );
}

export async function offerUpdate(
  offerId: number,
  body: { paused: boolean; capacity?: number },
): Promise<Offer> {
  return unwrap(
    await api.PATCH("/api/mentor-offers/{offer_id}/", {
      params: { path: { offer_id: offerId } },
      body,
    }),
  );
}

/** Split an ISO time into the browser's local date and time (a form's defaults). */
export function localDateTime(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

/**
 * Query keys: everything under `["mentoring"]`. A decision on a proposal invalidates its
 * `programme`; a leader's answer or check-in invalidates `mine`; resolving one, `flags`.
 */
export const mentoringKeys = {
  all: ["mentoring"] as const,
  programme: (programmeId: number) => [...mentoringKeys.all, "programme", programmeId] as const,
  matchRun: (runId: number) => [...mentoringKeys.all, "match-run", runId] as const,
  mine: () => [...mentoringKeys.all, "mine"] as const,
  offersMine: () => [...mentoringKeys.all, "mine", "offers"] as const,
  flags: () => [...mentoringKeys.all, "flags"] as const,
};

export const mentoringQueries = {
  programmes: () =>
    queryOptions({ queryKey: [...mentoringKeys.all, "programmes"], queryFn: programmes }),
  programme: (id: number) =>
    queryOptions({ queryKey: mentoringKeys.programme(id), queryFn: () => programme(id) }),
  proposals: (id: number) =>
    queryOptions({
      queryKey: [...mentoringKeys.programme(id), "proposals"],
      queryFn: () => proposals(id),
    }),
  manualQueue: (id: number) =>
    queryOptions({
      queryKey: [...mentoringKeys.programme(id), "manual-queue"],
      queryFn: () => manualQueue(id),
    }),
  offers: (id: number) =>
    queryOptions({ queryKey: [...mentoringKeys.programme(id), "offers"], queryFn: () => offers(id) }),
  matchRuns: (id: number) =>
    queryOptions({
      queryKey: [...mentoringKeys.programme(id), "match-runs"],
      queryFn: () => matchRuns(id),
    }),
  analytics: (id: number) =>
    queryOptions({
      queryKey: [...mentoringKeys.programme(id), "analytics"],
      queryFn: () => programmeAnalytics(id),
    }),
  matchRun: (runId: number) =>
    queryOptions({ queryKey: mentoringKeys.matchRun(runId), queryFn: () => matchRun(runId) }),
  myProposals: () =>
    queryOptions({ queryKey: [...mentoringKeys.mine(), "proposals"], queryFn: myProposals }),
  mentorships: () =>
    queryOptions({ queryKey: [...mentoringKeys.mine(), "mentorships"], queryFn: mentorships }),
  flags: () => queryOptions({ queryKey: mentoringKeys.flags(), queryFn: flags }),
  enrolments: (id: number) =>
    queryOptions({
      queryKey: [...mentoringKeys.programme(id), "enrolments"],
      queryFn: () => enrolments(id),
    }),
  pairs: (id: number) =>
    queryOptions({
      queryKey: [...mentoringKeys.programme(id), "pairs"],
      queryFn: () => programmePairs(id),
    }),
  myOffers: () => queryOptions({ queryKey: mentoringKeys.offersMine(), queryFn: myOffers }),
  openProgrammes: () =>
    queryOptions({ queryKey: [...mentoringKeys.all, "open-programmes"], queryFn: openProgrammes }),
};
