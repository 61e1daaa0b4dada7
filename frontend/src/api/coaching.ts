/**
 * A confidential coach (`/api/coaching/`): the leader's own request, HR's coach pool and queue
 * with the matcher's proposal, and an internal coach's list of the leaders assigned to them.
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type Coach = S["CoachOutput"];
export type CoachInput = S["CoachInputRequest"];
export type CoachChanges = S["PatchedCoachUpdateInputRequest"];
export type MyCoachRequest = S["MyCoachRequest"];
export type CoachRequestInput = S["CoachRequestInputRequest"];
export type HrCoachRequest = S["HrCoachRequest"];
export type CoachOption = S["CoachOption"];
export type Coachee = S["Coachee"];
export type CoachRequestStatus = MyCoachRequest["status"];
export type CoachKind = Coach["kind"];
export type Preference = NonNullable<CoachRequestInput["preference"]>;

const ALL = { page_size: 200 } as const;

export async function myCoachRequests(): Promise<MyCoachRequest[]> {
  return unwrap(await api.GET("/api/coaching/requests/mine/", { params: { query: ALL } }))
    .results;
}

export async function coachRequestCreate(body: CoachRequestInput): Promise<MyCoachRequest> {
  return unwrap(await api.POST("/api/coaching/requests/mine/", { body }));
}

export async function coachRequestEnd(requestId: number): Promise<MyCoachRequest> {
  return unwrap(
    await api.POST("/api/coaching/requests/mine/{coach_request_id}/end/", {
      params: { path: { coach_request_id: requestId } },
    }),
  );
}

export async function hrCoachRequests(): Promise<HrCoachRequest[]> {
  return unwrap(await api.GET("/api/coaching/requests/", { params: { query: ALL } })).results;
}

export async function hrCoachRequest(requestId: number): Promise<HrCoachRequest> {
  return unwrap(
    await api.GET("/api/coaching/requests/{coach_request_id}/", {
      params: { path: { coach_request_id: requestId } },
    }),
  );
}

export async function coachRequestAssign(requestId: number, coach: number): Promise<HrCoachRequest> {
  return unwrap(
    await api.POST("/api/coaching/requests/{coach_request_id}/assign/", {
      params: { path: { coach_request_id: requestId } },
      body: { coach },
    }),
  );
}

export async function coachRequestClose(requestId: number): Promise<HrCoachRequest> {
  return unwrap(
    await api.POST("/api/coaching/requests/{coach_request_id}/close/", {
      params: { path: { coach_request_id: requestId } },
    }),
  );
}

export async function coaches(): Promise<Coach[]> {
  return unwrap(await api.GET("/api/coaching/coaches/", { params: { query: ALL } })).results;
}

export async function coachCreate(body: CoachInput): Promise<Coach> {
  return unwrap(await api.POST("/api/coaching/coaches/", { body }));
}

export async function coachUpdate(coachId: number, body: CoachChanges): Promise<Coach> {
  return unwrap(
    await api.PATCH("/api/coaching/coaches/{coach_id}/", {
      params: { path: { coach_id: coachId } },
      body,
    }),
  );
}

export async function coachees(): Promise<Coachee[]> {
  return unwrap(await api.GET("/api/coaching/coachees/", { params: { query: ALL } })).results;
}

export async function coacheeFinish(requestId: number): Promise<Coachee> {
  return unwrap(
    await api.POST("/api/coaching/coachees/{coach_request_id}/finish/", {
      params: { path: { coach_request_id: requestId } },
    }),
  );
}

export const coachingKeys = {
  all: ["coaching"] as const,
  mine: () => [...coachingKeys.all, "mine"] as const,
  queue: () => [...coachingKeys.all, "queue"] as const,
  pool: () => [...coachingKeys.all, "pool"] as const,
  coachees: () => [...coachingKeys.all, "coachees"] as const,
};

export const coachingQueries = {
  mine: () => queryOptions({ queryKey: coachingKeys.mine(), queryFn: myCoachRequests }),
  queue: () => queryOptions({ queryKey: coachingKeys.queue(), queryFn: hrCoachRequests }),
  pool: () => queryOptions({ queryKey: coachingKeys.pool(), queryFn: coaches }),
  coachees: () => queryOptions({ queryKey: coachingKeys.coachees(), queryFn: coachees }),
};
