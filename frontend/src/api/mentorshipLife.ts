/**
 * A mentorship's life after the first meeting: one pair, its planned meetings (each with an
 * invitation), the caller's own pulses and exit-survey answer, and HR's programme quality
 * (`/api/mentorships/{id}/…`, `/api/mentoring/meetings/…`, `/api/programmes/{id}/quality/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { Mentorship } from "./mentoring";
import { mentoringKeys } from "./mentoring";
import type { components } from "./schema";

type S = components["schemas"];

export type Meeting = S["MeetingOutput"];
export type MeetingInput = S["MeetingInputRequest"];
export type Pulse = S["PulseOutput"];
export type PulseInput = S["PulseInputRequest"];
export type ExitSurvey = S["ExitSurveyOutput"];
export type ExitSurveyInput = S["ExitSurveyInputRequest"];
export type Quality = S["ProgrammeQuality"];

const path = (mentorshipId: number) => ({ params: { path: { mentorship_id: mentorshipId } } });

export async function mentorship(mentorshipId: number): Promise<Mentorship> {
  return unwrap(await api.GET("/api/mentorships/{mentorship_id}/", path(mentorshipId)));
}

/** My ended pairs (for the exit survey). */
export async function endedMentorships(): Promise<Mentorship[]> {
  const [completed, early] = await Promise.all(
    (["completed", "ended_early"] as const).map(async (status) =>
      unwrap(await api.GET("/api/mentorships/", { params: { query: { status, page_size: 100 } } })),
    ),
  );
  return [...completed!.results, ...early!.results];
}

export async function meetings(mentorshipId: number): Promise<Meeting[]> {
  return unwrap(await api.GET("/api/mentorships/{mentorship_id}/meetings/", path(mentorshipId)));
}

export async function meetingPlan(mentorshipId: number, body: MeetingInput): Promise<Meeting> {
  return unwrap(
    await api.POST("/api/mentorships/{mentorship_id}/meetings/", { ...path(mentorshipId), body }),
  );
}

export async function meetingCancel(meetingId: number): Promise<Meeting> {
  return unwrap(
    await api.POST("/api/mentoring/meetings/{meeting_id}/cancel/", {
      params: { path: { meeting_id: meetingId } },
    }),
  );
}

/** The address of a planned meeting's calendar file. */
export function meetingInvitationUrl(meetingId: number): string {
  return `/api/mentoring/meetings/${meetingId}/invitation.ics`;
}

export async function pulses(mentorshipId: number): Promise<Pulse[]> {
  return unwrap(await api.GET("/api/mentorships/{mentorship_id}/pulses/", path(mentorshipId)));
}

export async function pulseGive(mentorshipId: number, body: PulseInput): Promise<Pulse> {
  return unwrap(
    await api.POST("/api/mentorships/{mentorship_id}/pulses/", { ...path(mentorshipId), body }),
  );
}

export async function exitSurvey(mentorshipId: number): Promise<ExitSurvey> {
  return unwrap(
    await api.GET("/api/mentorships/{mentorship_id}/exit-survey/", path(mentorshipId)),
  );
}

export async function exitSurveyAnswer(
  mentorshipId: number,
  body: ExitSurveyInput,
): Promise<ExitSurvey> {
  return unwrap(
    await api.POST("/api/mentorships/{mentorship_id}/exit-survey/", { ...path(mentorshipId), body }),
  );
}

export async function mentorshipEnd(
  mentorshipId: number,
  completed: boolean,
  reason: string,
): Promise<Mentorship> {
  return unwrap(
    await api.POST("/api/mentorships/{mentorship_id}/end/", {
      ...path(mentorshipId),
      body: { completed, reason },
    }),
  );
}

export async function quality(programmeId: number): Promise<Quality> {
  return unwrap(
    await api.GET("/api/programmes/{programme_id}/quality/", {
      params: { path: { programme_id: programmeId } },
    }),
  );
}

/** A suggested mentor; the schema sees the reason fields as untyped, the API sends sentences. */
export type Suggestion = Omit<S["SuggestionOutput"], "reasons" | "reasons_da"> & {
  reasons: string[];
  reasons_da: string[];
};

/** Self-match: my suggested mentors, best first (none outside self-match programmes). */
export async function mySuggestions(): Promise<Suggestion[]> {
  const page = unwrap(
    await api.GET("/api/suggestions/mine/", { params: { query: { page_size: 50 } } }),
  );
  return page.results as Suggestion[];
}

/** Pick a suggested mentor (the mentor is asked), sharing the ticked support needs. */
export async function suggestionChoose(suggestionId: number, shareNeeds: number[]): Promise<void> {
  unwrap(
    await api.POST("/api/suggestions/{suggestion_id}/choose/", {
      params: { path: { suggestion_id: suggestionId } },
      body: { share_needs: shareNeeds },
    }),
  );
}

/** Query keys: a pair's life lives under the caller's own mentoring (`mentoringKeys.mine()`). */
export const lifeKeys = {
  pair: (id: number) => [...mentoringKeys.mine(), "pair", id] as const,
};

export const lifeQueries = {
  mentorship: (id: number) =>
    queryOptions({ queryKey: [...lifeKeys.pair(id), "detail"], queryFn: () => mentorship(id) }),
  ended: () =>
    queryOptions({ queryKey: [...mentoringKeys.mine(), "ended"], queryFn: endedMentorships }),
  meetings: (id: number) =>
    queryOptions({ queryKey: [...lifeKeys.pair(id), "meetings"], queryFn: () => meetings(id) }),
  pulses: (id: number) =>
    queryOptions({ queryKey: [...lifeKeys.pair(id), "pulses"], queryFn: () => pulses(id) }),
  exitSurvey: (id: number) =>
    queryOptions({ queryKey: [...lifeKeys.pair(id), "survey"], queryFn: () => exitSurvey(id) }),
  suggestions: () =>
    queryOptions({ queryKey: [...mentoringKeys.mine(), "suggestions"], queryFn: mySuggestions }),
  quality: (programmeId: number) =>
    queryOptions({
      queryKey: [...mentoringKeys.programme(programmeId), "quality"],
      queryFn: () => quality(programmeId),
    }),
};
