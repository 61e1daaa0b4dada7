/**
 * Mentoring programmes, match runs, proposals (`/api/programmes/`, `/api/match-runs/`,
 * `/api/proposals/`). These views are plain APIViews without schema annotations, so their
 * shapes are written here from backend/mentoring/apis.py.
 */
import { request } from "./client";
import type { Page } from "./types";

export interface LeaderBrief {
  id?: number;
  name: string;
  role_title: string;
  unit: string | null;
  administration: string | null;
}

export interface Programme {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string | null;
  mode: "hr" | "self" | "both";
}

export type RunStatus = "queued" | "running" | "succeeded" | "failed";

export interface MatchRun {
  id: number;
  programme: number;
  status: RunStatus;
  progress: number;
  created_at: string;
  finished_at: string | null;
  error: string;
}

export type ProposalStatus =
  | "draft"
  | "offered"
  | "accepted"
  | "rejected"
  | "declined"
  | "expired"
  | "swapped"
  | "withdrawn"
  | "replaced";

export interface Proposal {
  id: number;
  programme: number;
  origin: "run" | "cascade" | "self" | "manual";
  status: ProposalStatus;
  /** HR only. */
  score?: number;
  /** HR only: the score broken down by criterion. */
  components?: Record<string, number>;
  reasons: string[];
  reasons_da: string[];
  /** Absent when the caller is the mentee. */
  mentee?: LeaderBrief & { topics: string[] };
  mentor: LeaderBrief;
  mentee_accepted_at: string | null;
  mentor_accepted_at: string | null;
  expires_at: string | null;
  first_meeting_at: string | null;
}

export interface Enrolment {
  id: number;
  leader: LeaderBrief;
  status: "waiting" | "proposed" | "matched" | "manual" | "withdrawn";
  manual_reason: string;
}

export interface Offer {
  id: number;
  leader: LeaderBrief;
  capacity: number;
}

export async function programmes(): Promise<Programme[]> {
  const body = await request<Page<Programme> | Programme[]>("GET", "/api/programmes/");
  return Array.isArray(body) ? body : body.results;
}

export const programme = (id: number) => request<Programme>("GET", `/api/programmes/${id}/`);

export const matchRunStart = (programmeId: number) =>
  request<MatchRun>("POST", `/api/programmes/${programmeId}/match-runs/`);

export const matchRun = (runId: number) => request<MatchRun>("GET", `/api/match-runs/${runId}/`);

export async function matchRuns(programmeId: number): Promise<MatchRun[]> {
  return (await request<Page<MatchRun>>("GET", `/api/programmes/${programmeId}/match-runs/`))
    .results;
}

export async function proposals(programmeId: number): Promise<Proposal[]> {
  const url = `/api/programmes/${programmeId}/proposals/?page_size=500`;
  return (await request<Page<Proposal>>("GET", url)).results;
}

export async function manualQueue(programmeId: number): Promise<Enrolment[]> {
  const url = `/api/programmes/${programmeId}/manual-queue/?page_size=500`;
  return (await request<Page<Enrolment>>("GET", url)).results;
}

export async function offers(programmeId: number): Promise<Offer[]> {
  const url = `/api/programmes/${programmeId}/mentor-offers/?page_size=500`;
  return (await request<Page<Offer>>("GET", url)).results;
}

export const proposalApprove = (id: number) =>
  request<Proposal>("POST", `/api/proposals/${id}/approve/`);

export const proposalReject = (id: number, reason: string) =>
  request<Proposal>("POST", `/api/proposals/${id}/reject/`, { reason });

export const proposalSwap = (id: number, offer: number, reason: string) =>
  request<Proposal>("POST", `/api/proposals/${id}/swap/`, { offer, reason });

export async function myProposals(): Promise<Proposal[]> {
  return (await request<Page<Proposal>>("GET", "/api/proposals/mine/")).results;
}

export const proposalAccept = (id: number) =>
  request<Proposal>("POST", `/api/proposals/${id}/accept/`);

export const proposalDecline = (id: number, reason: string) =>
  request<{ status: string }>("POST", `/api/proposals/${id}/decline/`, { reason });

export interface Mentorship {
  id: number;
  /** The proposal the pair came from (null for pairs made before proposals were kept). */
  proposal: number | null;
  status: "active" | "completed" | "ended_early";
  mentee: LeaderBrief;
  mentor: LeaderBrief;
  started_on: string;
  first_meeting_due: string | null;
  /** The first-meeting time proposed with the pair's proposal, if any. */
  first_meeting_at: string | null;
  first_met_on: string | null;
  last_met_on: string | null;
}

export async function mentorships(): Promise<Mentorship[]> {
  const url = "/api/mentorships/?status=active&page_size=500";
  return (await request<Page<Mentorship>>("GET", url)).results;
}

export const checkInLog = (
  mentorshipId: number,
  body: { met_on: string; minutes: number; note: string; note_shared: boolean },
) => request<{ id: number }>("POST", `/api/mentorships/${mentorshipId}/check-ins/`, body);

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

/** Split an ISO time into the browser's local date and time (a form's defaults). */
export function localDateTime(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}
